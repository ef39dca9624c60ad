/**
 * Reads a WorkbookSnapshot from the open workbook in one Excel.run and two syncs, whatever the
 * workbook's size: the first learns which sheets, tables and names exist, the second loads all of
 * them at once. Only when Excel on the web refuses an answer over its 5 MB limit are the values
 * read again in row chunks.
 *
 * Dates are read in the 1900 date system. The Excel JavaScript API (up to the sets in
 * @types/office-js here) has no property for a workbook's 1904 setting; finding it would mean
 * writing a DATE() formula into the user's workbook, which a read must not do. A 1904 workbook's
 * dates therefore read 1,462 days (four years) early (officeValues.ts takes the flag, should one come).
 * Hidden rows and columns are not read here either: Range.rowHidden is one flag per range, so
 * per-row answers would cost one proxy per row of every used range.
 */
import type { CellValue, DefinedName, SheetSnapshot, TableSnapshot, WorkbookSnapshot } from '../core/snapshot';
import { parseRange, toA1 } from '../core/a1';
import type { Progress } from '../core/host';
import { plainAddress, splitAreas } from './addresses';
import { officeErrorCode } from './errors';
import { toCellValue } from './officeValues';
import type { OfficeDeps } from './officeRun';
import { SETTINGS_KEY } from './officeRun';
import { READ_OPTIONAL, READ_REQUIREMENTS, assertRequirements, safeSupported } from './requirements';
import { JOURNAL_SHEET, TEMP_PREFIX, isReserved, parseJournal, queueRecoverySteps, recoverySteps } from './swapJournal';

/** First guess of a cell's weight in an answer (value, type, number format) before one is measured. */
const GUESSED_BYTES_PER_CELL = 200;
/** Answer size the later chunks aim at, measured on the chunks already read: under 5 MB with room. */
export const READ_BUDGET_BYTES = 3_500_000;

interface SheetQueue {
  sheet: Excel.Worksheet;
  used: Excel.Range;
  protection: Excel.WorksheetProtection;
  merges?: Excel.RangeAreas;
  formulas?: Excel.RangeAreas;
  names: Excel.NamedItemCollection;
}

interface Grid {
  values: unknown[][];
  valueTypes: string[][];
  numberFormat: string[][];
}

const VALUE_PROPS = 'values,valueTypes,numberFormat';

