/**
 * Cell rules that carry the statement checker's findings into the report: one module per rule id
 * is made from this, so each can be configured on its own.
 */
import type { Severity } from '../report';
import type { CellRuleId } from '../statement/types';
import type { Rule } from './types';
import { allCells, atCell } from './support';

export function statementRule(id: CellRuleId, severity: Severity, description: string): Rule {
  return {
    id,
    severity,
    description,
    check(ctx) {
      const out = [];
      for (const info of allCells(ctx)) {
        if (info.error || info.mergedInto) continue; // formula-error speaks for broken cells; a merge is checked once
        const a = info.analysis;
        if (a.blank || a.declaredEmpty) continue;
        // A placeholder says all there is to say about the cell.
        if (a.placeholder && id !== 'placeholder') continue;
        for (const f of a.findings) if (f.rule === id) out.push(atCell(info, f.message, f.suggestion));
      }
      return out;
    },
  };
}
