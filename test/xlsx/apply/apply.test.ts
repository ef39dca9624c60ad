import ExcelJS from 'exceljs';
import { matrixWorkbook } from './fixtureWorkbook';
import { openPackage, readWorkbookSnapshot } from '../../../src/xlsx/load';
import { nodeCodec } from '../../../src/xlsx/package/nodeCodec';
import { applyPlanToPackage } from '../../../src/xlsx/write/applyPlan';
import { buildPlan } from '../../../src/core/plan';
import { fakeReport } from '../../core/plan/fakeReport';
import { readWorkbook } from '../../../src/xlsx/package/workbook';
import { clearOnce, opened, patched, roundTrip, ruleCount, rules, userCells, validateOnce } from './helpers';
import { evaluate } from './cfEval';
import { SAMPLE, Grid } from '../../core/plan/fakeReport';
import { isLegalSheetName } from '../../../src/core/plan/sheetNames';
import { parseRange } from '../../../src/core/a1';

const USER_SHEETS = ['Matrix', 'Notes'];

/** Which of Interlock's matrix rules lights each body cell, evaluated like Excel would. */
function lit(wb: ExcelJS.Workbook): Record<string, string> {
  const owned = rules(wb, 'Matrix').filter((r) => r.formulae?.[0]?.includes('InterlockChecked'));
  const labels = ['error', 'warning', 'changed', 'info'];
  const out: Record<string, string> = {};
  const range = parseRange(owned[0].ref)!;
  for (let r = range.start.row; r <= range.end.row; r++) {
    for (let c = range.start.col; c <= range.end.col; c++) {
      const ctx = {
        workbook: wb,
        sheet: 'Matrix',
        row: r + 1,
        col: c + 1,
        top: range.start.row + 1,
        left: range.start.col + 1,
      };
      const hit = owned
        .sort((a, b) => (a.priority ?? 0) - (b.priority ?? 0))
        .findIndex((rule) => evaluate(rule.formulae![0], ctx) === true);
      out[wb.getWorksheet('Matrix')!.getCell(r + 1, c + 1).address] = hit < 0 ? '' : labels[hit];
    }
  }
  return out;
}

