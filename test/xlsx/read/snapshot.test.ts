/**
 * readSnapshot on small hand-made packages: the shapes of XML that producers other than ExcelJS
 * write, and the places where the reader deliberately differs from the ExcelJS path (each says
 * so, with what ExcelJS gives).
 */
import type { SheetSnapshot } from '../../../src/core/snapshot';
import { exceljsSnapshot } from './exceljsSnapshot';
import { Package } from '../../../src/xlsx/package/package';
import { nodeCodec } from '../../../src/xlsx/package/nodeCodec';
import { readSnapshot, WorkbookReadError } from '../../../src/xlsx/read/snapshot';
import { makePackage, workbookParts, zipParts, type TestWorkbook } from './helpers';

const NS = 'http://schemas.openxmlformats.org/spreadsheetml/2006/main';

async function read(wb: TestWorkbook) {
  return readSnapshot(await makePackage(wb), 'test.xlsx');
}

async function sheet(wb: TestWorkbook): Promise<SheetSnapshot> {
  return (await read(wb)).sheets[0];
}

async function viaExcelJs(wb: TestWorkbook) {
  return exceljsSnapshot(await zipParts(workbookParts(wb)), 'test.xlsx');
}

async function failure(wb: TestWorkbook): Promise<string> {
  const err = await read(wb).then(
    () => null,
    (e: unknown) => e,
  );
  expect(err).toBeInstanceOf(WorkbookReadError);
  const message = (err as Error).message;
  expect(message).not.toContain('\n');
  return message;
}

