/** Quantities, roles, deadlines and dependencies: the structure under the labels. */
import { analyzeStatement, defaultLexicon, extendLexicon } from '../../../src/core/statement';

const q = (text: string) => analyzeStatement(text).quantities.map((x) => [x.text, x.unit, x.role, x.value]);

describe('quantities', () => {
  test.each<[string, unknown[]]>([
    [
      'Grow ARR from $12m to $24m',
      [
        ['$12m', 'currency', 'baseline', 12e6],
        ['$24m', 'currency', 'target', 24e6],
      ],
    ],
    ['Sign a dozen partners', [['a dozen', 'count', 'count', 12]]],
    ['Cut costs by a third', [['a third', 'fraction', 'change', 0.3333]]],
    ['Pipeline coverage 3x quota', [['3x', 'multiplier', 'change', 3]]],
    ['Lift conversion by 1.5 percentage points', [['1.5 percentage points', 'percentage-points', 'change', 1.5]]],
    ['Save DKK 100 million', [['DKK 100 million', 'currency', 'count', 1e8]]],
    ['Churn < 3%', [['3%', 'percent', 'threshold', 3]]],
    [
      'NPS 45 → 60',
      [
        ['45', 'count', 'baseline', 45],
        ['60', 'count', 'target', 60],
      ],
    ],
    ['50+ active teams', [['50+', 'count', 'threshold', 50]]],
    ['twenty-five new stores', [['twenty-five', 'count', 'count', 25]]],
    ['Achieve ISO 27001 and SOC 2 by Q3 2027', []],
    ['Roll out Windows 11 and Office 365', []],
    ['Ship v2.0 of the 3-year roadmap', []],
    ['KR2: write the Top 10 list', []],
  ])('%s', (text, expected) => {
    const got = q(text).map((r) => [
      r[0],
      r[1],
      r[2],
      typeof r[3] === 'number' ? Math.round((r[3] as number) * 1e4) / 1e4 : r[3],
    ]);
    expect(got).toEqual(expected);
  });
  test('what a quantity measures and whether it is an outcome', () => {
    const a = analyzeStatement('Run 4 webinars, projected to generate 150 qualified leads');
    expect(a.quantities.map((x) => [x.measures, x.outcome])).toEqual([
      ['webinars', false],
      ['qualified leads', true],
    ]);
    expect(a.metric).toBe('qualified leads');
  });
  test('direction, baseline and target', () => {
    const a = analyzeStatement('Reduce time to hire from 60 to 35 days');
    expect(a.direction).toBe('decrease');
    expect(a.baseline?.value).toBe(60);
    expect(a.target?.value).toBe(35);
  });
});

describe('deadlines', () => {
  test.each([
    ['Launch by Q3 2027', 'by Q3 2027', 'quarter'],
    ['Launch in H1 2027', 'in H1 2027', 'half'],
    ['Launch by FY28', 'by FY28', 'fiscal-year'],
    ['Launch by 15 May', 'by 15 May', 'date'],
    ['Launch by March', 'by March', 'month'],
    ['Launch by 2030', 'by 2030', 'year'],
    ['Launch by end of Q2', 'by end of Q2', 'quarter'],
    ['Sign 3 partners within 18 months', 'within 18 months', 'relative'],
    ['Lift NPS this quarter', 'this quarter', 'relative'],
    ['Hold 2 reviews per quarter', 'per quarter', 'recurring'],
    ['Grow traffic 20% YoY', 'YoY', 'recurring'],
  ])('%s → %s (%s)', (text, span, kind) => {
    const d = analyzeStatement(text).deadline;
    expect(d?.text).toBe(span);
    expect(d?.kind).toBe(kind);
    expect(text.slice(d!.start, d!.end)).toBe(span);
  });
  test('a baseline year is not a deadline, and "may" the verb is not May', () => {
    expect(analyzeStatement('Cut waste 10% vs 2024 levels').timeBound).toBe(false);
    expect(analyzeStatement('Teams may adopt the new tool').timeBound).toBe(false);
  });
});

describe('dependencies', () => {
  test.each([
    ['Launch the bundle, depends on R&D launch', { department: 'R&D', deliverable: 'launch' }],
    [
      'Run the campaign; needs sales materials from Marketing by March',
      { department: 'Marketing', deliverable: 'sales materials', neededBy: 'March' },
    ],
    ['Migrate CRM, requires API access from IT', { department: 'IT', deliverable: 'API access' }],
    [
      'Start upsell outreach once Product ships the pricing engine',
      { department: 'Product', deliverable: 'pricing engine' },
    ],
  ])('%s', (text, expected) => {
    const deps = analyzeStatement(text).dependencies;
    expect(deps).toHaveLength(1);
    expect(deps[0]).toMatchObject(expected);
  });
  test("a date inside a dependency is not the cell's own deadline", () => {
    expect(analyzeStatement('Run the campaign; needs sales materials from Marketing by March').timeBound).toBe(false);
  });
  test('"needs" without another department is no dependency', () => {
    expect(analyzeStatement('Needs 3 more engineers').dependencies).toEqual([]);
  });
});

describe('lexicon', () => {
  test('a workbook can add its own outcome metric', () => {
    const text = 'Lift widget yield score by 5 points';
    const lex = extendLexicon(defaultLexicon, { outcomeMetrics: ['Widget Yield Score'] });
    expect(analyzeStatement('Publish 5 zorbles', lex).impactQuantified).toBe(false);
    expect(analyzeStatement(text, lex).impactQuantified).toBe(true);
    expect(defaultLexicon.outcomeMetrics).not.toContain('widget yield score');
  });
  test('an output noun added by the workbook stops counting as a result', () => {
    const lex = extendLexicon(defaultLexicon, { outputNouns: ['zorbles'] });
    expect(analyzeStatement('Sign 5 zorbles', lex).impactQuantified).toBe(false);
  });
  test('unknown lists are refused with a clear message', () => {
    expect(() => extendLexicon(defaultLexicon, { nope: ['x'] } as never)).toThrow(/Unknown lexicon list "nope"/);
  });
});
