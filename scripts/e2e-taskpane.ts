/**
 * `npm run test:e2e` (after `npm run build`): the built task pane in Debian's Chromium, in file
 * mode. Serves dist/ on 127.0.0.1, opens a fixture workbook in the pane, validates it, checks the
 * findings and the heat map are shown, downloads the validated copy and checks it as the command
 * line's tests do: Interlock's sheets and matrix rules are there, and every user cell is unchanged.
 * Screenshots go to docs/screenshots/. Prints `N passed, N failed`; exits 1 on any failure.
 *
 * office.js comes from Microsoft's CDN, which is unreachable here: that is exactly file mode.
 *
 * Excel mode: the request for office.js is answered with the recording fake (test/excel/
 * fakeExcel.ts), transpiled and wrapped here into one script that installs `Office` and `Excel`
 * around the sample workbook's snapshot. The pane then detects Excel, shows the matrix, validates,
 * selects a finding's cell, builds the cascade, clears and saves rule settings, all through the
 * real Office adapter; the e2e asserts what the fake recorded. Then the same with the keyboard
 * only, and the landmarks and labels a screen reader relies on.
 */
import { createServer, type Server } from 'http';
import { existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, statSync, writeFileSync } from 'fs';
import { tmpdir } from 'os';
import { extname, join, normalize, resolve } from 'path';
import ExcelJS from 'exceljs';
import ts from 'typescript';
import { chromium, type Page } from 'playwright-core';
import { readState } from '../src/core/plan/state';
import { openPackage, readWorkbookSnapshot } from '../src/xlsx/load';
import { nodeCodec } from '../src/xlsx/package/nodeCodec';
import { readZip } from '../src/xlsx/package/zip';
import { annotated, CASCADE } from '../test/xlsx/apply/annotatedWorkbook';

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
  const state = readState(await readWorkbookSnapshot(await openPackage(downloaded, nodeCodec)));
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

/**
 * File mode: the pane opened in a plain page, a workbook chosen, Validate pressed. Says whether
 * the file opener showed (the pane rendered without office.js).
 */
async function openAndValidate(page: Page, url: string, fixture: string): Promise<boolean> {
  await page.goto(`${url}/taskpane.html`);
  const input = page.getByTestId('file-input');
  await input.waitFor({ timeout: 15_000 });
  const rendered = await input.isVisible();
  await input.setInputFiles(fixture);
  await page.getByText(/^Opened /).waitFor({ timeout: 30_000 });
  await page.getByRole('button', { name: 'Validate' }).click();
  return rendered;
}

async function runFixture(page: Page, url: string, fixture: string, shotName: string): Promise<void> {
  const label = fixture.replace(`${ROOT}/`, '');
  check(`${label}: the pane renders without office.js`, await openAndValidate(page, url, fixture));
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
  // Every colour on the map is explained by the legend.
  const drawn = await heat.evaluate((c) => {
    const canvas = c as HTMLCanvasElement;
    const data = canvas.getContext('2d')!.getImageData(0, 0, canvas.width, canvas.height).data;
    const hex = (n: number) => n.toString(16).padStart(2, '0');
    const seen = new Set<string>();
    for (let i = 0; i < data.length; i += 4)
      seen.add(`#${hex(data[i])}${hex(data[i + 1])}${hex(data[i + 2])}`.toUpperCase());
    seen.delete('#FFFFFF');
    return [...seen];
  });
  const legend = await page
    .getByTestId('heatmap-legend')
    .evaluateAll((els) => els.map((e) => e.getAttribute('data-color')));
  const unexplained = drawn.filter((c) => !legend.includes(c));
  check(
    `${label}: the legend names every colour on the heat map (${drawn.length} drawn)`,
    drawn.length > 0 && unexplained.length === 0,
    `not in the legend: ${unexplained.join(', ')}`,
  );
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
  check(
    `${label}: no warning about notes or pictures not carried over`,
    (await page.getByTestId('not-carried').count()) === 0,
  );
}

/**
 * The engine (checker, rules, planner) loads after the pane is drawn: held back, the pane still
 * shows and takes a file; Validate clicked before it arrives waits for it and then validates.
 */
