/**
 * An .xlsx package → WorkbookSnapshot, read straight from the parts (no ExcelJS): the same
 * snapshot the ExcelJS path gives, in a fraction of its time. Worksheets only (chartsheets and
 * dialog sheets hold no cells, and are not counted in `index`).
 */
import type { SheetSnapshot, TableSnapshot, WorkbookSnapshot } from '../../core/snapshot';
import type { Package } from '../package/package';
import { readWorkbook, REL, type WorkbookSheet } from '../package/workbook';
import { ZipError } from '../package/zip';
import { definedNames } from './names';
import { ScanError } from './scan';
import { readSharedStrings } from './sharedStrings';
import { readSheetXml, type SheetContext } from './sheet';
import { dateStyles } from './styles';
import { readTable } from './tables';
import { isStateSheet, rebuiltSheetsListedIn } from '../../core/plan/state';

export interface ReadOptions {
  /**
   * Also read the cells of the sheets a previous run wrote and the next one rebuilds from the
   * matrix (findings, summary, overview, checked). By default they come back empty.
   */
  readRebuilt?: boolean;
}

/** A package that is not a readable workbook; `message` is one line, fit for a user. */
export class WorkbookReadError extends Error {}

function damaged(what: string): WorkbookReadError {
  return new WorkbookReadError(`the workbook is damaged: ${what}`);
}

function firstLine(e: unknown): string {
  // Not `instanceof Error`: zlib's errors may come from another realm (test runners).
  const message = typeof e === 'object' && e !== null && 'message' in e ? String(e.message) : String(e);
  return message.split('\n')[0];
}

/**
 * A part's text; a part that is absent gives undefined, one that will not inflate a one-line
 * error. `what` describes the part, naming it.
 */
async function partText(pkg: Package, part: string, what: string): Promise<string | undefined> {
  try {
    return await pkg.text(part);
  } catch (e) {
    if (e instanceof ZipError) throw e; // already one line naming the part
    throw damaged(`${what} cannot be unpacked: ${firstLine(e)}`);
  }
}

/** The part a workbook relationship of this type points to, or the conventional name. */
async function relatedPart(pkg: Package, workbookPart: string, type: string, fallback: string) {
  const rel = (await pkg.relationships(workbookPart)).find((r) => r.type === type && r.part);
  return rel?.part ?? (pkg.has(fallback) ? fallback : undefined);
}

function describe(sheet: WorkbookSheet): string {
  return `sheet '${sheet.name}'${sheet.part ? ` (${sheet.part})` : ''}`;
}

async function sheetTables(
  pkg: Package,
  sheet: WorkbookSheet,
  part: string,
  relIds: string[],
): Promise<TableSnapshot[]> {
  if (relIds.length === 0) return [];
  const rels = new Map((await pkg.relationships(part)).map((r) => [r.id, r]));
  const out: TableSnapshot[] = [];
  for (const id of relIds) {
    const rel = rels.get(id);
    if (!rel?.part) throw damaged(`${describe(sheet)} lists a table (${id}) that its relationships do not name`);
    const xml = await partText(pkg, rel.part, `a table of ${describe(sheet)} (${rel.part})`);
    if (xml === undefined) throw damaged(`a table of ${describe(sheet)} (${rel.part}) is missing`);
    const table = readTable(xml);
    if (!table) throw damaged(`a table of ${describe(sheet)} (${rel.part}) has no name or range`);
    out.push(table);
  }
  return out;
}

/**
 * Reads every worksheet of the package. Throws WorkbookReadError, with a message naming the
 * part, for a package that is not a workbook or whose parts are missing or unreadable.
 */
export async function readSnapshot(pkg: Package, name?: string, options: ReadOptions = {}): Promise<WorkbookSnapshot> {
  try {
    return await readParts(pkg, name, options);
  } catch (e) {
    // A part that fails its checksum: the zip layer's message names it.
    if (e instanceof ZipError) throw new WorkbookReadError(firstLine(e));
    throw e;
  }
}

