/** Small helpers to build plan cells; every string goes through `text`, so none is too long. */
import type { CellStyle, PlanCell, PlanValue } from './types';

/** Excel's limit for the text in one cell. */
export const MAX_CELL_TEXT = 32767;

export function text(s: string): string {
  return s.length <= MAX_CELL_TEXT ? s : `${s.slice(0, MAX_CELL_TEXT - 1)}…`;
}

/**
 * Cells with no value are all alike: one frozen object each (no style, or one per style) is
 * shared by every such cell of a plan. A plan for a large matrix has hundreds of thousands of
 * cells and many are empty cells of a styled row; nothing reads a plan cell to change it.
 */
const EMPTY: PlanCell = Object.freeze({});
const EMPTY_STYLED = new Map<CellStyle, PlanCell>();

function emptyCell(style: CellStyle | undefined): PlanCell {
  if (!style) return EMPTY;
  let c = EMPTY_STYLED.get(style);
  if (!c) EMPTY_STYLED.set(style, (c = Object.freeze({ style })));
  return c;
}

export function cell(value: PlanValue | undefined, style?: CellStyle, extra?: Partial<PlanCell>): PlanCell {
  const none = value === undefined || value === null || value === '';
  if (!extra) {
    if (none) return emptyCell(style);
    const v = typeof value === 'string' ? text(value) : value;
    return style ? { value: v, style } : { value: v };
  }
  const out: PlanCell = { ...extra };
  if (!none) out.value = typeof value === 'string' ? text(value) : value;
  if (style) out.style = style;
  return out;
}

/** A cell that links to a cell (the link first, as `cell(value, style, { link })` orders it). */
export function linkedCell(value: PlanValue | undefined, style: CellStyle | undefined, sheet: string, address: string) {
  const out: PlanCell = { link: { sheet, address } };
  if (value !== undefined && value !== null && value !== '')
    out.value = typeof value === 'string' ? text(value) : value;
  if (style) out.style = style;
  return out;
}

export function headerRow(labels: string[]): PlanCell[] {
  return labels.map((l) => cell(l, 'header'));
}
