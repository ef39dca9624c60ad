/**
 * On a workbook validated before, the Office adapter's read leaves out the cells of the sheets the
 * next run rebuilds from the matrix alone (findings, summary, overview, what was checked), as the
 * file reader does: fewer and smaller answers, the same plan and clear plan as reading everything.
 */
import { buildClearPlan, buildPlan, readState } from '../../src/core/plan';
import type { WorkbookSnapshot } from '../../src/core/snapshot';
import { OfficeAdapter } from '../../src/excel/officeAdapter';
import { readWorkbookSnapshot, type ReadOptions } from '../../src/excel/readSnapshot';
import { check, runValidation } from '../../src/taskpane/workflow';
import { FakeExcel, type FakeOptions } from './fakeExcel';
import { MARKER, STATE_SHEET, addMatrix, makePlan } from './planFixtures';

const FIVE_MB = 5_000_000;
const REBUILT_ROLES = ['findings', 'summary', 'overview', 'checked'];

const read = (excel: FakeExcel, options?: ReadOptions) =>
  readWorkbookSnapshot({ run: excel.run, isSetSupported: excel.isSetSupported }, undefined, options);

/** Syncs and answer sizes of one read. */
async function measured(excel: FakeExcel, options?: ReadOptions) {
  excel.syncs = [];
  const snapshot = await read(excel, options);
  const accepted = excel.syncs.filter((s) => !s.failed);
  return {
    snapshot,
    syncs: excel.syncs.length,
    refused: excel.syncs.length - accepted.length,
    largest: Math.max(...accepted.map((s) => s.responseBytes)),
    total: accepted.reduce((n, s) => n + s.responseBytes, 0),
  };
}

/** A matrix with the benchmark's plan applied (findings, checked and state sheets). */
async function applied(depts: number, objectives: number, options: FakeOptions = {}) {
  const excel = new FakeExcel(options);
  addMatrix(excel, depts, objectives);
  await new OfficeAdapter({ run: excel.run, isSetSupported: excel.isSetSupported }).applyPlan(
    makePlan(depts, objectives),
  );
  return excel;
}

/** The lean snapshot is the full one with the rebuilt sheets' cells and tables left out. */
function expectLeanOf(lean: WorkbookSnapshot, full: WorkbookSnapshot, left: string[]) {
  expect(lean.sheets.map((s) => s.name)).toEqual(full.sheets.map((s) => s.name));
  expect(lean.names).toEqual(full.names);
  expect(lean.documentSettings).toEqual(full.documentSettings);
  for (const [i, s] of full.sheets.entries()) {
    if (!left.includes(s.name)) {
      expect(lean.sheets[i]).toEqual(s);
      continue;
    }
    expect(s.values.length).toBeGreaterThan(0);
    expect(lean.sheets[i]).toEqual({
      name: s.name,
      index: s.index,
      visibility: s.visibility,
      protected: s.protected,
      origin: { row: 0, col: 0 },
      values: [],
      formulas: [],
      merges: [],
      tables: [],
    });
  }
}

