import { promises as fs } from 'fs';
import * as path from 'path';
import ExcelJS from 'exceljs';
import { loadWorkbook, UnreadableWorkbook } from '../../src/xlsx/load';
import { workbookSnapshot, plainValue } from '../../src/xlsx/snapshot';

const FIXTURES = path.join(__dirname, '..', 'fixtures');

describe('loadWorkbook refuses unusable files with one line', () => {
  test.each([
    ['bad-empty.xlsx', 'empty', /empty \(0 bytes\)/],
    ['bad-not-xlsx.xlsx', 'not-xlsx', /not an \.xlsx workbook \(it looks like CSV text\)/],
    ['bad-truncated.xlsx', 'corrupt', /damaged or not a valid \.xlsx/],
    ['bad-encrypted.xlsx', 'encrypted', /password-protected/],
    ['bad-legacy.xlsx', 'legacy-xls', /old binary Excel file \(\.xls\)/],
  ])('%s', async (file, kind, message) => {
    const bytes = await fs.readFile(path.join(FIXTURES, file));
    const err = await loadWorkbook(bytes).then(
      () => null,
      (e: unknown) => e,
    );
    expect(err).toBeInstanceOf(UnreadableWorkbook);
    expect((err as UnreadableWorkbook).kind).toBe(kind);
    expect((err as Error).message).toMatch(message);
    expect((err as Error).message).not.toContain('\n');
  });

  test('accepts an ArrayBuffer as the browser passes it', async () => {
    const bytes = await fs.readFile(path.join(FIXTURES, 'layout-plain.xlsx'));
    const ab = bytes.buffer.slice(bytes.byteOffset, bytes.byteOffset + bytes.byteLength);
    const wb = await loadWorkbook(ab as ArrayBuffer);
    expect(wb.worksheets[0].name).toBe('Matrix');
  });
});

describe('workbookSnapshot', () => {
  test('values, merges, hidden rows and columns, protection, tables, names', async () => {
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
    const loaded = await loadWorkbook(Buffer.from(await wb.xlsx.writeBuffer()));
    const snap = workbookSnapshot(loaded, 'x.xlsx');
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

  test('plainValue handles every ExcelJS shape', () => {
    expect(plainValue(null)).toBeNull();
    expect(plainValue({ sharedFormula: 'A1', result: 'x' } as unknown as ExcelJS.CellValue)).toBe('x');
    expect(plainValue({ formula: 'A1' } as ExcelJS.CellValue)).toBeNull();
    expect(plainValue(new Date('invalid'))).toBeNull();
  });

  test('a 1,000 × 50 sheet snapshots quickly', async () => {
    const wb = new ExcelJS.Workbook();
    const ws = wb.addWorksheet('Big');
    for (let r = 1; r <= 1000; r++)
      ws.addRow(Array.from({ length: 50 }, (_, c) => `Cell ${r}/${c} launch 3 things by Q2 2027`));
    const loaded = await loadWorkbook(Buffer.from(await wb.xlsx.writeBuffer()));
    const t = Date.now();
    const snap = workbookSnapshot(loaded);
    expect(snap.sheets[0].values).toHaveLength(1000);
    expect(Date.now() - t).toBeLessThan(5000); // a guard against quadratic work, not a benchmark
  });
});
