import { promises as fs } from 'fs';
import * as path from 'path';
import ExcelJS from 'exceljs';
import { openPackage, readWorkbookSnapshot, UnreadableWorkbook } from '../../src/xlsx/load';
import { nodeCodec } from '../../src/xlsx/package/nodeCodec';
import { makeEntry, writeZip } from '../../src/xlsx/package/zip';

const FIXTURES = path.join(__dirname, '..', 'fixtures');

async function failure(bytes: Uint8Array | ArrayBuffer): Promise<unknown> {
  return openPackage(bytes, nodeCodec)
    .then((pkg) => readWorkbookSnapshot(pkg))
    .then(
      () => null,
      (e: unknown) => e,
    );
}

describe('opening refuses unusable files with one line', () => {
  test.each([
    ['bad-empty.xlsx', 'empty', /empty \(0 bytes\)/],
    ['bad-not-xlsx.xlsx', 'not-xlsx', /not an \.xlsx workbook \(it looks like CSV text\)/],
    ['bad-truncated.xlsx', 'corrupt', /cut short or damaged/],
    ['bad-encrypted.xlsx', 'encrypted', /password-protected/],
    ['bad-legacy.xlsx', 'legacy-xls', /old binary Excel file \(\.xls\)/],
  ])('%s', async (file, kind, message) => {
    const err = await failure(await fs.readFile(path.join(FIXTURES, file)));
    expect(err).toBeInstanceOf(UnreadableWorkbook);
    expect((err as UnreadableWorkbook).kind).toBe(kind);
    expect((err as Error).message).toMatch(message);
    expect((err as Error).message).not.toContain('\n');
  });

  test('a zip that is not a workbook (a renamed Word file) says so', async () => {
    const docx = writeZip([await makeEntry('word/document.xml', new TextEncoder().encode('<w/>'), nodeCodec)]);
    const err = await failure(docx);
    expect((err as UnreadableWorkbook).kind).toBe('not-xlsx');
    expect((err as Error).message).toMatch(/no workbook part/);
  });

  test('accepts an ArrayBuffer as the browser passes it', async () => {
    const bytes = await fs.readFile(path.join(FIXTURES, 'layout-plain.xlsx'));
    const ab = bytes.buffer.slice(bytes.byteOffset, bytes.byteOffset + bytes.byteLength);
    const snap = await readWorkbookSnapshot(await openPackage(ab as ArrayBuffer, nodeCodec));
    expect(snap.sheets[0].name).toBe('Matrix');
  });
});

describe('readWorkbookSnapshot on a workbook another program wrote', () => {
  test('values, merges, hidden rows and columns, protection, names', async () => {
    const wb = new ExcelJS.Workbook();
    const ws = wb.addWorksheet('My sheet');
    ws.getCell('B2').value = 'Title';
    ws.mergeCells('B2:D2');
    ws.getCell('B4').value = { richText: [{ text: 'Rich ' }, { text: 'text' }] };
    ws.getCell('C4').value = { formula: '1+1', result: 2 };
    ws.getCell('D4').value = { error: '#REF!' } as ExcelJS.CellErrorValue;
    ws.getCell('D5').value = new Date(Date.UTC(2027, 5, 30));
    ws.getCell('B5').value = { text: 'a link', hyperlink: 'https://example.com' };
    ws.getColumn('C').hidden = true;
    ws.getRow(5).hidden = true;
    await ws.protect('', {});
    wb.addWorksheet('Hidden', { state: 'hidden' }).getCell('A1').value = 1;
    wb.definedNames.add("'My sheet'!$B$4:$D$5", 'AlignmentMatrix');
    const bytes = new Uint8Array((await wb.xlsx.writeBuffer()) as ArrayBuffer);
    const snap = await readWorkbookSnapshot(await openPackage(bytes, nodeCodec), 'x.xlsx');
    const s = snap.sheets[0];
    expect(s.origin).toEqual({ row: 1, col: 1 });
    expect(s.values[2]).toEqual(['Rich text', 2, { error: '#REF!' }]);
    expect(s.values[3]).toEqual(['a link', null, { date: '2027-06-30' }]);
    expect(s.formulas).toEqual(['C4']);
    expect(s.merges).toEqual(['B2:D2']);
    expect(s.hiddenColumns).toEqual([2]);
    expect(s.hiddenRows).toEqual([4]);
    expect(s.protected).toBe(true);
    expect(snap.sheets[1].visibility).toBe('hidden');
    expect(snap.names).toEqual([{ name: 'AlignmentMatrix', sheet: 'My sheet', range: 'B4:D5' }]);
  });
});
