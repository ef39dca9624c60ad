/** The workbook part (`xl/workbook.xml`): its sheets in tab order, defined names, date system. */
import type { Package } from './package';
import { attr, decodeEntities, element, elements, type Found } from './xml';

export const REL = {
  officeDocument: 'http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument',
  worksheet: 'http://schemas.openxmlformats.org/officeDocument/2006/relationships/worksheet',
  sharedStrings: 'http://schemas.openxmlformats.org/officeDocument/2006/relationships/sharedStrings',
  styles: 'http://schemas.openxmlformats.org/officeDocument/2006/relationships/styles',
  table: 'http://schemas.openxmlformats.org/officeDocument/2006/relationships/table',
  calcChain: 'http://schemas.openxmlformats.org/officeDocument/2006/relationships/calcChain',
};

export interface WorkbookSheet {
  name: string;
  sheetId: number;
  relId: string;
  state: 'visible' | 'hidden' | 'veryHidden';
  /** Its part, e.g. `xl/worksheets/sheet1.xml`; undefined when the relationship is missing. */
  part?: string;
  /** Worksheet, chartsheet, dialog sheet...: only worksheets hold cells. */
  kind: 'worksheet' | 'other';
  /** Where its `<sheet>` element sits in the workbook part's text. */
  found: Found;
}

export interface WorkbookDefinedName {
  name: string;
  /** Index into the sheets (tab order) when the name is local to one sheet. */
  localSheetId?: number;
  hidden: boolean;
  /** The formula text, entities decoded, e.g. `'Plan FY27'!$B$5:$L$21`. */
  formula: string;
  found: Found;
}

export interface WorkbookInfo {
  /** The workbook part's name, usually `xl/workbook.xml`. */
  part: string;
  xml: string;
  sheets: WorkbookSheet[];
  definedNames: WorkbookDefinedName[];
  /** Serial numbers count from 1904-01-01 (old Mac workbooks) instead of 1899-12-30. */
  date1904: boolean;
}

/** The main document part, from the package's root relationships. */
export async function workbookPart(pkg: Package): Promise<string | undefined> {
  const root = await pkg.relationships('');
  const main = root.find((r) => r.type === REL.officeDocument || r.type.endsWith('/officeDocument'));
  if (main?.part && pkg.has(main.part)) return pkg.find(main.part);
  return pkg.find('xl/workbook.xml');
}

/** Reads the workbook part; undefined when the package has none (not a spreadsheet). */
export async function readWorkbook(pkg: Package): Promise<WorkbookInfo | undefined> {
  const part = await workbookPart(pkg);
  if (!part) return undefined;
  const xml = (await pkg.text(part)) ?? '';
  const rels = new Map((await pkg.relationships(part)).map((r) => [r.id, r]));
  const sheetsBlock = element(xml, 'sheets');
  const sheets: WorkbookSheet[] = sheetsBlock
    ? elements(xml, 'sheet', sheetsBlock.contentStart, sheetsBlock.contentEnd).map((found) => {
        const relId = attr(found.attrs, 'id') ?? '';
        const rel = rels.get(relId);
        const state = found.attrs.state;
        return {
          name: found.attrs.name ?? '',
          sheetId: Number(found.attrs.sheetId ?? 0),
          relId,
          state: state === 'hidden' || state === 'veryHidden' ? state : 'visible',
          ...(rel?.part ? { part: pkg.find(rel.part) ?? rel.part } : {}),
          kind: rel && (rel.type === REL.worksheet || rel.type.endsWith('/worksheet')) ? 'worksheet' : 'other',
          found,
        };
      })
    : [];
  const namesBlock = element(xml, 'definedNames');
  const definedNames: WorkbookDefinedName[] = namesBlock
    ? elements(xml, 'definedName', namesBlock.contentStart, namesBlock.contentEnd).map((found) => ({
        name: found.attrs.name ?? '',
        ...(found.attrs.localSheetId !== undefined ? { localSheetId: Number(found.attrs.localSheetId) } : {}),
        hidden: found.attrs.hidden === '1' || found.attrs.hidden === 'true',
        formula: decodeEntities(xml.slice(found.contentStart, found.contentEnd)),
        found,
      }))
    : [];
  const pr = element(xml, 'workbookPr');
  const d1904 = pr?.attrs.date1904;
  return { part, xml, sheets, definedNames, date1904: d1904 === '1' || d1904 === 'true' };
}
