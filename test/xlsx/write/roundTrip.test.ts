/**
 * The writer's parts assembled into a real .xlsx and read back by other programs: ExcelJS always,
 * openpyxl when /usr/bin/python3 has it (the part is skipped otherwise).
 */
import { execFileSync } from 'child_process';
import { promises as fs } from 'fs';
import * as os from 'os';
import * as path from 'path';
import ExcelJS from 'exceljs';
import fc from 'fast-check';
import type { PlannedSheet } from '../../../src/core/plan/types';
import { decodeOoxml } from '../../../src/xlsx/package/xml';
import { minimalPackage } from './minimalPackage';
import { hiddenSheet, LONG_TEXT, sampleSheet } from './sampleSheets';

const PYTHON = '/usr/bin/python3';

function hasOpenpyxl(): boolean {
  try {
    execFileSync(PYTHON, ['-c', 'import openpyxl'], { stdio: 'ignore' });
    return true;
  } catch {
    return false;
  }
}

/** The link target, so every link in the sample points at a sheet that exists. */
const planSheet = (): PlannedSheet => ({
  ...hiddenSheet(),
  name: 'Plan',
  visibility: 'visible',
  rows: [[{ value: 'target' }]],
});

async function sampleWorkbook(): Promise<Uint8Array> {
  return (await minimalPackage([sampleSheet(), hiddenSheet(), planSheet()])).bytes;
}

type Rule = { type: string; priority: number; formulae?: string[]; style?: { fill?: { bgColor?: { argb?: string } } } };

