import type { Rule } from './types';
import { allCells, atCell } from './support';

const rule: Rule = {
  id: 'blank-cell',
  severity: 'warning',
  description: 'A matrix cell is empty. A cell meant to be empty says n/a, - or —.',
  check(ctx) {
    return allCells(ctx)
      .filter((c) => !c.error && !c.mergedInto && c.analysis.blank)
      .map((c) =>
        atCell(
          c,
          `${c.department.name} has written nothing for "${c.objective.name}".`,
          `Write ${c.department.name}'s initiative and its expected impact on this objective, or "n/a" if it does not contribute.`,
        ),
      );
  },
};
export default rule;
