import type { Rule, RuleFinding } from './types';
import { allCells, atCell, dateWords } from './support';
import { compareDeadlines, type ResolvedDate } from '../dates';

const rule: Rule = {
  id: 'beyond-objective-deadline',
  severity: 'warning',
  description: "A cell is due after its objective's own Deadline.",
  check(ctx) {
    const out: RuleFinding[] = [];
    // Dates are shared by every cell and objective that writes them the same way: one message per
    // pair of dates, not one per cell.
    const said = new Map<ResolvedDate, Map<ResolvedDate, [string, string]>>();
    for (const c of allCells(ctx)) {
      if (!c.committed || c.mergedInto) continue;
      const due = ctx.objectiveDeadline(c.objective);
      if (!due) continue;
      const mine = ctx.deadlineOf(c);
      if (!mine || compareDeadlines(mine, due) <= 0) continue;
      let byDue = said.get(mine);
      if (!byDue) said.set(mine, (byDue = new Map()));
      let words = byDue.get(due);
      if (!words) {
        words = [
          `Due ${dateWords(mine)}, after the objective's deadline ${dateWords(due)}.`,
          `Bring the deadline forward to ${due.end} or earlier, or agree a later objective deadline.`,
        ];
        byDue.set(due, words);
      }
      out.push(atCell(c, words[0], words[1]));
    }
    return out;
  },
};
export default rule;
