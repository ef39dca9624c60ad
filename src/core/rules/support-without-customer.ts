import type { Rule, RuleFinding } from './types';
import { allCells, atCell } from './support';
import { isSupport, movesObjectiveItself, servedBy } from './customers';

const rule: Rule = {
  id: 'support-without-customer',
  severity: 'warning',
  description:
    'A support function links straight to a corporate objective without naming the customer-facing department it serves.',
  check(ctx) {
    const out: RuleFinding[] = [];
    let customers: string[] | undefined;
    for (const c of allCells(ctx)) {
      if (!c.committed || c.mergedInto || !isSupport(c.department)) continue;
      const { named } = servedBy(ctx, c);
      if (named !== 'none' || movesObjectiveItself(c)) continue;
      // The same for every cell: found once, when a first cell needs it.
      customers ??= ctx.matrix.departments
        .filter((d) => d.attributes.function === 'customer-facing')
        .map((d) => d.name);
      out.push(
        atCell(
          c,
          `${c.department.name} is a support function, but this cell names no department it serves on "${c.objective.name}" and does not move the objective itself.`,
          `Say which department it serves and the result that department needs${customers.length ? ` (e.g. "${customers[0]}: …")` : ''}, or fill the Serves column for ${c.department.name}.`,
        ),
      );
    }
    return out;
  },
};
export default rule;
