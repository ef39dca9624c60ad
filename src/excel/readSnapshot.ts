/**
 * Reads a WorkbookSnapshot from the open workbook in one Excel.run and two syncs, whatever the
 * workbook's size: the first learns which sheets, tables and names exist, the second loads all of
 * them at once. Only when Excel on the web refuses an answer over its 5 MB limit are the values
 * read again in row chunks.
 *
 * On a workbook validated before, the sheets the next run rebuilds from the matrix alone
 * (findings, summary, overview, what was checked: their cells are most of the workbook) come back
 * with no cells and no tables, as from the file reader. Which sheets those are, the state sheet
 * says, and its cells arrive in the same answer as everyone else's; so the second request leaves
 * out the sheets that bear the names Interlock gives those roles, when a hidden sheet bears the
 * state's name. Should the state not list one of them (a user's sheet of that name), a third
 * request reads it. A sheet the state lists under another name is read, then left out.
 *
 * Dates are read in the 1900 date system. The Excel JavaScript API (up to the sets in
 * @types/office-js here) has no property for a workbook's 1904 setting; finding it would mean
 * writing a DATE() formula into the user's workbook, which a read must not do. A 1904 workbook's
 * dates therefore read 1,462 days (four years) early (officeValues.ts takes the flag, should one come).
 * Hidden rows and columns are not read here either: Range.rowHidden is one flag per range, so
 * per-row answers would cost one proxy per row of every used range.
 */
import type { CellValue, DefinedName, SheetSnapshot, TableSnapshot, WorkbookSnapshot } from '../core/snapshot';
import { parseRange, splitAreas, toA1 } from '../core/a1';
import type { Progress } from '../core/host';
import { WANTED_NAMES } from '../core/plan/ownership';
import { isStateSheet, rebuiltSheetsListedIn } from '../core/plan/state';
import { plainAddress } from './addresses';
import { officeErrorCode } from './errors';
import { toCellValue } from './officeValues';
import type { OfficeDeps } from './officeRun';
import { DOCUMENT_SETTINGS_KEY } from '../core/settingsKey';
import { READ_OPTIONAL, READ_REQUIREMENTS, assertRequirements, safeSupported } from './requirements';
import { JOURNAL_SHEET, TEMP_PREFIX, isReserved, parseJournal, queueRecoverySteps, recoverySteps } from './swapJournal';

/** First guess of a cell's weight in an answer (value, type, number format) before one is measured. */
const GUESSED_BYTES_PER_CELL = 200;
/** Answer size the later chunks aim at, measured on the chunks already read: under 5 MB with room. */
export const READ_BUDGET_BYTES = 3_500_000;

export interface ReadOptions {
  /**
   * Also read the cells of the sheets a previous run wrote and the next one rebuilds from the
   * matrix (findings, summary, overview, checked). By default they come back empty.
   */
  readRebuilt?: boolean;
}

/** What is read of every sheet, whether or not its cells are. */
interface SheetFrame {
  protection: Excel.WorksheetProtection;
  names: Excel.NamedItemCollection;
}

/** A sheet's cells as queued: the used range (with or without its values), merges, formulas. */
interface SheetCells {
  used: Excel.Range;
  merges?: Excel.RangeAreas;
  formulas?: Excel.RangeAreas;
}

interface Grid {
  values: unknown[][];
  valueTypes: string[][];
  numberFormat: string[][];
}

interface ReadCells extends SheetCells {
  grid: Grid | null;
}

const VALUE_PROPS = 'values,valueTypes,numberFormat';

/** A sheet with no cells: what the sheets left out read as (the file reader gives the same). */
const EMPTY_SHEET: SheetSnapshot = {
  name: '',
  index: 0,
  visibility: 'visible',
  protected: false,
  origin: { row: 0, col: 0 },
  values: [],
  merges: [],
  tables: [],
};

const escapeRegExp = (s: string) => s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
/** A name Interlock gives one of `roles`: the wanted name, or it numbered when a user sheet had it. */
const namedAs = (roles: (keyof typeof WANTED_NAMES)[]) =>
  new RegExp(`^(?:${roles.map((r) => escapeRegExp(WANTED_NAMES[r])).join('|')})(?: \\(\\d+\\))?$`, 'i');
const STATE_NAME = namedAs(['state']);
const REBUILT_NAME = namedAs(['findings', 'summary', 'overview', 'checked']);

/**
 * Sheets whose cells the second request leaves out: those named as Interlock's rebuilt output, when
 * a hidden sheet is named as its state (without one there is nothing that could list them, and
 * leaving them out would cost a third request). Only a guess: what the state lists decides.
 */
function likelyRebuilt(sheets: Excel.Worksheet[]): Set<Excel.Worksheet> {
  if (!sheets.some((s) => s.visibility !== 'Visible' && STATE_NAME.test(s.name))) return new Set();
  return new Set(sheets.filter((s) => REBUILT_NAME.test(s.name)));
}