describe('read back with ExcelJS', () => {
  let wb: ExcelJS.Workbook;
  let ws: ExcelJS.Worksheet;

  beforeAll(async () => {
    wb = new ExcelJS.Workbook();
    await wb.xlsx.load(Buffer.from(await sampleWorkbook()) as unknown as ArrayBuffer);
    ws = wb.getWorksheet('Interlock Findings')!;
  });

  it('reads the sheets, their order and visibility', () => {
    expect(wb.worksheets.map((w) => [w.name, w.state])).toEqual([
      ['Interlock Findings', 'visible'],
      ['InterlockChecked', 'veryHidden'],
      ['Plan', 'visible'],
    ]);
  });

  it('reads the values as written', () => {
    expect(ws.getCell('A4').value).toBe('R&D <core> "x"');
    expect(ws.getCell('B4').value).toBe('=SUM(A1:A3)');
    expect(ws.getCell('B4').type).toBe(ExcelJS.ValueType.String);
    expect(ws.getCell('C4').value).toBe('  padded  ');
    expect(ws.getCell('E4').value).toEqual(new Date(Date.UTC(2027, 2, 31)));
    expect(ws.getCell('F4').value).toBe(0.25);
    expect(ws.getCell('G4').value).toBe(true);
    expect(ws.getCell('G5').value).toBe(false);
    expect(ws.getCell('B5').value).toBe('line\r\nbreak');
    expect(ws.getCell('C5').value).toBe(LONG_TEXT);
    expect(ws.getCell('B6').value).toEqual({ formula: 'B4&"!"', result: '=SUM(A1:A3)!' });
    expect(ws.getCell('C6').value).toEqual({ formula: '1+1', result: 2 });
    expect(wb.getWorksheet('InterlockChecked')!.getCell('B1').value).toBe(1);
  });

  it('reads the looks: fills, fonts, formats, wrapping', () => {
    const fill = (a: string) => (ws.getCell(a).fill as ExcelJS.FillPattern | undefined)?.fgColor?.argb;
    expect(fill('A3')).toBe('FFD9E1F2');
    expect(ws.getCell('A3').font?.bold).toBe(true);
    expect(ws.getCell('A3').border?.bottom?.style).toBe('thin');
    expect(fill('A4')).toBe('FFFFC7CE');
    expect(ws.getCell('A4').font?.color?.argb).toBe('FF9C0006');
    expect(ws.getCell('A1').font?.size).toBe(14);
    expect(ws.getCell('E4').numFmt).toBe('yyyy-mm-dd');
    expect(ws.getCell('F4').numFmt).toBe('0%');
    expect(ws.getCell('C4').alignment).toMatchObject({ wrapText: true, vertical: 'top' });
    expect(ws.getCell('D4').font).toMatchObject({ underline: true, color: { argb: 'FF0563C1' } });
    expect(fill('E6')).toBe('FFFFFFFF');
    expect(ws.properties.tabColor).toEqual({ argb: 'FF1F3864' });
  });

  it('reads the table with the header cells as its column names', () => {
    const table = (
      ws as unknown as { tables: Record<string, { table: ExcelJS.TableProperties & { tableRef: string } }> }
    ).tables.InterlockFindings.table;
    expect(table.tableRef).toBe('A3:G5');
    expect(table.headerRow).toBe(true);
    expect(table.columns.map((c) => c.name)).toEqual(['ID', 'ID2', 'Column 3', 'Where', 'Due', 'Share', 'Done']);
    expect(table.columns.map((_, i) => ws.getRow(3).getCell(i + 1).value)).toEqual(table.columns.map((c) => c.name));
    expect((table.style as { theme?: string }).theme).toBe('TableStyleLight9');
  });

  it('reads the drop-downs', () => {
    const model = (ws as unknown as { dataValidations: { model: Record<string, ExcelJS.DataValidation> } })
      .dataValidations.model;
    expect(model.G4).toMatchObject({
      type: 'list',
      formulae: ['"yes,no"'],
      prompt: 'Pick yes or no',
      showErrorMessage: true,
    });
    expect(model.G4.errorStyle).toBeUndefined();
    expect(model.A4).toMatchObject({ type: 'list', formulae: ['$A$4:$A$5'], errorStyle: 'information' });
  });

  it('reads the conditional formats', () => {
    const cfs = (ws as unknown as { conditionalFormattings: { ref: string; rules: Rule[] }[] }).conditionalFormattings;
    expect(cfs.map((c) => [c.ref, c.rules[0].type, c.rules[0].priority])).toEqual([
      ['A4:G5', 'expression', 1],
      ['F4:F5', 'colorScale', 2],
    ]);
    expect(cfs[0].rules[0].formulae).toEqual(['LEN($A4)>20']);
    expect(cfs[0].rules[0].style?.fill?.bgColor?.argb).toBe('FFFFC7CE');
  });

  it('reads the frozen pane and print setup', () => {
    expect(ws.views[0]).toMatchObject({ state: 'frozen', xSplit: 1, ySplit: 3, topLeftCell: 'B4' });
    expect(ws.pageSetup).toMatchObject({ orientation: 'landscape', fitToPage: true, fitToWidth: 1, fitToHeight: 0 });
  });

  // ExcelJS 4.4 keeps only hyperlinks that have a relationship and drops in-document ones
  // (`location` only); openpyxl below reads those. The part's XML is checked in sheetXml.test.
});

