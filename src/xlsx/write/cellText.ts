/**
 * Cell values as worksheet XML text: strings escaped for XML and OOXML, numbers as Excel stores
 * them, and dates as serial numbers. Called per cell, so the common case (plain text) costs one
 * regex test and no allocation.
 */
import { escapeText } from '../package/xml';

export { MAX_CELL_TEXT } from '../../core/plan/cells';

/** A string as the text of a `<t>` element. */
export const cellText = escapeText;

/** Leading or trailing white space, which a `<t>` keeps only with xml:space="preserve". */
export function needsPreserve(s: string): boolean {
  if (s.length === 0) return false;
  const a = s.charCodeAt(0);
  const b = s.charCodeAt(s.length - 1);
  return a === 32 || a === 9 || a === 10 || a === 13 || b === 32 || b === 9 || b === 10 || b === 13;
}

/** Text cut to what one cell holds, the same way the plan cuts it (a final ellipsis). */
export { text as fitCell } from '../../core/plan/cells';

/**
 * XML escaping only, for formulas: Excel reads a formula's text as written, without OOXML's
 * `_xHHHH_` decoding, so that escape must not be applied there.
 */
export function formulaText(s: string): string {
  if (!/[&<>]/.test(s)) return s;
  return s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');
}

/** A number as `<v>` text; undefined for NaN and infinities, which a cell cannot hold. */
export function numberText(n: number): string | undefined {
  if (!Number.isFinite(n)) return undefined;
  return Object.is(n, -0) ? '0' : String(n);
}

const DAY_MS = 86_400_000;
/** 1899-12-30: serial 0 in the 1900 date system, counting Excel's phantom 1900-02-29. */
const EPOCH_1900 = Date.UTC(1899, 11, 30);
const EPOCH_1904 = Date.UTC(1904, 0, 1);
const MARCH_1900 = Date.UTC(1900, 2, 1);

/**
 * A `yyyy-mm-dd` date as Excel's serial number, or undefined when the text is not a real date
 * or falls before what the workbook's date system can show (1900-01-01, or 1904-01-01).
 */
export function dateSerial(iso: string, date1904 = false): number | undefined {
  const m = /^(\d{4})-(\d{2})-(\d{2})$/.exec(iso);
  if (!m) return undefined;
  const y = Number(m[1]);
  const mo = Number(m[2]) - 1;
  const d = Number(m[3]);
  const t = Date.UTC(y, mo, d);
  const back = new Date(t);
  if (back.getUTCFullYear() !== y || back.getUTCMonth() !== mo || back.getUTCDate() !== d) return undefined;
  if (y > 9999) return undefined;
  if (date1904) return t < EPOCH_1904 ? undefined : Math.round((t - EPOCH_1904) / DAY_MS);
  if (y < 1900) return undefined;
  // Before March 1900 Excel's serials are one lower: it counts a 29 February 1900 that never was.
  const serial = Math.round((t - EPOCH_1900) / DAY_MS);
  return t < MARCH_1900 ? serial - 1 : serial;
}