export async function readWorkbookSnapshot(deps: OfficeDeps, progress?: Progress): Promise<WorkbookSnapshot> {
  assertRequirements(deps.isSetSupported, READ_REQUIREMENTS, 'read this workbook');
  const withMerges = safeSupported(deps.isSetSupported, READ_OPTIONAL.merges.set, READ_OPTIONAL.merges.version);
  const withFormulas = safeSupported(deps.isSetSupported, READ_OPTIONAL.formulas.set, READ_OPTIONAL.formulas.version);
  const withName = safeSupported(deps.isSetSupported, 'ExcelApi', '1.7');

  return deps.run(async (context) => {
    const wb = context.workbook;
    progress?.(0, 2, 'Reading the workbook');
    const firstStage = () => ({
      sheets: wb.worksheets.load('items/name,items/position,items/visibility'),
      tables: wb.tables.load('items/name,items/showHeaders'),
      names: wb.names.load('items/name,items/type,items/value'),
      setting: wb.settings.getItemOrNullObject(SETTINGS_KEY).load('value'),
    });
    if (withName) wb.load('name');
    let first = firstStage();
    await context.sync();
    if (await finishInterruptedSwap(context, first.sheets.items, progress)) {
      first = firstStage();
      await context.sync();
    }
    const { tables, names, setting } = first;
    // Interlock's own scaffolding (a swap that could not be finished) is nobody's data to analyse.
    const sheets = { items: first.sheets.items.filter((s) => !isReserved(s.name)) };

    const queue = (
      withValues: boolean,
    ): { perSheet: SheetQueue[]; tableRefs: { range: Excel.Range; sheet: Excel.Worksheet }[] } => {
      const perSheet = sheets.items.map((sheet) => {
        const used = sheet.getUsedRangeOrNullObject(true);
        // Literal property lists: the office-addins lint checks what is loaded.
        if (withValues) used.load('address,rowIndex,columnIndex,rowCount,columnCount,values,valueTypes,numberFormat');
        else used.load('address,rowIndex,columnIndex,rowCount,columnCount');
        const whole = sheet.getRange();
        const merges = withMerges ? whole.getMergedAreasOrNullObject().load('address') : undefined;
        const formulas = withFormulas ? whole.getSpecialCellsOrNullObject('Formulas').load('address') : undefined;
        return {
          sheet,
          used,
          protection: sheet.protection.load('protected'),
          merges,
          formulas,
          names: sheet.names.load('items/name,items/type,items/value'),
        };
      });
      const tableRefs = tables.items.map((t) => ({
        range: t.getRange().load('address'),
        sheet: t.worksheet.load('name'),
      }));
      return { perSheet, tableRefs };
    };

    let queued = queue(true);
    let grids: (Grid | null)[];
    try {
      await context.sync();
      grids = queued.perSheet.map((q) => (q.used.isNullObject ? null : (q.used as unknown as Grid)));
    } catch (e) {
      if (!isPayloadLimit(e)) throw e;
      // Excel on the web: too much text for one answer. Read the shape first, then the values by rows.
      queued = queue(false);
      await context.sync();
      grids = await readInChunks(context, queued.perSheet, progress);
    }
    progress?.(2, 2, 'Reading the workbook');

    const tableBySheet = new Map<string, TableSnapshot[]>();
    tables.items.forEach((t, i) => {
      const { range } = plainAddress(queued.tableRefs[i].range.address);
      const sheetName = queued.tableRefs[i].sheet.name;
      const list = tableBySheet.get(sheetName) ?? [];
      list.push({ name: t.name, range, hasHeaderRow: t.showHeaders });
      tableBySheet.set(sheetName, list);
    });

    const definedNames: DefinedName[] = [];
    const addNames = (items: Excel.NamedItem[]) => {
      for (const n of items) {
        const named = rangeName(n);
        if (named) definedNames.push(named);
      }
    };
    addNames(names.items);

    const snapshotSheets: SheetSnapshot[] = queued.perSheet.map((q, i) => {
      addNames(q.names.items);
      const grid = grids[i];
      const used = q.used;
      const values = grid ? gridValues(grid) : [];
      return {
        name: q.sheet.name,
        index: q.sheet.position,
        visibility: visibilityOf(q.sheet.visibility),
        protected: q.protection.protected,
        origin: grid ? { row: used.rowIndex, col: used.columnIndex } : { row: 0, col: 0 },
        values,
        ...(q.formulas ? { formulas: q.formulas.isNullObject ? [] : cellsOf(q.formulas.address) } : {}),
        merges: q.merges && !q.merges.isNullObject ? areasOf(q.merges.address) : [],
        tables: tableBySheet.get(q.sheet.name) ?? [],
      };
    });
    snapshotSheets.sort((a, b) => a.index - b.index);

    const snapshot: WorkbookSnapshot = { sheets: snapshotSheets, names: definedNames, documentSettings: {} };
    if (withName && wb.name) snapshot.name = wb.name;
    if (!setting.isNullObject && setting.value !== undefined && setting.value !== null) {
      const v: unknown = setting.value;
      snapshot.documentSettings = { [SETTINGS_KEY]: typeof v === 'string' ? v : JSON.stringify(v) };
    }
    return snapshot;
  });
}

/**
 * When an earlier write stopped part-way (its journal or temporary sheets are there), finishes it
 * before anything is read, so the rows people typed on cascade sheets are back under their
 * sheets' names and the plan built from this snapshot keeps them. True when the workbook changed.
 * If Excel refuses (a read-only or protected workbook), the read goes on; writing then refuses
 * while the journal is there, so nothing is planned without those rows.
 */
async function finishInterruptedSwap(
  context: Excel.RequestContext,
  sheets: Excel.Worksheet[],
  progress?: Progress,
): Promise<boolean> {
  const upper = (n: string) => n.toUpperCase();
  const journalSheet = sheets.find((s) => upper(s.name) === upper(JOURNAL_SHEET));
  if (!journalSheet && !sheets.some((s) => upper(s.name).startsWith(upper(TEMP_PREFIX)))) return false;
  progress?.(0, 2, 'Finishing an interrupted run');
  let queued = false;
  try {
    let journal = null;
    if (journalSheet) {
      const used = journalSheet.getUsedRangeOrNullObject(true).load('values');
      await context.sync();
      journal = used.isNullObject ? null : parseJournal(used.values);
    }
    const existing = sheets.map((s) => ({ name: s.name, visibility: s.visibility }));
    const steps = recoverySteps(journal, existing);
    if (steps.length === 0) return false;
    queued = true;
    queueRecoverySteps(context.workbook.worksheets, steps, existing);
    await context.sync();
    return true;
  } catch {
    // Some steps may have run before the failure: the caller reads the sheets again.
    return queued;
  }
}

function isPayloadLimit(e: unknown): boolean {
  const code = officeErrorCode(e);
  return code === 'ResponsePayloadSizeLimitExceeded' || code === 'RequestPayloadSizeLimitExceeded';
}

