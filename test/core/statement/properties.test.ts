/** No input throws, every result is well formed, and work grows linearly with the text. */
import fc from 'fast-check';
import { analyzeStatement } from '../../../src/core/statement';

const pieces = fc.constantFrom(
  'Launch',
  'increase',
  'by',
  'from',
  'to',
  '15%',
  '$1.2M',
  'Q3',
  '2027',
  'FY28',
  'ISO 27001',
  'v2.0',
  '→',
  '≥',
  'within',
  '18',
  'months',
  'per',
  'quarter',
  'leads',
  'churn',
  'TBD',
  'n/a',
  '-',
  ',',
  '.',
  ';',
  ':',
  '(',
  ')',
  'depends on',
  'Marketing',
  'once',
  'ships',
  'a dozen',
  'half',
  'double',
  'x',
  '%',
  '😀',
  'مرحبا',
  'שלום',
  '\u0000',
  '\u202e',
  '\t',
  '\n',
  '1,000,000',
  '0.5',
  '24/7',
  'top 10',
  'KR2:',
  '1.2',
);

function wellFormed(text: string): void {
  const a = analyzeStatement(text);
  expect(['pass', 'fail', 'blank', 'n/a']).toContain(a.verdict);
  for (const q of a.quantities) {
    expect(q.start).toBeGreaterThanOrEqual(0);
    expect(q.end).toBeLessThanOrEqual(text.length);
    expect(text.slice(q.start, q.end)).toBe(q.text);
    expect(Number.isFinite(q.value)).toBe(true);
  }
  if (a.deadline) expect(text.slice(a.deadline.start, a.deadline.end)).toBe(a.deadline.text);
  if (a.verdict === 'pass') expect(a.measurable && a.impactQuantified).toBe(true);
  expect(() => JSON.stringify(a)).not.toThrow();
}

describe('robustness', () => {
  test('arbitrary strings never throw', () => {
    fc.assert(
      fc.property(fc.string({ maxLength: 300 }), (s) => wellFormed(s)),
      { numRuns: 500 },
    );
  });
  test('arbitrary unicode never throws', () => {
    fc.assert(
      fc.property(fc.string({ unit: 'binary', maxLength: 200 }), (s) => wellFormed(s)),
      { numRuns: 300 },
    );
  });
  test('statement-like word salad never throws', () => {
    fc.assert(
      fc.property(fc.array(pieces, { maxLength: 40 }), (ws) => wellFormed(ws.join(' '))),
      { numRuns: 1000 },
    );
  });
  test.each([
    ['empty', ''],
    ['numbers only', '1 2 3 4.5 6,000 7% 8x'],
    ['emoji', '🚀🚀 Grow 📈 revenue by 10% 🎯'],
    ['right-to-left', 'زيادة الإيرادات بنسبة 10% بحلول Q3'],
    ['control characters', 'Grow\u0000 revenue\u0007 by\u001b 10%\u0008'],
    ['only punctuation', '.,;:!?()[]{}—–-'],
    ['a number with many separators', '1,000,000,000,000,000,000,000,000'],
    ['32,767 characters of text', 'Grow revenue by 10% by Q3. '.repeat(1214).slice(0, 32767)],
    ['32,767 digits', '9'.repeat(32767)],
    ['32,767 letters', 'a'.repeat(32767)],
    ['32,767 commas and digits', '1,'.repeat(16383) + '1'],
  ])('%s', (_name, text) => {
    wellFormed(text);
  });
});

describe('linear time', () => {
  // Bounded work, compared by growth rather than wall-clock limits: 8x the input must take well
  // under 40x the time (a quadratic path would take ~64x).
  const unit = 'Launch a referral scheme to grow qualified leads from 120 to 180 by Q3 2027, depends on Marketing; ';
  function time(text: string): number {
    analyzeStatement(text); // warm
    const t0 = process.hrtime.bigint();
    for (let i = 0; i < 3; i++) analyzeStatement(text);
    return Number(process.hrtime.bigint() - t0);
  }
  test.each([
    ['sentences', unit],
    ['one long word', 'x'],
    ['digits', '7'],
    ['commas', ', '],
    ['symbols', '%→'],
  ])('%s', (_name, piece) => {
    const small = piece.repeat(Math.ceil(4096 / piece.length)).slice(0, 4096);
    const large = piece.repeat(Math.ceil(32768 / piece.length)).slice(0, 32767);
    const ts = Math.max(time(small), 2e5);
    const tl = time(large);
    expect(tl / ts).toBeLessThan(40);
  });
});
