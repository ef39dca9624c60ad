/**
 * Planned conditional formats as `<conditionalFormatting>` elements: formula rules with a
 * differential format from the stylesheet, and two- or three-colour scales.
 */
import type { PlannedConditionalFormat } from '../../core/plan/types';
import { escapeAttr } from '../package/xml';
import { formulaText, numberText } from './cellText';
import { argb, type StyleBook } from './styles';

/** A range as a `sqref`: no `$`, several areas separated by spaces. */
export function sqref(range: string): string {
  return range
    .replace(/\$/g, '')
    .split(/[\s,]+/)
    .filter(Boolean)
    .join(' ');
}

function cfvo(type: 'min' | 'max' | 'percentile', value: number | undefined, fallback?: number): string {
  if (value !== undefined) {
    const v = numberText(value);
    if (v === undefined) throw new Error(`a colour scale point must be a finite number, not ${value}`);
    return `<cfvo type="num" val="${v}"/>`;
  }
  return fallback !== undefined ? `<cfvo type="${type}" val="${fallback}"/>` : `<cfvo type="${type}"/>`;
}

function ruleXml(cf: PlannedConditionalFormat, priority: number, styles: StyleBook): string {
  if (cf.kind === 'expression') {
    const formula = cf.formula.startsWith('=') ? cf.formula.slice(1) : cf.formula;
    const dxfId = styles.dxf(cf.fill, cf.fontColor);
    const stop = cf.stopIfTrue ? ' stopIfTrue="1"' : '';
    return `<cfRule type="expression" dxfId="${dxfId}" priority="${priority}"${stop}><formula>${formulaText(formula)}</formula></cfRule>`;
  }
  const points = [
    cfvo('min', cf.minValue),
    ...(cf.mid ? [cfvo('percentile', cf.midValue, 50)] : []),
    cfvo('max', cf.maxValue),
  ];
  const colors = [cf.min, ...(cf.mid ? [cf.mid] : []), cf.max].map((c) => `<color rgb="${argb(c)}"/>`);
  return `<cfRule type="colorScale" priority="${priority}"><colorScale>${points.join('')}${colors.join('')}</colorScale></cfRule>`;
}

/** One `<conditionalFormatting>` per rule, priorities counting up from `firstPriority`. */
export function conditionalFormattingXml(
  rules: PlannedConditionalFormat[],
  firstPriority: number,
  styles: StyleBook,
): string {
  let out = '';
  rules.forEach((cf, i) => {
    const ref = sqref(cf.range);
    if (!ref) throw new Error(`the conditional format "${cf.label}" has no range`);
    out += `<conditionalFormatting sqref="${escapeAttr(ref)}">${ruleXml(cf, firstPriority + i, styles)}</conditionalFormatting>`;
  });
  return out;
}
