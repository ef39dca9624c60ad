import type { Rule, RuleFinding } from './types';
import { allCells, atCell, dateWords } from './support';
import { compareDeadlines } from '../dates';

const rule: Rule = {
  id: 'beyond-objective-deadline',
  severity: 'warning',
  description: "A cell is due after its objective's own Deadline.",
  check(ctx) {
    const out: RuleFinding[] = [];
    for (const c of allCells(ctx)) {
      if (!c.committed || c.mergedInto) continue;
      const due = ctx.objectiveDeadline(c.objective);
      if (!due) continue;
      const mine = ctx.deadlineOf(c);
      if (!mine || compareDeadlines(mine, due) <= 0) continue;
      out.push(
        atCell(
          c,
          `Due ${dateWords(mine)}, after the objective's deadline ${dateWords(due)}.`,
          `Bring the deadline forward to ${due.end} or earlier, or agree a later objective deadline.`,
        ),
      );
    }
    return out;
  },
};
export default rule;
