/**
 * On a workbook validated before, the reader leaves out the cells of the sheets the next run
 * rebuilds from the matrix alone (findings, summary, overview, what was checked). These tests
 * show it changes nothing downstream: the same plan, the same clear, the cascade rows people
 * typed still read.
 */
import { readFileSync } from 'fs';
import { join } from 'path';
import ExcelJS from 'exceljs';
import { findMatrix, isMatrixNotFound } from '../../../src/core/matrix';
import { validate } from '../../../src/core/validate';
import { buildClearPlan, buildPlan, readState } from '../../../src/core/plan';
import type { WorkbookSnapshot } from '../../../src/core/snapshot';
import { openPackage, readWorkbookSnapshot } from '../../../src/xlsx/load';
import { nodeCodec } from '../../../src/xlsx/package/nodeCodec';
import { applyPlanToPackage } from '../../../src/xlsx/write/applyPlan';

const SAMPLE = join(__dirname, '../../../examples/sample-matrix.xlsx');
const OPTIONS = { referenceDate: '2026-11-01' };

function planOf(snap: WorkbookSnapshot) {
  const m = findMatrix(snap);
  if (isMatrixNotFound(m)) throw new Error(m.reason);
  return buildPlan(validate(m, snap, OPTIONS), snap);
}

/** The sample validated once, then a team goal typed into its first cascade sheet. */
async function validatedWithTypedRow(): Promise<Uint8Array> {
  const pkg = await openPackage(new Uint8Array(readFileSync(SAMPLE)), nodeCodec);
  await applyPlanToPackage(pkg, planOf(await readWorkbookSnapshot(pkg, 'sample.xlsx')));
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.load((await pkg.toBytes()) as unknown as ArrayBuffer);
  const cascade = wb.worksheets.find((w) => w.name.startsWith('Cascade'))!;
  const parent = String(cascade.getCell('B5').value);
  const row = cascade.getRow(cascade.rowCount + 2);
  row.getCell(1).value = 'Team goal';
  row.getCell(2).value = 'TEAM-1';
  row.getCell(3).value = parent;
  row.getCell(5).value = 'Run 4 webinars for 200 prospects by Q2';
  return new Uint8Array((await wb.xlsx.writeBuffer()) as ArrayBuffer);
}

describe('reading a workbook validated before', () => {
  let lean: WorkbookSnapshot;
  let full: WorkbookSnapshot;

  beforeAll(async () => {
    const bytes = await validatedWithTypedRow();
    lean = await readWorkbookSnapshot(await openPackage(bytes, nodeCodec), 'plan.xlsx');
    full = await readWorkbookSnapshot(await openPackage(bytes, nodeCodec), 'plan.xlsx', { readRebuilt: true });
  });

  it('leaves out the cells of the rebuilt sheets, and reads the rest', () => {
    const roles = new Map(readState(full)!.sheets.map((s) => [s.name, s.role]));
    const rebuilt = full.sheets.filter((s) =>
      ['findings', 'summary', 'overview', 'checked'].includes(roles.get(s.name)!),
    );
    expect(rebuilt.map((s) => roles.get(s.name)).sort()).toEqual(['checked', 'findings', 'overview', 'summary']);
    for (const s of rebuilt) {
      expect(full.sheets[s.index].values.length).toBeGreaterThan(0);
      expect(lean.sheets[s.index].values).toEqual([]);
      expect(lean.sheets[s.index].name).toBe(s.name);
    }
    for (const s of full.sheets.filter((x) => !rebuilt.includes(x))) expect(lean.sheets[s.index]).toEqual(s);
  });

  it('gives the same state, plan and clear plan as reading everything', () => {
    expect(readState(lean)).toEqual(readState(full));
    const plan = planOf(lean);
    expect(plan).toEqual(planOf(full));
    expect(buildClearPlan(lean)).toEqual(buildClearPlan(full));
    // The typed team goal is carried into the new cascade sheet.
    const texts = plan.sheets.flatMap((s) => s.rows.flatMap((r) => (r ?? []).map((c) => c?.value)));
    expect(texts).toContain('Run 4 webinars for 200 prospects by Q2');
  });

  it('reads everything when the core would take another sheet for the state (one that starts the same way, earlier)', async () => {
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load((await validatedWithTypedRow()) as unknown as ArrayBuffer);
    const lookalike = wb.addWorksheet('My notes');
    lookalike.getCell('A1').value = 'Interlock state';
    (lookalike as unknown as { orderNo: number }).orderNo = -1; // first tab (not in the typings)
    const bytes = new Uint8Array((await wb.xlsx.writeBuffer()) as ArrayBuffer);
    const read = (o = {}) => openPackage(bytes, nodeCodec).then((p) => readWorkbookSnapshot(p, 'p.xlsx', o));
    const snap = await read();
    expect(snap.sheets[0].name).toBe('My notes');
    expect(snap).toEqual(await read({ readRebuilt: true }));
  });

  it('reads every sheet of a workbook with no state sheet', async () => {
    const wb = new ExcelJS.Workbook();
    wb.addWorksheet('Plan').getCell('B2').value = 'Objective 1';
    const hidden = wb.addWorksheet('Lists', { state: 'hidden' });
    hidden.getCell('A1').value = 'Interlock state is not here';
    wb.addWorksheet('Notes').getCell('A1').value = 'Interlock Findings';
    const bytes = new Uint8Array((await wb.xlsx.writeBuffer()) as ArrayBuffer);
    const read = (o = {}) => openPackage(bytes, nodeCodec).then((p) => readWorkbookSnapshot(p, 's.xlsx', o));
    expect(await read()).toEqual(await read({ readRebuilt: true }));
  });
});
