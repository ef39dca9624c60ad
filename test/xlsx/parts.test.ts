/** Parts of a workbook the file path cannot carry into the validated copy are named, never lost quietly. */
import { readFileSync } from 'fs';
import { join } from 'path';
import ExcelJS from 'exceljs';
import { zipEntryNames, partsNotCarried } from '../../src/xlsx/parts';
import { loadWorkbook } from '../../src/xlsx/load';

const fixture = (name: string) => new Uint8Array(readFileSync(join(__dirname, '..', 'fixtures', name)));

test('lists the entries of a zip from its central directory', async () => {
  const wb = new ExcelJS.Workbook();
  wb.addWorksheet('Plan').getCell('A1').value = 'x';
  const bytes = new Uint8Array(await wb.xlsx.writeBuffer());
  const names = zipEntryNames(bytes);
  expect(names).toContain('xl/workbook.xml');
  expect(names).toContain('xl/worksheets/sheet1.xml');
  expect(partsNotCarried(bytes)).toEqual([]);
});

test('a workbook with a chart says so; notes and cells are not counted', () => {
  expect(partsNotCarried(fixture('chart-libreoffice.xlsx'))).toEqual(['charts']);
});

test('bytes that are not a zip give no names instead of throwing', () => {
  expect(zipEntryNames(new TextEncoder().encode('Department,Objective\nSales,x'))).toEqual([]);
  expect(zipEntryNames(new Uint8Array(0))).toEqual([]);
});

test('a drawing the reader trips on is named as such, not as a damaged file', async () => {
  await expect(loadWorkbook(fixture('chart-openpyxl.xlsx'))).rejects.toThrow(
    /could not open this workbook's charts or drawings/,
  );
});
