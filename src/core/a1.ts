/** A1 addresses and ranges, 0-based rows and columns inside the core. */

export interface CellRef {
  row: number;
  col: number;
}

export interface RangeRef {
  start: CellRef;
  end: CellRef;
}

/** Excel's grid: rows and columns a worksheet can hold. */
export const MAX_ROWS = 1_048_576;
export const MAX_COLUMNS = 16_384;

export function columnName(col: number): string {
  let n = col + 1;
  let s = '';
  while (n > 0) {
    const m = (n - 1) % 26;
    s = String.fromCharCode(65 + m) + s;
    n = Math.floor((n - 1) / 26);
  }
  return s;
}

export function columnIndex(name: string): number {
  let n = 0;
  for (const ch of name.toUpperCase()) n = n * 26 + (ch.charCodeAt(0) - 64);
  return n - 1;
}

export function toA1(row: number, col: number): string {
  return `${columnName(col)}${row + 1}`;
}

export function rangeToA1(r: RangeRef): string {
  const a = toA1(r.start.row, r.start.col);
  const b = toA1(r.end.row, r.end.col);
  return a === b ? a : `${a}:${b}`;
}

const CELL = /^\$?([A-Za-z]{1,3})\$?(\d{1,7})$/;

export function parseCell(a1: string): CellRef | null {
  const m = CELL.exec(a1.trim());
  if (!m) return null;
  return { row: Number(m[2]) - 1, col: columnIndex(m[1]) };
}

/** Parses `B2`, `B2:F9` or `$B$2:$F$9` (no sheet part). Returns null for anything else. */
export function parseRange(a1: string): RangeRef | null {
  const [a, b = a, extra] = a1.split(':');
  if (extra !== undefined) return null;
  const s = parseCell(a);
  const e = parseCell(b);
  if (!s || !e) return null;
  return {
    start: { row: Math.min(s.row, e.row), col: Math.min(s.col, e.col) },
    end: { row: Math.max(s.row, e.row), col: Math.max(s.col, e.col) },
  };
}

/** Splits `'My sheet'!B2:C3` or `Sheet1!B2` into sheet and range; sheet is undefined without `!`. */
export function splitSheetRange(ref: string): { sheet?: string; range: string } {
  const bang = ref.lastIndexOf('!');
  if (bang < 0) return { range: ref };
  let sheet = ref.slice(0, bang);
  if (sheet.startsWith("'") && sheet.endsWith("'")) sheet = sheet.slice(1, -1).replace(/''/g, "'");
  return { sheet, range: ref.slice(bang + 1) };
}

/** A sheet name as it must appear in a formula: quoted when it is not a plain identifier. */
export function quoteSheet(name: string): string {
  return /^[A-Za-z_][A-Za-z0-9_.]*$/.test(name) && !/^[A-Za-z]{1,3}\d+$/.test(name)
    ? name
    : `'${name.replace(/'/g, "''")}'`;
}

export function contains(r: RangeRef, c: CellRef): boolean {
  return c.row >= r.start.row && c.row <= r.end.row && c.col >= r.start.col && c.col <= r.end.col;
}

/**
 * A reference with several areas (`'A, B'!$A$1,Other!$B$2`) → its areas, trimmed: commas inside a
 * quoted sheet name do not split (a doubled '' toggles twice, so it stays quoted).
 */
export function splitAreas(ref: string): string[] {
  const out: string[] = [];
  let quoted = false;
  let from = 0;
  for (let i = 0; i < ref.length; i++) {
    const ch = ref[i];
    if (ch === "'") quoted = !quoted;
    else if (ch === ',' && !quoted) {
      out.push(ref.slice(from, i));
      from = i + 1;
    }
  }
  out.push(ref.slice(from));
  return out.map((s) => s.trim()).filter((s) => s !== '');
}