async function runEngineLater(page: Page, url: string): Promise<void> {
  const label = 'engine loaded later';
  let release: () => void = () => undefined;
  const held = new Promise<void>((ok) => (release = ok));
  let requested = false;
  const pattern = /\/engine\.[0-9a-f]+\.js$/;
  await page.route(pattern, async (route) => {
    requested = true;
    await held;
    await route.continue();
  });
  try {
    await page.goto(`${url}/taskpane.html`);
    const input = page.getByTestId('file-input');
    await input.waitFor({ timeout: 15_000 });
    check(`${label}: the pane is drawn while the engine is still on its way`, requested && (await input.isVisible()));
    await input.setInputFiles(FIXTURES[0]);
    await page.getByText(/^Opened /).waitFor({ timeout: 30_000 });
    await openRuleSettings(page);
    check(`${label}: the rule settings say they are loading`, await page.getByText('Loading the rules…').isVisible());
    await page.getByRole('button', { name: 'Validate' }).click();
    check(
      `${label}: Validate shows progress while it waits`,
      await page.getByRole('progressbar', { name: 'Starting' }).isVisible(),
    );
    release();
    await page.getByTestId('summary').waitFor({ timeout: 60_000 });
    check(`${label}: then validates`, await page.getByTestId('summary').isVisible());
    check(
      `${label}: then the rules are listed`,
      await page.getByRole('combobox', { name: 'vague-language' }).isVisible(),
    );
  } finally {
    release();
    await page.unroute(pattern);
  }
}