describe('cells', () => {
  test('cells and rows without `r` count on from the previous one', async () => {
    const s = await sheet({
      sheets: [
        {
          name: 'S',
          data:
            '<row><c><v>1</v></c><c><v>2</v></c></row>' +
            '<row r="3"><c r="B3"><v>3</v></c><c><v>4</v></c></row>' +
            '<row><c r="C4"><v>5</v></c></row>',
        },
      ],
    });
    expect(s.origin).toEqual({ row: 0, col: 0 });
    expect(s.values).toEqual([
      [1, 2, null],
      [null, null, null],
      [null, 3, 4],
      [null, null, 5],
    ]);
  });

  test('namespace prefixes on every element, in the sheet and the shared strings', async () => {
    const wb: TestWorkbook = {
      sheets: [
        {
          name: 'Prefixed',
          xml:
            `<?xml version="1.0"?><x:worksheet xmlns:x="${NS}"><x:sheetData>` +
            '<x:row r="2"><x:c r="B2" t="s"><x:v>0</x:v></x:c><x:c r="C2"><x:f>1+1</x:f><x:v>2</x:v></x:c></x:row>' +
            '<x:row r="3" hidden="1"><x:c r="B3" t="inlineStr"><x:is><x:t>inline</x:t></x:is></x:c></x:row>' +
            '</x:sheetData><x:mergeCells count="1"><x:mergeCell ref="D2:E2"/></x:mergeCells></x:worksheet>',
        },
      ],
      sharedStrings: `<x:sst xmlns:x="${NS}"><x:si><x:r><x:t>Pre</x:t></x:r><x:r><x:t>fixed</x:t></x:r></x:si></x:sst>`,
    };
    const s = await sheet(wb);
    expect(s.values).toEqual([
      ['Prefixed', 2],
      ['inline', null],
    ]);
    expect(s.formulas).toEqual(['C2']);
    expect(s.merges).toEqual(['D2:E2']);
    expect(s.hiddenRows).toEqual([2]);
  });

  test('inline strings and rich text: runs joined, phonetic guides left out', async () => {
    const wb: TestWorkbook = {
      sheets: [
        {
          name: 'S',
          data:
            '<row r="1"><c r="A1" t="s"><v>0</v></c><c r="B1" t="s"><v>1</v></c>' +
            '<c r="C1" t="inlineStr"><is><r><rPr><b/></rPr><t>Bold</t></r><r><t xml:space="preserve"> and plain</t></r></is></c>' +
            '<c r="D1" t="inlineStr"><is><t>plain inline</t></is></c></row>',
        },
      ],
      sharedStrings:
        `<sst xmlns="${NS}"><si><r><rPr><i/></rPr><t>Grow </t></r><r><t>ARR</t></r></si>` +
        '<si><t>東京</t><rPh sb="0" eb="2"><t>トウキョウ</t></rPh><phoneticPr fontId="1"/></si></sst>',
    };
    expect((await sheet(wb)).values).toEqual([['Grow ARR', '東京', 'Bold and plain', 'plain inline']]);
    expect(await read(wb)).toEqual(await viaExcelJs(wb));
  });

  test('_xHHHH_ escapes, entities and line ends decode as Excel reads them', async () => {
    const s = await sheet({
      sheets: [
        {
          name: 'S',
          data:
            '<row r="1"><c r="A1" t="s"><v>0</v></c><c r="B1" t="s"><v>1</v></c><c r="C1" t="s"><v>2</v></c>' +
            '<c r="D1" t="str"><f>"a"&amp;"b"</f><v>a&amp;b_x000D_</v></c>' +
            '<c r="E1" t="inlineStr"><is><t>tab_x0009_here</t></is></c></row>',
        },
      ],
      sharedStrings:
        `<sst xmlns="${NS}"><si><t>line one_x000D_\r\nline two</t></si>` +
        '<si><t>literal _x005F_x000D_ stays</t></si><si><t>R&amp;D &lt;EMEA&gt; &#8364;5M</t></si></sst>',
    });
    expect(s.values).toEqual([
      ['line one\r\nline two', 'literal _x000D_ stays', 'R&D <EMEA> €5M', 'a&b\r', 'tab\there'],
    ]);
    expect(s.formulas).toEqual(['D1']);
  });

  test('numbers, booleans, errors, formula results and empty strings', async () => {
    const wb: TestWorkbook = {
      sheets: [
        {
          name: 'S',
          data:
            '<row r="1"><c r="A1"><v>42</v></c><c r="B1" t="n"><v>-1.5E3</v></c><c r="C1" t="b"><v>1</v></c>' +
            '<c r="D1" t="b"><v>0</v></c><c r="E1" t="e"><v>#N/A</v></c><c r="F1" t="e"><f>1/0</f><v>#DIV/0!</v></c>' +
            '<c r="G1"><f>SUM(A1:B1)</f></c><c r="H1" t="str"><f>""</f><v></v></c><c r="I1" s="0"/></row>',
        },
      ],
    };
    const s = await sheet(wb);
    expect(s.values).toEqual([[42, -1500, true, false, { error: '#N/A' }, { error: '#DIV/0!' }]]);
    expect(s.formulas).toEqual(['F1', 'G1', 'H1']);
    expect(await read(wb)).toEqual(await viaExcelJs(wb));
  });

  test('shared formulas: the master and every dependent are formula cells', async () => {
    const wb: TestWorkbook = {
      sheets: [
        {
          name: 'S',
          data:
            '<row r="1"><c r="A1"><v>1</v></c><c r="B1"><f t="shared" ref="B1:B3" si="0">A1*2</f><v>2</v></c></row>' +
            '<row r="2"><c r="A2"><v>2</v></c><c r="B2"><f t="shared" si="0"/><v>4</v></c></row>' +
            '<row r="3"><c r="A3"><v>3</v></c><c r="B3"><f t="shared" si="0"></f><v>6</v></c></row>',
        },
      ],
    };
    const s = await sheet(wb);
    expect(s.formulas).toEqual(['B1', 'B2', 'B3']);
    expect(s.values).toEqual([
      [1, 2],
      [2, 4],
      [3, 6],
    ]);
    expect(await read(wb)).toEqual(await viaExcelJs(wb));
  });

  test('a value in a merged cell other than its top-left is not read, nor its formula', async () => {
    const wb: TestWorkbook = {
      sheets: [
        {
          name: 'S',
          data:
            '<row r="2"><c r="B2" t="inlineStr"><is><t>Title</t></is></c><c r="C2" t="inlineStr"><is><t>stray</t></is></c></row>' +
            '<row r="3"><c r="D3"><f>1</f><v>1</v></c><c r="E3"><v>7</v></c></row>',
          after: '<mergeCells count="2"><mergeCell ref="$B$2:$C$2"/><mergeCell ref="D3:D4"/></mergeCells>',
        },
      ],
    };
    const s = await sheet(wb);
    expect(s.merges).toEqual(['B2:C2', 'D3:D4']);
    expect(s.values).toEqual([
      ['Title', null, null, null],
      [null, null, 1, 7],
    ]);
    expect(s.formulas).toEqual(['D3']);
    expect(await read(wb)).toEqual(await viaExcelJs(wb));
  });

  test('many merges (indexed by row) drop the same covered cells', async () => {
    const rows: string[] = [];
    const merges: string[] = [];
    for (let r = 1; r <= 40; r++) {
      rows.push(`<row r="${r}"><c r="A${r}"><v>${r}</v></c><c r="B${r}"><v>0</v></c></row>`);
      merges.push(`<mergeCell ref="A${r}:B${r}"/>`);
    }
    const s = await sheet({
      sheets: [{ name: 'S', data: rows.join(''), after: `<mergeCells>${merges.join('')}</mergeCells>` }],
    });
    expect(s.values).toEqual(Array.from({ length: 40 }, (_, i) => [i + 1]));
    expect(s.merges).toHaveLength(40);
  });

  test('hidden rows and columns', async () => {
    const wb: TestWorkbook = {
      sheets: [
        {
          name: 'S',
          before:
            '<cols><col min="2" max="3" width="0" hidden="1"/><col min="5" max="5" width="9"/><col min="7" max="7" hidden="true"/></cols>',
          data:
            '<row r="1"><c r="A1"><v>1</v></c></row><row r="2" hidden="1"><c r="A2"><v>2</v></c></row>' +
            '<row r="4" hidden="1" customHeight="1" ht="0"/>',
        },
      ],
    };
    const s = await sheet(wb);
    expect(s.hiddenColumns).toEqual([1, 2, 6]);
    // Deliberate difference: every row the file hides is listed; ExcelJS lists a hidden row
    // only when it holds a cell (here row 2, not the empty row 4).
    expect(s.hiddenRows).toEqual([1, 3]);
    expect((await viaExcelJs(wb)).sheets[0].hiddenRows).toEqual([1]);
  });

  test('a cell address that is not one is a damaged sheet, named', async () => {
    const message = await failure({ sheets: [{ name: 'Plan', data: '<row r="1"><c r="1A"><v>1</v></c></row>' }] });
    expect(message).toBe(
      `the workbook is damaged: sheet 'Plan' (xl/worksheets/sheet1.xml) cannot be read: a cell has the reference "1A", which is not a cell address`,
    );
  });
});