export async function readWorkbookSnapshot(
  deps: OfficeDeps,
  progress?: Progress,
  options: ReadOptions = {},
): Promise<WorkbookSnapshot> {
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
      setting: wb.settings.getItemOrNullObject(DOCUMENT_SETTINGS_KEY).load('value'),
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
    const sheets = first.sheets.items.filter((s) => !isReserved(s.name));

    const queueCells = (sheet: Excel.Worksheet, withValues: boolean): SheetCells => {
      const used = sheet.getUsedRangeOrNullObject(true);
      // Literal property lists: the office-addins lint checks what is loaded.
      if (withValues) used.load('address,rowIndex,columnIndex,rowCount,columnCount,values,valueTypes,numberFormat');
      else used.load('address,rowIndex,columnIndex,rowCount,columnCount');
      const whole = sheet.getRange();
      const merges = withMerges ? whole.getMergedAreasOrNullObject().load('address') : undefined;
      const formulas = withFormulas ? whole.getSpecialCellsOrNullObject('Formulas').load('address') : undefined;
      return { used, merges, formulas };
    };

    /**
     * The cells of `targets`, with whatever `alongside` queues, in one request; when Excel on the
     * web refuses an answer that large, the shapes first and then the values by rows.
     */
    const loadCells = async <T>(targets: Excel.Worksheet[], alongside: () => T) => {
      let extra = alongside();
      let queued = targets.map((s) => queueCells(s, true));
      let grids: (Grid | null)[];
      try {
        await context.sync();
        grids = queued.map((q) => (q.used.isNullObject ? null : (q.used as unknown as Grid)));
      } catch (e) {
        if (!isPayloadLimit(e)) throw e;
        extra = alongside();
        queued = targets.map((s) => queueCells(s, false));
        await context.sync();
        grids = await readInChunks(context, queued, progress);
      }
      return { extra, cells: queued.map((q, i): ReadCells => ({ ...q, grid: grids[i] })) };
    };

    const deferred = options.readRebuilt ? new Set<Excel.Worksheet>() : likelyRebuilt(sheets);
    const cells = new Map<Excel.Worksheet, ReadCells>();
    const toRead = sheets.filter((s) => !deferred.has(s));
    const second = await loadCells(toRead, () => ({
      frames: new Map<Excel.Worksheet, SheetFrame>(
        sheets.map((sheet) => [
          sheet,
          {
            protection: sheet.protection.load('protected'),
            names: sheet.names.load('items/name,items/type,items/value'),
          },
        ]),
      ),
      tableRefs: tables.items.map((t) => ({
        range: t.getRange().load('address'),
        sheet: t.worksheet.load('name'),
      })),
    }));
    toRead.forEach((s, i) => cells.set(s, second.cells[i]));
    const { frames, tableRefs } = second.extra;

    const valuesOf = new Map<Excel.Worksheet, CellValue[][]>();
    const cellsOf = (sheet: Excel.Worksheet) => {
      const read = cells.get(sheet)!;
      let values = valuesOf.get(sheet);
      if (!values) valuesOf.set(sheet, (values = read.grid ? gridValues(read.grid) : []));
      const origin = read.grid ? { row: read.used.rowIndex, col: read.used.columnIndex } : { row: 0, col: 0 };
      return { origin, values };
    };
    // The state is the sheet readState takes: the first, in tab order, whose first cell is the
    // signature. While a sheet it does not list is unread, that sheet could be an earlier state
    // sheet; so those are read (a third request), and the question asked again.
    const byPosition = [...sheets].sort((a, b) => a.position - b.position);
    const stateSheet = () =>
      byPosition
        .filter((s) => cells.has(s))
        .map((s): SheetSnapshot => ({ ...EMPTY_SHEET, name: s.name, ...cellsOf(s) }))
        .find(isStateSheet);
    let rebuilt = new Set<string>();
    let missing: Excel.Worksheet[] = [];
    do {
      const state = options.readRebuilt ? undefined : stateSheet();
      rebuilt = new Set(state ? rebuiltSheetsListedIn(state) : []);
      missing = sheets.filter((s) => !cells.has(s) && !rebuilt.has(s.name));
      if (missing.length > 0) {
        const more = await loadCells(missing, () => undefined);
        missing.forEach((s, i) => cells.set(s, more.cells[i]));
      }
    } while (missing.length > 0);
    progress?.(2, 2, 'Reading the workbook');

    const tableBySheet = new Map<string, TableSnapshot[]>();
    tables.items.forEach((t, i) => {
      const { range } = plainAddress(tableRefs[i].range.address);
      const sheetName = tableRefs[i].sheet.name;
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

    const snapshotSheets: SheetSnapshot[] = sheets.map((sheet) => {
      const frame = frames.get(sheet)!;
      addNames(frame.names.items);
      const head = {
        name: sheet.name,
        index: sheet.position,
        visibility: visibilityOf(sheet.visibility),
        protected: frame.protection.protected,
      };
      // Left out: no cells, as the file reader gives (what an empty sheet reads as), and no tables.
      if (rebuilt.has(sheet.name)) return { ...EMPTY_SHEET, ...head, ...(withFormulas ? { formulas: [] } : {}) };
      const read = cells.get(sheet)!;
      return {
        ...head,
        ...cellsOf(sheet),
        ...(read.formulas ? { formulas: read.formulas.isNullObject ? [] : addressCells(read.formulas.address) } : {}),
        merges: read.merges && !read.merges.isNullObject ? areasOf(read.merges.address) : [],
        tables: tableBySheet.get(sheet.name) ?? [],
      };
    });
    snapshotSheets.sort((a, b) => a.index - b.index);

    const snapshot: WorkbookSnapshot = { sheets: snapshotSheets, names: definedNames, documentSettings: {} };
    if (withName && wb.name) snapshot.name = wb.name;
    if (!setting.isNullObject && setting.value !== undefined && setting.value !== null) {
      const v: unknown = setting.value;
      snapshot.documentSettings = { [DOCUMENT_SETTINGS_KEY]: typeof v === 'string' ? v : JSON.stringify(v) };
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
  perSheet: SheetCells[],
  progress?: Progress,
): Promise<(Grid | null)[]> {
  type Pending = { q: SheetCells; grid: Grid; row: number; bytesPerCell: number };
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
function addressCells(address: string): string[] {
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
