/**
 * No failure at any point of a write may lose the rows people typed on cascade sheets. Each case
 * fails the second run at one step (every write action of that run, in turn), then runs again
 * and expects the workbook a run without failure gives: every typed row present, no left-over.
 */
import { OfficeAdapter } from '../../src/excel/officeAdapter';
import { JOURNAL_SHEET, isReserved, parseJournal, recoverySteps } from '../../src/excel/swapJournal';
import { runValidation } from '../../src/taskpane/workflow';
import { FakeExcel, FakeOfficeError } from './fakeExcel';
import type { RecordedCall } from './fakeExcel';
import { addMatrix } from './planFixtures';

const DEPTS = 4;
const OBJECTIVES = 3;
/** Rows in the step table: at least the write actions of one run on this workbook. */
const STEPS = 420;

/** Rows a department head typed under the goals of a cascade sheet. */
const TYPED = [
  ['Team goal', 'T-SALES-1', 'D1-O1', 'Obj', 'Book 40 demos with the enterprise team by March 2027', 'Ana'],
  ['Individual KPI', 'K-ANA-1', 'T-SALES-1', 'Obj', '12 demos a month from April 2027', 'Ana'],
];

function typeRows(excel: FakeExcel, sheetName: string, rows: string[][]): void {
  const sheet = excel.sheet(sheetName)!;
  const box = excel.usedBox(sheet)!;
  rows.forEach((row, i) =>
    row.forEach((v, c) => sheet.cells.set((box.r1 + 1 + i) * 16384 + c, { value: v, numberFormat: '@' })),
  );
}

/** The text of every row on a sheet, as `a|b|c`. */
function rowTexts(excel: FakeExcel, sheetName: string): string[] {
  const sheet = excel.sheet(sheetName);
  if (!sheet) return [];
  const lines = new Map<number, string[]>();
  for (const [k, cell] of sheet.cells) {
    const r = Math.floor(k / 16384);
    const line = lines.get(r) ?? [];
    line[k % 16384] = String(cell.value ?? '');
    lines.set(r, line);
  }
  return [...lines.values()].map((l) => Array.from(l, (v) => v ?? '').join('|'));
}

/** Names, visibility and cell values of every sheet: what a user could see. */
function visibleState(excel: FakeExcel): string {
  return JSON.stringify(
    excel.sheets.map((s) => ({
      name: s.name,
      visibility: s.visibility,
      cells: [...s.cells].sort((a, b) => a[0] - b[0]).map(([k, c]) => [k, c.formula ?? c.value]),
      tables: s.tables.map((t) => t.name),
      rules: s.conditionalFormats.map((c) => c.formula ?? c.type),
    })),
  );
}

/** A workbook after one run, with people's rows typed on the first department's cascade sheet. */
async function preparedWorkbook(): Promise<{ excel: FakeExcel; adapter: OfficeAdapter; cascade: string }> {
  const excel = new FakeExcel();
  addMatrix(excel, DEPTS, OBJECTIVES);
  const adapter = new OfficeAdapter({ run: excel.run, isSetSupported: excel.isSetSupported });
  const first = await runValidation(adapter, 'findings');
  const cascade = first.plan!.sheets.find((s) => s.role === 'cascade')!.name;
  typeRows(excel, cascade, TYPED);
  return { excel, adapter, cascade };
}

const typedPresent = (excel: FakeExcel, sheet: string) =>
  TYPED.every((row) => rowTexts(excel, sheet).some((line) => line.startsWith(row.join('|'))));

/** Fails the n-th write action (loads are reads) from now on, once. */
function failAt(excel: FakeExcel, n: number): { hit: () => RecordedCall | undefined } {
  let count = 0;
  let hit: RecordedCall | undefined;
  excel.options.failWhen = (call) => {
    if (call.action === 'load' || hit) return undefined;
    if (count++ === n) {
      hit = call;
      return new FakeOfficeError('GeneralException', `simulated failure at step ${n}`);
    }
    return undefined;
  };
  return { hit: () => hit };
}

async function referenceState(): Promise<{ state: string; writes: number }> {
  const { excel, adapter } = await preparedWorkbook();
  const before = excel.calls.length;
  await runValidation(adapter, 'findings');
  const writes = excel.calls.slice(before).filter((c) => c.action !== 'load').length;
  await runValidation(adapter, 'findings');
  return { state: visibleState(excel), writes };
}

