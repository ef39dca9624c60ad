/**
 * Report → WritePlan: everything Interlock writes into a workbook, as plain data, and the plan
 * that takes it all out again. Each sheet has its own builder; this file decides names and
 * ownership and records them in the state sheet.
 */
import type { WorkbookSnapshot } from '../snapshot';
import type { Report } from '../report';
import type { PlannedSheet, WritePlan } from './types';
import { LayoutOptions, planLayout, tableNamer } from './ownership';
import { InterlockState, PLAN_VERSION, readState, stateSheet } from './state';
import { checkedSheet, matrixRules, severityByAddress } from './matrixWarnings';
import { findingsSheet } from './findingsSheet';
import { summarySheet } from './summarySheet';
import { overviewSheet } from './overviewSheet';
import { cascadeModels } from '../cascade';
import { cascadeSheet } from '../cascade/sheet';
import { readCascadeSheet } from '../cascade/read';
import { isOwnedGoalRow } from '../cascade/merge';
import { sheetKey } from './sheetNames';

export type { WritePlan } from './types';
export { readState } from './state';
export { CASCADE_MODES, type CascadeMode } from './ownership';

export interface PlanOptions extends LayoutOptions {
  /** File name or title, shown on the findings sheet. */
  workbookName?: string;
  /** Most findings listed one per row (default 10,000, worst first); the rest are counted. */
  maxFindingRows?: number;
}

/** The text every matrix rule Interlock writes contains: its checked sheet, as INDIRECT names it. */
export function ownerMarkerFor(checkedSheetName: string): string {
  return `"'${checkedSheetName.replace(/'/g, "''")}'!"`;
}

export function buildPlan(report: Report, snapshot: WorkbookSnapshot, options: PlanOptions = {}): WritePlan {
  const layout = planLayout(snapshot, report, options);
  const previousOwned = new Set((layout.previous?.sheets ?? []).map((s) => sheetKey(s.name)));
  if (previousOwned.has(sheetKey(report.matrix.sheet))) {
    throw new Error(
      `the matrix was read from "${report.matrix.sheet}", a sheet Interlock wrote; point it at the user's matrix`,
    );
  }
  const tableName = tableNamer(snapshot, previousOwned);
  const { names } = layout;
  const models = cascadeModels(layout, report);
  const hasBody = report.matrix.departments.length > 0 && report.matrix.objectives.length > 0;
  const rules = hasBody ? matrixRules(names.checked, report) : [];
  const worst = severityByAddress(report);

  const sheets: PlannedSheet[] = [
    findingsSheet(
      names.findings,
      tableName('InterlockFindings'),
      report,
      options.workbookName ?? snapshot.name,
      options.maxFindingRows,
    ),
    summarySheet(names.summary, report, worst),
    overviewSheet(
      names.overview,
      report,
      models.map((model, i) => ({ model, sheet: layout.cascades[i].sheet })),
    ),
    ...models.map((model, i) =>
      cascadeSheet(layout.cascades[i].sheet, tableName(`InterlockCascade${i + 1}`), model, report.matrix.sheet),
    ),
    checkedSheet(names.checked, report, worst),
  ];
  const departmentOf = new Map(layout.cascades.map((c) => [c.sheet, c.department]));
  const state: InterlockState = {
    version: PLAN_VERSION,
    marker: ownerMarkerFor(names.checked),
    matrix: { sheet: report.matrix.sheet, range: report.matrix.bodyRange, rules: rules.length },
    sheets: [
      ...sheets.map((s) => ({
        name: s.name,
        role: s.role,
        ...(departmentOf.has(s.name) ? { department: departmentOf.get(s.name) } : {}),
      })),
      ...layout.kept,
      { name: names.state, role: 'state' as const },
    ],
  };
  sheets.push(stateSheet(names.state, state));
  return {
    ownerMarker: state.marker,
    removeSheets: layout.removeSheets,
    sheets,
    matrix: { sheet: report.matrix.sheet, range: report.matrix.bodyRange, conditionalFormats: rules },
    activate: report.matrix.sheet,
  };
}

export interface ClearOptions {
  /** Also remove cascade sheets that hold rows people typed (they are kept by default). */
  all?: boolean;
}

export interface ClearPlan extends WritePlan {
  /** Cascade sheets left in place because they hold rows people typed. */
  kept: string[];
}

/**
 * Removes everything Interlock wrote: its sheets and its rules on the matrix. A cascade sheet that
 * holds rows people typed is kept (and stays recorded, so the next run picks it up again) unless
 * `all` is set: those rows are people's work, not Interlock's.
 */
export function buildClearPlan(snapshot: WorkbookSnapshot, options: ClearOptions = {}): ClearPlan {
  const previous = readState(snapshot);
  const marker = previous?.marker || ownerMarkerFor('InterlockChecked');
  if (!previous) {
    return {
      ownerMarker: marker,
      removeSheets: [],
      sheets: [],
      matrix: { sheet: '', range: '', conditionalFormats: [] },
      kept: [],
    };
  }
  const byName = new Map(snapshot.sheets.map((s) => [s.name, s]));
  const kept = options.all
    ? []
    : previous.sheets.filter((s) => {
        if (s.role !== 'cascade') return false;
        const sheet = byName.get(s.name);
        return (
          sheet !== undefined && readCascadeSheet(sheet).rows.some((r) => !isOwnedGoalRow(r.values, s.department ?? ''))
        );
      });
  const keptNames = new Set(kept.map((s) => s.name));
  const stateName = previous.sheets.find((s) => s.role === 'state')?.name;
  const sheets: PlannedSheet[] = [];
  if (kept.length > 0 && stateName) {
    sheets.push(
      stateSheet(stateName, {
        version: PLAN_VERSION,
        marker,
        sheets: [...kept, { name: stateName, role: 'state' }],
      }),
    );
  }
  return {
    ownerMarker: marker,
    removeSheets: previous.sheets
      .map((s) => s.name)
      .filter((n) => !keptNames.has(n) && !(kept.length > 0 && n === stateName)),
    sheets,
    matrix: { sheet: previous.matrix?.sheet ?? '', range: previous.matrix?.range ?? '', conditionalFormats: [] },
    kept: kept.map((s) => s.name),
  };
}
