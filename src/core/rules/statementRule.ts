/**
 * Cell rules that carry the statement checker's findings into the report: one module per rule id
 * is made from this, so each can be configured on its own.
 */
import type { Severity } from '../report';
import type { CellRuleId } from '../statement/types';
import type { Rule, RuleContext, RuleFinding } from './types';
import { allCells, atCell } from './support';

/**
 * The statement checker's findings on every cell, grouped by rule id once per run (eight rules
 * read them; each walking every cell of a large matrix was most of their time).
 */
const byRuleCache = new WeakMap<RuleContext['cells'], Map<string, RuleFinding[]>>();

function findingsByRule(ctx: RuleContext): Map<string, RuleFinding[]> {
  let byRule = byRuleCache.get(ctx.cells);
  if (byRule) return byRule;
  byRule = new Map();
  for (const info of allCells(ctx)) {
    if (info.error || info.mergedInto) continue; // formula-error speaks for broken cells; a merge is checked once
    const a = info.analysis;
    if (a.blank || a.declaredEmpty) continue;
    for (const f of a.findings) {
      // A placeholder says all there is to say about the cell.
      if (a.placeholder && f.rule !== 'placeholder') continue;
      const list = byRule.get(f.rule);
      const finding = atCell(info, f.message, f.suggestion);
      if (list) list.push(finding);
      else byRule.set(f.rule, [finding]);
    }
  }
  byRuleCache.set(ctx.cells, byRule);
  return byRule;
}

export function statementRule(id: CellRuleId, severity: Severity, description: string): Rule {
  return {
    id,
    severity,
    description,
    check(ctx) {
      return [...(findingsByRule(ctx).get(id) ?? [])];
    },
  };
}