describe('a write interrupted at any step loses no typed cascade row', () => {
  let reference: { state: string; writes: number };
  beforeAll(async () => {
    reference = await referenceState();
  });

  test('the prepared workbook holds the typed rows and a re-run keeps them', async () => {
    const { excel, adapter, cascade } = await preparedWorkbook();
    expect(typedPresent(excel, cascade)).toBe(true);
    await runValidation(adapter, 'findings');
    expect(typedPresent(excel, cascade)).toBe(true);
    expect(reference.writes).toBeGreaterThan(20);
    // The table below covers every write step of the run.
    expect(reference.writes).toBeLessThanOrEqual(STEPS);
  });

  // One case per write action of the second run: build, journal, set-aside, rename, delete, rules.
  const steps = Array.from({ length: STEPS }, (_, i) => i);
  test.each(steps)('failure at write step %i, then a re-run', async (n) => {
    if (n >= reference.writes) return; // the run has fewer steps than the table
    const { excel, adapter, cascade } = await preparedWorkbook();
    const injected = failAt(excel, n);
    await expect(runValidation(adapter, 'findings')).rejects.toThrow(/Interlock stopped/);
    expect(injected.hit()).toBeDefined();
    // Between the failure and the next run, the rows exist somewhere in the workbook.
    const anywhere = excel.sheets.some((s) => typedPresent(excel, s.name));
    expect(anywhere).toBe(true);

    excel.options.failWhen = undefined;
    await runValidation(adapter, 'findings');
    expect(typedPresent(excel, cascade)).toBe(true);
    expect(excel.sheets.filter((s) => isReserved(s.name)).map((s) => s.name)).toEqual([]);
    // A second clean run after the recovered one gives what runs without failure give.
    await runValidation(adapter, 'findings');
    expect(visibleState(excel)).toBe(reference.state);
  });

  test('a failure while finishing an interrupted swap is finished on the run after', async () => {
    for (const [swapStep, recoveryStep] of [
      [-12, 0],
      [-12, 2],
      [-8, 1],
      [-8, 3],
      [-5, 4],
    ]) {
      const { excel, adapter, cascade } = await preparedWorkbook();
      failAt(excel, reference.writes + swapStep);
      await expect(runValidation(adapter, 'findings')).rejects.toThrow(/Interlock stopped/);
      // The recovery runs inside the next read; fail one of its steps. The read goes on, and the
      // write refuses while the journal is there.
      const injected = failAt(excel, recoveryStep);
      await expect(runValidation(adapter, 'findings')).rejects.toThrow(/interrupted|Interlock stopped/);
      expect(injected.hit()).toBeDefined();
      expect(excel.sheets.some((s) => typedPresent(excel, s.name))).toBe(true);
      excel.options.failWhen = undefined;
      await runValidation(adapter, 'findings');
      await runValidation(adapter, 'findings');
      expect(typedPresent(excel, cascade)).toBe(true);
      expect(excel.sheets.filter((s) => isReserved(s.name))).toEqual([]);
      expect(visibleState(excel)).toBe(reference.state);
    }
  });
});

describe('recovery steps from the journal', () => {
  const journal = parseJournal([
    ['Interlock swap journal', '1', '', ''],
    ['old', '_interlock_old_1', 'State', 'VeryHidden'],
    ['old', '_interlock_old_2', 'Cascade Sales', 'Visible'],
    ['new', '_interlock_tmp_1', 'Cascade Sales', 'Visible'],
    ['new', '_interlock_tmp_2', 'Cascade IT', 'Visible'],
    ['new', '_interlock_tmp_3', 'State', 'VeryHidden'],
  ]);
  const sheet = (name: string, visibility = 'Hidden') => ({ name, visibility });

  test('an unreadable journal is no journal', () => {
    expect(parseJournal([])).toBeNull();
    expect(parseJournal([['something else']])).toBeNull();
  });

  test('stopped before any old sheet moved: old sheets go aside, new ones take their names', () => {
    const steps = recoverySteps(journal, [
      sheet('Matrix', 'Visible'),
      sheet('State', 'VeryHidden'),
      sheet('Cascade Sales', 'Visible'),
      sheet('_interlock_tmp_1'),
      sheet('_interlock_tmp_2'),
      sheet('_interlock_tmp_3'),
      sheet(JOURNAL_SHEET, 'VeryHidden'),
    ]);
    expect(steps).toEqual([
      { kind: 'rename', from: 'State', to: '_interlock_old_1' },
      { kind: 'rename', from: 'Cascade Sales', to: '_interlock_old_2' },
      { kind: 'rename', from: '_interlock_tmp_1', to: 'Cascade Sales', visibility: 'Visible' },
      { kind: 'rename', from: '_interlock_tmp_2', to: 'Cascade IT', visibility: 'Visible' },
      { kind: 'rename', from: '_interlock_tmp_3', to: 'State', visibility: 'VeryHidden' },
      { kind: 'delete', name: '_interlock_old_1' },
      { kind: 'delete', name: '_interlock_old_2' },
      { kind: 'delete', name: JOURNAL_SHEET },
    ]);
  });

  test('a set-aside sheet whose replacement is gone gets its name back, never deleted', () => {
    const steps = recoverySteps(journal, [
      sheet('Matrix', 'Visible'),
      sheet('_interlock_old_1', 'VeryHidden'),
      sheet('_interlock_old_2'),
      sheet('_interlock_tmp_3'),
      sheet(JOURNAL_SHEET, 'VeryHidden'),
    ]);
    expect(steps).toContainEqual({
      kind: 'rename',
      from: '_interlock_old_2',
      to: 'Cascade Sales',
      visibility: 'Visible',
    });
    expect(steps).not.toContainEqual({ kind: 'delete', name: '_interlock_old_2' });
  });

  test('without a journal, temporary sheets are copies from a build that stopped; set-aside ones stay', () => {
    expect(
      recoverySteps(null, [sheet('Matrix', 'Visible'), sheet('_interlock_tmp_4'), sheet('_interlock_old_9')]),
    ).toEqual([{ kind: 'delete', name: '_interlock_tmp_4' }]);
  });
});
