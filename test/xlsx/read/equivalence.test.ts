/**
 * The package reader gives the same snapshot as the ExcelJS path on every fixture workbook and
 * the shipped example. Deliberate differences (the reader follows the file format where ExcelJS
 * does not) are tested in snapshot.test.ts; none of them occurs in these files, except that
 * ExcelJS cannot open chart-openpyxl.xlsx at all.
 */
import { promises as fs, readdirSync } from 'fs';
import * as path from 'path';
import { exceljsSnapshot } from './exceljsSnapshot';
import { Package } from '../../../src/xlsx/package/package';
import { nodeCodec } from '../../../src/xlsx/package/nodeCodec';
import { readSnapshot } from '../../../src/xlsx/read/snapshot';

const FIXTURES = path.join(__dirname, '..', '..', 'fixtures');
const EXAMPLE = path.join(__dirname, '..', '..', '..', 'examples', 'sample-matrix.xlsx');
/** Files ExcelJS itself cannot read (it trips on openpyxl's chart drawing). */
const EXCELJS_FAILS = new Set(['chart-openpyxl.xlsx']);

const all = readdirSync(FIXTURES)
  .filter((f) => f.endsWith('.xlsx'))
  .sort();
const good = all.filter((f) => !f.startsWith('bad-') && !EXCELJS_FAILS.has(f)).map((f) => path.join(FIXTURES, f));
const bad = all.filter((f) => f.startsWith('bad-'));

async function direct(file: string) {
  const bytes = new Uint8Array(await fs.readFile(file));
  return readSnapshot(Package.open(bytes, nodeCodec), path.basename(file), { readRebuilt: true }); // every cell, as ExcelJS reads them
}

describe('readSnapshot equals the ExcelJS path', () => {
  test('there are fixtures to compare', () => {
    expect(good.length).toBeGreaterThan(40);
  });

  test.each([...good, EXAMPLE].map((f) => [path.basename(f), f]))('%s', async (name, file) => {
    const viaExcelJs = await exceljsSnapshot(await fs.readFile(file), name);
    expect(await direct(file)).toEqual(viaExcelJs);
  });

  test('chart-openpyxl.xlsx, which ExcelJS cannot open, reads like its LibreOffice re-save', async () => {
    await expect(exceljsSnapshot(await fs.readFile(path.join(FIXTURES, 'chart-openpyxl.xlsx')))).rejects.toThrow();
    const openpyxl = await direct(path.join(FIXTURES, 'chart-openpyxl.xlsx'));
    const libre = await direct(path.join(FIXTURES, 'chart-libreoffice.xlsx'));
    expect(openpyxl.sheets.map((s) => s.name)).toEqual(['Plan', 'Data']);
    expect(openpyxl.sheets.map((s) => s.values)).toEqual(libre.sheets.map((s) => s.values));
  });
});

describe('files that are not workbooks give one line', () => {
  test.each(bad)('%s', async (file) => {
    const err = await direct(path.join(FIXTURES, file)).then(
      () => null,
      (e: unknown) => e,
    );
    expect(err).toBeInstanceOf(Error);
    expect((err as Error).message).toMatch(/\S/);
    expect((err as Error).message).not.toContain('\n');
  });
});