/** A workbook with a chart: the downloaded copy keeps the chart's parts exactly as stored. */
async function runChartKept(page: Page, url: string): Promise<void> {
  const fixture = join(ROOT, 'test', 'fixtures', 'chart-libreoffice.xlsx');
  const label = 'chart workbook';
  await openAndValidate(page, url, fixture);
  const [download] = await Promise.all([
    page.waitForEvent('download', { timeout: 60_000 }),
    page.getByTestId('download').click({ timeout: 60_000 }),
  ]);
  const saved = join(mkdtempSync(join(tmpdir(), 'interlock-e2e-')), download.suggestedFilename());
  await download.saveAs(saved);
  const charts = (bytes: Uint8Array) =>
    readZip(bytes)
      .filter((e) => /^xl\/(charts|drawings)\//.test(e.name))
      .map((e) => `${e.name}:${Buffer.from(e.raw).toString('base64')}`)
      .join('\n');
  const before = charts(readFileSync(fixture));
  check(`${label}: the copy keeps the chart parts as stored`, before !== '' && charts(readFileSync(saved)) === before);
}

/** A workbook whose cascade sheet holds a note, a comment, a picture and a chart: the pane says they go. */
async function runNotCarried(page: Page, url: string): Promise<void> {
  const label = 'notes on a cascade sheet';
  const fixture = join(mkdtempSync(join(tmpdir(), 'interlock-e2e-')), 'annotated.xlsx');
  writeFileSync(fixture, await (await annotated()).toBytes());
  await openAndValidate(page, url, fixture);
  const bar = page.getByTestId('not-carried');
  await bar.first().waitFor({ timeout: 60_000 });
  const lines = await bar.allTextContents();
  check(
    `${label}: the pane says what was not carried over (${lines.join(' | ').slice(0, 120)})`,
    lines.length === 1 && lines[0].startsWith(`${CASCADE}: `) && /not carried over/.test(lines[0]),
  );
  await page.screenshot({ path: join(SHOTS, 'taskpane-not-carried.png') });
}

/** The fake Office host as one browser script: each module transpiled, joined by a tiny require. */
async function fakeOfficeScript(fixture: string, syncDelayMs: number, settings?: string): Promise<string> {
  const snapshot = await readWorkbookSnapshot(await openPackage(readFileSync(fixture), nodeCodec));
  if (settings) snapshot.documentSettings = { ...snapshot.documentSettings, 'interlock.settings': settings };
  const modules: Record<string, string> = {
    './fakeExcel': join(ROOT, 'test', 'excel', 'fakeExcel.ts'),
    host: join(ROOT, 'test', 'excel', 'fakeOfficeHost.ts'),
  };
  const bodies = Object.entries(modules).map(([name, file]) => {
    const js = ts.transpileModule(readFileSync(file, 'utf8'), {
      compilerOptions: { module: ts.ModuleKind.CommonJS, target: ts.ScriptTarget.ES2020 },
    }).outputText;
    return `${JSON.stringify(name)}: function (module, exports, require) {\n${js}\n}`;
  });
  return `(function () {
  var modules = {${bodies.join(',\n')}};
  var cache = {};
  function req(name) {
    if (cache[name]) return cache[name].exports;
    var m = (cache[name] = { exports: {} });
    modules[name](m, m.exports, req);
    return m.exports;
  }
  req('host').installFakeOffice(window, ${JSON.stringify(snapshot)}, ${syncDelayMs});
})();`;
}

interface FakeView {
  sheets: { name: string; visibility: string }[];
  active?: string;
  selected?: string;
  settings: Record<string, unknown>;
  calls: number;
  selects: number;
}

const fakeView = (page: Page): Promise<FakeView> =>
  page.evaluate(() => {
    const x = (window as unknown as { __interlockFake: Record<string, any> }).__interlockFake;
    return {
      sheets: x.sheets.map((s: { name: string; visibility: string }) => ({ name: s.name, visibility: s.visibility })),
      active: x.activeSheet,
      selected: x.selected,
      settings: Object.fromEntries(x.settings),
      calls: x.calls.length,
      selects: x.calls.filter((c: { action: string }) => c.action === 'range.select').length,
    };
  });

/**
 * Opens the rule settings and waits for the panel's expand animation to end: a click that lands
 * while the panel still moves (about 50 ms in) reaches no button, and the save never happens.
 */
async function openRuleSettings(page: Page): Promise<void> {
  await page.getByRole('button', { name: 'Rule settings' }).click();
  await page.evaluate(() =>
    Promise.all(
      document
        .getAnimations()
        .filter((a) => a.effect?.getComputedTiming().endTime !== Infinity)
        .map((a) => a.finished.catch(() => undefined)),
    ),
  );
}

/** Selecting runs after the pane says so (one sync in the fake, slowed down): wait for it. */
const waitForSelects = (page: Page, n: number) =>
  page.waitForFunction(
    (want) =>
      (
        window as unknown as { __interlockFake: { calls: { action: string }[]; selected?: string } }
      ).__interlockFake.calls.filter((c) => c.action === 'range.select').length >= want,
    n,
    { timeout: 10_000 },
  );

async function runExcelMode(
  page: Page,
  url: string,
  script: string,
  withSettings: (json: string) => Promise<string>,
): Promise<void> {
  const label = 'Excel mode';
  await page.unroute(/appsforoffice\.microsoft\.com/);
  await page.route(/appsforoffice\.microsoft\.com/, (route) =>
    route.fulfill({ status: 200, contentType: 'text/javascript', body: script }),
  );
  await page.goto(`${url}/taskpane.html`);
  const found = page.getByTestId('matrix-found');
  await found.waitFor({ timeout: 30_000 });
  check(`${label}: the pane detects Excel (no file opener)`, (await page.getByTestId('file-input').count()) === 0);
  const foundText = (await found.textContent()) ?? '';
  check(
    `${label}: the matrix found is shown before validating (${foundText})`,
    /objectives × \d+ departments/.test(foundText),
  );
  check(
    `${label}: "Use my selection" is offered`,
    await page.getByRole('button', { name: 'Use my selection' }).isVisible(),
  );
  await page.screenshot({ path: join(SHOTS, 'excel-1-detected.png') });

  await page.getByRole('button', { name: 'Validate' }).click();
  const bar = page.getByRole('progressbar');
  await bar.waitFor({ timeout: 10_000 });
  check(`${label}: a progress bar shows while validating`, await bar.isVisible());
  await page.screenshot({ path: join(SHOTS, 'excel-2-progress.png') });
  const summary = page.getByTestId('summary');
  await summary.waitFor({ timeout: 60_000 });
  await bar.waitFor({ state: 'detached', timeout: 60_000 });
  const text = (await summary.textContent()) ?? '';
  check(`${label}: a summary is shown (${text.trim()})`, /\d+ errors, \d+ warnings, \d+ infos/.test(text));
  let view = await fakeView(page);
  const findingsSheet = view.sheets.find((s) => /Findings/.test(s.name))?.name;
  check(
    `${label}: the findings sheet was written and activated in the workbook`,
    !!findingsSheet && view.active === findingsSheet,
    `${view.active}`,
  );
  const heat = page.getByTestId('heatmap');
  const box = await heat.boundingBox();
  check(`${label}: the heat map is drawn`, !!box && box.width > 10 && box.height > 10);
  const findings = page.getByTestId('finding');
  check(`${label}: findings are listed (${await findings.count()})`, (await findings.count()) > 0);
  await page.screenshot({ path: join(SHOTS, 'excel-3-findings.png') });
  await page.screenshot({ path: join(SHOTS, 'excel-3-findings-full.png'), fullPage: true });

  const first = findings.first();
  const address = ((await first.locator('strong').textContent()) ?? '').trim();
  await first.click();
  await page.getByTestId('pointed').waitFor({ timeout: 10_000 });
  await waitForSelects(page, 1);
  view = await fakeView(page);
  check(
    `${label}: clicking a finding selects its cell in Excel (${view.selected})`,
    !!view.selected && view.selected.endsWith(`!${address}`) && view.selects === 1,
    `selected ${view.selected}, wanted ${address}`,
  );
  await page.screenshot({ path: join(SHOTS, 'excel-4-selected.png') });

  await page.getByRole('button', { name: 'Build cascade' }).click();
  await page.getByText(/^Cascade sheets written/).waitFor({ timeout: 60_000 });
  view = await fakeView(page);
  const cascades = view.sheets.filter((s) => /^Cascade /.test(s.name));
  check(`${label}: Build cascade writes cascade sheets (${cascades.length})`, cascades.length > 0);
  check(`${label}: the overview is shown after Build cascade`, /Overview/.test(view.active ?? ''), `${view.active}`);
  await page.screenshot({ path: join(SHOTS, 'excel-5-cascade.png') });

  await page.getByRole('button', { name: 'Clear' }).click();
  const cleared = page.getByText(/^Cleared Interlock|^There was nothing/);
  await cleared.waitFor({ timeout: 60_000 });
  const notice = (await cleared.textContent()) ?? '';
  view = await fakeView(page);
  // Cascade sheets holding rows people typed stay (the notice names them), with the state sheet
  // that records them; every other sheet of Interlock's goes.
  // "Interlock Settings" is the user's own settings sheet, not output.
  const kept = view.sheets.filter((s) => /^Interlock (?!Settings$)|^Cascade |^_interlock_/.test(s.name));
  const keptOk = kept.every(
    (s) =>
      (s.name.startsWith('Cascade ') && notice.includes(s.name)) ||
      (s.name === 'Interlock State' && s.visibility === 'VeryHidden'),
  );
  check(
    `${label}: Clear removes Interlock's sheets, keeping typed cascade rows (${notice})`,
    keptOk,
    kept.map((s) => s.name).join(', '),
  );
  check(
    `${label}: Clear removes the warnings on the matrix`,
    await page.evaluate(() => {
      const x = (
        window as unknown as { __interlockFake: { sheets: { name: string; conditionalFormats: unknown[] }[] } }
      ).__interlockFake;
      return x.sheets.every((s) => s.name.startsWith('Cascade ') || s.conditionalFormats.length === 0);
    }),
  );
  await page.screenshot({ path: join(SHOTS, 'excel-6-cleared.png') });

  await openRuleSettings(page);
  const select = page.getByRole('combobox', { name: 'vague-language' });
  await select.selectOption('off');
  await page.getByRole('button', { name: 'Save settings in this workbook' }).click();
  // Saved, or an error shown instead: either ends the wait, and an error is reported as such.
  await page
    .getByText(/^Rule settings saved/)
    .or(page.getByRole('alert'))
    .first()
    .waitFor({ timeout: 30_000 });
  const saveError = await page.getByRole('alert').allTextContents();
  check(
    `${label}: saving rule settings shows no error${saveError.length ? ` (${saveError.join(' ')})` : ''}`,
    saveError.length === 0,
  );
  view = await fakeView(page);
  const saved = String(view.settings['interlock.settings'] ?? '');
  check(`${label}: rule settings are saved in document settings (${saved})`, /"vague-language":"off"/.test(saved));
  await select.scrollIntoViewIfNeeded();
  await page.screenshot({ path: join(SHOTS, 'excel-7-settings.png') });
  // A workbook that carries those settings, opened afresh: the pane shows them.
  const reopened = await withSettings(saved);
  await page.unroute(/appsforoffice\.microsoft\.com/);
  await page.route(/appsforoffice\.microsoft\.com/, (route) =>
    route.fulfill({ status: 200, contentType: 'text/javascript', body: reopened }),
  );
  await page.goto(`${url}/taskpane.html`);
  await page.getByTestId('matrix-found').waitFor({ timeout: 30_000 });
  await openRuleSettings(page);
  check(
    `${label}: saved settings are read back when the pane opens`,
    (await page.getByRole('combobox', { name: 'vague-language' }).inputValue()) === 'off',
  );
}

/** Keyboard only: Tab to Validate, Enter, Tab to a finding, Enter; landmarks and labels present. */
async function runKeyboard(page: Page, url: string): Promise<void> {
  const label = 'Keyboard';
  await page.goto(`${url}/taskpane.html`);
  await page.getByTestId('matrix-found').waitFor({ timeout: 30_000 });
  const focusedName = () =>
    page.evaluate(() => (document.activeElement as HTMLElement | null)?.textContent?.trim() ?? '');
  let tabs = 0;
  while ((await focusedName()) !== 'Validate' && tabs < 20) {
    await page.keyboard.press('Tab');
    tabs++;
  }
  check(`${label}: Validate is reached with Tab (${tabs} presses)`, (await focusedName()) === 'Validate');
  await page.keyboard.press('Enter');
  await page.getByTestId('summary').waitFor({ timeout: 60_000 });
  check(`${label}: Enter on Validate validates`, await page.getByTestId('summary').isVisible());
  await page.getByRole('button', { name: 'Validate' }).focus();
  const isFinding = () => page.evaluate(() => document.activeElement?.getAttribute('data-testid') === 'finding');
  tabs = 0;
  while (!(await isFinding()) && tabs < 40) {
    await page.keyboard.press('Tab');
    tabs++;
  }
  check(`${label}: a finding is reached with Tab (${tabs} presses)`, await isFinding());
  const address = await page.evaluate(() => document.activeElement?.querySelector('strong')?.textContent?.trim() ?? '');
  const before = (await fakeView(page)).selects;
  await page.keyboard.press('Enter');
  await page.getByTestId('pointed').waitFor({ timeout: 10_000 });
  await waitForSelects(page, before + 1);
  const view = await fakeView(page);
  check(
    `${label}: Enter on a finding selects its cell (${view.selected})`,
    view.selects === before + 1 && !!view.selected?.endsWith(`!${address}`),
  );
  await page.keyboard.press('Space');
  await waitForSelects(page, before + 2).catch(() => undefined);
  check(`${label}: Space activates a finding too`, (await fakeView(page)).selects === before + 2);
  await page.screenshot({ path: join(SHOTS, 'excel-8-keyboard.png') });

  const aria = await page.locator('body').ariaSnapshot();
  check(`${label}: a main landmark`, (await page.getByRole('main').count()) === 1);
  check(
    `${label}: a level-1 heading names the pane`,
    (await page.getByRole('heading', { level: 1, name: 'Interlock' }).count()) === 1,
  );
  for (const region of ['Matrix', 'Summary']) {
    check(
      `${label}: a "${region}" region`,
      (await page.getByRole('region', { name: region, exact: true }).count()) === 1,
    );
  }
  check(
    `${label}: the actions are a labelled group`,
    (await page.getByRole('group', { name: 'Actions' }).count()) === 1,
  );
  check(`${label}: the heat map has a text alternative`, /img "[^"]+"/.test(aria), aria.slice(0, 200));
  check(`${label}: the result is announced (status region)`, (await page.getByRole('status').count()) > 0);
  const unnamed = await page.evaluate(
    () =>
      [...document.querySelectorAll('button, select, input, a[href]')].filter((el) => {
        const e = el as HTMLElement;
        const name =
          e.getAttribute('aria-label') ||
          e.textContent?.trim() ||
          (e.id && document.querySelector(`label[for="${e.id}"]`)?.textContent);
        return !name && !e.getAttribute('aria-labelledby');
      }).length,
  );
  check(`${label}: every control has an accessible name`, unnamed === 0, `${unnamed} without`);
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
    // Still in file mode (the Excel runs below answer office.js with a fake host).
    try {
      await runEngineLater(page, url);
    } catch (e) {
      check('engine loaded later: ran to the end', false, (e as Error).message.split('\n')[0]);
    }
    try {
      await runChartKept(page, url);
    } catch (e) {
      check('chart workbook: ran to the end', false, (e as Error).message.split('\n')[0]);
    }
    try {
      await runNotCarried(page, url);
    } catch (e) {
      check('notes on a cascade sheet: ran to the end', false, (e as Error).message.split('\n')[0]);
    }
    const excelScript = await fakeOfficeScript(FIXTURES[0], 120);
    for (const [name, run] of [
      ['Excel mode', () => runExcelMode(page, url, excelScript, (json) => fakeOfficeScript(FIXTURES[0], 120, json))],
      ['Keyboard', () => runKeyboard(page, url)],
    ] as const) {
      try {
        await run();
      } catch (e) {
        check(`${name}: ran to the end`, false, (e as Error).message.split('\n')[0]);
        await page
          .screenshot({ path: join(SHOTS, `failure-${name.replace(/ /g, '-').toLowerCase()}.png`), fullPage: true })
          .catch(() => undefined);
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
