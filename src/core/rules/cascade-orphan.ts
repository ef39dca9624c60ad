import type { Rule } from './types';

/**
 * Team goals and individual KPIs whose parent has gone. The cascade engine (src/core/cascade)
 * finds them; this module lets settings switch them off or change their severity like any rule.
 */
const rule: Rule = {
  id: 'cascade-orphan',
  severity: 'error',
  usesExtraFindings: true,
  description: 'A team goal or individual KPI on a cascade sheet traces to no department goal (its parent ID is gone).',
  check(ctx) {
    return ctx.extraFindings
      .filter((f) => f.rule === 'cascade-orphan')
      .map(({ sheet, address, department, objective, message, suggestion }) => ({
        sheet,
        address,
        department,
        objective,
        message,
        suggestion,
      }));
  },
};
export default rule;