/**
 * Values in row chunks, several sheets per request, each request aimed at READ_BUDGET_BYTES. A
 * sync per request is the point here: each answer must stay under Excel on the web's 5 MB limit.
 * The size of a cell is guessed, then learnt per sheet from what was read; a refused request is
 * retried with smaller chunks.
 */
async function readInChunks(
  context: Excel.RequestContext,
  perSheet: SheetQueue[],
  progress?: Progress,
): Promise<(Grid | null)[]> {
  type Pending = { q: SheetQueue; grid: Grid; row: number; bytesPerCell: number };
  const grids: (Grid | null)[] = perSheet.map(() => null);
  const pending: Pending[] = [];
  perSheet.forEach((q, i) => {
    if (q.used.isNullObject) return;
    const grid: Grid = { values: [], valueTypes: [], numberFormat: [] };
    grids[i] = grid;
    pending.push({ q, grid, row: 0, bytesPerCell: GUESSED_BYTES_PER_CELL });
  });
  const total = pending.reduce((n, p) => n + p.q.used.rowCount * p.q.used.columnCount, 0);
  let done = 0;
  while (pending.some((p) => p.row < p.q.used.rowCount)) {
    let budget = READ_BUDGET_BYTES;
    const batch: { p: Pending; rows: number; part: Excel.Range }[] = [];
    for (const p of pending) {
      const cols = p.q.used.columnCount;
      const left = p.q.used.rowCount - p.row;
      if (left <= 0) continue;
      let rows = Math.min(left, Math.floor(budget / (p.bytesPerCell * cols)));
      if (rows <= 0 && batch.length === 0) rows = 1;
      if (rows <= 0) break;
      const part = p.q.used
        .getCell(p.row, 0)
        .getResizedRange(rows - 1, cols - 1)
        .load(VALUE_PROPS);
      batch.push({ p, rows, part });
      budget -= rows * cols * p.bytesPerCell;
    }
    try {
      // eslint-disable-next-line office-addins/no-context-sync-in-loop -- each request must stay under 5 MB
      await context.sync();
    } catch (e) {
      if (!isPayloadLimit(e) || (batch.length === 1 && batch[0].rows === 1)) throw e;
      for (const { p } of batch) p.bytesPerCell *= 2;
      continue;
    }
    for (const { p, rows, part } of batch) {
      p.grid.values.push(...part.values);
      p.grid.valueTypes.push(...(part.valueTypes as string[][]));
      p.grid.numberFormat.push(...(part.numberFormat as string[][]));
      const bytes =
        JSON.stringify(part.values).length +
        JSON.stringify(part.valueTypes).length +
        JSON.stringify(part.numberFormat).length;
      p.bytesPerCell = Math.max(1, bytes / (rows * p.q.used.columnCount));
      p.row += rows;
      done += rows * p.q.used.columnCount;
    }
    progress?.(done, total, 'Reading the workbook');
  }
  return grids;
}

function gridValues(grid: Grid): CellValue[][] {
  return grid.values.map((line, r) =>
    line.map((v, c) => toCellValue(v, grid.valueTypes[r]?.[c], grid.numberFormat[r]?.[c])),
  );
}

function visibilityOf(v: Excel.SheetVisibility | string): SheetSnapshot['visibility'] {
  return v === 'Hidden' ? 'hidden' : v === 'VeryHidden' ? 'veryHidden' : 'visible';
}

function areasOf(address: string): string[] {
  return splitAreas(address)
    .map((a) => plainAddress(a).range)
    .filter((r) => parseRange(r) !== null);
}

/** Every cell of an areas address, as `B5` (formula cells are listed one by one in the snapshot). */
function cellsOf(address: string): string[] {
  const out: string[] = [];
  for (const area of areasOf(address)) {
    const r = parseRange(area);
    if (!r) continue;
    for (let row = r.start.row; row <= r.end.row; row++) {
      for (let col = r.start.col; col <= r.end.col; col++) out.push(toA1(row, col));
    }
  }
  return out;
}

/** A named item that refers to one range on one sheet; others (constants, formulas, unions) are skipped. */
function rangeName(n: Excel.NamedItem): DefinedName | null {
  if (n.type !== 'Range' || typeof n.value !== 'string' || n.name.startsWith('_xlnm.')) return null;
  const areas = splitAreas(n.value.replace(/^=/, ''));
  if (areas.length !== 1) return null;
  const { sheet, range } = plainAddress(areas[0]);
  if (!sheet || !parseRange(range)) return null;
  return { name: n.name, sheet, range };
}
