/**
 * Round trips through a real .xlsx: the workbook is written by ExcelJS, patched by Interlock's
 * package writer, and read back by ExcelJS, an independent reader. Also what tests compare: user
 * cells and rule lists.
 */
import ExcelJS from 'exceljs';
import { buildClearPlan, buildPlan, PlanOptions } from '../../../src/core/plan';
import { openPackage, readWorkbookSnapshot } from '../../../src/xlsx/load';
import { nodeCodec } from '../../../src/xlsx/package/nodeCodec';
import type { Package } from '../../../src/xlsx/package/package';
import { applyPlanToPackage } from '../../../src/xlsx/write/applyPlan';
import type { WorkbookSnapshot } from '../../../src/core/snapshot';
import { fakeReport, Grid, SAMPLE } from '../../core/plan/fakeReport';
import type { WritePlan } from '../../../src/core/plan/types';

export async function roundTrip(wb: ExcelJS.Workbook): Promise<ExcelJS.Workbook> {
  const buf = await wb.xlsx.writeBuffer();
  const out = new ExcelJS.Workbook();
  await out.xlsx.load(buf as ArrayBuffer);
  return out;
}

/** The workbook's bytes as Interlock opens them, and its snapshot. */
export async function opened(
  wb: ExcelJS.Workbook,
): Promise<{ pkg: Package; snap: WorkbookSnapshot; bytes: Uint8Array }> {
  const bytes = new Uint8Array((await wb.xlsx.writeBuffer()) as ArrayBuffer);
  const pkg = await openPackage(bytes, nodeCodec);
  return { pkg, snap: await readWorkbookSnapshot(pkg, 'plan.xlsx'), bytes };
}

/** Applies a plan to the package and reads the result back with ExcelJS. */
export async function applied(pkg: Package, plan: WritePlan): Promise<ExcelJS.Workbook> {
  await applyPlanToPackage(pkg, plan);
  const out = new ExcelJS.Workbook();
  await out.xlsx.load((await pkg.toBytes()) as unknown as ArrayBuffer);
  return out;
}

/** validate (with the stand-in report) → plan → apply to the package, kept as a package. */
export async function patched(wb: ExcelJS.Workbook, grid: Grid = SAMPLE): Promise<{ pkg: Package; plan: WritePlan }> {
  const { pkg, snap } = await opened(wb);
  const plan = buildPlan(fakeReport(snap, grid), snap);
  await applyPlanToPackage(pkg, plan);
  return { pkg, plan };
}

/** validate (with the stand-in report) → plan → apply to the package → read back. */
export async function validateOnce(
  wb: ExcelJS.Workbook,
  grid: Grid = SAMPLE,
  options: PlanOptions = {},
): Promise<{ wb: ExcelJS.Workbook; plan: WritePlan }> {
  const { pkg, snap } = await opened(wb);
  const plan = buildPlan(fakeReport(snap, grid), snap, options);
  return { wb: await applied(pkg, plan), plan };
}

export async function clearOnce(wb: ExcelJS.Workbook, all = false): Promise<ExcelJS.Workbook> {
  const { pkg, snap } = await opened(wb);
  return applied(pkg, buildClearPlan(snap, { all }));
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
