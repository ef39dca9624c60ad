/** Tiny hand-made .xlsx packages for the reader's tests, built part by part. */
import { Package } from '../../../src/xlsx/package/package';
import { nodeCodec } from '../../../src/xlsx/package/nodeCodec';
import { makeEntry, writeZip } from '../../../src/xlsx/package/zip';

const NS = 'http://schemas.openxmlformats.org/spreadsheetml/2006/main';
const R = 'http://schemas.openxmlformats.org/officeDocument/2006/relationships';
const PKG_R = 'http://schemas.openxmlformats.org/package/2006/relationships';

export interface TestSheet {
  name: string;
  /** The worksheet's XML, whole; or use `data` for just the `<sheetData>` content. */
  xml?: string;
  data?: string;
  /** Extra elements after `<sheetData>` (mergeCells, sheetProtection, tableParts...). */
  after?: string;
  before?: string;
  kind?: 'worksheet' | 'chartsheet';
  state?: 'hidden' | 'veryHidden';
  /** Parts this sheet relates to: id → [type suffix, target relative to xl/worksheets/]. */
  rels?: Record<string, [string, string]>;
}

export interface TestWorkbook {
  sheets: TestSheet[];
  sharedStrings?: string[] | string;
  /** Whole styles part, or the `<numFmts>` and `<cellXfs>` content via `numFmts` / `xfs`. */
  styles?: string;
  numFmts?: Record<number, string>;
  xfs?: number[];
  date1904?: boolean;
  definedNames?: string;
  /** Extra parts, name → text. */
  parts?: Record<string, string>;
  /** Parts to leave out of the package (to test damage). */
  omit?: string[];
}

function esc(s: string): string {
  return s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;');
}

export function worksheetXml(s: TestSheet): string {
  return (
    s.xml ??
    `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<worksheet xmlns="${NS}" xmlns:r="${R}">${s.before ?? ''}<sheetData>${s.data ?? ''}</sheetData>${s.after ?? ''}</worksheet>`
  );
}

/** The parts of a workbook, name → text. */
export function workbookParts(wb: TestWorkbook): Record<string, string> {
  const parts: Record<string, string> = {};
  parts['[Content_Types].xml'] =
    '<?xml version="1.0" encoding="UTF-8"?><Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types"/>';
  parts['_rels/.rels'] =
    `<Relationships xmlns="${PKG_R}"><Relationship Id="rId1" Type="${R}/officeDocument" Target="xl/workbook.xml"/></Relationships>`;
  const rels: string[] = [];
  const sheets: string[] = [];
  wb.sheets.forEach((s, i) => {
    const kind = s.kind ?? 'worksheet';
    const folder = kind === 'worksheet' ? 'worksheets' : 'chartsheets';
    const part = `${folder}/sheet${i + 1}.xml`;
    rels.push(`<Relationship Id="rIdS${i + 1}" Type="${R}/${kind}" Target="${part}"/>`);
    sheets.push(
      `<sheet name="${esc(s.name)}" sheetId="${i + 1}"${s.state ? ` state="${s.state}"` : ''} r:id="rIdS${i + 1}"/>`,
    );
    parts[`xl/${part}`] =
      kind === 'worksheet'
        ? worksheetXml(s)
        : `<chartsheet xmlns="${NS}" xmlns:r="${R}"><sheetViews><sheetView workbookViewId="0"/></sheetViews></chartsheet>`;
    if (s.rels) {
      parts[`xl/${folder}/_rels/sheet${i + 1}.xml.rels`] = `<Relationships xmlns="${PKG_R}">${Object.entries(s.rels)
        .map(([id, [type, target]]) => `<Relationship Id="${id}" Type="${R}/${type}" Target="${target}"/>`)
        .join('')}</Relationships>`;
    }
  });
  if (wb.sharedStrings !== undefined) {
    rels.push(`<Relationship Id="rIdSS" Type="${R}/sharedStrings" Target="sharedStrings.xml"/>`);
    parts['xl/sharedStrings.xml'] =
      typeof wb.sharedStrings === 'string'
        ? wb.sharedStrings
        : `<sst xmlns="${NS}" count="${wb.sharedStrings.length}">${wb.sharedStrings.map((t) => `<si><t xml:space="preserve">${esc(t)}</t></si>`).join('')}</sst>`;
  }
  if (wb.styles !== undefined || wb.xfs) {
    rels.push(`<Relationship Id="rIdST" Type="${R}/styles" Target="styles.xml"/>`);
    const numFmts = Object.entries(wb.numFmts ?? {})
      .map(([id, code]) => `<numFmt numFmtId="${id}" formatCode="${esc(code)}"/>`)
      .join('');
    parts['xl/styles.xml'] =
      wb.styles ??
      `<styleSheet xmlns="${NS}">${numFmts ? `<numFmts>${numFmts}</numFmts>` : ''}<cellStyleXfs count="1"><xf numFmtId="14"/></cellStyleXfs><cellXfs>${(
        wb.xfs ?? []
      )
        .map((id) => `<xf numFmtId="${id}" fontId="0" applyNumberFormat="1"><alignment wrapText="1"/></xf>`)
        .join('')}</cellXfs></styleSheet>`;
  }
  parts['xl/_rels/workbook.xml.rels'] = `<Relationships xmlns="${PKG_R}">${rels.join('')}</Relationships>`;
  parts['xl/workbook.xml'] =
    `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<workbook xmlns="${NS}" xmlns:r="${R}">` +
    `${wb.date1904 ? '<workbookPr date1904="1"/>' : '<workbookPr/>'}<sheets>${sheets.join('')}</sheets>` +
    `${wb.definedNames ? `<definedNames>${wb.definedNames}</definedNames>` : ''}</workbook>`;
  Object.assign(parts, wb.parts ?? {});
  for (const name of wb.omit ?? []) delete parts[name];
  return parts;
}

/** Zip bytes of these parts. */
export async function zipParts(parts: Record<string, string>): Promise<Uint8Array> {
  const enc = new TextEncoder();
  const entries = await Promise.all(Object.entries(parts).map(([n, t]) => makeEntry(n, enc.encode(t), nodeCodec)));
  return writeZip(entries);
}

export async function makePackage(wb: TestWorkbook): Promise<Package> {
  return Package.open(await zipParts(workbookParts(wb)), nodeCodec);
}
