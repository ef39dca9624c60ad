/**
 * Which sheets this run writes and under which names: a previous run's sheets (from its state)
 * are reused under the same names; new ones get names no user sheet has. A user sheet that
 * happens to share a wanted name is never touched: the new sheet gets another name.
 */
import type { WorkbookSnapshot, SheetSnapshot } from '../snapshot';
import type { Report } from '../report';
import type { OwnedSheetRole } from './types';
import { nameKey } from '../matrix/text';
import { InterlockState, OwnedSheet, readState } from './state';
import { SheetNamer, sheetKey } from './sheetNames';
import { ExistingCascade, readCascadeSheet } from '../cascade/read';
import { isOwnedGoalRow } from '../cascade/merge';

export const WANTED_NAMES: Record<Exclude<OwnedSheetRole, 'cascade'>, string> = {
  findings: 'Interlock Findings',
  summary: 'Interlock Summary',
  overview: 'Interlock Overview',
  checked: 'InterlockChecked',
  state: 'Interlock State',
};

export const CASCADE_PREFIX = 'Cascade ';

export interface CascadeSlot {
  department: string;
  /** Index in report.matrix.departments, or -1 for a department no longer in the matrix. */
  deptIndex: number;
  sheet: string;
  existing?: ExistingCascade;
}

export interface Layout {
  previous: InterlockState | null;
  names: Record<Exclude<OwnedSheetRole, 'cascade'>, string>;
  cascades: CascadeSlot[];
  /** Sheets the previous run owned that this run does not write again. */
  removeSheets: string[];
  /** Cascade sheets a previous run wrote that this run leaves exactly as they are (`cascade: 'none'`). */
  kept: OwnedSheet[];
}

export type CascadeMode = 'all' | 'existing' | 'none';
export const CASCADE_MODES: readonly CascadeMode[] = ['all', 'existing', 'none'];

export interface LayoutOptions {
  /**
   * `all` (default): a cascade sheet for every department, as the design asks. `existing`: refresh
   * only the cascade sheets already in the workbook, add none (a large matrix where only some
   * departments cascade). `none`: write no cascade sheet and leave the ones already there exactly
   * as they are (a quick check of a large matrix; the next `all` or `existing` run refreshes them).
   */
  cascade?: CascadeMode;
}

/** Departments keyed by name as people read it, with an occurrence count for repeated names. */
function departmentKeys(names: string[]): string[] {
  const seen = new Map<string, number>();
  return names.map((n) => {
    const k = nameKey(n);
    const i = (seen.get(k) ?? 0) + 1;
    seen.set(k, i);
    return i === 1 ? k : `${k}#${i}`;
  });
}

function hasPeoplesRows(existing: ExistingCascade, department: string): boolean {
  return existing.rows.some((r) => !isOwnedGoalRow(r.values, department));
}

export function planLayout(snapshot: WorkbookSnapshot, report: Report | null, options: LayoutOptions = {}): Layout {
  const previous = readState(snapshot);
  const owned = new Map<string, OwnedSheet>((previous?.sheets ?? []).map((s) => [sheetKey(s.name), s]));
  const sheetsByName = new Map<string, SheetSnapshot>(snapshot.sheets.map((s) => [s.name, s]));
  const namer = new SheetNamer(snapshot.sheets.filter((s) => !owned.has(sheetKey(s.name))).map((s) => s.name));

  const prevByRole = (role: OwnedSheetRole) => (previous?.sheets ?? []).filter((s) => s.role === role);
  const reused = new Set<string>();
  const reuse = (s: OwnedSheet | undefined): string | undefined => {
    if (!s || reused.has(sheetKey(s.name))) return undefined;
    reused.add(sheetKey(s.name));
    namer.reserve(s.name);
    return s.name;
  };

  // Pass 1: keep the names the previous run used.
  const fixed = {} as Partial<Layout['names']>;
  for (const role of Object.keys(WANTED_NAMES) as (keyof Layout['names'])[]) {
    fixed[role] = reuse(prevByRole(role)[0]);
  }
  const prevCascades = prevByRole('cascade');
  const prevKeys = departmentKeys(prevCascades.map((s) => s.department ?? ''));
  const prevByKey = new Map(prevCascades.map((s, i) => [prevKeys[i], s]));

  const departments = report?.matrix.departments ?? [];
  const deptKeys = departmentKeys(departments.map((d) => d.name));
  const mode = options.cascade ?? 'all';
  const wantAll = mode === 'all' && report !== null;
  const slots: (CascadeSlot & { name?: string })[] = [];
  const kept: OwnedSheet[] = [];
  if (mode === 'none') {
    // Kept under their names and still owned, so nothing people typed there is touched or lost.
    for (const prev of prevCascades) {
      if (sheetsByName.has(prev.name) && reuse(prev)) kept.push(prev);
    }
  }
  (mode === 'none' ? [] : departments).forEach((d, i) => {
    const prev = prevByKey.get(deptKeys[i]);
    if (!prev && !wantAll) return;
    const name = reuse(prev);
    const sheet = prev ? sheetsByName.get(prev.name) : undefined;
    slots.push({
      department: d.name,
      deptIndex: i,
      sheet: name ?? '',
      name,
      existing: sheet && readCascadeSheet(sheet),
    });
  });
  // Departments that left the matrix keep their sheet while it holds rows people typed.
  const inMatrix = new Set(deptKeys);
  prevCascades.forEach((prev, i) => {
    if (mode === 'none' || inMatrix.has(prevKeys[i])) return;
    const sheet = sheetsByName.get(prev.name);
    if (!sheet) return;
    const existing = readCascadeSheet(sheet);
    if (!hasPeoplesRows(existing, prev.department ?? '')) return;
    const name = reuse(prev);
    if (name) slots.push({ department: prev.department ?? '', deptIndex: -1, sheet: name, name, existing });
  });

  // Pass 2: new names, clear of every user sheet and of each other.
  const names = {} as Layout['names'];
  for (const role of Object.keys(WANTED_NAMES) as (keyof Layout['names'])[]) {
    names[role] = fixed[role] ?? namer.name(WANTED_NAMES[role]);
  }
  const cascades: CascadeSlot[] = slots.map((s) => ({
    department: s.department,
    deptIndex: s.deptIndex,
    sheet: s.name ?? namer.name(`${CASCADE_PREFIX}${s.department}`, 'Cascade'),
    existing: s.existing,
  }));
  const removeSheets = (previous?.sheets ?? []).map((s) => s.name).filter((n) => !reused.has(sheetKey(n)));
  return { previous, names, cascades, removeSheets, kept };
}

/** Table names unique in the workbook (tables and defined names share one namespace). */
export function tableNamer(snapshot: WorkbookSnapshot, ownedSheets: Set<string>): (base: string) => string {
  const taken = new Set<string>();
  for (const s of snapshot.sheets) {
    if (ownedSheets.has(sheetKey(s.name))) continue;
    for (const t of s.tables) taken.add(t.name.toUpperCase());
  }
  for (const n of snapshot.names) taken.add(n.name.toUpperCase());
  return (base: string) => {
    let name = base;
    for (let n = 2; taken.has(name.toUpperCase()); n++) name = `${base}_${n}`;
    taken.add(name.toUpperCase());
    return name;
  };
}
