/**
 * Excel date serials → `YYYY-MM-DD`. Two date systems: 1900 (serial 1 = 1900-01-01, with Lotus's
 * phantom 1900-02-29 at serial 60, kept because Excel shows it) and 1904 (serial 0 = 1904-01-01,
 * old Mac workbooks, `workbookPr date1904`).
 */

const MS_PER_DAY = 86_400_000;
/** 1970-01-01 as a 1900-system serial (counting the phantom leap day). */
const UNIX_EPOCH_1900 = 25569;
/** 1970-01-01 as a 1904-system serial. */
const UNIX_EPOCH_1904 = UNIX_EPOCH_1900 - 1462;
/** 9999-12-31, the last day Excel shows, as a 1900-system serial. */
const LAST_SERIAL_1900 = 2958465;
const LAST_SERIAL_1904 = LAST_SERIAL_1900 - 1462;

/** Days since 1970-01-01 → `YYYY-MM-DD` (proleptic Gregorian, no Date object). */
export function isoFromDays(days: number): string {
  // Howard Hinnant's civil_from_days.
  const z = days + 719468;
  const era = Math.floor(z / 146097);
  const doe = z - era * 146097;
  const yoe = Math.floor((doe - Math.floor(doe / 1460) + Math.floor(doe / 36524) - Math.floor(doe / 146096)) / 365);
  const doy = doe - (365 * yoe + Math.floor(yoe / 4) - Math.floor(yoe / 100));
  const mp = Math.floor((5 * doy + 2) / 153);
  const d = doy - Math.floor((153 * mp + 2) / 5) + 1;
  const m = mp < 10 ? mp + 3 : mp - 9;
  const y = yoe + era * 400 + (m <= 2 ? 1 : 0);
  return `${String(y).padStart(4, '0')}-${m < 10 ? '0' : ''}${m}-${d < 10 ? '0' : ''}${d}`;
}

/**
 * The calendar day of a serial, or null when Excel would not show it as a date (negative, past
 * 9999-12-31, not finite): the caller then keeps the number, so nothing is lost. A time of day
 * is dropped; as in ExcelJS, a time within half a millisecond of midnight rounds to that day.
 */
export function serialToIso(serial: number, date1904: boolean): string | null {
  if (!Number.isFinite(serial)) return null;
  const epoch = date1904 ? UNIX_EPOCH_1904 : UNIX_EPOCH_1900;
  const ms = Math.round((serial - epoch) * MS_PER_DAY);
  const days = Math.floor(ms / MS_PER_DAY);
  const day = days + epoch; // the whole serial
  if (day < 0 || day > (date1904 ? LAST_SERIAL_1904 : LAST_SERIAL_1900)) return null;
  if (!date1904 && day < 61 && day >= 1) {
    // Before 1900-03-01 Excel counts a 1900-02-29 that never was: serials there are a day ahead.
    if (day === 60) return '1900-02-29';
    return isoFromDays(days + 1);
  }
  return isoFromDays(days);
}
