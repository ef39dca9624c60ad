/**
 * What the package writer changes outside the sheets it owns: the workbook part's sheet list,
 * names and view, the calculation chain, and nothing else of the user's.
 */
import { matrixWorkbook } from './fixtureWorkbook';
import { opened, roundTrip } from './helpers';
import { buildClearPlan, buildPlan } from '../../../src/core/plan';
import { fakeReport, SAMPLE } from '../../core/plan/fakeReport';
import { openPackage, readWorkbookSnapshot } from '../../../src/xlsx/load';
import { nodeCodec } from '../../../src/xlsx/package/nodeCodec';
import type { Package } from '../../../src/xlsx/package/package';
import { readWorkbook } from '../../../src/xlsx/package/workbook';
import { applyPlanToPackage } from '../../../src/xlsx/write/applyPlan';

async function validated(pkg: Package): Promise<Package> {
  const snap = await readWorkbookSnapshot(pkg, 'plan.xlsx');
  await applyPlanToPackage(pkg, buildPlan(fakeReport(snap, SAMPLE), snap));
  return openPackage(await pkg.toBytes(), nodeCodec);
}

async function first(): Promise<Package> {
  return validated((await opened(await roundTrip(matrixWorkbook()))).pkg);
}

/** Splices text into a part (as Excel would have written it between two runs). */
async function edit(pkg: Package, part: string, f: (xml: string) => string): Promise<void> {
  pkg.setText(part, f((await pkg.text(part))!));
}

test('a re-run replaces owned sheets in place: same parts, same tab positions, user parts untouched', async () => {
  const once = await first();
  const before = await readWorkbook(once);
  const notes = before!.sheets.find((s) => s.name === 'Notes')!;
  const notesXml = await once.text(notes.part!);
  const twice = await validated(once);
  const after = await readWorkbook(twice);
  expect(after!.sheets.map((s) => [s.name, s.part, s.sheetId])).toEqual(
    before!.sheets.map((s) => [s.name, s.part, s.sheetId]),
  );
  expect(await twice.text(notes.part!)).toBe(notesXml);
});

test('a stale calculation chain goes, with its relationship and content type', async () => {
  const once = await first();
  once.setText('xl/calcChain.xml', '<calcChain xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"/>');
  await edit(once, 'xl/_rels/workbook.xml.rels', (x) =>
    x.replace(
      '</Relationships>',
      '<Relationship Id="rId999" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/calcChain" Target="calcChain.xml"/></Relationships>',
    ),
  );
  await edit(once, '[Content_Types].xml', (x) =>
    x.replace(
      '</Types>',
      '<Override PartName="/xl/calcChain.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.calcChain+xml"/></Types>',
    ),
  );
  const twice = await validated(once);
  expect(twice.has('xl/calcChain.xml')).toBe(false);
  expect(await twice.text('xl/_rels/workbook.xml.rels')).not.toContain('calcChain');
  expect(await twice.text('[Content_Types].xml')).not.toContain('calcChain');
});

test('clear: names local to removed sheets go, names on later sheets follow their sheet', async () => {
  const once = await first();
  const info = (await readWorkbook(once))!;
  const findings = info.sheets.findIndex((s) => s.name === 'Interlock Findings');
  const last = info.sheets.length - 1;
  await edit(once, info.part, (x) =>
    x.replace(
      '</sheets>',
      `</sheets><definedNames><definedName name="OnFindings" localSheetId="${findings}">'Interlock Findings'!$A$1</definedName><definedName name="Keep" localSheetId="1">Notes!$A$1</definedName><definedName name="Global">Matrix!$B$3</definedName></definedNames>`,
    ),
  );
  const snap = await readWorkbookSnapshot(once);
  await applyPlanToPackage(once, buildClearPlan(snap, { all: true }));
  const cleared = (await readWorkbook(await openPackage(await once.toBytes(), nodeCodec)))!;
  expect(cleared.sheets.map((s) => s.name)).toEqual(['Matrix', 'Notes']);
  expect(cleared.definedNames.map((d) => [d.name, d.localSheetId])).toEqual([
    ['Keep', 1],
    ['Global', undefined],
  ]);
  expect(last).toBeGreaterThan(1);
});

test('a view is added when the workbook has none, so the activated sheet shows', async () => {
  const pkg = (await opened(await roundTrip(matrixWorkbook(SAMPLE, ['Notes'])))).pkg;
  const info = (await readWorkbook(pkg))!;
  await edit(pkg, info.part, (x) => x.replace(/<bookViews>.*<\/bookViews>/, ''));
  const snap = await readWorkbookSnapshot(pkg);
  const plan = { ...buildPlan(fakeReport(snap, SAMPLE), snap), activate: 'Notes' };
  await applyPlanToPackage(pkg, plan);
  const xml = (await readWorkbook(await openPackage(await pkg.toBytes(), nodeCodec)))!.xml;
  expect(xml).toMatch(/<bookViews><workbookView activeTab="1"\/><\/bookViews><sheets>/);
});

test('only the activated sheet is selected: no two tabs grouped', async () => {
  const once = await first();
  const info = (await readWorkbook(once))!;
  const selected: string[] = [];
  for (const s of info.sheets) if (/tabSelected="1"/.test((await once.text(s.part!))!)) selected.push(s.name);
  const active = Number(/activeTab="(\d+)"/.exec(info.xml)?.[1] ?? 0);
  expect(info.sheets[active].name).toBe('Matrix');
  expect(selected.filter((n) => n !== 'Matrix')).toEqual([]);
});

test('new sheet entries declare the relationships prefix where the workbook does: on each <sheet>, as openpyxl writes', async () => {
  const { pkg } = await opened(await roundTrip(matrixWorkbook()));
  const info = (await readWorkbook(pkg))!;
  const REL_NS = 'http://schemas.openxmlformats.org/officeDocument/2006/relationships';
  await edit(pkg, info.part, (x) =>
    x.replace(/\sxmlns:r="[^"]*"/, '').replace(/<sheet /g, `<sheet xmlns:r="${REL_NS}" `),
  );
  const out = await validated(pkg);
  const xml = (await out.text(info.part))!;
  const root = /<workbook[^>]*>/.exec(xml)![0];
  expect(root).not.toContain('xmlns:r=');
  const tags = xml.match(/<sheet [^>]*>/g)!;
  expect(tags.length).toBeGreaterThan(info.sheets.length);
  // Every entry that uses r: says what r: is, or an XML reader refuses the workbook.
  for (const tag of tags) expect(tag).toContain(`xmlns:r="${REL_NS}"`);
});
