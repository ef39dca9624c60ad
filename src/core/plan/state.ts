/**
 * Interlock's own record, kept in a very hidden sheet: which sheets and which matrix rules it
 * wrote. A re-run replaces exactly those, and nothing else. The sheet is found by what it holds
 * (its first cell), not by its name, so a user sheet that happens to share the name is never
 * mistaken for it. No time stamps: an unchanged workbook validates to the same workbook.
 */
import type { OwnedSheetRole, PlanCell, PlannedSheet } from './types';
import type { SheetSnapshot, WorkbookSnapshot } from '../snapshot';
import { cellAt } from '../snapshot';
import { cellText } from '../matrix/text';

export const STATE_SIGNATURE = 'Interlock state';
/** Layout version of what Interlock writes; bump when the layout changes (2: one code string per matrix row). */
export const PLAN_VERSION = 2;

const ROLES: OwnedSheetRole[] = ['findings', 'summary', 'overview', 'cascade', 'state', 'checked'];

export interface OwnedSheet {
  name: string;
  role: OwnedSheetRole;
  /** For a cascade sheet: the department it carries, as written in the matrix. */
  department?: string;
}

export interface InterlockState {
  version: number;
  /** Text in every matrix rule Interlock wrote (its checked sheet's name). */
  marker: string;
  /** Where the matrix rules went, and how many. */
  matrix?: { sheet: string; range: string; rules: number };
  sheets: OwnedSheet[];
}

/** Whether `sheet` is Interlock's state sheet (by its first cell; readState takes the first such sheet). */
export function isStateSheet(sheet: SheetSnapshot): boolean {
  return cellAt(sheet, 0, 0) === STATE_SIGNATURE;
}

/** The sheets a state sheet lists, as written (whether or not they still exist). */
function listedSheets(sheet: SheetSnapshot): OwnedSheet[] {
  const text = (r: number, c: number) => cellText(cellAt(sheet, r, c)).trim();
  const sheets: OwnedSheet[] = [];
  const lastRow = sheet.origin.row + sheet.values.length;
  for (let r = 5; r < lastRow; r++) {
    const name = text(r, 0);
    const role = text(r, 1) as OwnedSheetRole;
    if (!name || !ROLES.includes(role)) continue;
    const department = text(r, 2);
    sheets.push(department ? { name, role, department } : { name, role });
  }
  return sheets;
}

/**
 * Given a sheet, the sheets whose contents the next run rebuilds from the matrix alone (findings,
 * summary, overview, what was checked): a reader need not read their cells. Empty unless `sheet`
 * is the state sheet. Cascade sheets are not among them: they hold rows people typed.
 */
export function rebuiltSheetsListedIn(sheet: SheetSnapshot): string[] {
  if (!isStateSheet(sheet)) return [];
  return listedSheets(sheet)
    .filter((s) => s.role !== 'cascade' && s.role !== 'state')
    .map((s) => s.name);
}

/**
 * The state a previous run left, keeping only sheets that still exist (a user may have deleted
 * one). Null when there is none.
 */
export function readState(snapshot: WorkbookSnapshot): InterlockState | null {
  const sheet = snapshot.sheets.find(isStateSheet);
  if (!sheet) return null;
  const text = (r: number, c: number) => cellText(cellAt(sheet, r, c)).trim();
  const existing = new Set(snapshot.sheets.map((s) => s.name));
  const version = Number(cellAt(sheet, 0, 1)) || 0;
  const marker = text(1, 1);
  const matrixSheet = text(2, 1);
  const matrix = matrixSheet
    ? { sheet: matrixSheet, range: text(2, 2), rules: Number(cellAt(sheet, 2, 3)) || 0 }
    : undefined;
  const sheets = listedSheets(sheet).filter((s) => existing.has(s.name));
  // The state sheet owns itself under whatever name it has now.
  if (!sheets.some((s) => s.name === sheet.name)) sheets.push({ name: sheet.name, role: 'state' });
  return { version, marker, matrix, sheets };
}

const t = (value: string | number, style?: PlanCell['style']): PlanCell => (style ? { value, style } : { value });

/** The state sheet that records `state`. */
export function stateSheet(name: string, state: InterlockState): PlannedSheet {
  const rows: (PlanCell | undefined)[][] = [
    [t(STATE_SIGNATURE, 'title'), t(state.version)],
    [t('marker'), t(state.marker)],
    state.matrix ? [t('matrix'), t(state.matrix.sheet), t(state.matrix.range), t(state.matrix.rules)] : [t('matrix')],
    [t('Interlock keeps this sheet to replace its own output on the next run. Do not edit it.', 'muted')],
    [t('sheet', 'header'), t('role', 'header'), t('department', 'header')],
    ...state.sheets.map((s) => [t(s.name), t(s.role), ...(s.department !== undefined ? [t(s.department)] : [])]),
  ];
  return {
    name,
    role: 'state',
    visibility: 'veryHidden',
    rows,
    tables: [],
    validations: [],
    conditionalFormats: [],
  };
}