describe('dates', () => {
  const cells = (serials: number[]) =>
    `<row r="1">${serials.map((v, i) => `<c r="${String.fromCharCode(65 + i)}1" s="1"><v>${v}</v></c>`).join('')}</row>`;

  test('built-in date formats, and the 1900 leap-year bug', async () => {
    const s = await sheet({ xfs: [0, 14], sheets: [{ name: 'S', data: cells([1, 59, 60, 61, 45000.75, 46203]) }] });
    expect(s.values[0]).toEqual([
      { date: '1900-01-01' },
      { date: '1900-02-28' },
      { date: '1900-02-29' }, // Excel shows this day that never was
      { date: '1900-03-01' },
      { date: '2023-03-15' },
      { date: '2026-06-30' },
    ]);
  });

  test('a 1904 workbook counts from 1904-01-01 (ExcelJS does not honour it)', async () => {
    const s = await sheet({ date1904: true, xfs: [0, 14], sheets: [{ name: 'S', data: cells([0, 1, 43538]) }] });
    expect(s.values[0]).toEqual([{ date: '1904-01-01' }, { date: '1904-01-02' }, { date: '2023-03-15' }]);
  });

  test('custom formats: dates by their codes outside quotes, brackets and escapes', async () => {
    const formats: [string, boolean][] = [
      ['dd/mm/yyyy', true],
      ['[$-409]mmmm d, yyyy;@', true],
      ['yyyy"年"m"月"d"日"', true],
      ['[h]:mm:ss', true],
      ['HH:MM', true],
      ['0.00" days"', false],
      ['#,##0 \\d', false],
      ['[Red]0.00;[Blue]-0.00', false],
      ['[h]', false],
      ['_-* #,##0_-;-* #,##0_-', false],
      ['0%', false],
      ['@', false],
    ];
    const numFmts = Object.fromEntries(formats.map(([code], i) => [164 + i, code]));
    const s = await sheet({
      numFmts,
      xfs: formats.map((_, i) => 164 + i),
      sheets: [
        {
          name: 'S',
          data: `<row r="1">${formats.map((_, i) => `<c r="${String.fromCharCode(65 + i)}1" s="${i}"><v>46203</v></c>`).join('')}</row>`,
        },
      ],
    });
    expect(s.values[0]).toEqual(formats.map(([, isDate]) => (isDate ? { date: '2026-06-30' } : 46203)));
  });

  test('built-in ids: dates and times yes, General, percent and text no; ISO `t="d"` cells', async () => {
    const ids = [0, 9, 14, 22, 27, 36, 45, 47, 49, 50, 58];
    const s = await sheet({
      xfs: ids,
      sheets: [
        {
          name: 'S',
          data:
            `<row r="1">${ids.map((_, i) => `<c r="${String.fromCharCode(65 + i)}1" s="${i}"><v>46203</v></c>`).join('')}</row>` +
            '<row r="2"><c r="A2" t="d"><v>2027-06-30T00:00:00Z</v></c><c r="B2" s="2"><f>DATE(2026,6,30)</f><v>46203</v></c></row>',
        },
      ],
    });
    const D = { date: '2026-06-30' };
    expect(s.values[0]).toEqual([46203, 46203, D, D, D, D, D, D, 46203, D, D]);
    expect(s.values[1].slice(0, 2)).toEqual([{ date: '2027-06-30' }, D]);
  });

  test('a date-formatted number past 9999-12-31 stays a number', async () => {
    const s = await sheet({ xfs: [0, 14], sheets: [{ name: 'S', data: cells([3000000, -5]) }] });
    expect(s.values[0]).toEqual([3000000, -5]);
  });
});

