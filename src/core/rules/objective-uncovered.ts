import type { Rule } from './types';
import { toA1 } from '../a1';

const rule: Rule = {
  id: 'objective-uncovered',
  severity: 'error',
  description: 'No department has committed to an objective.',
  check(ctx) {
    return ctx.matrix.objectives.flatMap((o, j) => {
      if (ctx.cells.some((line) => line[j]?.committed)) return [];
      return [
        {
          address: toA1(ctx.matrix.headerRow, o.col),
          objective: o.name,
          message: `No department has committed to "${o.name}": every cell in its column is blank, n/a, a placeholder or an error.`,
          suggestion:
            'Ask the departments that move this objective to write their initiative, or drop the objective from the plan.',
        },
      ];
    });
  },
};
export default rule;
