/**
 * The character scan must split text exactly as the TOKEN expression defines, on ASCII and
 * around non-ASCII characters (where it hands over to the expression).
 */
import fc from 'fast-check';
import { TOKEN, tokenize } from '../../../src/core/statement/tokenize';
import type { Token } from '../../../src/core/statement/tokenize';

/** The definition, run as one global expression over the whole text. */
function byExpression(text: string): Token[] {
  const re = new RegExp(TOKEN.source, TOKEN.flags);
  const out: Token[] = [];
  let prevEnd = 0;
  let m: RegExpExecArray | null;
  while ((m = re.exec(text)) !== null) {
    const t = m[0];
    const kind = m[1] !== undefined ? 'n' : m[2] !== undefined ? 'w' : 's';
    const lower = kind === 'w' ? t.toLowerCase().replace(/’/g, "'") : t;
    const h = lower.lastIndexOf('-');
    out.push({
      text: t,
      lower,
      start: m.index,
      end: m.index + t.length,
      kind,
      gap: m.index === 0 || m.index > prevEnd,
      cap: kind === 'w' && lower[0] !== t[0] && /\p{Lu}/u.test(t[0]),
      value: kind === 'n' ? Number(t.replace(/,/g, '')) : NaN,
      tail: kind === 'w' && h > 0 && h < lower.length - 1 ? lower.slice(h + 1) : '',
      vocabulary: null,
      entry: null,
      tailEntry: null,
    });
    prevEnd = m.index + t.length;
  }
  return out;
}

const cases: [string, string[]][] = [
  ['Grow ARR 1,234,567.89 → $2M', ['Grow', 'ARR', '1,234,567.89', '→', '$', '2', 'M']],
  ['1234,567 and 1,2345', ['1234', ',', '567', 'and', '1,234', '5']],
  ['sign-ups R&D don’t X200 Q3', ['sign-ups', 'R&D', 'don’t', 'X200', 'Q3']],
  ['a-b- c--d e&', ['a-b', '-', 'c', '-', '-', 'd', 'e', '&']],
  ['->=><= >= =< <>', ['->', '=>', '<=', '>=', '=<', '<', '>']],
  ['café-owner naïve 3G', ['café-owner', 'naïve', '3', 'G']],
  ['x\u00a0y\u2003z\u0000', ['x', 'y', 'z', '\u0000']],
  ['NPS 😀 +5 under_score', ['NPS', '😀', '+', '5', 'under_score']],
];

describe('tokenize', () => {
  test.each(cases)('%j', (text, expected) => {
    expect(tokenize(text).map((t) => t.text)).toEqual(expected);
    expect(tokenize(text)).toEqual(byExpression(text));
  });

  test('agrees with the expression on any mix of ASCII and Unicode', () => {
    const ch = fc.constantFrom(..."aZ_09,.-'&’ \t\n\r>=<%$€£→≥é\u0301 \u00a0😀\u0000Q", 'Sign-Ups', '1,234', 'café');
    fc.assert(
      fc.property(fc.array(ch, { maxLength: 40 }), (parts) => {
        const text = parts.join('');
        expect(tokenize(text)).toEqual(byExpression(text));
      }),
      { numRuns: 3000 },
    );
    fc.assert(
      fc.property(fc.string({ unit: 'binary', maxLength: 40 }), (text) => {
        expect(tokenize(text)).toEqual(byExpression(text));
      }),
      { numRuns: 2000 },
    );
  });
});
