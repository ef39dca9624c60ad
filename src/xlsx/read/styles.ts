/**
 * Which cell formats show a number as a date. A cell's `s` attribute indexes `<cellXfs>`; each
 * format names a number format, built in (by id) or custom (`<numFmt formatCode>`).
 */
import { attr, element, elements } from '../package/xml';

/** Built-in number formats that are dates or times (ECMA-376 18.8.30, with the East Asian ids). */
function builtInDate(id: number): boolean {
  return (id >= 14 && id <= 22) || (id >= 27 && id <= 36) || (id >= 45 && id <= 47) || (id >= 50 && id <= 58);
}

/**
 * Whether a format code shows a date or time: a day, month, year, hour or second code outside
 * quoted text, bracketed parts (colours, conditions, locales, elapsed `[h]`) and escaped or
 * padding characters (`\d`, `_m`, `*s`).
 */
export function isDateFormat(code: string): boolean {
  for (let i = 0; i < code.length; i++) {
    const ch = code[i];
    if (ch === '"') {
      const close = code.indexOf('"', i + 1);
      if (close < 0) return false;
      i = close;
    } else if (ch === '[') {
      const close = code.indexOf(']', i + 1);
      if (close < 0) return false;
      i = close;
    } else if (ch === '\\' || ch === '_' || ch === '*') {
      i++;
    } else {
      switch (ch) {
        case 'd':
        case 'D':
        case 'm':
        case 'M':
        case 'y':
        case 'Y':
        case 'h':
        case 'H':
        case 's':
        case 'S':
          return true;
        default:
      }
    }
  }
  return false;
}

/**
 * One flag per cell format (`<cellXfs>` order): 1 when a number in a cell of that format is a
 * date. An absent or empty styles part gives no date formats.
 */
export function dateStyles(xml: string | undefined): Uint8Array {
  if (!xml) return new Uint8Array(0);
  const custom = new Map<number, string>();
  const numFmts = element(xml, 'numFmts');
  if (numFmts) {
    for (const f of elements(xml, 'numFmt', numFmts.contentStart, numFmts.contentEnd)) {
      const id = Number(attr(f.attrs, 'numFmtId'));
      const code = attr(f.attrs, 'formatCode');
      if (Number.isInteger(id) && code !== undefined) custom.set(id, code);
    }
  }
  const xfs = element(xml, 'cellXfs');
  if (!xfs) return new Uint8Array(0);
  const list = elements(xml, 'xf', xfs.contentStart, xfs.contentEnd);
  const out = new Uint8Array(list.length);
  list.forEach((xf, i) => {
    const id = Number(attr(xf.attrs, 'numFmtId') ?? 0);
    const code = custom.get(id);
    out[i] = (code !== undefined ? isDateFormat(code) : builtInDate(id)) ? 1 : 0;
  });
  return out;
}
