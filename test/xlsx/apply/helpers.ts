/** Round trips through a real .xlsx buffer, and what tests compare: user cells and rule lists. */
import ExcelJS from 'exceljs';
import { buildClearPlan, buildPlan, PlanOptions } from '../../../src/core/plan';
import { applyPlan } from '../../../src/xlsx/apply';
import { workbookSnapshot } from '../../../src/xlsx/snapshot';
import { fakeReport, Grid, SAMPLE } from '../../core/plan/fakeReport';
import type { WritePlan } from '../../../src/core/plan/types';

export async function roundTrip(wb: ExcelJS.Workbook): Promise<ExcelJS.Workbook> {
  const buf = await wb.xlsx.writeBuffer();
  const out = new ExcelJS.Workbook();
  await out.xlsx.load(buf as ArrayBuffer);
  return out;
}

/** validate (with the stand-in report) → plan → apply → write → read back. */
export async function validateOnce(
  wb: ExcelJS.Workbook,
  grid: Grid = SAMPLE,
  options: PlanOptions = {},
): Promise<{ wb: ExcelJS.Workbook; plan: WritePlan }> {
  const snap = workbookSnapshot(wb, 'plan.xlsx');
  const plan = buildPlan(fakeReport(snap, grid), snap, options);
  applyPlan(wb, plan);
  return { wb: await roundTrip(wb), plan };
}

export async function clearOnce(wb: ExcelJS.Workbook, all = false): Promise<ExcelJS.Workbook> {
  applyPlan(wb, buildClearPlan(workbookSnapshot(wb), { all }));
  return roundTrip(wb);
}

/** Every cell of the named sheets: address → value and style, as JSON. */
export function userCells(wb: ExcelJS.Workbook, sheets: string[]): Record<string, string> {
  const out: Record<string, string> = {};
  for (const name of sheets) {
    const ws = wb.getWorksheet(name);
    if (!ws) {
      out[name] = 'missing';
      continue;
    }
    ws.eachRow({ includeEmpty: true }, (row) =>
      row.eachCell({ includeEmpty: true }, (cell) => {
        out[`${name}!${cell.address}`] = JSON.stringify({ v: cell.value, s: cell.style, t: cell.type });
      }),
    );
  }
  return out;
}

export function ruleCount(wb: ExcelJS.Workbook, sheet: string): number {
  const ws = wb.getWorksheet(sheet) as unknown as { conditionalFormattings: { rules: unknown[] }[] };
  return ws.conditionalFormattings.reduce((n, cf) => n + cf.rules.length, 0);
}

export function rules(wb: ExcelJS.Workbook, sheet: string): { ref: string; formulae?: string[]; priority?: number }[] {
  const ws = wb.getWorksheet(sheet) as unknown as {
    conditionalFormattings: { ref: string; rules: { formulae?: string[]; priority?: number }[] }[];
  };
  return ws.conditionalFormattings.flatMap((cf) => cf.rules.map((r) => ({ ref: cf.ref, ...r })));
}