describe('any text survives the round trip', () => {
  it('reads back every string exactly, whatever characters it holds', async () => {
    const text = fc.oneof(
      fc.string({ unit: 'binary', maxLength: 40 }),
      fc.string({
        unit: fc.constantFrom(
          '_',
          'x',
          '0',
          'D',
          'F',
          '&',
          '<',
          '>',
          '"',
          ' ',
          '\r',
          '\n',
          '\t',
          '\u0001',
          '=',
          '\uD83C',
          '\uFFFF',
        ),
        maxLength: 20,
      }),
    );
    await fc.assert(
      fc.asyncProperty(fc.array(text, { minLength: 1, maxLength: 6 }), async (texts) => {
        const sheet: PlannedSheet = {
          ...hiddenSheet(),
          visibility: 'visible',
          rows: [texts.map((value) => ({ value }))],
        };
        const wb = new ExcelJS.Workbook();
        await wb.xlsx.load(Buffer.from((await minimalPackage([sheet])).bytes) as unknown as ArrayBuffer);
        const ws = wb.worksheets[0];
        // ExcelJS does not undo OOXML's _xHHHH_ escapes itself; Excel and LibreOffice do.
        const back = texts.map((t, i) => (t === '' ? '' : decodeOoxml(String(ws.getCell(1, i + 1).value))));
        // A lone surrogate cannot be written; it becomes U+FFFD.
        const expected = texts.map((t) =>
          t.replace(/[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/g, '\uFFFD'),
        );
        expect(back).toEqual(expected);
      }),
      { numRuns: 60 },
    );
  });
});

const describeOpenpyxl = hasOpenpyxl() ? describe : describe.skip;

describeOpenpyxl('read back with openpyxl', () => {
  type Cell = {
    value: unknown;
    type: string;
    fill: string | null;
    font: string | null;
    bold: boolean;
    format: string;
    wrap: boolean;
    link: string | null;
  };
  type Sheet = {
    state: string;
    freeze: string | null;
    dimensions: string;
    tabColor: string | null;
    cells: Record<string, Cell>;
    tables: Record<string, { ref: string; columns: string[]; style: string }>;
    validations: { sqref: string; formula1: string; errorStyle: string | null; prompt: string | null }[];
    rules: { sqref: string; type: string; priority: number; formula: string[]; fill: string | null; stop: boolean }[];
  };
  let book: Record<string, Sheet>;
  let dir: string;

  beforeAll(async () => {
    dir = await fs.mkdtemp(path.join(os.tmpdir(), 'interlock-sheetxml-'));
    const file = path.join(dir, 'written.xlsx');
    await fs.writeFile(file, await sampleWorkbook());
    const out = execFileSync(PYTHON, [path.join(__dirname, 'readBack.py'), file], { maxBuffer: 64 << 20 });
    book = JSON.parse(out.toString('utf8')) as Record<string, Sheet>;
  });

  afterAll(async () => {
    await fs.rm(dir, { recursive: true, force: true });
  });

  it('opens every sheet', () => {
    expect(Object.keys(book)).toEqual(['Interlock Findings', 'InterlockChecked', 'Plan']);
    expect(book.InterlockChecked.state).toBe('veryHidden');
  });

  it('reads values, types and looks', () => {
    const c = book['Interlock Findings'].cells;
    expect(c.B4).toMatchObject({ value: '=SUM(A1:A3)', type: 's' });
    expect(c.C4).toMatchObject({ value: '  padded  ', wrap: true });
    expect(c.E4).toMatchObject({ value: '2027-03-31T00:00:00', type: 'd', format: 'yyyy-mm-dd' });
    expect(c.F4).toMatchObject({ value: 0.25, format: '0%' });
    expect(c.G4).toMatchObject({ value: true, type: 'b' });
    expect(c.B5.value).toBe('line\r\nbreak');
    expect((c.C5.value as string).length).toBe(32767);
    expect(c.A3).toMatchObject({ value: 'ID', fill: 'FFD9E1F2', bold: true });
    expect(c.A4).toMatchObject({ fill: 'FFFFC7CE', font: 'FF9C0006' });
    expect(c.B6).toMatchObject({ value: '=B4&"!"', type: 'f' });
  });

  it('reads the in-document links', () => {
    const c = book['Interlock Findings'].cells;
    expect(c.D4).toMatchObject({ value: 'Plan!B5', link: "'Plan'!B5", font: 'FF0563C1' });
    expect(c.D5).toMatchObject({ value: '$C$9', link: "'R&D''s plan'!C9" });
  });

  it('reads the table, drop-downs, rules, pane and tab colour', () => {
    const s = book['Interlock Findings'];
    expect(s.tables.InterlockFindings).toEqual({
      ref: 'A3:G5',
      columns: ['ID', 'ID2', 'Column 3', 'Where', 'Due', 'Share', 'Done'],
      style: 'TableStyleLight9',
    });
    expect(s.validations).toEqual([
      { sqref: 'G4:G40', formula1: '"yes,no"', errorStyle: null, prompt: 'Pick yes or no' },
      { sqref: 'A4:A40', formula1: '$A$4:$A$5', errorStyle: 'information', prompt: null },
    ]);
    expect(s.rules).toEqual([
      { sqref: 'A4:G5', type: 'expression', priority: 1, formula: ['LEN($A4)>20'], fill: 'FFFFC7CE', stop: true },
      { sqref: 'F4:F5', type: 'colorScale', priority: 2, formula: [], fill: null, stop: false },
    ]);
    expect(s.freeze).toBe('B4');
    expect(s.dimensions).toBe('A1:G6');
    expect(s.tabColor).toBe('FF1F3864');
  });
});
