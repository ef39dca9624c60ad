/**
 * Finding the matrix in a workbook: an explicit range, else a named range `AlignmentMatrix`,
 * else the best candidate among Excel tables and detected header rows on every sheet.
 */
import type { WorkbookSnapshot, SheetSnapshot } from '../snapshot';
import { parseRange, splitSheetRange } from '../a1';
import type { Matrix, MatrixNotFound } from './types';
import { type Grid, gridOf, isEmpty, raw } from './grid';
import { readMatrixAt, type ReadResult } from './read';
import { findDependencySheet, readDependencies, DEPENDENCY_SHEET } from './dependencies';
import { cellText } from './text';
import { isDepartmentHeader } from './labels';
import { readState } from '../plan/state';

export interface FindOptions {
  /** `'Sheet'!B3:H20`, or `B3:H20` with `sheet`: the matrix, header row and department column included. */
  range?: string;
  sheet?: string;
}

export const NAMED_RANGE = 'AlignmentMatrix';

const LOOKED_FOR =
  `a named range "${NAMED_RANGE}", an Excel table, or on any sheet a header row of at least two objective names ` +
  'with department names in the column to their left (headed Department, Function, Team, Unit, or nothing)';

export function isMatrixNotFound(m: Matrix | MatrixNotFound): m is MatrixNotFound {
  return (m as MatrixNotFound).reason !== undefined && (m as Matrix).cells === undefined;
}

/** Sheets that are never the matrix: the dependency list, settings, and what Interlock wrote before. */
function excludedSheets(snapshot: WorkbookSnapshot): (s: SheetSnapshot) => boolean {
  const owned = new Set((readState(snapshot)?.sheets ?? []).map((s) => s.name));
  return (s) => owned.has(s.name) || DEPENDENCY_SHEET.test(s.name) || /^interlock settings$/i.test(s.name.trim());
}

function withDependencies(matrix: Matrix, snapshot: WorkbookSnapshot): Matrix {
  const sheet = findDependencySheet(snapshot);
  if (!sheet || sheet.name === matrix.sheet) return matrix;
  return { ...matrix, dependencies: readDependencies(sheet, matrix.notes) };
}

function notFound(reason: string, lookedFor = LOOKED_FOR): MatrixNotFound {
  return { reason, lookedFor };
}

function readRange(
  snapshot: WorkbookSnapshot,
  sheetName: string,
  range: string,
  source: 'named-range' | 'explicit',
  what: string,
): Matrix | MatrixNotFound {
  const sheet =
    snapshot.sheets.find((s) => s.name === sheetName) ??
    snapshot.sheets.find((s) => s.name.toLowerCase() === sheetName.toLowerCase());
  if (!sheet) {
    return notFound(
      `${what} points to sheet "${sheetName}", which is not in the workbook (sheets: ${snapshot.sheets.map((s) => s.name).join(', ')})`,
      `the matrix in ${what}`,
    );
  }
  const r = parseRange(range);
  if (!r) return notFound(`${what} is not an A1 range like B3:H20 ("${range}")`, `the matrix in ${what}`);
  if (r.end.row === r.start.row || r.end.col === r.start.col) {
    return notFound(
      `${what} (${range}) must span the header row and at least one department row, and the department column and at least one objective`,
      `the matrix in ${what}`,
    );
  }
  const result = readMatrixAt(gridOf(sheet), r.start.row, r.start.col, { bottom: r.end.row, right: r.end.col, source });
  if (typeof result === 'string') {
    return notFound(
      `${what} (${sheet.name}!${range}) holds no matrix: ${result}. Its first row must hold the objective names and its first column the department names`,
      `the matrix in ${what}`,
    );
  }
  return withDependencies(result.matrix, snapshot);
}

/** Candidate header rows: at least two filled cells, and the row above not filled in the same columns (so body rows are not tried). */
function headerCandidates(g: Grid): number[] {
  const out: number[] = [];
  for (let r = g.top; r <= g.bottom; r++) {
    if (g.hiddenRows.has(r) || g.filledInRow[r - g.top] < 2) continue;
    let here = 0;
    let above = 0;
    for (let c = g.left; c <= g.right; c++) {
      const v = raw(g, r, c);
      if (typeof v !== 'string' || !v.trim()) continue;
      here++;
      if (r > g.top && !isEmpty(raw(g, r - 1, c))) above++;
    }
    if (here >= 2 && above * 2 < here) out.push(r);
  }
  return out;
}

