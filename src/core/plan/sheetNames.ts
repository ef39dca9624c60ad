/**
 * Sheet names Excel accepts, unique in the workbook. Excel compares sheet names without regard to
 * case, allows at most 31 characters, none of []:*?/\, no leading or trailing apostrophe, and
 * reserves "History".
 */

export const MAX_SHEET_NAME = 31;

const REPLACE: Record<string, string> = {
  '/': '-',
  '\\': '-',
  ':': ' -',
  '*': '-',
  '?': '',
  '[': '(',
  ']': ')',
};

/** Case-insensitive key Excel uses to tell sheet names apart. */
export function sheetKey(name: string): string {
  return name.toLocaleUpperCase('en-US');
}

/** Cuts to `max` UTF-16 units without splitting a surrogate pair, then trims what the cut exposed. */
function cut(s: string, max: number): string {
  if (s.length <= max) return s;
  let out = s.slice(0, max);
  const last = out.charCodeAt(out.length - 1);
  if (last >= 0xd800 && last <= 0xdbff) out = out.slice(0, -1);
  // A bracket the cut left open would read like a numbering suffix: drop the fragment.
  const open = out.lastIndexOf('(');
  if (open > 0 && out.indexOf(')', open) < 0) out = out.slice(0, open);
  return out.replace(/[\s'-]+$/, '');
}

/** A legal sheet name made from any text; `fallback` when nothing usable is left. */
export function cleanSheetName(raw: string, fallback = 'Sheet'): string {
  let s = Array.from(raw)
    .map((ch) => (ch in REPLACE ? REPLACE[ch] : ch))
    .join('')
    // control characters are not allowed either
    // eslint-disable-next-line no-control-regex
    .replace(/[\u0000-\u001f\u007f]/g, ' ')
    .replace(/\s+/g, ' ')
    // Apostrophes and spaces can alternate ("' '("), so both go together until neither is left.
    .replace(/^[\s']+|[\s']+$/g, '');
  s = cut(s, MAX_SHEET_NAME);
  if (!s || sheetKey(s) === 'HISTORY') s = s ? `${s} sheet` : fallback;
  return s;
}

/**
 * Hands out names that clash with none already taken (case-insensitive) and records each one, so
 * two inputs that clean to the same text get distinct names: `Sales`, `Sales (2)`, ...
 */
export class SheetNamer {
  private readonly taken = new Set<string>();

  constructor(taken: Iterable<string> = []) {
    for (const t of taken) this.taken.add(sheetKey(t));
  }

  isTaken(name: string): boolean {
    return this.taken.has(sheetKey(name));
  }

  reserve(name: string): void {
    this.taken.add(sheetKey(name));
  }

  /** A free legal name for `wanted`, reserved before it is returned. */
  name(wanted: string, fallback = 'Sheet'): string {
    const base = cleanSheetName(wanted, fallback);
    let candidate = base;
    for (let n = 2; this.isTaken(candidate); n++) {
      const suffix = ` (${n})`;
      candidate = `${cut(base, MAX_SHEET_NAME - suffix.length)}${suffix}`;
    }
    this.reserve(candidate);
    return candidate;
  }
}

/** True when Excel would accept `name` as a sheet name (ignoring uniqueness). */
export function isLegalSheetName(name: string): boolean {
  return (
    name.length > 0 &&
    name.length <= MAX_SHEET_NAME &&
    !/[[\]:*?/\\]/.test(name) &&
    !name.startsWith("'") &&
    !name.endsWith("'") &&
    sheetKey(name) !== 'HISTORY'
  );
}
