import type { Rule, RuleFinding } from './types';
import { allCells, atCell } from './support';

const rule: Rule = {
  id: 'blank-cell',
  severity: 'warning',
  description: 'A matrix cell is empty. A cell meant to be empty says n/a, - or —.',
  check(ctx) {
    const out: RuleFinding[] = [];
    for (const c of allCells(ctx)) {
      if (c.error || c.mergedInto || !c.analysis.blank) continue;
      out.push(
        atCell(
          c,
          `${c.department.name} has written nothing for "${c.objective.name}".`,
          `Write ${c.department.name}'s initiative and its expected impact on this objective, or "n/a" if it does not contribute.`,
        ),
      );
    }
    return out;
  },
};
export default rule;
