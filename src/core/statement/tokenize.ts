/**
 * Splits a statement into words, numbers and symbols with their offsets. One pass of one
 * precompiled regular expression with no nested quantifiers, so time is linear in the text.
 */

/** w: word, n: number, s: symbol. */
export type TokenKind = 'w' | 'n' | 's';

export interface Token {
  text: string;
  /** Lower case, with typographic apostrophes made plain. */
  lower: string;
  start: number;
  end: number;
  kind: TokenKind;
  /** White space (or the start of the text) before this token. */
  gap: boolean;
  /** Starts with an upper-case letter. */
  cap: boolean;
  /** Numeric value of a Number token (thousands separators removed). */
  value: number;
  /** For a hyphenated word, the part after the last hyphen (pipe-to-spend → spend); else ''. */
  tail: string;
}

// Numbers: 1,234,567.89 or 1234.5 (a comma only as a thousands separator, so "3,4" is two numbers).
// Words: letters and digits joined by hyphens, apostrophes or ampersands (sign-ups, R&D, X200, Q3).
// Anything else that is not white space is one symbol (%, $, →, emoji, control characters).
const TOKEN =
  /(\d{1,3}(?:,\d{3})+(?:\.\d+)?|\d+(?:\.\d+)?)|([\p{L}\p{M}_][\p{L}\p{M}\p{N}_]*(?:[-'’&][\p{L}\p{M}\p{N}_]+)*)|(->|=>|<=|>=|=<|[^\s\p{L}\p{M}\p{N}_])/gu;

const UPPER = /\p{Lu}/u;

export function tokenize(text: string): Token[] {
  const out: Token[] = [];
  TOKEN.lastIndex = 0;
  let prevEnd = 0;
  let m: RegExpExecArray | null;
  while ((m = TOKEN.exec(text)) !== null) {
    const t = m[0];
    const start = m.index;
    const kind: TokenKind = m[1] !== undefined ? 'n' : m[2] !== undefined ? 'w' : 's';
    let lower = t;
    if (kind === 'w') {
      lower = t.toLowerCase();
      if (lower.indexOf('’') >= 0) lower = lower.replace(/’/g, "'");
    }
    out.push({
      text: t,
      lower,
      start,
      end: start + t.length,
      kind,
      gap: start === 0 || start > prevEnd,
      cap: kind === 'w' && lower[0] !== t[0] && UPPER.test(t[0]),
      value: kind === 'n' ? parseNumber(t) : NaN,
      tail: kind === 'w' ? tailOf(lower) : '',
    });
    prevEnd = start + t.length;
  }
  return out;
}

function tailOf(lower: string): string {
  const h = lower.lastIndexOf('-');
  return h > 0 && h < lower.length - 1 ? lower.slice(h + 1) : '';
}

function parseNumber(t: string): number {
  return Number(t.indexOf(',') >= 0 ? t.replace(/,/g, '') : t);
}
