import type { Rule } from './types';
import { toA1 } from '../a1';

const rule: Rule = {
  id: 'department-unaligned',
  severity: 'error',
  description: 'A department contributes to no objective.',
  check(ctx) {
    return ctx.matrix.departments.flatMap((d, i) => {
      if (ctx.cells[i].some((c) => c.committed)) return [];
      return [
        {
          address: toA1(d.row, ctx.matrix.departmentCol),
          department: d.name,
          message: `${d.name} has committed to no objective: every cell in its row is blank, n/a, a placeholder or an error.`,
          suggestion: `Ask ${d.name} which objective its work moves and what it will deliver for it.`,
        },
      ];
    });
  },
};
export default rule;
