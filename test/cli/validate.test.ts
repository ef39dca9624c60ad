import { promises as fs } from 'fs';
import * as os from 'os';
import * as path from 'path';
import { REPORT_LIMIT, run } from '../../src/cli/validate';
import { run as init } from '../../src/cli/init';
import { main } from '../../src/cli/main';
import { readZip } from '../../src/xlsx/package/zip';
import { annotated } from '../xlsx/apply/annotatedWorkbook';

const FIXTURES = path.join(__dirname, '..', 'fixtures');

function io() {
  const out: string[] = [];
  const err: string[] = [];
  return {
    io: { stdout: { write: (s: string) => out.push(s) }, stderr: { write: (s: string) => err.push(s) } },
    out: () => out.join(''),
    err: () => err.join(''),
  };
}

let dir: string;
beforeEach(async () => {
  dir = await fs.mkdtemp(path.join(os.tmpdir(), 'interlock-cli-'));
});
afterEach(async () => {
  await fs.rm(dir, { recursive: true, force: true });
});

async function copy(name: string, as = name): Promise<string> {
  const to = path.join(dir, as);
  await fs.copyFile(path.join(FIXTURES, name), to);
  return to;
}

describe('interlock validate', () => {
  test('charts reach the validated copy and the in-place file as they were stored', async () => {
    const file = await copy('chart-libreoffice.xlsx', 'plan.xlsx');
    const stored = (bytes: Uint8Array) =>
      readZip(bytes)
        .filter((e) => /^xl\/(charts|drawings)\//.test(e.name))
        .map((e) => [e.name, Buffer.from(e.raw).toString('base64')]);
    const before = stored(await fs.readFile(file));
    expect(before.length).toBeGreaterThan(0);
    const t = io();
    expect(await run([file, '--fail-on', 'never'], t.io)).toBe(0);
    expect(t.out()).not.toMatch(/does not have/);
    expect(stored(await fs.readFile(path.join(dir, 'plan.validated.xlsx')))).toEqual(before);
    expect(await run([file, '--in-place', '--fail-on', 'never'], io().io)).toBe(0);
    expect(stored(await fs.readFile(file))).toEqual(before);
  });
  test('--in-place replaces the file and keeps the original as <name>.backup.xlsx', async () => {
    const file = await copy('layout-plain.xlsx', 'plan.xlsx');
    const before = await fs.readFile(file);
    const t = io();
    expect(await run([file, '--in-place', '--fail-on', 'never'], t.io)).toBe(0);
    expect(t.out()).toMatch(/backup: .*plan\.backup\.xlsx/);
    expect(Buffer.compare(await fs.readFile(path.join(dir, 'plan.backup.xlsx')), before)).toBe(0);
    expect(Buffer.compare(await fs.readFile(file), before)).not.toBe(0);
  });
  test('a readable report, exit 1 on errors, 0 with --fail-on never', async () => {
    const file = await copy('rule-objective-uncovered-invalid-25.xlsx', 'plan.xlsx');
    const t = io();
    expect(await run([file, '--no-write'], t.io)).toBe(1);
    expect(t.out()).toMatch(/Matrix: 'Matrix'!A1:C3 \(found by its header row\), 2 objectives × 2 departments/);
    expect(t.out()).toMatch(/Errors \(\d+\)/);
    expect(t.out()).toMatch(/objective-uncovered/);
    expect(await run([file, '--no-write', '--fail-on', 'never'], io().io)).toBe(0);
  });

  test('--fail-on warning fails on a warning-only workbook; the default does not', async () => {
    const file = await copy('rule-blank-cell-invalid-1.xlsx', 'plan.xlsx');
    const quiet = io();
    const code = await run([file, '--no-write', '--quiet'], quiet.io);
    expect(quiet.out()).toMatch(/^.*plan\.xlsx: 0 errors, \d+ warnings?, \d+ infos?\n$/);
    expect(code).toBe(0);
    expect(await run([file, '--no-write', '--fail-on', 'warning'], io().io)).toBe(1);
  });

  test('--json prints one document with the design shape', async () => {
    const file = await copy('layout-attributes.xlsx', 'plan.xlsx');
    const t = io();
    await run([file, '--no-write', '--json'], t.io);
    const doc = JSON.parse(t.out());
    expect(doc.file).toBe(file);
    expect(doc.matrix.departments[2]).toMatchObject({
      name: 'IT',
      function: 'support',
      serves: ['Sales', 'Operations'],
      capacity: 1,
    });
    expect(doc.matrix.objectives[0]).toMatchObject({
      name: 'Grow revenue',
      metric: 'ARR',
      deadline: '2027-12-31',
      weight: 0.5,
    });
    expect(doc.cells).toHaveLength(9);
    expect(doc.summary).toEqual(
      expect.objectContaining({ errors: expect.any(Number), warnings: expect.any(Number), infos: expect.any(Number) }),
    );
  });

  test.each([
    ['bad-empty.xlsx', /empty \(0 bytes\)/],
    ['bad-not-xlsx.xlsx', /not an \.xlsx workbook/],
    ['bad-truncated.xlsx', /damaged/],
    ['bad-encrypted.xlsx', /password-protected/],
    [
      'no-matrix-notes.xlsx',
      /no matrix found: no sheet has a header row .* Looked for a named range "AlignmentMatrix"/,
    ],
  ])('%s: exit 2, one line, no output file', async (name, reason) => {
    const file = await copy(name, 'input.xlsx');
    const t = io();
    expect(await run([file], t.io)).toBe(2);
    expect(t.err()).toMatch(reason);
    expect(t.err().trim().split('\n')).toHaveLength(1);
    expect((await fs.readdir(dir)).sort()).toEqual(['input.xlsx']);
  });

  test('a missing file and bad options are usage problems (exit 2)', async () => {
    const t = io();
    expect(await main(['validate', path.join(dir, 'nope.xlsx')], t.io)).toBe(2);
    expect(t.err()).toMatch(/no such file or folder/);
    expect(await main(['validate', 'x.xlsx', '--fail-on', 'sometimes'], io().io)).toBe(2);
    expect(await main(['validate', 'x.xlsx', '--in-place', '--out', 'y.xlsx'], io().io)).toBe(2);
    expect(await main(['validate', 'x.xlsx', '--range', 'not a range'], io().io)).toBe(2);
    const bad = io();
    expect(await main(['validate', 'x.xlsx', '--cascade', 'some'], bad.io)).toBe(2);
    expect(bad.err()).toMatch(/--cascade must be all, existing or none/);
    expect(await main(['validate'], io().io)).toBe(2);
  });

  test('a folder: progress on stderr, one JSON array, unreadable files listed with their reason', async () => {
    await copy('layout-plain.xlsx', 'a.xlsx');
    await copy('bad-encrypted.xlsx', 'b.xlsx');
    await copy('layout-table.xlsx', 'c.xlsx');
    const t = io();
    expect(await run([dir, '--no-write', '--json'], t.io)).toBe(2);
    const docs = JSON.parse(t.out());
    expect(docs.map((d: { file: string }) => path.basename(d.file))).toEqual(['a.xlsx', 'b.xlsx', 'c.xlsx']);
    expect(docs[1].error).toMatch(/password-protected/);
    expect(t.err()).toMatch(/\[1\/3\] .*a\.xlsx/);
    expect(t.err()).toMatch(/\[3\/3\] .*c\.xlsx/);
  });

  test('--range picks the matrix explicitly', async () => {
    const file = await copy('layout-explicit-range.xlsx', 'plan.xlsx');
    const t = io();
    await run([file, '--no-write', '--json', '--range', "'Sheet 1'!B2:D4"], t.io);
    expect(JSON.parse(t.out()).matrix.range).toBe('B2:D4');
  });

  test('writes the validated copy beside the input and leaves the input alone', async () => {
    const file = await copy('layout-plain.xlsx', 'plan.xlsx');
    const before = await fs.readFile(file);
    const t = io();
    const code = await run([file], t.io);
    expect(t.err()).toBe('');
    expect(code).toBeLessThan(2);
    expect(t.out()).toMatch(/Wrote .*plan\.validated\.xlsx/);
    expect((await fs.readdir(dir)).sort()).toEqual(['plan.validated.xlsx', 'plan.xlsx']);
    expect((await fs.readFile(file)).equals(before)).toBe(true);
  });
});

describe('interlock validate --cascade', () => {
  const sheetNames = async (file: string) => {
    const ExcelJS = (await import('exceljs')).default;
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.readFile(file);
    return wb.worksheets.map((w) => w.name);
  };

  test('all (default) writes a cascade sheet per department; none writes none and keeps those already there', async () => {
    const file = await copy('layout-plain.xlsx', 'plan.xlsx');
    const out = path.join(dir, 'plan.validated.xlsx');
    await run([file, '--quiet'], io().io);
    const all = (await sheetNames(out)).filter((n) => n.startsWith('Cascade '));
    expect(all.length).toBeGreaterThan(1);

    const fresh = path.join(dir, 'fresh.xlsx');
    await run([file, '--quiet', '--cascade', 'none', '--out', fresh], io().io);
    expect((await sheetNames(fresh)).filter((n) => n.startsWith('Cascade '))).toEqual([]);

    // Re-run on the copy that has them: none leaves every cascade sheet in place, and a later
    // default run still knows them as its own (no duplicates under new names).
    const again = path.join(dir, 'again.xlsx');
    await run([out, '--quiet', '--cascade', 'none', '--out', again], io().io);
    expect((await sheetNames(again)).filter((n) => n.startsWith('Cascade '))).toEqual(all);
    const third = path.join(dir, 'third.xlsx');
    await run([again, '--quiet', '--out', third], io().io);
    expect((await sheetNames(third)).filter((n) => n.startsWith('Cascade '))).toEqual(all);
  });

  test('existing refreshes only cascade sheets a previous run wrote', async () => {
    const file = await copy('layout-plain.xlsx', 'plan.xlsx');
    const out = path.join(dir, 'existing.xlsx');
    await run([file, '--quiet', '--cascade=existing', '--out', out], io().io);
    expect((await sheetNames(out)).filter((n) => n.startsWith('Cascade '))).toEqual([]);
  });
});

describe('a report with more findings than a terminal shows', () => {
  /** 30 departments × 10 objectives of vague text: several findings a cell. */
  async function vagueMatrix(): Promise<string> {
    const ExcelJS = (await import('exceljs')).default;
    const wb = new ExcelJS.Workbook();
    const ws = wb.addWorksheet('Plan');
    ws.addRow(['Department', ...Array.from({ length: 10 }, (_, o) => `Objective ${o + 1}`)]);
    for (let d = 0; d < 30; d++) ws.addRow([`Team ${d + 1}`, ...Array.from({ length: 10 }, () => 'Improve things.')]);
    const file = path.join(dir, 'vague.xlsx');
    await wb.xlsx.writeFile(file);
    return file;
  }
  const listed = (out: string) => out.split('\n').filter((l) => /^ {6}[A-Z]+\d+ +[a-z-]+/.test(l)).length;
  const total = (out: string) =>
    /Findings: (\d+) errors?, (\d+) warnings?, (\d+) infos?/
      .exec(out)!
      .slice(1)
      .reduce((n, x) => n + Number(x), 0);

  test('lists the first 200, errors first, then counts the rest and says where they are', async () => {
    const file = await vagueMatrix();
    const t = io();
    await run([file, '--fail-on', 'never'], t.io);
    const out = t.out();
    expect(total(out)).toBeGreaterThan(REPORT_LIMIT);
    expect(listed(out)).toBe(REPORT_LIMIT);
    const rest =
      /… and (\d+) more findings \(([^)]*)\), not listed here: the copy's Findings sheet lists them all, --all/.exec(
        out,
      );
    expect(rest).not.toBeNull();
    expect(Number(rest![1])).toBe(total(out) - REPORT_LIMIT);
    // Errors come first: the listed ones are all errors when there are at least 200 of them.
    expect(out.indexOf('Warnings (')).toBe(-1);

    const all = io();
    await run([file, '--fail-on', 'never', '--all', '--no-write'], all.io);
    expect(listed(all.out())).toBe(total(all.out()));
    expect(all.out()).not.toMatch(/more findings/);

    const bare = io();
    await run([file, '--fail-on', 'never', '--no-write'], bare.io);
    expect(bare.out()).toMatch(/not listed here: --all prints every one/);
  });
});

