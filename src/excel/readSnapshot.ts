/**
 * Reads a WorkbookSnapshot from the open workbook in one Excel.run and two syncs, whatever the
 * workbook's size: the first learns which sheets, tables and names exist, the second loads all of
 * them at once. Only when Excel on the web refuses an answer over its 5 MB limit are the values
 * read again in row chunks.
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

/** Cells per request when values must be read in chunks (about 1 MB of typical plan text). */
export const READ_CHUNK_CELLS = 10_000;

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
    const sheets = wb.worksheets.load('items/name,items/position,items/visibility');
    const tables = wb.tables.load('items/name,items/showHeaders');
    const names = wb.names.load('items/name,items/type,items/value');
    const setting = wb.settings.getItemOrNullObject(SETTINGS_KEY).load('value');
    if (withName) wb.load('name');
    await context.sync();

    const queue = (withValues: boolean): { perSheet: SheetQueue[]; tableRefs: { range: Excel.Range; sheet: Excel.Worksheet }[] } => {
      const perSheet = sheets.items.map((sheet) => {
        const used = sheet.getUsedRangeOrNullObject(true);
        used.load(withValues ? `address,rowIndex,columnIndex,rowCount,columnCount,${VALUE_PROPS}` : 'address,rowIndex,columnIndex,rowCount,columnCount');
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

function isPayloadLimit(e: unknown): boolean {
  const code = officeErrorCode(e);
  return code === 'ResponsePayloadSizeLimitExceeded' || code === 'RequestPayloadSizeLimitExceeded';
}

/**
 * Values in row chunks, one request each. A sync per chunk is the point here: each answer must
 * stay under Excel on the web's 5 MB limit, and a chunk that is still too large is halved.
 */
async function readInChunks(context: Excel.RequestContext, perSheet: SheetQueue[], progress?: Progress): Promise<(Grid | null)[]> {
  const grids: (Grid | null)[] = [];
  let done = 0;
  const total = perSheet.reduce((n, q) => n + (q.used.isNullObject ? 0 : q.used.rowCount * q.used.columnCount), 0);
  for (const q of perSheet) {
    if (q.used.isNullObject) {
      grids.push(null);
      continue;
    }
    const grid: Grid = { values: [], valueTypes: [], numberFormat: [] };
    const cols = q.used.columnCount;
    let rowsPerChunk = Math.max(1, Math.floor(READ_CHUNK_CELLS / cols));
    let row = 0;
    while (row < q.used.rowCount) {
      const rows = Math.min(rowsPerChunk, q.used.rowCount - row);
      const part = q.used.getCell(row, 0).getResizedRange(rows - 1, cols - 1).load(VALUE_PROPS);
      try {
        // eslint-disable-next-line office-addins/no-context-sync-in-loop -- each chunk must be its own request (5 MB limit)
        await context.sync();
      } catch (e) {
        if (!isPayloadLimit(e) || rows === 1) throw e;
        rowsPerChunk = Math.max(1, Math.floor(rows / 2));
        continue;
      }
      grid.values.push(...part.values);
      grid.valueTypes.push(...(part.valueTypes as string[][]));
      grid.numberFormat.push(...(part.numberFormat as string[][]));
      row += rows;
      done += rows * cols;
      progress?.(done, total, 'Reading the workbook');
    }
    grids.push(grid);
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
