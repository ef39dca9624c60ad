import type { Rule } from './types';
import { nameKey } from '../matrix/text';
import { rangeToA1 } from '../a1';

type Perspective = 'financial' | 'customer' | 'internal process' | 'learning and growth';

/** Balanced-scorecard perspectives under the names workbooks use for them. */
function perspectiveOf(tag: string): Perspective | undefined {
  const k = nameKey(tag);
  if (/financ|revenue|profit|shareholder/.test(k)) return 'financial';
  if (/customer|client|market/.test(k)) return 'customer';
  if (/internal|process|operation|operational/.test(k)) return 'internal process';
  if (/learning|growth|people|organi[sz]ation|capabilit|innovation|employee|talent/.test(k))
    return 'learning and growth';
  return undefined;
}

const ALL: Perspective[] = ['financial', 'customer', 'internal process', 'learning and growth'];

const rule: Rule = {
  id: 'unbalanced-objectives',
  severity: 'info',
  description:
    'The objectives lean on one perspective: all or most financial, or none financial (only where the workbook tags perspectives).',
  check(ctx) {
    const objectives = ctx.matrix.objectives;
    const tagged = objectives.filter((o) => o.attributes.perspective);
    if (tagged.length === 0) return [];
    const counts = new Map<Perspective, number>();
    for (const o of tagged) {
      const p = perspectiveOf(o.attributes.perspective!);
      if (p) counts.set(p, (counts.get(p) ?? 0) + 1);
    }
    const financial = counts.get('financial') ?? 0;
    const nonFinancial = tagged.length - financial;
    const missing = ALL.filter((p) => !counts.get(p));
    let message: string | undefined;
    if (nonFinancial === 0) message = `All ${tagged.length} tagged objectives are financial.`;
    else if (financial === 0) message = `None of the ${tagged.length} tagged objectives is financial.`;
    else if (tagged.length >= 3 && financial / tagged.length > 0.6)
      message = `${financial} of ${tagged.length} tagged objectives are financial.`;
    else if (missing.length) message = `No objective is tagged ${missing.join(' or ')}.`;
    if (!message) return [];
    const perspectiveRow = objectives[0].attributes.raw
      ? Object.keys(objectives[0].attributes.raw).find((l) => /perspective/i.test(l))
      : undefined;
    const untagged = objectives.length - tagged.length;
    return [
      {
        address: rangeToA1({
          start: { row: ctx.matrix.headerRow, col: objectives[0].col },
          end: { row: ctx.matrix.headerRow, col: objectives[objectives.length - 1].col },
        }),
        message: `${message}${missing.length && !message.startsWith('No objective') ? ` Missing: ${missing.join(', ')}.` : ''}${untagged ? ` ${untagged} objective(s) carry no perspective${perspectiveRow ? ` in the "${perspectiveRow}" row` : ''}.` : ''}`,
        suggestion:
          'Balance the plan: pair the financial objectives with customer, internal process and learning & growth objectives that drive them.',
      },
    ];
  },
};
export default rule;