describe('sheets, tables and names', () => {
  test('a chartsheet holds a tab but no cells: worksheets are indexed among themselves, as ExcelJS does', async () => {
    const wb: TestWorkbook = {
      sheets: [
        { name: 'Plan', data: '<row r="1"><c r="A1"><v>1</v></c></row>' },
        { name: 'Chart1', kind: 'chartsheet' },
        { name: 'Data', state: 'hidden', data: '<row r="1"><c r="A1"><v>2</v></c></row>' },
        { name: 'Secret', state: 'veryHidden', data: '' },
      ],
    };
    const snap = await read(wb);
    expect(snap.sheets.map((s) => [s.name, s.index, s.visibility])).toEqual([
      ['Plan', 0, 'visible'],
      ['Data', 1, 'hidden'],
      ['Secret', 2, 'veryHidden'],
    ]);
    expect(snap.sheets[2].values).toEqual([]);
    expect(snap).toEqual(await viaExcelJs(wb));
  });

  test('tables: name, range without $, header row by headerRowCount (absent means one)', async () => {
    const table = (name: string, ref: string, extra = '') =>
      `<table xmlns="${NS}" id="1" name="${name}" displayName="${name}" ref="${ref}"${extra}><tableColumns count="1"><tableColumn id="1" name="h"/></tableColumns></table>`;
    const wb: TestWorkbook = {
      sheets: [
        {
          name: 'S',
          data: '<row r="2"><c r="B2"><v>1</v></c></row>',
          after: '<tableParts count="2"><tablePart r:id="rT1"/><tablePart r:id="rT2"/></tableParts>',
          rels: { rT1: ['table', '../tables/table1.xml'], rT2: ['table', '/xl/tables/table2.xml'] },
        },
      ],
      parts: {
        'xl/tables/table1.xml': table('Plan', '$B$2:$D$9'),
        'xl/tables/table2.xml': table('NoHeader', 'F2:G9', ' headerRowCount="0"'),
      },
    };
    expect((await sheet(wb)).tables).toEqual([
      { name: 'Plan', range: 'B2:D9', hasHeaderRow: true },
      { name: 'NoHeader', range: 'F2:G9', hasHeaderRow: false },
    ]);
  });

  test('defined names: areas split, Excel names and non-ranges skipped', async () => {
    const snap = await read({
      sheets: [
        { name: 'Plan, FY27', data: '' },
        { name: 'Data', data: '' },
      ],
      definedNames:
        `<definedName name="AlignmentMatrix">'Plan, FY27'!$B$4:$L$21</definedName>` +
        '<definedName name="Two">Data!$A$1,Data!$C$3:$D$4</definedName>' +
        '<definedName name="_xlnm.Print_Area" localSheetId="0">\'Plan, FY27\'!$A$1:$Z$99</definedName>' +
        '<definedName name="Gone">#REF!$A$1</definedName>' +
        '<definedName name="Broken">Data!#REF!</definedName>' +
        '<definedName name="Rate">0.2</definedName>' +
        '<definedName name="Columns">Data!$A:$B</definedName>' +
        "<definedName name=\"Quote\">'It''s'!$A$1:$A$1</definedName>",
    });
    expect(snap.names).toEqual([
      { name: 'AlignmentMatrix', sheet: 'Plan, FY27', range: 'B4:L21' },
      { name: 'Two', sheet: 'Data', range: 'A1' },
      { name: 'Two', sheet: 'Data', range: 'C3:D4' },
      { name: 'Quote', sheet: "It's", range: 'A1' },
    ]);
  });

  test('protection follows sheetProtection sheet="1" (ExcelJS calls any sheetProtection element protected)', async () => {
    const snap = await read({
      sheets: [
        { name: 'Locked', data: '', after: '<sheetProtection sheet="1" objects="1" scenarios="1"/>' },
        { name: 'Open', data: '', after: '<sheetProtection password="CC1A" objects="1"/>' },
        { name: 'Plain', data: '' },
      ],
    });
    expect(snap.sheets.map((s) => s.protected)).toEqual([true, false, false]);
  });
});

