/** How a cell value reads as text, and how names are compared. */
import type { CellValue } from '../snapshot';
import { isDateValue, isErrorValue } from '../snapshot';

/** Runs of white space (including line breaks and non-breaking spaces) folded to one space. */
export function foldName(s: string): string {
  return s.replace(/[\s\u00a0]+/g, ' ').trim();
}

/** Names compared as people read them: case, spacing and `&`/`and` do not matter. */
export function nameKey(s: string): string {
  return foldName(s)
    .toLowerCase()
    .replace(/\s*&\s*/g, ' and ');
}

function numberText(n: number): string {
  if (!Number.isFinite(n)) return String(n);
  if (Number.isInteger(n)) return String(n);
  // Spreadsheet arithmetic leaves tails like 0.30000000000000004; 10 significant digits is plenty.
  return String(Number(n.toPrecision(10)));
}

/** The text the statement checker sees for a cell: numbers and dates rendered, errors as code. */
export function cellText(v: CellValue): string {
  if (v === null) return '';
  if (typeof v === 'string') return v;
  if (typeof v === 'number') return numberText(v);
  if (typeof v === 'boolean') return v ? 'TRUE' : 'FALSE';
  if (isDateValue(v)) return v.date;
  if (isErrorValue(v)) return v.error;
  return '';
}

/** A value as a number, when it is one or reads as one ("12", "25%", "1,200"). */
export function numberValue(v: CellValue): number | undefined {
  if (typeof v === 'number' && Number.isFinite(v)) return v;
  if (typeof v !== 'string') return undefined;
  const m = /^\s*([+-]?\d{1,3}(?:,\d{3})*(?:\.\d+)?|[+-]?\d+(?:\.\d+)?)\s*(%)?\s*$/.exec(v);
  if (!m) return undefined;
  return Number(m[1].replace(/,/g, ''));
}