async function readParts(pkg: Package, name: string | undefined, options: ReadOptions): Promise<WorkbookSnapshot> {
  const workbook = await readWorkbook(pkg);
  if (!workbook) throw new WorkbookReadError('not an .xlsx workbook: the file has no workbook part (xl/workbook.xml)');
  for (const s of workbook.sheets) {
    if (!s.part) throw damaged(`sheet '${s.name}' has no part (relationship ${s.relId || '(none)'} is missing)`);
  }
  const worksheets = workbook.sheets.filter((s) => s.kind === 'worksheet');
  if (worksheets.length === 0) throw new WorkbookReadError('the workbook has no worksheets');

  const [stringsPart, stylesPart] = await Promise.all([
    relatedPart(pkg, workbook.part, REL.sharedStrings, 'xl/sharedStrings.xml'),
    relatedPart(pkg, workbook.part, REL.styles, 'xl/styles.xml'),
  ]);
  const [stringsXml, stylesXml] = await Promise.all([
    stringsPart ? partText(pkg, stringsPart, `the shared strings (${stringsPart})`) : undefined,
    stylesPart ? partText(pkg, stylesPart, `the styles (${stylesPart})`) : undefined,
  ]);
  if (stringsPart && stringsXml === undefined) throw damaged(`the shared strings (${stringsPart}) are missing`);

  let strings: string[] = [];
  if (stringsXml) {
    try {
      strings = readSharedStrings(stringsXml);
    } catch (e) {
      throw damaged(`the shared strings (${stringsPart}) cannot be read: ${firstLine(e)}`);
    }
  }
  let styles: Uint8Array;
  try {
    styles = dateStyles(stylesXml);
  } catch (e) {
    throw damaged(`the styles (${stylesPart}) cannot be read: ${firstLine(e)}`);
  }
  const ctx: SheetContext = { strings, dateStyles: styles, date1904: workbook.date1904 };

  // A sheet's part is unpacked only when its cells are read.
  const scan = async (i: number) => {
    const ws = worksheets[i];
    const xml = await partText(pkg, ws.part as string, describe(ws));
    if (xml === undefined) throw damaged(`${describe(ws)} is missing`);
    try {
      return readSheetXml(xml, ctx);
    } catch (e) {
      if (!(e instanceof ScanError)) throw e;
      throw damaged(`${describe(ws)} cannot be read: ${firstLine(e)}`);
    }
  };
  // Hidden sheets first: among them is Interlock's state sheet, which names the sheets the run
  // rebuilds from the matrix alone (findings, summary, overview, what was checked). Their cells
  // are not read: on a large workbook validated before they are half of all the XML.
  const content: (ReturnType<typeof readSheetXml> | undefined)[] = [];
  let rebuilt = new Set<string>();
  let stateAt = -1;
  if (options.readRebuilt !== true) {
    for (let i = 0; i < worksheets.length && stateAt < 0; i++) {
      if (worksheets[i].state === 'visible') continue;
      const read = (content[i] = await scan(i));
      const listed = rebuiltSheetsListedIn(sheetOf(worksheets[i], i, read, []));
      if (listed.length > 0) [rebuilt, stateAt] = [new Set(listed), i];
    }
  }
  const sheets: SheetSnapshot[] = [];
  for (let i = 0; i < worksheets.length; i++) {
    const ws = worksheets[i];
    const skip = rebuilt.has(ws.name);
    const read = skip ? readSheetXml(EMPTY_SHEET, ctx) : (content[i] ?? (await scan(i)));
    sheets.push(sheetOf(ws, i, read, skip ? [] : await sheetTables(pkg, ws, ws.part as string, read.tableRelIds)));
  }
  // The core takes the first state sheet in tab order; should that be another one (a visible sheet
  // that starts the same way), the cells left out may be needed: read everything.
  if (stateAt >= 0 && sheets.findIndex(isStateSheet) !== stateAt) return readParts(pkg, name, { readRebuilt: true });
  return { name, sheets, names: definedNames(workbook.definedNames) };
}

function sheetOf(
  ws: WorkbookSheet,
  index: number,
  read: ReturnType<typeof readSheetXml>,
  tables: TableSnapshot[],
): SheetSnapshot {
  const { tableRelIds: _, ...cells } = read;
  return { name: ws.name, index, visibility: ws.state, ...cells, tables };
}

/** What a sheet whose cells are not read looks like in the snapshot: no cells. */
const EMPTY_SHEET = '<worksheet><sheetData/></worksheet>';
