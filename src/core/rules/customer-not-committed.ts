import type { Rule, RuleFinding } from './types';
import { allCells, atCell } from './support';
import { isSupport, movesObjectiveItself, servedBy } from './customers';

const rule: Rule = {
  id: 'customer-not-committed',
  severity: 'warning',
  description:
    'A support function serves a department that has committed nothing on the same objective: the link dangles.',
  check(ctx) {
    const out: RuleFinding[] = [];
    for (const c of allCells(ctx)) {
      if (!c.committed || c.mergedInto || !isSupport(c.department)) continue;
      const { served, named } = servedBy(ctx, c);
      if (!served.length || movesObjectiveItself(c)) continue;
      const idle = served.filter((d) => !ctx.cells[ctx.departmentIndex(d)][c.j].committed);
      // A cell that names its customers must have each of them committed; a Serves column
      // lists customers in general, so one of them committed here is enough.
      const dangling = named === 'text' ? idle : idle.length === served.length ? idle : [];
      for (const d of dangling) {
        const i = ctx.departmentIndex(d);
        out.push(
          atCell(
            c,
            `${c.department.name} serves ${d.name} on "${c.objective.name}", but ${d.name} has committed nothing there (${ctx.cells[i][c.j].cell.address})${named === 'serves' ? ' (from the Serves column)' : ''}.`,
            `Ask ${d.name} for its commitment on this objective, or point ${c.department.name}'s work at a department that has one.`,
          ),
        );
      }
    }
    return out;
  },
};
export default rule;
