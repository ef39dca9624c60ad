/**
 * Writes test/fixtures/*.xlsx from test/fixtures/specs.ts: one workbook per layout variant, per
 * rule case (valid and invalid), and the unusable files the command line must refuse clearly.
 *   node -r ./scripts/ts-register.js scripts/make-fixtures.ts
 */
import { promises as fs } from 'fs';
import * as path from 'path';
import { LAYOUTS, NO_MATRIX, RULE_CASES, ruleCaseFile } from '../test/fixtures/specs';
import { workbookBytes } from '../test/fixtures/build';

const DIR = path.join(__dirname, '..', 'test', 'fixtures');

/** An OLE compound file header, as encrypted .xlsx and old .xls files start. */
function cfb(withEncryptionInfo: boolean): Buffer {
  const header = Buffer.alloc(512);
  Buffer.from([0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1]).copy(header);
  const body = Buffer.alloc(1024);
  if (withEncryptionInfo) Buffer.from('EncryptionInfo', 'utf16le').copy(body, 128);
  else Buffer.from('Workbook', 'utf16le').copy(body, 128);
  return Buffer.concat([header, body]);
}

async function main(): Promise<void> {
  await fs.mkdir(DIR, { recursive: true });
  // Rule case files are numbered: clear the old set so a removed or moved case leaves no stale file.
  for (const name of await fs.readdir(DIR)) if (/^rule-.*\.xlsx$/.test(name)) await fs.unlink(path.join(DIR, name));
  const written: string[] = [];
  const put = async (file: string, data: Buffer) => {
    await fs.writeFile(path.join(DIR, file), data);
    written.push(file);
  };
  for (const spec of [...LAYOUTS, ...NO_MATRIX]) await put(spec.file, await workbookBytes(spec));
  for (const [i, c] of RULE_CASES.entries())
    await put(ruleCaseFile(c, i), await workbookBytes({ file: '', sheets: c.sheets }));

  const good = await workbookBytes(LAYOUTS[0]);
  await put('bad-empty.xlsx', Buffer.alloc(0));
  await put('bad-not-xlsx.xlsx', Buffer.from('Department,Grow revenue\nSales,Launch a referral programme\n'));
  await put('bad-truncated.xlsx', good.subarray(0, Math.floor(good.length / 2)));
  await put('bad-encrypted.xlsx', cfb(true));
  await put('bad-legacy.xlsx', cfb(false));
  console.log(`wrote ${written.length} fixtures to ${path.relative(process.cwd(), DIR)}`);
}

main().catch((e) => {
  console.error(e);
  process.exit(1);
});
