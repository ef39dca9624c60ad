/**
 * Splits a statement into words, numbers and symbols with their offsets. ASCII text is scanned
 * by character codes (no regular expression per token, no lower-casing of words already in
 * lower case); at any non-ASCII character the scan hands that token to one precompiled regular
 * expression with no nested quantifiers, so time stays linear and Unicode text is split exactly
 * as the expression says.
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
  /**
   * The lexicon's entries for `lower` and `tail`, cached by lexicon/compile's entryOf the first
   * time a list is asked about this token (typed loosely here so the tokenizer stays
   * independent of the lexicon); null until then.
   */
  vocabulary: object | null;
  entry: object | null;
  tailEntry: object | null;
}

// Numbers: 1,234,567.89 or 1234.5 (a comma only as a thousands separator, so "3,4" is two numbers).
// Words: letters and digits joined by hyphens, apostrophes or ampersands (sign-ups, R&D, X200, Q3).
// Anything else that is not white space is one symbol (%, $, →, emoji, control characters).
// This expression is the definition; the character scan below must agree with it on ASCII.
export const TOKEN =
  /(\d{1,3}(?:,\d{3})+(?:\.\d+)?|\d+(?:\.\d+)?)|([\p{L}\p{M}_][\p{L}\p{M}\p{N}_]*(?:[-'’&][\p{L}\p{M}\p{N}_]+)*)|(->|=>|<=|>=|=<|[^\s\p{L}\p{M}\p{N}_])/gu;

// The number part alone, anchored (sticky): no Unicode classes, so cheap to run.
const NUMBER = /\d{1,3}(?:,\d{3})+(?:\.\d+)?|\d+(?:\.\d+)?/y;

const UPPER = /\p{Lu}/u;

// ASCII character classes: 1 space (\s), 2 digit, 4 letter or underscore.
const SPACE = 1;
const DIGIT = 2;
const WORD = 4;
const ASCII = new Uint8Array(128);
for (const c of [9, 10, 11, 12, 13, 32]) ASCII[c] = SPACE;
for (let c = 48; c <= 57; c++) ASCII[c] = DIGIT;
for (let c = 65; c <= 90; c++) ASCII[c] = WORD;
for (let c = 97; c <= 122; c++) ASCII[c] = WORD;
ASCII[95] = WORD;

export function tokenize(text: string): Token[] {
  const out: Token[] = [];
  const n = text.length;
  let prevEnd = 0;
  let i = 0;
  while (i < n) {
    const c = text.charCodeAt(i);
    if (c < 128 && ASCII[c] === SPACE) {
      i++;
      continue;
    }
    const end = c < 128 ? asciiToken(text, i, c, out, prevEnd) : -1;
    if (end >= 0) {
      prevEnd = i = end;
      continue;
    }
    // Non-ASCII at or inside this token: the expression decides, from here.
    TOKEN.lastIndex = i;
    const m = TOKEN.exec(text);
    if (m === null) break;
    const t = m[0];
    const kind: TokenKind = m[1] !== undefined ? 'n' : m[2] !== undefined ? 'w' : 's';
    let lower = t;
    if (kind === 'w') {
      lower = t.toLowerCase();
      if (lower.indexOf('’') >= 0) lower = lower.replace(/’/g, "'");
    }
    const start = m.index;
    out.push(
      makeToken(
        t,
        lower,
        start,
        kind,
        start === 0 || start > prevEnd,
        kind === 'w' && lower[0] !== t[0] && UPPER.test(t[0]),
        kind === 'n' ? parseNumber(t) : NaN,
        kind === 'w' ? tailOf(lower) : '',
      ),
    );
    prevEnd = i = start + t.length;
  }
  return out;
}

/**
 * Scans one token of ASCII characters starting at `i` (not white space) and pushes it; returns
 * its end, or -1 when a non-ASCII character could change the token (the caller then uses TOKEN).
 */
function asciiToken(text: string, i: number, c: number, out: Token[], prevEnd: number): number {
  const gap = i === 0 || i > prevEnd;
  const cls = ASCII[c];
  if (cls === DIGIT) {
    NUMBER.lastIndex = i;
    const m = NUMBER.exec(text);
    // A number never continues into a non-ASCII character, so no fallback is needed.
    const t = m![0];
    out.push(makeToken(t, t, i, 'n', gap, false, parseNumber(t), ''));
    return i + t.length;
  }
  if (cls === WORD) {
    const n = text.length;
    let k = i + 1;
    let upper = c >= 65 && c <= 90;
    let hyphen = -1;
    for (;;) {
      while (k < n) {
        const d = text.charCodeAt(k);
        if (d >= 128) return -1;
        if (ASCII[d] & (DIGIT | WORD)) {
          if (d >= 65 && d <= 90) upper = true;
          k++;
        } else break;
      }
      if (k >= n) break;
      const d = text.charCodeAt(k);
      // A joiner continues the word only when a letter, digit or underscore follows it.
      if (d !== 45 && d !== 39 && d !== 38) break;
      if (k + 1 >= n) break;
      const e = text.charCodeAt(k + 1);
      if (e >= 128) return -1;
      if (!(ASCII[e] & (DIGIT | WORD))) break;
      if (d === 45) hyphen = k;
      k++;
    }
    const t = text.slice(i, k);
    const lower = upper ? t.toLowerCase() : t;
    const tail = hyphen > i && hyphen < k - 1 ? lower.slice(hyphen - i + 1) : '';
    out.push(makeToken(t, lower, i, 'w', gap, c >= 65 && c <= 90, NaN, tail));
    return k;
  }
  // A symbol: the two-character arrows and comparisons, else one character.
  const d = i + 1 < text.length ? text.charCodeAt(i + 1) : 0;
  const two =
    (d === 62 && (c === 45 || c === 61)) || // -> =>
    (d === 61 && (c === 60 || c === 62)) || // <= >=
    (c === 61 && d === 60); // =<
  const t = two ? text.slice(i, i + 2) : text[i];
  out.push(makeToken(t, t, i, 's', gap, false, NaN, ''));
  return i + t.length;
}

function makeToken(
  text: string,
  lower: string,
  start: number,
  kind: TokenKind,
  gap: boolean,
  cap: boolean,
  value: number,
  tail: string,
): Token {
  return {
    text,
    lower,
    start,
    end: start + text.length,
    kind,
    gap,
    cap,
    value,
    tail,
    vocabulary: null,
    entry: null,
    tailEntry: null,
  };
}

function tailOf(lower: string): string {
  const h = lower.lastIndexOf('-');
  return h > 0 && h < lower.length - 1 ? lower.slice(h + 1) : '';
}

function parseNumber(t: string): number {
  return Number(t.indexOf(',') >= 0 ? t.replace(/,/g, '') : t);
}
