import fc from 'fast-check';
import { findMatrix, isMatrixNotFound } from '../../src/core/matrix';
import { validate, reportDocument } from '../../src/core/validate';
import { readSettings } from '../../src/core/settings';
import type { CellValue, SheetSnapshot, WorkbookSnapshot } from '../../src/core/snapshot';
import type { Finding } from '../../src/core/report';
import { parseRange, contains } from '../../src/core/a1';

const GOOD = 'Launch a referral programme to generate 150 qualified leads by Q2 2027.';
const COST = 'Automate invoice matching to cut processing cost per invoice from $8 to $5 by Q3 2027.';

function sheet(name: string, values: CellValue[][], extra: Partial<SheetSnapshot> = {}): SheetSnapshot {
  return {
    name,
    index: 0,
    visibility: 'visible',
    protected: false,
    origin: { row: 0, col: 0 },
    values,
    merges: [],
    tables: [],
    ...extra,
  };
}

function book(...sheets: SheetSnapshot[]): WorkbookSnapshot {
  return { sheets: sheets.map((s, index) => ({ ...s, index })), names: [] };
}

const MATRIX: CellValue[][] = [
  ['Department', 'Grow revenue', 'Reduce costs'],
  ['Sales', GOOD, 'n/a'],
  ['Operations', null, COST],
];

function run(snapshot: WorkbookSnapshot, options = {}) {
  const m = findMatrix(snapshot);
  if (isMatrixNotFound(m)) throw new Error(m.reason);
  return validate(m, snapshot, { referenceDate: '2026-11-01', ...options });
}

describe('validate', () => {
  test('cells carry verdicts and labels; the summary counts findings', () => {
    const report = run(book(sheet('M', MATRIX)));
    const byAddress = new Map(report.cells.map((c) => [c.address, c]));
    expect(byAddress.get('B2')).toMatchObject({
      verdict: 'pass',
      department: 'Sales',
      objective: 'Grow revenue',
      measurable: true,
    });
    expect(byAddress.get('C2')!.verdict).toBe('n/a');
    expect(byAddress.get('B3')).toMatchObject({ verdict: 'blank', severity: 'warning' });
    const count = (s: string) => report.findings.filter((f) => f.severity === s).length;
    expect(report.summary).toEqual({ errors: count('error'), warnings: count('warning'), infos: count('info') });
  });

  test('the settings sheet turns a rule off and changes a severity', () => {
    const settings = sheet('Interlock Settings', [
      ['Rule', 'Severity'],
      ['blank-cell', 'off'],
      ['not-time-bound', 'error'],
      ['nonsense-rule', 'off'],
    ]);
    const snap = book(
      sheet('M', [...MATRIX, ['Legal', 'Launch a referral programme to generate 150 qualified leads.', 'n/a']]),
      settings,
    );
    const report = run(snap);
    expect(report.findings.some((f) => f.rule === 'blank-cell')).toBe(false);
    const ntb = report.findings.filter((f) => f.rule === 'not-time-bound');
    expect(ntb.length).toBeGreaterThan(0);
    expect(ntb.every((f) => f.severity === 'error')).toBe(true);
    expect(report.matrix.notes.join('\n')).toMatch(/nonsense-rule/);
  });

  test('document settings are read as JSON, and the sheet wins where both speak', () => {
    const snap: WorkbookSnapshot = {
      ...book(sheet('M', MATRIX), sheet('Interlock Settings', [['blank-cell', 'info']])),
      documentSettings: {
        'interlock.settings': JSON.stringify({
          rules: { 'blank-cell': 'off', 'objective-uncovered': 'warning' },
          fiscalYearStart: 'April',
        }),
      },
    };
    const s = readSettings(snap);
    expect(s.rules).toEqual({ 'blank-cell': 'info', 'objective-uncovered': 'warning' });
    expect(s.fiscalYearStart).toBe(4);
    expect(readSettings({ ...snap, documentSettings: { 'interlock.settings': '{oops' } }).problems[0]).toMatch(
      /not valid JSON/,
    );
  });

  test('cascade findings passed in are reported under cascade-orphan and obey settings', () => {
    const orphan: Finding = {
      rule: 'cascade-orphan',
      severity: 'error',
      sheet: 'Cascade Sales',
      address: 'C9',
      department: 'Sales',
      message: 'The team goal T-1 does not trace to a department goal.',
      suggestion: 'Pick a parent.',
    };
    expect(
      run(book(sheet('M', MATRIX)), { extraFindings: [orphan] }).findings.filter((f) => f.rule === 'cascade-orphan'),
    ).toEqual([orphan]);
    const off = book(sheet('M', MATRIX), sheet('Interlock Settings', [['cascade-orphan', 'off']]));
    expect(run(off, { extraFindings: [orphan] }).findings.some((f) => f.rule === 'cascade-orphan')).toBe(false);
  });

  test('a dependency written in a cell is checked against the provider’s cell', () => {
    const snap = book(
      sheet('M', [
        ['Department', 'Grow revenue', 'Reduce costs'],
        [
          'Sales',
          'Hire 6 specialists to close $2M of new product ARR by Q2 2027; depends on the R&D product launch.',
          'n/a',
        ],
        ['R&D', 'n/a', COST],
      ]),
    );
    const report = run(snap);
    expect(report.matrix.dependencies.some((d) => d.from === 'R&D' && d.source.address === 'B2')).toBe(true);
    expect(report.findings.find((f) => f.rule === 'dependency-unmet')).toMatchObject({
      address: 'B2',
      department: 'Sales',
    });
  });

  test('the --json document has the design’s shape', () => {
    const doc = reportDocument(run(book(sheet('M', MATRIX))), 'plan.xlsx');
    expect(Object.keys(doc)).toEqual(['file', 'matrix', 'cells', 'findings', 'summary']);
    expect(doc.matrix).toMatchObject({
      sheet: 'M',
      range: 'A1:C3',
      objectives: [{ name: 'Grow revenue' }, { name: 'Reduce costs' }],
    });
    expect(Object.keys(doc.cells[0])).toEqual([
      'address',
      'department',
      'objective',
      'text',
      'verdict',
      'measurable',
      'impact',
      'impactQuantified',
      'initiative',
      'timeBound',
      'vague',
    ]);
    expect(Object.keys(doc.findings[0])).toEqual([
      'rule',
      'severity',
      'sheet',
      'address',
      'department',
      'objective',
      'message',
      'suggestion',
    ]);
    expect(JSON.parse(JSON.stringify(doc))).toEqual(doc);
  });
});