describe('reading a workbook validated before, through the Office adapter', () => {
  test('1,000 x 50: the output is not read; what is left is the matrix, read in fewer and smaller answers', async () => {
    const web = await applied(1000, 50);
    const lean = await measured(web);
    const full = await measured(web, { readRebuilt: true });
    expectLeanOf(lean.snapshot, full.snapshot, ['Interlock Findings', MARKER]);

    // The answers carry the matrix and the small state sheet, nothing of the output.
    const fresh = new FakeExcel();
    addMatrix(fresh, 1000, 50);
    const matrixOnly = await measured(fresh);
    expect(lean.total).toBeLessThan(matrixOnly.total * 1.01);
    expect(full.total).toBeGreaterThan(matrixOnly.total * 2);
    // The matrix alone is over 5 MB, so on the web it is still read in chunks, but fewer of them.
    expect(lean.syncs).toBeLessThan(full.syncs);
    expect(lean.syncs).toBe(matrixOnly.syncs);
    expect(lean.largest).toBeLessThan(FIVE_MB);

    // Where answers have no limit (desktop): two syncs either way, the largest answer under half.
    const desktop = await applied(1000, 50, { limitBytes: 0 });
    const leanDesktop = await measured(desktop);
    const fullDesktop = await measured(desktop, { readRebuilt: true });
    expect([leanDesktop.syncs, fullDesktop.syncs]).toEqual([2, 2]);
    expect(leanDesktop.largest).toBeLessThan(fullDesktop.largest / 2);
  });

  test('a matrix under 5 MB whose output takes the workbook over it: two syncs and no chunked read', async () => {
    const excel = await applied(500, 50);
    const lean = await measured(excel);
    const full = await measured(excel, { readRebuilt: true });
    expect(full.refused).toBe(1);
    expect(full.syncs).toBeGreaterThan(3);
    expect(lean).toMatchObject({ syncs: 2, refused: 0 });
    expect(lean.largest).toBeLessThan(full.total / 2);
    expectLeanOf(lean.snapshot, full.snapshot, ['Interlock Findings', MARKER]);
  });

  test("the engine's own output: same state, plan and clear plan; the rows people typed are read", async () => {
    const excel = new FakeExcel();
    addMatrix(excel, 12, 4);
    const adapter = new OfficeAdapter({ run: excel.run, isSetSupported: excel.isSetSupported });
    await runValidation(adapter, 'findings');
    // A team goal typed under the first goal of a cascade sheet.
    const cascade = excel.sheets.find((s) => s.name.startsWith('Cascade'))!;
    const parent = String(excel.cell(cascade.name, 'B5')!.value);
    const last = excel.usedBox(cascade)!.r1 + 2;
    const typed = 'Run 4 webinars for 200 prospects by Q2';
    excel.writeGrid(
      cascade,
      { r0: last, c0: 0, r1: last, c1: 4 },
      [['Team goal', 'TEAM-1', parent, null, typed]],
      'values',
    );

    const lean = await measured(excel);
    const full = await measured(excel, { readRebuilt: true });
    expect([lean.syncs, full.syncs]).toEqual([2, 2]);
    expect(lean.total).toBeLessThan(full.total / 2);
    const state = readState(full.snapshot)!;
    const rebuilt = state.sheets.filter((s) => REBUILT_ROLES.includes(s.role)).map((s) => s.name);
    expect(
      state.sheets
        .filter((s) => REBUILT_ROLES.includes(s.role))
        .map((s) => s.role)
        .sort(),
    ).toEqual([...REBUILT_ROLES].sort());
    expectLeanOf(lean.snapshot, full.snapshot, rebuilt);

    expect(readState(lean.snapshot)).toEqual(state);
    const plan = buildPlan(check(lean.snapshot), lean.snapshot);
    expect(plan).toEqual(buildPlan(check(full.snapshot), full.snapshot));
    expect(buildClearPlan(lean.snapshot)).toEqual(buildClearPlan(full.snapshot));
    const texts = plan.sheets.flatMap((s) => s.rows.flatMap((r) => (r ?? []).map((c) => c?.value)));
    expect(texts).toContain(typed);
  });

  test('a workbook with no state sheet reads as before, in two syncs', async () => {
    const excel = new FakeExcel();
    addMatrix(excel, 5, 3);
    excel.addSheet('Interlock Findings', [['my own findings']]);
    excel.addSheet('Lists', [['Interlock state is not here']]).visibility = 'VeryHidden';
    const lean = await measured(excel);
    expect(lean.syncs).toBe(2);
    expect(lean.snapshot).toEqual((await measured(excel, { readRebuilt: true })).snapshot);
  });

  test("a sheet named as Interlock's output that the state does not list is read in a third request", async () => {
    const excel = await applied(10, 5);
    excel.addSheet('Interlock Summary', [['a summary of my own']]);
    const lean = await measured(excel);
    expect(lean.syncs).toBe(3);
    const full = await measured(excel, { readRebuilt: true });
    expectLeanOf(lean.snapshot, full.snapshot, ['Interlock Findings', MARKER]);
    expect(lean.snapshot.sheets.find((s) => s.name === 'Interlock Summary')!.values).toEqual([['a summary of my own']]);

    // A hidden sheet of the state's name that is not the state: nothing is left out.
    const other = new FakeExcel();
    addMatrix(other, 5, 3);
    other.addSheet('Interlock Findings', [['my own findings']]);
    other.addSheet(STATE_SHEET, [['not a state']]).visibility = 'Hidden';
    const plain = await measured(other);
    expect(plain.syncs).toBe(3);
    expect(plain.snapshot).toEqual((await measured(other, { readRebuilt: true })).snapshot);
  });

  test('a sheet the state lists under a name of its own is read, then left out', async () => {
    const excel = await applied(10, 5);
    excel.sheet('Interlock Findings')!.name = 'Findings FY27';
    const state = excel.sheet(STATE_SHEET)!;
    excel.writeGrid(state, { r0: 5, c0: 0, r1: 5, c1: 0 }, [['Findings FY27']], 'values');
    const lean = await measured(excel);
    expect(lean.syncs).toBe(2);
    expectLeanOf(lean.snapshot, (await measured(excel, { readRebuilt: true })).snapshot, ['Findings FY27', MARKER]);
  });
});