describe('damaged packages give one line naming the part', () => {
  const plan = { name: 'Plan', data: '<row r="1"><c r="A1"><v>1</v></c></row>' };

  test('no workbook part', async () => {
    expect(await failure({ sheets: [plan], omit: ['xl/workbook.xml', '_rels/.rels'] })).toBe(
      'not an .xlsx workbook: the file has no workbook part (xl/workbook.xml)',
    );
  });

  test('a sheet part missing', async () => {
    expect(await failure({ sheets: [{ name: 'Intro', data: '' }, plan], omit: ['xl/worksheets/sheet2.xml'] })).toBe(
      "the workbook is damaged: sheet 'Plan' (xl/worksheets/sheet2.xml) is missing",
    );
  });

  test('sheet XML that cannot be scanned', async () => {
    const message = await failure({
      sheets: [{ name: 'Plan', xml: `<worksheet xmlns="${NS}"><sheetData><row r="1"><c r="A1"><v>1</v></c>` }],
    });
    expect(message).toMatch(/^the workbook is damaged: sheet 'Plan' \(xl\/worksheets\/sheet1\.xml\) cannot be read: /);
  });

  test('a part that is not a worksheet where one should be', async () => {
    const message = await failure({ sheets: [{ name: 'Plan', xml: `<chartsheet xmlns="${NS}"/>` }] });
    expect(message).toBe(
      "the workbook is damaged: sheet 'Plan' (xl/worksheets/sheet1.xml) cannot be read: its root element is <chartsheet>, not <worksheet>",
    );
  });

  test('a shared string index past the table', async () => {
    const message = await failure({
      sheets: [{ name: 'Plan', data: '<row r="1"><c r="B1" t="s"><v>3</v></c></row>' }],
      sharedStrings: ['only one'],
    });
    expect(message).toBe(
      "the workbook is damaged: sheet 'Plan' (xl/worksheets/sheet1.xml) cannot be read: cell B1 refers to shared string 3, but the workbook has 1",
    );
  });

  test('a table part missing', async () => {
    const message = await failure({
      sheets: [
        {
          ...plan,
          after: '<tableParts count="1"><tablePart r:id="rT1"/></tableParts>',
          rels: { rT1: ['table', '../tables/table1.xml'] },
        },
      ],
    });
    expect(message).toBe(
      "the workbook is damaged: a table of sheet 'Plan' (xl/worksheets/sheet1.xml) (xl/tables/table1.xml) is missing",
    );
  });

  test('only a chartsheet: no worksheets', async () => {
    expect(await failure({ sheets: [{ name: 'Chart1', kind: 'chartsheet' }] })).toBe('the workbook has no worksheets');
  });

  test('a sheet whose relationship is gone', async () => {
    const parts = workbookParts({ sheets: [plan] });
    parts['xl/_rels/workbook.xml.rels'] =
      '<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"/>';
    const err = await readSnapshot(Package.open(await zipParts(parts), nodeCodec)).catch((e: Error) => e);
    expect((err as Error).message).toBe(
      "the workbook is damaged: sheet 'Plan' has no part (relationship rIdS1 is missing)",
    );
  });
});

test('a part that fails its checksum is named in one line', async () => {
  const bytes = await zipParts(
    workbookParts({ sheets: [{ name: 'Plan', data: '<row r="1"><c r="A1"><v>1</v></c></row>' }] }),
  );
  const name = 'xl/worksheets/sheet1.xml';
  // Flip a byte of the stored sheet part, as a damaged download would.
  const at = Buffer.from(bytes).indexOf(Buffer.from(name)) + name.length + 5;
  const damagedBytes = new Uint8Array(bytes);
  damagedBytes[at] ^= 0xff;
  const err = await readSnapshot(Package.open(damagedBytes, nodeCodec)).catch((e: Error) => e);
  expect(err).toBeInstanceOf(WorkbookReadError);
  expect((err as Error).message).toMatch(
    /^the workbook is damaged: sheet 'Plan' \(xl\/worksheets\/sheet1\.xml\) cannot be unpacked: \w|does not match its checksum/,
  );
  expect((err as Error).message).not.toContain('\n');
});
