/** A sheet seen as a grid: absolute positions, merged areas resolved, hidden rows and columns. */
import type { CellValue, SheetSnapshot } from '../snapshot';
import { cellAt } from '../snapshot';
import { parseRange, type RangeRef } from '../a1';

export interface Grid {
  sheet: SheetSnapshot;
  top: number;
  left: number;
  bottom: number;
  right: number;
  hiddenRows: Set<number>;
  hiddenCols: Set<number>;
  merges: RangeRef[];
  /** `row:col` of a cell covered by a merge (not its top-left) → the merge. */
  covered: Map<string, RangeRef>;
  /** Non-empty cells per row, to skip blank rows fast. */
  filledInRow: number[];
}

export function gridOf(sheet: SheetSnapshot): Grid {
  const merges: RangeRef[] = [];
  const covered = new Map<string, RangeRef>();
  for (const m of sheet.merges) {
    const r = parseRange(m);
    if (!r) continue;
    merges.push(r);
    // Merges are few and small (titles, labels); a body-sized merge is bounded by the used range.
    for (let row = r.start.row; row <= r.end.row; row++) {
      for (let col = r.start.col; col <= r.end.col; col++) {
        if (row !== r.start.row || col !== r.start.col) covered.set(`${row}:${col}`, r);
      }
    }
  }
  const filledInRow = sheet.values.map((line) => {
    let n = 0;
    for (const v of line) if (v !== null && v !== '') n++;
    return n;
  });
  const height = sheet.values.length;
  const width = height > 0 ? Math.max(...sheet.values.map((l) => l.length)) : 0;
  return {
    sheet,
    top: sheet.origin.row,
    left: sheet.origin.col,
    bottom: sheet.origin.row + height - 1,
    right: sheet.origin.col + width - 1,
    hiddenRows: new Set(sheet.hiddenRows ?? []),
    hiddenCols: new Set(sheet.hiddenColumns ?? []),
    merges,
    covered,
    filledInRow,
  };
}

/** The value as written at a position (a merge-covered cell is empty). */
export function raw(g: Grid, row: number, col: number): CellValue {
  return cellAt(g.sheet, row, col);
}

/** The value as shown: a merge-covered cell shows its merge's top-left value. */
export function shown(g: Grid, row: number, col: number): CellValue {
  const m = g.covered.get(`${row}:${col}`);
  return m ? cellAt(g.sheet, m.start.row, m.start.col) : cellAt(g.sheet, row, col);
}

export function isEmpty(v: CellValue): boolean {
  return v === null || (typeof v === 'string' && v.trim() === '');
}

export function rowIsBlank(g: Grid, row: number): boolean {
  const i = row - g.top;
  return i < 0 || i >= g.filledInRow.length || g.filledInRow[i] === 0;
}

/** True when no cell in columns left..right of the row holds anything. */
export function rowSpanIsBlank(g: Grid, row: number, left: number, right: number): boolean {
  if (rowIsBlank(g, row)) return true;
  for (let c = left; c <= right; c++) if (!isEmpty(raw(g, row, c))) return false;
  return true;
}
