/**
 * `npm run test:e2e` (after `npm run build`): the built task pane in Debian's Chromium, in file
 * mode. Serves dist/ on 127.0.0.1, opens a fixture workbook in the pane, validates it, checks the
 * findings and the heat map are shown, downloads the validated copy and checks it as the command
 * line's tests do: Interlock's sheets and matrix rules are there, and every user cell is unchanged.
 * Screenshots go to docs/screenshots/. Prints `N passed, N failed`; exits 1 on any failure.
 *
 * office.js comes from Microsoft's CDN, which is unreachable here: that is exactly file mode.
 */
import { createServer, type Server } from 'http';
import { existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, statSync } from 'fs';
import { tmpdir } from 'os';
import { extname, join, normalize, resolve } from 'path';
import ExcelJS from 'exceljs';
import { chromium, type Page } from 'playwright-core';
import { readState } from '../src/core/plan/state';
import { workbookSnapshot } from '../src/xlsx/snapshot';

const ROOT = resolve(__dirname, '..');
const DIST = join(ROOT, 'dist');
const SHOTS = join(ROOT, 'docs', 'screenshots');
const CHROMIUM = process.env.CHROMIUM_PATH || '/usr/bin/chromium';
const FIXTURES = [join(ROOT, 'examples', 'sample-matrix.xlsx')];

const TYPES: Record<string, string> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.png': 'image/png',
  '.xml': 'application/xml',
  '.css': 'text/css',
  '.json': 'application/json',
};

function serve(): Promise<{ server: Server; url: string }> {
  const server = createServer((req, res) => {
    const path = normalize(decodeURIComponent((req.url ?? '/').split('?')[0])).replace(/^(\.\.[/\\])+/, '');
    const file = join(DIST, path === '/' ? 'taskpane.html' : path);
    if (!file.startsWith(DIST) || !existsSync(file) || !statSync(file).isFile()) {
      res.writeHead(404).end('not found');
      return;
    }
    res.writeHead(200, { 'content-type': TYPES[extname(file)] ?? 'application/octet-stream' });
    res.end(readFileSync(file));
  });
  return new Promise((ok) =>
    server.listen(0, '127.0.0.1', () => {
      const address = server.address();
      const port = typeof address === 'object' && address ? address.port : 0;
      ok({ server, url: `http://127.0.0.1:${port}` });
    }),
  );
}

let passed = 0;
let failed = 0;
function check(name: string, ok: boolean, detail = ''): void {
  if (ok) passed++;
  else failed++;
  console.log(`${ok ? 'ok  ' : 'FAIL'} ${name}${!ok && detail ? `: ${detail}` : ''}`);
}

/** Every cell of the user's sheets (those Interlock does not own): value and style, as JSON. */
function userCells(wb: ExcelJS.Workbook, owned: Set<string>): Map<string, string> {
  const out = new Map<string, string>();
  wb.eachSheet((ws) => {
    if (owned.has(ws.name)) return;
    ws.eachRow({ includeEmpty: true }, (row) =>
      row.eachCell({ includeEmpty: true }, (cell) => {
        out.set(`${ws.name}!${cell.address}`, JSON.stringify({ v: cell.value, s: cell.style, t: cell.type }));
      }),
    );
  });
  return out;
}

async function checkDownloaded(original: Buffer, downloaded: Buffer, label: string): Promise<void> {
  const before = new ExcelJS.Workbook();
  await before.xlsx.load(original as unknown as ArrayBuffer);
  const after = new ExcelJS.Workbook();
  await after.xlsx.load(downloaded as unknown as ArrayBuffer);
  const state = readState(workbookSnapshot(after));
  check(`${label}: the copy records what Interlock owns`, state !== null);
  if (!state) return;
  const names = new Set(after.worksheets.map((w) => w.name));
  const missing = state.sheets.filter((s) => !names.has(s.name)).map((s) => s.name);
  check(
    `${label}: every owned sheet exists (${state.sheets.length})`,
    missing.length === 0,
    `missing ${missing.join(', ')}`,
  );
  check(
    `${label}: a findings sheet was written`,
    state.sheets.some((s) => s.role === 'findings'),
  );
  const matrixSheet = state.matrix?.sheet ? after.getWorksheet(state.matrix.sheet) : undefined;
  const rules = matrixSheet
    ? (
        matrixSheet as unknown as { conditionalFormattings: { rules: { formulae?: string[] }[] }[] }
      ).conditionalFormattings.flatMap((c) => c.rules)
    : [];
  const marked = rules.filter((r) => (r.formulae ?? []).some((f) => f.includes(state.marker)));
  check(
    `${label}: matrix rules carry the owner marker (${marked.length})`,
    marked.length > 0 && marked.length === (state.matrix?.rules ?? -1),
    `${marked.length} of ${state.matrix?.rules}`,
  );
  const owned = new Set(state.sheets.map((s) => s.name));
  const a = userCells(before, owned);
  const b = userCells(after, owned);
  const changed = [...a].filter(([k, v]) => b.get(k) !== v).map(([k]) => k);
  const added = [...b.keys()].filter((k) => !a.has(k));
  check(
    `${label}: all ${a.size} user cells unchanged`,
    changed.length === 0 && added.length === 0,
    `changed ${changed.slice(0, 5).join(', ')} added ${added.slice(0, 5).join(', ')}`,
  );
}

