/**
 * What people add to an owned sheet (notes, threaded comments, pictures, charts) does not survive
 * a re-run or clear: its parts leave the package with nothing left pointing at them or listed for
 * them, parts shared with the user's sheets stay, and the loss is reported in words.
 */
import { annotated, CASCADE, cleared, OWNED_PARTS, SHARED, USER_PARTS, validated } from './annotatedWorkbook';
import { relsPartOf, type Package } from '../../../src/xlsx/package/package';
import { readWorkbook } from '../../../src/xlsx/package/workbook';
import { attr, elements } from '../../../src/xlsx/package/xml';
import { readZip } from '../../../src/xlsx/package/zip';

/** The package is whole: every override names a part, every relationship's source and target exist. */
async function expectWhole(pkg: Package): Promise<void> {
  const types = (await pkg.text('[Content_Types].xml'))!;
  const missing: string[] = [];
  for (const o of elements(types, 'Override')) {
    const part = attr(o.attrs, 'PartName')!;
    if (!pkg.has(part)) missing.push(`override ${part}`);
  }
  for (const relsPart of pkg.names().filter((n) => n.endsWith('.rels'))) {
    const source = relsPart.replace(/_rels\/([^/]*)\.rels$/, '$1');
    if (source !== '' && !pkg.has(source)) missing.push(`source of ${relsPart}`);
    for (const rel of await pkg.relationships(source))
      if (rel.part && !pkg.has(rel.part)) missing.push(`${relsPart} → ${rel.part}`);
  }
  expect(missing).toEqual([]);
}

/** Stored (compressed) bytes of parts, to show they were copied, not rewritten. */
function stored(bytes: Uint8Array, parts: string[]): Record<string, string> {
  const byName = new Map(readZip(bytes).map((e) => [e.name, Buffer.from(e.raw).toString('base64')]));
  return Object.fromEntries(parts.map((p) => [p, byName.get(p) ?? 'missing']));
}

async function userSheetParts(pkg: Package): Promise<string[]> {
  const notes = (await readWorkbook(pkg))!.sheets.find((s) => s.name === 'Notes')!.part!;
  return [...USER_PARTS, relsPartOf(notes), ...SHARED];
}

describe('what people added to an owned sheet', () => {
  test('validate: its parts go, shared ones stay, the user sheet keeps its own, and it is reported', async () => {
    const before = await annotated();
    const beforeBytes = await before.toBytes();
    const userParts = await userSheetParts(before);
    const after = await validated(before);

    for (const p of OWNED_PARTS) expect([p, after.pkg.has(p)]).toEqual([p, false]);
    for (const p of SHARED) expect([p, after.pkg.has(p)]).toEqual([p, true]);
    await expectWhole(after.pkg);
    expect(stored(after.bytes, userParts)).toEqual(stored(beforeBytes, userParts));
    const types = (await after.pkg.text('[Content_Types].xml'))!;
    expect(types).toContain('/xl/comments2.xml');
    expect(types).toContain('/xl/persons/person.xml');

    expect(after.lost).toEqual([
      {
        sheet: CASCADE,
        removed: false,
        items: ['1 note', '1 comment', '1 picture', '1 chart'],
        message:
          `${CASCADE}: 1 note, 1 comment, 1 picture, 1 chart were on this sheet and are not carried over ` +
          '(Interlock rewrites its own sheets; keep notes on your own sheets or in the rows you add)',
      },
    ]);

    const again = await validated(after.pkg);
    expect(again.lost).toEqual([]);
    expect(again.pkg.names().sort()).toEqual(after.pkg.names().sort());
    await expectWhole(again.pkg);
  });

  test('clear: the same parts go with the sheet, and the report says so', async () => {
    const before = await annotated();
    const beforeBytes = await before.toBytes();
    const userParts = await userSheetParts(before);
    const after = await cleared(before);

    expect((await readWorkbook(after.pkg))!.sheets.map((s) => s.name)).toEqual(['Matrix', 'Notes']);
    for (const p of OWNED_PARTS) expect([p, after.pkg.has(p)]).toEqual([p, false]);
    for (const p of SHARED) expect([p, after.pkg.has(p)]).toEqual([p, true]);
    await expectWhole(after.pkg);
    expect(stored(after.bytes, userParts)).toEqual(stored(beforeBytes, userParts));
    expect(after.lost.map((l) => l.message)).toEqual([
      `${CASCADE}: 1 note, 1 comment, 1 picture, 1 chart were on this sheet and were removed with it`,
    ]);
    expect((await cleared(after.pkg)).lost).toEqual([]);
  });

  test('a picture only the owned sheet used goes too', async () => {
    const pkg = await annotated();
    const notes = (await readWorkbook(pkg))!.sheets.find((s) => s.name === 'Notes')!.part!;
    const relsXml = (await pkg.text(relsPartOf(notes)))!;
    pkg.setText(relsPartOf(notes), relsXml.replace(/<Relationship Id="rId82"[^>]*\/>/, ''));
    pkg.remove('xl/drawings/drawing2.xml');
    pkg.remove('xl/drawings/_rels/drawing2.xml.rels');
    const after = await validated(pkg);
    expect(after.pkg.has('xl/media/image1.png')).toBe(false);
    expect(after.pkg.has('xl/persons/person.xml')).toBe(true);
  });
});

test('the pane on a file: each run says what its own write did not keep', async () => {
  const { FileAdapter } = await import('../../../src/taskpane/fileAdapter');
  const { runClear } = await import('../../../src/taskpane/workflow');
  const bytes = await (await annotated()).toBytes();
  const adapter = await FileAdapter.open(bytes.slice().buffer, 'plan.xlsx');
  expect((await runClear(adapter)).notCarriedOver.map((l) => l.message)).toEqual([
    `${CASCADE}: 1 note, 1 comment, 1 picture, 1 chart were on this sheet and were removed with it`,
  ]);
  expect((await runClear(adapter)).notCarriedOver).toEqual([]);
});
