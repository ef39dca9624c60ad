/** The real engine's plan carried out through the Office adapter, on the recording fake. */
import { OfficeAdapter } from '../../src/excel/officeAdapter';
import { readState } from '../../src/core/plan/state';
import { runClear, runValidation, NoMatrixError } from '../../src/taskpane/workflow';
import { FakeExcel } from './fakeExcel';
import { addMatrix } from './planFixtures';

function setup(depts = 8, objectives = 4) {
  const excel = new FakeExcel();
  addMatrix(excel, depts, objectives);
  return { excel, adapter: new OfficeAdapter({ run: excel.run, isSetSupported: excel.isSetSupported }) };
}

const matrixCells = (excel: FakeExcel) => JSON.stringify([...excel.sheet('Matrix')!.cells]);

describe('Validate, Build cascade and Clear through the Office adapter', () => {
  test('validate writes the plan, shows the findings, and a re-run gives the same workbook', async () => {
    const { excel, adapter } = setup();
    const before = matrixCells(excel);
    const out = await runValidation(adapter, 'findings');
    expect(out.report.findings.length).toBeGreaterThan(0);
    expect(excel.activeSheet).toBe(out.shown);
    expect(out.plan!.sheets.find((s) => s.name === out.shown)?.role).toBe('findings');
    expect(matrixCells(excel)).toBe(before);
    const rules = excel.sheet('Matrix')!.conditionalFormats.length;
    expect(rules).toBe(out.plan!.matrix.conditionalFormats.length);
    const state = readState(await adapter.readSnapshot());
    expect(state?.sheets.map((s) => s.name).sort()).toEqual(out.plan!.sheets.map((s) => s.name).sort());

    const names = excel.sheets.map((s) => s.name);
    await runValidation(adapter, 'overview');
    expect(excel.sheets.map((s) => s.name)).toEqual(names);
    expect(excel.sheet('Matrix')!.conditionalFormats).toHaveLength(rules);
    expect(excel.unsynced).toBe(0);
  });

  test('clear removes its sheets and rules and leaves the matrix as typed', async () => {
    const { excel, adapter } = setup();
    const before = matrixCells(excel);
    await runValidation(adapter, 'findings');
    const out = await runClear(adapter);
    expect(out.removed.length).toBeGreaterThan(0);
    expect(excel.sheets.map((s) => s.name)).toEqual(['Matrix', ...out.kept]);
    expect(excel.sheet('Matrix')!.conditionalFormats).toEqual([]);
    expect(matrixCells(excel)).toBe(before);
  });

  test('a workbook with no matrix says what was looked for, and nothing is written', async () => {
    const excel = new FakeExcel();
    excel.addSheet('Notes', [['Just some notes']]);
    const adapter = new OfficeAdapter({ run: excel.run, isSetSupported: excel.isSetSupported });
    await expect(runValidation(adapter, 'findings')).rejects.toThrow(NoMatrixError);
    await expect(runValidation(adapter, 'findings')).rejects.toThrow(/Looked for/);
    expect(excel.calls.filter((c) => c.action !== 'load')).toEqual([]);
  });
});