function textBelow(g: Grid, row: number, col: number): boolean {
  for (let r = row + 1; r <= Math.min(g.bottom, row + 12); r++) {
    const v = raw(g, r, col);
    if (typeof v === 'string' && v.trim()) return true;
  }
  return false;
}

function detectOnSheet(g: Grid): ReadResult[] {
  const results: ReadResult[] = [];
  for (const t of g.sheet.tables) {
    const r = parseRange(t.range);
    if (!r || !t.hasHeaderRow) continue;
    const res = readMatrixAt(g, r.start.row, r.start.col, { bottom: r.end.row, right: r.end.col, source: 'table' });
    if (typeof res !== 'string') results.push({ matrix: res.matrix, score: res.score + 10 });
  }
  for (const h of headerCandidates(g)) {
    let first = -1;
    for (let c = g.left; c <= g.right && first < 0; c++) if (!g.hiddenCols.has(c) && !isEmpty(raw(g, h, c))) first = c;
    if (first < 0) continue;
    const deptCols = [first];
    // A department column with no header sits just left of the first objective.
    if (first > 0 && isEmpty(raw(g, h, first - 1)) && textBelow(g, h, first - 1)) deptCols.push(first - 1);
    for (const d of deptCols) {
      const res = readMatrixAt(g, h, d, { source: 'detected' });
      if (typeof res === 'string') continue;
      const m = res.matrix;
      const namedHeader = isDepartmentHeader(cellText(raw(g, h, d)));
      const attributed = m.objectives.some((o) => o.attributes.raw) || m.departments.some((x) => x.attributes.raw);
      if (m.objectives.length >= 2 && m.departments.length >= 2) results.push(res);
      else if (namedHeader || attributed) results.push(res);
    }
  }
  return results;
}

export function findMatrix(snapshot: WorkbookSnapshot, options: FindOptions = {}): Matrix | MatrixNotFound {
  if (snapshot.sheets.length === 0) return notFound('the workbook has no sheets');
  if (options.range) {
    const { sheet, range } = splitSheetRange(options.range);
    const sheetName =
      sheet ??
      options.sheet ??
      snapshot.sheets.find((s) => s.visibility === 'visible')?.name ??
      snapshot.sheets[0].name;
    return readRange(snapshot, sheetName, range.replace(/\$/g, ''), 'explicit', `the range ${options.range}`);
  }
  const named = snapshot.names.find((n) => n.name.toLowerCase() === NAMED_RANGE.toLowerCase());
  if (named) return readRange(snapshot, named.sheet, named.range, 'named-range', `the named range ${NAMED_RANGE}`);

  const isExcludedSheet = excludedSheets(snapshot);
  let best: ReadResult | undefined;
  const sheets = options.sheet ? snapshot.sheets.filter((s) => s.name === options.sheet) : snapshot.sheets;
  if (options.sheet && sheets.length === 0) return notFound(`there is no sheet named "${options.sheet}"`);
  for (const sheet of sheets) {
    if (isExcludedSheet(sheet) || sheet.values.length === 0) continue;
    const g = gridOf(sheet);
    for (const res of detectOnSheet(g)) {
      // A hidden sheet holds the matrix only when no visible one does.
      const score = sheet.visibility === 'visible' ? res.score : res.score / 4;
      if (!best || score > best.score) best = { matrix: res.matrix, score };
    }
  }
  if (!best) {
    const searched = sheets.filter((s) => !isExcludedSheet(s));
    const empty = searched.every((s) => s.values.length === 0);
    return notFound(
      empty
        ? 'every sheet is empty'
        : `no sheet has a header row of objectives with department names beside it (searched ${searched.map((s) => `"${s.name}"`).join(', ')})`,
    );
  }
  const m = best.matrix;
  return withDependencies(m, snapshot);
}
