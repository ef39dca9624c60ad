import fc from 'fast-check';
import { buildPlan } from '../../../src/core/plan';
import { isLegalSheetName } from '../../../src/core/plan/sheetNames';
import { fakeReport, gridSheet, Grid } from './fakeReport';
import { applyToSnapshot } from './simulate';
import type { WorkbookSnapshot } from '../../../src/core/snapshot';

const text = fc.oneof(
  fc.constant(null),
  fc.constantFrom('n/a', '-', '—', '', '=1+1', '+SUM(A1)', '@x', 'Cut churn 5% by Q2 2027', 'Improve things'),
  fc.string({ maxLength: 30 }),
);

const grid: fc.Arbitrary<Grid> = fc
  .record({
    objectives: fc.uniqueArray(
      fc.string({ minLength: 1, maxLength: 12 }).filter((s) => s.trim() !== ''),
      { minLength: 1, maxLength: 4, selector: (s) => s.trim().toLowerCase() },
    ),
    departments: fc.array(
      fc.string({ minLength: 1, maxLength: 40 }).filter((s) => s.trim() !== ''),
      { minLength: 1, maxLength: 5 },
    ),
  })
  .chain(({ objectives, departments }) =>
    fc.record({
      objectives: fc.constant(objectives),
      departments: fc.tuple(
        ...departments.map((name) =>
          fc
            .array(text, { minLength: objectives.length, maxLength: objectives.length })
            .map((cells) => ({ name, cells })),
        ),
      ),
    }),
  );

function workbook(g: Grid, userSheets: string[]): WorkbookSnapshot {
  const extra = userSheets.map((name, i) => ({
    ...gridSheet({ objectives: ['x'], departments: [] }),
    name,
    index: i + 1,
  }));
  return { sheets: [gridSheet(g), ...extra], names: [] };
}

describe('plan properties', () => {
  test('user sheets untouched, names legal and distinct, re-runs idempotent', () => {
    fc.assert(
      fc.property(
        grid,
        fc.uniqueArray(
          fc.constantFrom('Interlock Findings', 'Cascade Sales', 'InterlockChecked', 'Interlock State', 'Notes'),
          { maxLength: 3 },
        ),
        (g, users) => {
          const snap = workbook(g, users);
          const plan = buildPlan(fakeReport(snap, g), snap);
          const userNames = new Set(snap.sheets.map((s) => s.name.toUpperCase()));
          for (const s of plan.sheets) {
            expect(isLegalSheetName(s.name)).toBe(true);
            expect(userNames.has(s.name.toUpperCase())).toBe(false);
          }
          expect(new Set(plan.sheets.map((s) => s.name.toUpperCase())).size).toBe(plan.sheets.length);
          expect(plan.removeSheets).toEqual([]);
          const after = applyToSnapshot(snap, plan);
          // Every user sheet is as it was.
          for (const s of snap.sheets) expect(after.sheets.find((x) => x.name === s.name)?.values).toEqual(s.values);
          const again = buildPlan(fakeReport(after, g), after);
          expect(again).toEqual(plan);
        },
      ),
      { numRuns: 150 },
    );
  });
});