describe('applyPlanToPackage, read back by ExcelJS', () => {
  test('every user cell is identical after validate, after a second validate, and after clear', async () => {
    const original = await roundTrip(matrixWorkbook());
    const before = userCells(original, USER_SHEETS);
    const userRules = rules(original, 'Matrix');
    const once = (await validateOnce(original)).wb;
    expect(userCells(once, USER_SHEETS)).toEqual(before);
    const twice = (await validateOnce(once)).wb;
    expect(userCells(twice, USER_SHEETS)).toEqual(before);
    const cleared = await clearOnce(twice);
    expect(userCells(cleared, USER_SHEETS)).toEqual(before);
    expect(cleared.worksheets.map((w) => w.name)).toEqual(USER_SHEETS);
    // Only the user's own rule is left on the matrix.
    expect(rules(cleared, 'Matrix')).toEqual(userRules);
  });

  test('validating twice gives the same sheets and the same number of rules', async () => {
    const once = (await validateOnce(await roundTrip(matrixWorkbook()))).wb;
    const shape = (wb: ExcelJS.Workbook) =>
      wb.worksheets.map((w) => ({ name: w.name, state: w.state, rules: ruleCount(wb, w.name), rows: w.rowCount }));
    const first = shape(once);
    const cells = userCells(
      once,
      once.worksheets.map((w) => w.name),
    );
    expect(ruleCount(once, 'Matrix')).toBe(1 + 4);
    const twice = (await validateOnce(once)).wb;
    expect(shape(twice)).toEqual(first);
    expect(
      userCells(
        twice,
        twice.worksheets.map((w) => w.name),
      ),
    ).toEqual(cells);
  });

  test('warnings light the right cells, and an edited cell shows as changed, not as a stale error', async () => {
    const wb = (await validateOnce(await roundTrip(matrixWorkbook()))).wb;
    // B3 header, C..E objectives, rows 4..6 departments (see fakeReport).
    expect(lit(wb)).toEqual({
      C4: '',
      D4: 'error',
      E4: 'warning',
      C5: '',
      D5: '',
      E5: 'warning',
      C6: '',
      D6: 'warning',
      E6: '',
    });
    const ws = wb.getWorksheet('Matrix')!;
    ws.getCell('D4').value = 'Run 20 joint account reviews with service by Q2 2027'; // fixed → changed
    ws.getCell('C4').value = 'Improve things a lot'; // no digit → error, live
    ws.getCell('C5').value = null; // emptied → warning, live
    ws.getCell('D6').value = 'n/a'; // declared empty → changed
    ws.getCell('E6').value = { error: '#N/A' } as ExcelJS.CellErrorValue; // error value → error
    const edited = await roundTrip(wb);
    expect(lit(edited)).toEqual({
      C4: 'error',
      D4: 'changed',
      E4: 'warning',
      C5: 'warning',
      D5: '',
      E5: 'warning',
      C6: '',
      D6: 'changed',
      E6: 'error',
    });
  });

  test('a team goal typed into a cascade sheet survives a re-run, and its orphaned sibling is flagged, not deleted', async () => {
    const first = await validateOnce(await roundTrip(matrixWorkbook()));
    const wb = first.wb;
    const sheet = first.plan.sheets.find((s) => s.role === 'cascade' && s.name === 'Cascade Sales')!;
    const ws = wb.getWorksheet(sheet.name)!;
    const goalId = String(ws.getCell('B5').value);
    const row = 5 + 2; // two department goals for Sales, then people's rows
    ws.getCell(`A${row}`).value = 'Team goal';
    ws.getCell(`B${row}`).value = 'SAL-T1';
    ws.getCell(`C${row}`).value = goalId;
    ws.getCell(`D${row}`).value = '=looks like a formula';
    ws.getCell(`E${row}`).value = 'Book 40 discovery calls a month with enterprise accounts';
    ws.getCell(`F${row}`).value = 'Dana';
    ws.getCell(`A${row + 1}`).value = 'Individual KPI';
    ws.getCell(`B${row + 1}`).value = 'SAL-K1';
    ws.getCell(`C${row + 1}`).value = 'GONE-1';
    ws.getCell(`E${row + 1}`).value = '10 calls a week';
    const saved = await roundTrip(wb);
    const grid: Grid = SAMPLE;
    const second = await validateOnce(saved, grid);
    const again = second.wb.getWorksheet('Cascade Sales')!;
    expect(again.getCell(`B${row}`).value).toBe('SAL-T1');
    expect(again.getCell(`C${row}`).value).toBe(goalId);
    expect(again.getCell(`D${row}`).value).toBe('=looks like a formula');
    expect(again.getCell(`F${row}`).value).toBe('Dana');
    expect(String(again.getCell(`L${row}`).value)).toMatch(/^traces to /);
    expect(again.getCell(`B${row + 1}`).value).toBe('SAL-K1');
    expect(String(again.getCell(`L${row + 1}`).value)).toMatch(/^orphan: parent GONE-1/);
    // A third run changes nothing.
    const before = userCells(second.wb, ['Cascade Sales']);
    const third = await validateOnce(second.wb, grid);
    expect(userCells(third.wb, ['Cascade Sales'])).toEqual(before);
  });

  test('department names Excel rejects and names that clash get legal, distinct sheets; a user sheet with a wanted name is untouched', async () => {
    const wb = await roundTrip(matrixWorkbook(SAMPLE, ['Notes', 'Interlock Findings', 'cascade sales']));
    const before = userCells(wb, ['Interlock Findings', 'cascade sales']);
    const { wb: out, plan } = await validateOnce(wb);
    const names = out.worksheets.map((w) => w.name);
    expect(new Set(names.map((n) => n.toUpperCase())).size).toBe(names.length);
    for (const n of names) expect(isLegalSheetName(n)).toBe(true);
    expect(userCells(out, ['Interlock Findings', 'cascade sales'])).toEqual(before);
    const cascades = plan.sheets.filter((s) => s.role === 'cascade').map((s) => s.name);
    expect(cascades).toHaveLength(3);
    expect(cascades).not.toContain('cascade sales');
    expect(plan.sheets.find((s) => s.role === 'findings')!.name).toBe('Interlock Findings (2)');
  });

  test('clear keeps a cascade sheet that holds people’s rows unless told to remove it all', async () => {
    const { wb } = await validateOnce(await roundTrip(matrixWorkbook()));
    const ws = wb.getWorksheet('Cascade Sales')!;
    ws.getCell('A7').value = 'Team goal';
    ws.getCell('B7').value = 'T1';
    const typed = await roundTrip(wb);
    const kept = await clearOnce(typed);
    expect(kept.worksheets.map((w) => w.name)).toEqual(['Matrix', 'Notes', 'Cascade Sales', 'Interlock State']);
    expect(kept.getWorksheet('Cascade Sales')!.getCell('B7').value).toBe('T1');
    expect(ruleCount(kept, 'Matrix')).toBe(1);
    const all = await clearOnce(await roundTrip(typed), true);
    expect(all.worksheets.map((w) => w.name)).toEqual(['Matrix', 'Notes']);
  });

  test('a re-run of an unchanged file writes the same parts again (no styles, rules or sheets pile up)', async () => {
    const patch = async (bytes: Uint8Array) => {
      const pkg = await openPackage(bytes, nodeCodec);
      const snap = await readWorkbookSnapshot(pkg, 'plan.xlsx');
      await applyPlanToPackage(pkg, buildPlan(fakeReport(snap, SAMPLE), snap));
      return pkg.toBytes();
    };
    const parts = async (bytes: Uint8Array) => {
      const pkg = await openPackage(bytes, nodeCodec);
      return Object.fromEntries(await Promise.all(pkg.names().map(async (n) => [n, await pkg.text(n)])));
    };
    const first = await patch((await opened(await roundTrip(matrixWorkbook()))).bytes);
    const second = await patch(first);
    const third = await patch(second);
    expect(await parts(third)).toEqual(await parts(second));
  });

  test('findings link to their cells, tables and drop-downs are written', async () => {
    const { wb } = await validateOnce(await roundTrip(matrixWorkbook()));
    const findings = wb.getWorksheet('Interlock Findings')!;
    expect(findings.getCell('C5').value).toBe('Matrix!D4');
    // The link is an in-document hyperlink (no relationship part); ExcelJS does not read those,
    // so look at the part itself.
    const { pkg: out } = await patched(await roundTrip(matrixWorkbook()));
    const written = (await readWorkbook(out))!.sheets.find((s) => s.name === 'Interlock Findings')!.part!;
    expect(await out.text(written)).toContain(`<hyperlink ref="C5" location="'Matrix'!D4"`);
    const cascade = wb.getWorksheet('Cascade Sales') as unknown as {
      dataValidations: { model: Record<string, { type: string; formulae: string[] }> };
      getTables(): unknown[];
    };
    expect(cascade.dataValidations.model.C7).toMatchObject({ type: 'list', formulae: ['$B$5:$B$106'] });
    expect(cascade.getTables()).toHaveLength(1);
  });
});
