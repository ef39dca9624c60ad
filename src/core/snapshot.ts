/**
 * A workbook as plain data: what both host adapters read and the core analyses.
 * No host types here, so the core can be tested on literals and the same snapshot can come
 * from Office.js, from ExcelJS, or from a test.
 */

/** Excel error values keep their code (`#N/A`, `#REF!`, ...) so rules can name them. */
export interface ErrorValue {
  error: string;
}

/** A date cell. `iso` is `YYYY-MM-DD` (time of day is dropped: plans are dated, not timed). */
export interface DateValue {
  date: string;
}

export type CellValue = null | string | number | boolean | DateValue | ErrorValue;

export function isErrorValue(v: CellValue): v is ErrorValue {
  return typeof v === 'object' && v !== null && 'error' in v;
}

export function isDateValue(v: CellValue): v is DateValue {
  return typeof v === 'object' && v !== null && 'date' in v;
}

export interface TableSnapshot {
  name: string;
  /** A1 range of the whole table including its header row, without `$` and without sheet. */
  range: string;
  hasHeaderRow: boolean;
}

export interface SheetSnapshot {
  name: string;
  /** Position in the workbook's tab order, 0-based. */
  index: number;
  visibility: 'visible' | 'hidden' | 'veryHidden';
  protected: boolean;
  /** 0-based row and column of `values[0][0]` (the used range's top-left). */
  origin: { row: number; col: number };
  /** The used range, rectangular; `null` for an empty cell. */
  values: CellValue[][];
  /**
   * Cells that hold a formula, as A1 addresses (no `$`). Their value in `values` is the cached
   * result. Optional: adapters that cannot tell leave it out.
   */
  formulas?: string[];
  /** Merged areas as A1 ranges, e.g. `B2:F2`. */
  merges: string[];
  hiddenRows?: number[];
  hiddenColumns?: number[];
  tables: TableSnapshot[];
}

export interface DefinedName {
  name: string;
  /** Sheet the range is on. */
  sheet: string;
  /** A1 range without `$` and without sheet. */
  range: string;
}

export interface WorkbookSnapshot {
  /** File name or workbook title, for messages. */
  name?: string;
  sheets: SheetSnapshot[];
  names: DefinedName[];
  /** Office document settings (key → JSON string); empty for files. */
  documentSettings?: Record<string, string>;
}

/** The value at an absolute 0-based position, or null outside the used range. */
export function cellAt(sheet: SheetSnapshot, row: number, col: number): CellValue {
  const r = row - sheet.origin.row;
  const c = col - sheet.origin.col;
  if (r < 0 || c < 0 || r >= sheet.values.length) return null;
  const line = sheet.values[r];
  return c < line.length ? (line[c] ?? null) : null;
}
