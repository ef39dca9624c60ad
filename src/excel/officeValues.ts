/**
 * Office.js cell values ↔ snapshot values. Office returns dates as serial numbers and errors as
 * strings, so the value type and number format of each cell decide what a value really is.
 */
import type { CellValue, DateValue } from '../core/snapshot';
import type { PlanValue } from '../core/plan/types';

const MS_PER_DAY = 86_400_000;
/** Day 0 of Excel's 1900 date system, as used for serials from 61 on (1900-03-01 is 61). */
const EPOCH_1900 = Date.UTC(1899, 11, 30);
/** Serials in the 1904 system count from 1904-01-01; 1,462 days separate the two systems. */
const OFFSET_1904 = 1462;

/**
 * True when a number format shows a date: it has a day, month or year token outside quoted
 * text, escapes and `[...]` sections. Pure time formats (`h:mm`, `[h]:mm`) are not dates.
 */
export function isDateFormat(format: string | null | undefined): boolean {
  if (!format || format === 'General' || format === '@') return false;
  // Only the first section (positive numbers) decides how a date looks.
  const section = format.split(';')[0];
  const bare = section
    .replace(/"[^"]*"/g, '')
    .replace(/\\./g, '')
    .replace(/\[[^\]]*\]/g, '')
    .replace(/_.|\*./g, '');
  if (/[dy]/i.test(bare)) return true;
  // `m` is a month unless it follows an hour or precedes seconds (then it is minutes).
  const m = /m+/gi;
  let hit: RegExpExecArray | null;
  while ((hit = m.exec(bare))) {
    const before = bare.slice(0, hit.index).replace(/[^a-z]/gi, '');
    const after = bare.slice(hit.index + hit[0].length).replace(/[^a-z]/gi, '');
    if (/h$/i.test(before) || /^s/i.test(after)) continue;
    return true;
  }
  return false;
}

/** An Excel serial as `YYYY-MM-DD` (time of day dropped), or null when out of Excel's range. */
export function serialToIso(serial: number, date1904 = false): string | null {
  if (!Number.isFinite(serial) || serial < 0) return null;
  const whole = Math.floor(serial);
  let days = whole + OFFSET_1904;
  if (!date1904) {
    // Excel counts a 29 February 1900 that never was (serial 60): serials before it are a day later.
    if (whole === 0 || whole === 60) return null;
    days = whole < 60 ? whole + 1 : whole;
  }
  const d = new Date(EPOCH_1900 + days * MS_PER_DAY);
  const year = d.getUTCFullYear();
  if (year < 1900 || year > 9999) return null;
  return d.toISOString().slice(0, 10);
}

/** `YYYY-MM-DD` as an Excel serial; null when the text is not a real date Excel can hold. */
export function isoToSerial(iso: string, date1904 = false): number | null {
  const m = /^(\d{4})-(\d{2})-(\d{2})$/.exec(iso);
  if (!m) return null;
  const t = Date.UTC(Number(m[1]), Number(m[2]) - 1, Number(m[3]));
  const d = new Date(t);
  if (d.getUTCMonth() !== Number(m[2]) - 1 || d.getUTCDate() !== Number(m[3])) return null;
  let days = Math.round((t - EPOCH_1900) / MS_PER_DAY);
  if (!date1904 && days < 61) days -= 1;
  if (date1904) days -= OFFSET_1904;
  return days >= 1 && Number(m[1]) <= 9999 ? days : null;
}

/** Office's `valueTypes` entries (Excel.RangeValueType as strings). */
export type OfficeValueType = 'Unknown' | 'Empty' | 'String' | 'Integer' | 'Double' | 'Boolean' | 'Error' | 'RichValue';

/** One cell from Office's values/valueTypes/numberFormat arrays as a snapshot value. */
export function toCellValue(
  value: unknown,
  type: OfficeValueType | string | undefined,
  numberFormat: string | undefined,
  date1904 = false,
): CellValue {
  switch (type) {
    case 'Empty':
      return null;
    case 'Error':
      return { error: String(value) };
    case 'Boolean':
      return Boolean(value);
    case 'Integer':
    case 'Double': {
      const n = Number(value);
      if (isDateFormat(numberFormat)) {
        const iso = serialToIso(n, date1904);
        if (iso) return { date: iso } satisfies DateValue;
      }
      return n;
    }
    case 'String':
      return value === '' ? null : String(value);
    default:
      // Rich values (linked data types, images) and anything newer: keep what Office shows.
      if (value === null || value === undefined || value === '') return null;
      if (typeof value === 'number' || typeof value === 'boolean') return value;
      return String(value);
  }
}

/** A plan value as Office wants it written, with the number format that keeps it what it is. */
export function toOfficeValue(
  value: PlanValue | undefined,
  numberFormat: string | undefined,
  date1904 = false,
): { value: string | number | boolean | null; numberFormat: string | null } {
  if (value === undefined || value === null) return { value: null, numberFormat: null };
  if (typeof value === 'string') {
    // Text format makes Excel keep the string as typed: no formulas, numbers or dates parsed.
    return { value, numberFormat: '@' };
  }
  if (typeof value === 'number' || typeof value === 'boolean') {
    return { value, numberFormat: numberFormat ?? 'General' };
  }
  const serial = isoToSerial(value.date, date1904);
  if (serial === null) return { value: value.date, numberFormat: '@' };
  return { value: serial, numberFormat: numberFormat ?? 'yyyy-mm-dd' };
}