describe('what people added to an owned sheet', () => {
  const LOST = 'Cascade Sales: 1 note, 1 comment, 1 picture, 1 chart were on this sheet';

  test('validate names it in the report (on stderr with --json), once', async () => {
    const file = path.join(dir, 'plan.xlsx');
    await fs.writeFile(file, await (await annotated()).toBytes());
    const t = io();
    expect(await run([file, '--fail-on', 'never'], t.io)).toBe(0);
    expect(t.out()).toContain(`  Note: ${LOST} and are not carried over (Interlock rewrites its own sheets;`);
    const again = io();
    await run(
      [path.join(dir, 'plan.validated.xlsx'), '--fail-on', 'never', '--out', path.join(dir, 'again.xlsx')],
      again.io,
    );
    expect(again.out()).not.toContain('not carried over');

    const json = io();
    expect(await run([file, '--json', '--fail-on', 'never'], json.io)).toBe(0);
    expect(JSON.parse(json.out()).file).toBe(file);
    expect(json.err()).toBe(
      `${file}: Note: ${LOST} and are not carried over (Interlock rewrites its own sheets; keep notes on your own sheets or in the rows you add)\n`,
    );
  });

  test('clear says what went with the sheet', async () => {
    const file = path.join(dir, 'plan.xlsx');
    await fs.writeFile(file, await (await annotated()).toBytes());
    const t = io();
    expect(await main(['clear', file, '--all'], t.io)).toBe(0);
    expect(t.out()).toContain(`  Note: ${LOST} and were removed with it\n`);
  });
});

describe('interlock init', () => {
  test('writes a starter matrix that validates, and refuses to overwrite', async () => {
    const file = path.join(dir, 'starter.xlsx');
    expect(await init([file], io().io)).toBe(0);
    const t = io();
    expect(await run([file, '--no-write', '--json'], t.io)).toBe(0);
    const doc = JSON.parse(t.out());
    expect(doc.matrix.departments.map((d: { name: string }) => d.name)).toEqual([
      'Sales',
      'Customer Success',
      'IT',
      'HR',
    ]);
    expect(doc.summary.errors).toBe(0);
    const again = io();
    expect(await main(['init', file], again.io)).toBe(2);
    expect(again.err()).toMatch(/already exists/);
  });
});
