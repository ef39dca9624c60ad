/** Small helpers to build plan cells; every string goes through `text`, so none is too long. */
import type { CellStyle, PlanCell, PlanValue } from './types';

/** Excel's limit for the text in one cell. */
export const MAX_CELL_TEXT = 32767;

export function text(s: string): string {
  return s.length <= MAX_CELL_TEXT ? s : `${s.slice(0, MAX_CELL_TEXT - 1)}…`;
}

export function cell(value: PlanValue | undefined, style?: CellStyle, extra?: Partial<PlanCell>): PlanCell {
  const out: PlanCell = extra ? { ...extra } : {};
  if (value !== undefined && value !== null && value !== '')
    out.value = typeof value === 'string' ? text(value) : value;
  if (style) out.style = style;
  return out;
}

export function headerRow(labels: string[]): PlanCell[] {
  return labels.map((l) => cell(l, 'header'));
}
