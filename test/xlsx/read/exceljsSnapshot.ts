/**
 * The reference reader: ExcelJS workbook → WorkbookSnapshot, as the file path read workbooks
 * before it had its own reader. Kept for tests and the read bench as an independent oracle.
 */
import ExcelJS from 'exceljs';
import type {
  CellValue,
  DefinedName,
  SheetSnapshot,
  TableSnapshot,
  WorkbookSnapshot,
} from '../../../src/core/snapshot';
import { parseRange, splitSheetRange, toA1 } from '../../../src/core/a1';

/** ExcelJS's reading of the bytes, as a snapshot. */
export async function exceljsSnapshot(bytes: Uint8Array, name?: string): Promise<WorkbookSnapshot> {
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.load(Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength) as unknown as ArrayBuffer);
  return workbookSnapshot(wb, name);
}

/** ExcelJS ValueType.Merge: a cell covered by a merge (not its top-left) repeats the master's value. */
const MERGE_TYPE = 1;

function isoDate(d: Date): string | null {
  const t = d.getTime();
  if (Number.isNaN(t)) return null;
  return d.toISOString().slice(0, 10);
}

type Raw = ExcelJS.CellValue | undefined;

/** One ExcelJS value as plain data; `formula` is set when the cell holds a formula. */
export function plainValue(raw: Raw, flags?: { formula: boolean }): CellValue {
  if (raw === null || raw === undefined) return null;
  if (typeof raw === 'string' || typeof raw === 'number' || typeof raw === 'boolean') return raw;
  if (raw instanceof Date) {
    const iso = isoDate(raw);
    return iso ? { date: iso } : null;
  }
  const o = raw as unknown as Record<string, unknown>;
  if ('formula' in o || 'sharedFormula' in o) {
    if (flags) flags.formula = true;
    return plainValue(o.result as Raw);
  }
  if ('error' in o && typeof o.error === 'string') return { error: o.error };
  if (Array.isArray(o.richText)) return (o.richText as { text?: string }[]).map((r) => r.text ?? '').join('');
  if ('hyperlink' in o || 'text' in o) {
    const text = o.text as Raw;
    return typeof text === 'string' ? text : plainValue(text);
  }
  return null;
}

function tablesOf(ws: ExcelJS.Worksheet): TableSnapshot[] {
  const out: TableSnapshot[] = [];
  for (const t of ws.getTables() as unknown as { table?: Record<string, unknown>; model?: Record<string, unknown> }[]) {
    const model = (t.table ?? t.model ?? {}) as { name?: string; tableRef?: string; ref?: string; headerRow?: boolean };
    const ref = model.tableRef ?? model.ref;
    if (!model.name || !ref) continue;
    out.push({ name: model.name, range: ref.replace(/\$/g, ''), hasHeaderRow: model.headerRow !== false });
  }
  return out;
}

function sheetSnapshot(ws: ExcelJS.Worksheet, index: number): SheetSnapshot {
  type Entry = { r: number; c: number; v: CellValue };
  const entries: Entry[] = [];
  const formulas: string[] = [];
  const hiddenRows: number[] = [];
  let top = Infinity;
  let left = Infinity;
  let bottom = -1;
  let right = -1;
  const flags = { formula: false };
  ws.eachRow({ includeEmpty: false }, (row, rowNumber) => {
    const r = rowNumber - 1;
    if (row.hidden) hiddenRows.push(r);
    row.eachCell({ includeEmpty: false }, (cell, colNumber) => {
      if (cell.type === MERGE_TYPE) return;
      flags.formula = false;
      const v = plainValue(cell.value, flags);
      const c = colNumber - 1;
      if (flags.formula) formulas.push(toA1(r, c));
      if (v === null || v === '') return;
      entries.push({ r, c, v });
      if (r < top) top = r;
      if (r > bottom) bottom = r;
      if (c < left) left = c;
      if (c > right) right = c;
    });
  });
  const values: CellValue[][] = [];
  if (entries.length > 0) {
    const width = right - left + 1;
    for (let r = top; r <= bottom; r++) values.push(new Array<CellValue>(width).fill(null));
    for (const e of entries) values[e.r - top][e.c - left] = e.v;
  }
  const hiddenColumns: number[] = [];
  // Read the column definitions directly: getColumn() would create columns that are not there.
  const columns = (ws as unknown as { _columns?: ({ hidden?: boolean } | undefined)[] })._columns ?? [];
  columns.forEach((col, i) => {
    if (col?.hidden) hiddenColumns.push(i);
  });
  const merges = ((ws.model as unknown as { merges?: string[] }).merges ?? []).map((m) => m.replace(/\$/g, ''));
  const protection = (ws as unknown as { sheetProtection?: unknown }).sheetProtection as
    { sheet?: boolean } | null | undefined;
  return {
    name: ws.name,
    index,
    visibility: ws.state === 'hidden' || ws.state === 'veryHidden' ? ws.state : 'visible',
    protected: Boolean(protection && protection.sheet !== false),
    origin: entries.length > 0 ? { row: top, col: left } : { row: 0, col: 0 },
    values,
    formulas,
    merges,
    hiddenRows,
    hiddenColumns,
    tables: tablesOf(ws),
  };
}

function definedNames(wb: ExcelJS.Workbook): DefinedName[] {
  const out: DefinedName[] = [];
  const model = (wb.definedNames as unknown as { model: { name: string; ranges: string[] }[] }).model;
  for (const dn of model) {
    if (dn.name.startsWith('_xlnm.')) continue; // print areas and other Excel-internal names
    for (const ref of dn.ranges) {
      const { sheet, range } = splitSheetRange(ref);
      const clean = range.replace(/\$/g, '');
      if (!sheet || !parseRange(clean)) continue;
      out.push({ name: dn.name, sheet, range: clean });
    }
  }
  return out;
}

export function workbookSnapshot(wb: ExcelJS.Workbook, name?: string): WorkbookSnapshot {
  return {
    name,
    sheets: wb.worksheets.map((ws, i) => sheetSnapshot(ws, i)),
    names: definedNames(wb),
  };
}