describe('properties', () => {
  const value: fc.Arbitrary<CellValue> = fc.oneof(
    { weight: 4, arbitrary: fc.constant(null) },
    {
      weight: 3,
      arbitrary: fc.constantFrom(
        GOOD,
        COST,
        'n/a',
        '-',
        'TBD',
        'Improve collaboration',
        'Sales',
        'Department',
        'Metric',
        'Deadline',
        'Q2 2027',
        'Support',
        'Capacity',
        'Total',
        '=SUM(A1:A2)',
        'Function',
        'Serves',
      ),
    },
    { weight: 2, arbitrary: fc.string({ maxLength: 40 }) },
    { weight: 1, arbitrary: fc.integer({ min: -5, max: 50000 }) },
    { weight: 1, arbitrary: fc.constantFrom<CellValue>({ error: '#REF!' }, { date: '2027-06-30' }, true) },
  );
  const grid = fc.array(fc.array(value, { minLength: 0, maxLength: 8 }), { minLength: 0, maxLength: 12 });
  const origin = fc.record({ row: fc.nat(4), col: fc.nat(4) });

  test('random grids never throw, and never report a cell outside the matrix', () => {
    fc.assert(
      fc.property(
        grid,
        origin,
        fc.array(fc.constantFrom('A1:B2', 'B2:C3', 'A3:D3'), { maxLength: 2 }),
        (values, o, merges) => {
          const width = Math.max(0, ...values.map((r) => r.length));
          const rect = values.map((r) => [...r, ...new Array<CellValue>(width - r.length).fill(null)]);
          const snap = book(sheet('S', rect, { origin: o, merges }));
          const m = findMatrix(snap);
          if (isMatrixNotFound(m)) {
            expect(m.reason.length).toBeGreaterThan(0);
            return;
          }
          const report = validate(m, snap, { referenceDate: '2026-11-01' });
          const whole = parseRange(m.range)!;
          for (const c of report.cells) expect(contains(whole, { row: c.row, col: c.col })).toBe(true);
          for (const f of report.findings) {
            if (f.sheet !== m.sheet) continue;
            const r = parseRange(f.address);
            expect(r).not.toBeNull();
            expect(contains(whole, r!.start) && contains(whole, r!.end)).toBe(true);
          }
        },
      ),
      { numRuns: 300 },
    );
  });
});