async function runFixture(page: Page, url: string, fixture: string, shotName: string): Promise<void> {
  const label = fixture.replace(`${ROOT}/`, '');
  await page.goto(`${url}/taskpane.html`);
  const input = page.getByTestId('file-input');
  await input.waitFor({ timeout: 15_000 });
  check(`${label}: the pane renders without office.js`, await input.isVisible());
  await input.setInputFiles(fixture);
  await page.getByText(/^Opened /).waitFor({ timeout: 30_000 });
  await page.getByRole('button', { name: 'Validate' }).click();
  const summary = page.getByTestId('summary');
  await summary.waitFor({ timeout: 60_000 });
  const text = (await summary.textContent()) ?? '';
  check(`${label}: a summary is shown (${text.trim()})`, /\d+ errors, \d+ warnings, \d+ infos in \d+ cells/.test(text));
  check(`${label}: the matrix found is shown`, await page.getByTestId('matrix-found').isVisible());
  const heat = page.getByTestId('heatmap');
  const box = await heat.boundingBox();
  check(`${label}: the heat map is drawn`, !!box && box.width > 10 && box.height > 10);
  const painted = await heat.evaluate((c) => {
    const canvas = c as HTMLCanvasElement;
    const data = canvas.getContext('2d')!.getImageData(0, 0, canvas.width, canvas.height).data;
    let coloured = 0;
    for (let i = 0; i < data.length; i += 4)
      if (!(data[i] === 255 && data[i + 1] === 255 && data[i + 2] === 255)) coloured++;
    return coloured;
  });
  check(`${label}: the heat map has coloured cells`, painted > 0);
  const findings = await page.getByTestId('finding').count();
  const expected = /^(\d+) errors, (\d+) warnings, (\d+) infos/.exec(text.trim());
  const total = expected ? Number(expected[1]) + Number(expected[2]) + Number(expected[3]) : 0;
  check(`${label}: findings are listed (${findings} shown of ${total})`, total === 0 ? true : findings > 0);
  mkdirSync(SHOTS, { recursive: true });
  await page.evaluate(() => window.scrollTo(0, 0));
  await page.screenshot({ path: join(SHOTS, shotName) });
  await page.screenshot({ path: join(SHOTS, shotName.replace(/\.png$/, '-full.png')), fullPage: true });
  if (findings > 0) {
    await page.getByTestId('finding').first().click();
    check(`${label}: clicking a finding points at its cell`, await page.getByText(/^Selected /).isVisible());
  }

  const [download] = await Promise.all([
    page.waitForEvent('download', { timeout: 30_000 }),
    page.getByTestId('download').click(),
  ]);
  check(
    `${label}: the download is named like the command line's copy`,
    /\.validated\.xlsx$/.test(download.suggestedFilename()),
    download.suggestedFilename(),
  );
  const saved = join(mkdtempSync(join(tmpdir(), 'interlock-e2e-')), download.suggestedFilename());
  await download.saveAs(saved);
  await checkDownloaded(readFileSync(fixture), readFileSync(saved), label);
}

async function main(): Promise<number> {
  if (!existsSync(join(DIST, 'taskpane.html'))) {
    console.log('dist/taskpane.html is missing: run `npm run build` first.\n0 passed, 1 failed');
    return 1;
  }
  if (!existsSync(CHROMIUM)) {
    console.log(`Chromium not found at ${CHROMIUM} (set CHROMIUM_PATH).\n0 passed, 1 failed`);
    return 1;
  }
  const { server, url } = await serve();
  const profile = mkdtempSync(join(tmpdir(), 'interlock-chromium-'));
  const context = await chromium.launchPersistentContext(profile, {
    executablePath: CHROMIUM,
    headless: true,
    acceptDownloads: true,
    viewport: { width: 420, height: 900 },
    args: [
      '--headless',
      '--no-sandbox',
      '--disable-gpu',
      '--disable-quic',
      '--no-first-run',
      '--disable-background-networking',
      '--disable-component-update',
      '--disable-sync',
    ],
  });
  try {
    const page = context.pages()[0] ?? (await context.newPage());
    const errors: string[] = [];
    page.on('pageerror', (e) => errors.push(e.message));
    // No network here; fail the CDN at once rather than waiting for a timeout.
    await page.route(/appsforoffice\.microsoft\.com/, (route) => route.abort());
    for (const [i, fixture] of FIXTURES.entries()) {
      try {
        await runFixture(page, url, fixture, i === 0 ? 'taskpane-file-mode.png' : `taskpane-file-mode-${i + 1}.png`);
      } catch (e) {
        check(`${fixture}: ran to the end`, false, (e as Error).message.split('\n')[0]);
        await page.screenshot({ path: join(SHOTS, `failure-${i + 1}.png`), fullPage: true }).catch(() => undefined);
      }
    }
    check('no uncaught errors in the page', errors.length === 0, errors.join(' | '));
  } finally {
    await context.close();
    server.close();
    rmSync(profile, { recursive: true, force: true });
  }
  console.log(`${passed} passed, ${failed} failed`);
  return failed > 0 ? 1 : 0;
}

main().then(
  (code) => process.exit(code),
  (e) => {
    console.error(`e2e: ${(e as Error).stack ?? e}`);
    console.log(`${passed} passed, ${failed + 1} failed`);
    process.exit(1);
  },
);
