/**
 * Test helper: a minimal .xlsx around the sheet writer's output (content types, relationships,
 * workbook, the StyleBook's stylesheet, worksheets and their tables), zipped with the package
 * layer's own zip writer, so readers (ExcelJS, openpyxl, LibreOffice) can open what it wrote.
 */
import type { PlannedSheet } from '../../../src/core/plan/types';
import { nodeCodec } from '../../../src/xlsx/package/nodeCodec';
import { escapeAttr } from '../../../src/xlsx/package/xml';
import { makeEntry, writeZip } from '../../../src/xlsx/package/zip';
import { tableXml, worksheetXml } from '../../../src/xlsx/write/sheetXml';
import { StyleBook } from '../../../src/xlsx/write/styles';

const CT = 'application/vnd.openxmlformats-officedocument.spreadsheetml';
const REL = 'http://schemas.openxmlformats.org/officeDocument/2006/relationships';
const PKG_REL = 'http://schemas.openxmlformats.org/package/2006/relationships';
const MAIN = 'http://schemas.openxmlformats.org/spreadsheetml/2006/main';
const HEAD = '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n';

export interface MinimalPackage {
  bytes: Uint8Array;
  /** Every part's text, by name, for tests that look at the XML itself. */
  parts: Map<string, string>;
}

/** The workbook holding `sheets` as planned (the first is selected), styled by one StyleBook. */
export async function minimalPackage(sheets: PlannedSheet[], stylesXml?: string): Promise<MinimalPackage> {
  const styles = new StyleBook(stylesXml);
  const parts = new Map<string, string>();
  const overrides: string[] = [
    `<Override PartName="/xl/workbook.xml" ContentType="${CT}.sheet.main+xml"/>`,
    `<Override PartName="/xl/styles.xml" ContentType="${CT}.styles+xml"/>`,
  ];
  const workbookRels: string[] = [];
  const sheetTags: string[] = [];
  let tableId = 0;
  sheets.forEach((sheet, i) => {
    const n = i + 1;
    const tableRelIds: string[] = [];
    const sheetRels: string[] = [];
    for (const table of sheet.tables) {
      const xml = tableXml(table, sheet, tableId + 1);
      if (xml === undefined) continue;
      tableId++;
      const relId = `rId${tableRelIds.length + 1}`;
      tableRelIds.push(relId);
      parts.set(`xl/tables/table${tableId}.xml`, xml);
      overrides.push(`<Override PartName="/xl/tables/table${tableId}.xml" ContentType="${CT}.table+xml"/>`);
      sheetRels.push(`<Relationship Id="${relId}" Type="${REL}/table" Target="../tables/table${tableId}.xml"/>`);
    }
    parts.set(`xl/worksheets/sheet${n}.xml`, worksheetXml(sheet, styles, { selected: i === 0, tableRelIds }));
    if (sheetRels.length > 0) {
      parts.set(
        `xl/worksheets/_rels/sheet${n}.xml.rels`,
        `${HEAD}<Relationships xmlns="${PKG_REL}">${sheetRels.join('')}</Relationships>`,
      );
    }
    overrides.push(`<Override PartName="/xl/worksheets/sheet${n}.xml" ContentType="${CT}.worksheet+xml"/>`);
    workbookRels.push(`<Relationship Id="rId${n}" Type="${REL}/worksheet" Target="worksheets/sheet${n}.xml"/>`);
    const state = sheet.visibility === 'visible' ? '' : ` state="${sheet.visibility}"`;
    sheetTags.push(`<sheet name="${escapeAttr(sheet.name)}" sheetId="${n}"${state} r:id="rId${n}"/>`);
  });
  workbookRels.push(`<Relationship Id="rId${sheets.length + 1}" Type="${REL}/styles" Target="styles.xml"/>`);
  parts.set(
    '[Content_Types].xml',
    `${HEAD}<Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types">` +
      '<Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/>' +
      '<Default Extension="xml" ContentType="application/xml"/>' +
      `${overrides.join('')}</Types>`,
  );
  parts.set(
    '_rels/.rels',
    `${HEAD}<Relationships xmlns="${PKG_REL}"><Relationship Id="rId1" Type="${REL}/officeDocument" Target="xl/workbook.xml"/></Relationships>`,
  );
  parts.set(
    'xl/workbook.xml',
    `${HEAD}<workbook xmlns="${MAIN}" xmlns:r="${REL}"><bookViews><workbookView activeTab="0"/></bookViews>` +
      `<sheets>${sheetTags.join('')}</sheets></workbook>`,
  );
  parts.set(
    'xl/_rels/workbook.xml.rels',
    `${HEAD}<Relationships xmlns="${PKG_REL}">${workbookRels.join('')}</Relationships>`,
  );
  parts.set('xl/styles.xml', styles.toXml());
  const encoder = new TextEncoder();
  const entries = await Promise.all([...parts].map(([name, text]) => makeEntry(name, encoder.encode(text), nodeCodec)));
  return { bytes: writeZip(entries), parts };
}
