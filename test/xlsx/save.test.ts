/** Saving is atomic: the output appears whole or not at all, and --in-place keeps a backup. */
import { promises as fs } from 'fs';
import * as os from 'os';
import * as path from 'path';
import ExcelJS from 'exceljs';
import { saveBytesAtomic, backupPath } from '../../src/xlsx/save';

let dir: string;
beforeEach(async () => {
  dir = await fs.mkdtemp(path.join(os.tmpdir(), 'interlock-save-'));
});
afterEach(async () => {
  await fs.rm(dir, { recursive: true, force: true });
});

function workbook(text: string): ExcelJS.Workbook {
  const wb = new ExcelJS.Workbook();
  wb.addWorksheet('Plan').getCell('A1').value = text;
  return wb;
}

/** What the writer hands the saver: a function that produces the file's bytes. */
const bytesOf = (wb: ExcelJS.Workbook) => async () => new Uint8Array((await wb.xlsx.writeBuffer()) as ArrayBuffer);

async function readA1(file: string): Promise<unknown> {
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.readFile(file);
  return wb.getWorksheet('Plan')?.getCell('A1').value;
}

test('writes the file and leaves no temporary file beside it', async () => {
  const out = path.join(dir, 'plan.validated.xlsx');
  await saveBytesAtomic(bytesOf(workbook('new')), out);
  expect(await readA1(out)).toBe('new');
  expect(await fs.readdir(dir)).toEqual(['plan.validated.xlsx']);
});

test('in place: the original is copied to <name>.backup.xlsx, byte for byte, before it is replaced', async () => {
  const file = path.join(dir, 'plan.xlsx');
  await workbook('original').xlsx.writeFile(file);
  const before = await fs.readFile(file);
  await saveBytesAtomic(bytesOf(workbook('validated')), file, { backupOf: file });
  expect(backupPath(file)).toBe(path.join(dir, 'plan.backup.xlsx'));
  expect(Buffer.compare(await fs.readFile(backupPath(file)), before)).toBe(0);
  expect(await readA1(file)).toBe('validated');
});

test('a failure while writing leaves the existing file untouched and no temporary file', async () => {
  const file = path.join(dir, 'plan.xlsx');
  await workbook('original').xlsx.writeFile(file);
  const before = await fs.readFile(file);
  const broken = () => Promise.reject(new Error('disk full'));
  await expect(saveBytesAtomic(broken, file)).rejects.toThrow('disk full');
  expect(Buffer.compare(await fs.readFile(file), before)).toBe(0);
  expect(await fs.readdir(dir)).toEqual(['plan.xlsx']);
});

test('a missing folder is named in the message, and nothing is written', async () => {
  const out = path.join(dir, 'nowhere', 'plan.validated.xlsx');
  await expect(saveBytesAtomic(bytesOf(workbook('x')), out)).rejects.toThrow(
    `the folder ${path.join(dir, 'nowhere')} does not exist`,
  );
  expect(await fs.readdir(dir)).toEqual([]);
});
