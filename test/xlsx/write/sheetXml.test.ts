import type { PlannedSheet } from '../../../src/core/plan/types';
import { decodeEntities, decodeOoxml, elements, tagClose } from '../../../src/xlsx/package/xml';
import { conditionalFormattingXml, tableXml, worksheetBytes, worksheetXml } from '../../../src/xlsx/write/sheetXml';
import { joinChunks } from '../../../src/xlsx/package/byteSink';
import { StyleBook } from '../../../src/xlsx/write/styles';
import { tableColumns } from '../../../src/xlsx/write/tableXml';
import { hiddenSheet, LONG_TEXT, sampleSheet } from './sampleSheets';

/** CT_Worksheet's children in schema order. */
const WORKSHEET_ORDER = [
  'sheetPr',
  'dimension',
  'sheetViews',
  'sheetFormatPr',
  'cols',
  'sheetData',
  'sheetCalcPr',
  'sheetProtection',
  'protectedRanges',
  'scenarios',
  'autoFilter',
  'sortState',
  'dataConsolidate',
  'customSheetViews',
  'mergeCells',
  'phoneticPr',
  'conditionalFormatting',
  'dataValidations',
  'hyperlinks',
  'printOptions',
  'pageMargins',
  'pageSetup',
  'headerFooter',
  'rowBreaks',
  'colBreaks',
  'customProperties',
  'cellWatches',
  'ignoredErrors',
  'smartTags',
  'drawing',
  'legacyDrawing',
  'legacyDrawingHF',
  'picture',
  'oleObjects',
  'controls',
  'webPublishItems',
  'tableParts',
  'extLst',
];

/** The root's children, by name, in document order. */
function children(xml: string): string[] {
  const root = elements(xml, 'worksheet')[0];
  const out: string[] = [];
  let i = root.contentStart;
  while (i < root.contentEnd) {
    const name = /^<([\w:]+)/.exec(xml.slice(i, i + 40))![1];
    const gt = tagClose(xml, i);
    out.push(name);
    i = xml[gt - 1] === '/' ? gt + 1 : xml.indexOf('>', xml.indexOf(`</${name}>`, gt)) + 1;
  }
  return out;
}

/** Cell reference → its `<c>` element. */
function cells(xml: string): Map<string, string> {
  return new Map(elements(xml, 'c').map((c) => [c.attrs.r, xml.slice(c.start, c.end)]));
}

/** A string cell's text as a reader decodes it. */
function text(cell: string): string {
  const t = /<t[^>]*>([\s\S]*)<\/t>/.exec(cell)![1];
  return decodeOoxml(decodeEntities(t));
}

/** The part as text; every test also checks that the byte form (what files get) says the same. */
function write(sheet: PlannedSheet, selected = true, styles = new StyleBook(undefined)): string {
  const relIds = sheet.tables.filter((t) => tableXml(t, sheet, 1)).map((_, i) => `rId${i + 1}`);
  const xml = worksheetXml(sheet, styles, { selected, tableRelIds: relIds });
  const chunks = worksheetBytes(sheet, styles, { selected, tableRelIds: relIds });
  expect(new TextDecoder().decode(joinChunks(chunks))).toBe(xml);
  return xml;
}

describe('worksheetXml: cells', () => {
  const xml = write(sampleSheet());
  const c = cells(xml);

  it('writes strings inline, escaped, and never as formulas', () => {
    expect(c.get('A4')).toMatch(/^<c r="A4" s="\d+" t="inlineStr"><is><t>R&amp;D &lt;core&gt; "x"<\/t><\/is><\/c>$/);
    expect(c.get('B4')).toBe('<c r="B4" t="inlineStr"><is><t>=SUM(A1:A3)</t></is></c>');
    expect(xml).not.toContain('<si>');
    expect(text(c.get('A5')!)).toBe('bell\u0007 and _x0041_');
    expect(c.get('A5')).toContain('bell_x0007_ and _x005F_x0041_');
    expect(text(c.get('B5')!)).toBe('line\r\nbreak');
  });

  it('keeps leading and trailing spaces with xml:space="preserve"', () => {
    expect(c.get('C4')).toContain('<t xml:space="preserve">  padded  </t>');
    expect(c.get('A4')).not.toContain('preserve');
  });

  it('keeps a 32,767-character text whole', () => {
    expect(text(c.get('C5')!)).toBe(LONG_TEXT);
  });

  it('cuts text beyond what a cell holds', () => {
    const sheet = hiddenSheet();
    sheet.rows = [[{ value: `${LONG_TEXT}z` }]];
    const t = text(cells(write(sheet)).get('A1')!);
    expect(t).toHaveLength(32767);
    expect(t.endsWith('…')).toBe(true);
  });

  it('writes numbers, booleans and dates as values', () => {
    expect(c.get('F4')).toMatch(/^<c r="F4" s="\d+"><v>0.25<\/v><\/c>$/);
    expect(c.get('F5')).toBe('<c r="F5"><v>-12.5</v></c>');
    expect(c.get('G4')).toBe('<c r="G4" t="b"><v>1</v></c>');
    expect(c.get('G5')).toBe('<c r="G5" t="b"><v>0</v></c>');
    expect(c.get('E4')).toMatch(/^<c r="E4" s="\d+"><v>46477<\/v><\/c>$/);
    // Not a date: kept as the text it was.
    expect(text(c.get('E5')!)).toBe('next spring');
  });

  it('counts dates from 1904 when asked', () => {
    const out = worksheetXml(sampleSheet(), new StyleBook(undefined), {
      selected: false,
      tableRelIds: ['rId1'],
      date1904: true,
    });
    expect(cells(out).get('E4')).toContain(`<v>${46477 - 1462}</v>`);
  });

  it('writes formulas with their cached values', () => {
    expect(c.get('B6')).toBe('<c r="B6" t="str"><f>B4&amp;"!"</f><v>=SUM(A1:A3)!</v></c>');
    expect(c.get('C6')).toBe('<c r="C6"><f>1+1</f><v>2</v></c>');
  });

  it('writes a styled empty cell and leaves out cells with nothing', () => {
    expect(c.get('E6')).toMatch(/^<c r="E6" s="\d+"\/>$/);
    expect(c.has('A6')).toBe(false);
    expect(c.has('D6')).toBe(false);
  });

  it('refuses a number a cell cannot hold by writing #NUM!, not a broken file', () => {
    const sheet = hiddenSheet();
    sheet.rows = [[{ value: NaN }]];
    expect(cells(write(sheet)).get('A1')).toBe('<c r="A1" t="e"><v>#NUM!</v></c>');
  });

  it('links cells within the workbook, without a relationship', () => {
    const links = elements(xml, 'hyperlink').map((h) => h.attrs);
    expect(links).toEqual([
      { ref: 'D4', location: "'Plan'!B5", display: 'Plan!B5' },
      { ref: 'D5', location: "'R&D''s plan'!C9", display: '$C$9' },
    ]);
    expect(xml).toContain("location=\"'R&amp;D''s plan'!C9\"");
    expect(text(c.get('D5')!)).toBe('$C$9');
    expect(xml).not.toMatch(/<hyperlink [^>]*r:id/);
  });
});

describe('worksheetXml: the part', () => {
  it('puts its elements in the schema order', () => {
    const names = children(write(sampleSheet()));
    expect(names).toEqual([
      'sheetPr',
      'dimension',
      'sheetViews',
      'sheetFormatPr',
      'cols',
      'sheetData',
      'conditionalFormatting',
      'conditionalFormatting',
      'dataValidations',
      'hyperlinks',
      'pageMargins',
      'pageSetup',
      'tableParts',
    ]);
    const ranks = names.map((n) => WORKSHEET_ORDER.indexOf(n));
    expect([...ranks].sort((a, b) => a - b)).toEqual(ranks);
    expect(children(write(hiddenSheet(), false))).toEqual([
      'dimension',
      'sheetViews',
      'sheetFormatPr',
      'sheetData',
      'pageMargins',
    ]);
  });

  it('sets the tab colour, fit to page, frozen pane and selection', () => {
    const xml = write(sampleSheet());
    expect(xml).toContain('<sheetPr><tabColor rgb="FF1F3864"/><pageSetUpPr fitToPage="1"/></sheetPr>');
    expect(xml).toContain('<dimension ref="A1:G6"/>');
    expect(xml).toContain(
      '<sheetView tabSelected="1" workbookViewId="0"><pane xSplit="1" ySplit="3" topLeftCell="B4" activePane="bottomRight" state="frozen"/>',
    );
    expect(xml).toContain('<pageSetup orientation="landscape" fitToWidth="1" fitToHeight="0"/>');
    expect(write(sampleSheet(), false)).not.toContain('tabSelected');
    const rowsOnly = { ...hiddenSheet(), freeze: { rows: 2, cols: 0 } };
    expect(write(rowsOnly)).toContain('<pane ySplit="2" topLeftCell="A3" activePane="bottomLeft" state="frozen"/>');
  });

  it('writes column widths for the columns that have one', () => {
    expect(write(sampleSheet())).toContain(
      '<cols><col min="1" max="1" width="12" customWidth="1"/><col min="2" max="2" width="12" customWidth="1"/>' +
        '<col min="3" max="3" width="40" customWidth="1"/><col min="4" max="4" width="14" customWidth="1"/>' +
        '<col min="6" max="6" width="8" customWidth="1"/></cols>',
    );
  });

  it('writes list drop-downs, stop or information, with prompts', () => {
    const v = elements(write(sampleSheet()), 'dataValidation');
    expect(v.map((d) => d.attrs)).toEqual([
      {
        type: 'list',
        allowBlank: '1',
        showInputMessage: '1',
        prompt: 'Pick yes or no',
        showErrorMessage: '1',
        error: 'Pick a value from the list.',
        sqref: 'G4:G40',
      },
      {
        type: 'list',
        allowBlank: '1',
        showErrorMessage: '1',
        errorStyle: 'information',
        error: 'This value is not in the list yet. Keep it?',
        sqref: 'A4:A40',
      },
    ]);
    expect(write(sampleSheet())).toContain('<formula1>"yes,no"</formula1>');
    expect(write(sampleSheet())).toContain('<formula1>$A$4:$A$5</formula1>');
  });

  it('refuses a literal list longer than Excel allows', () => {
    const sheet = {
      ...hiddenSheet(),
      validations: [{ range: 'A1', listSource: `"${'a,'.repeat(200)}"`, allowOther: false }],
    };
    expect(() => write(sheet)).toThrow(/longer than Excel's 255 characters/);
  });

  it('writes an empty sheet as valid XML', () => {
    const xml = write({ ...hiddenSheet(), rows: [] });
    expect(xml).toContain('<dimension ref="A1"/>');
    expect(xml).toContain('<sheetData/>');
  });

  it('refuses more rows or columns than Excel has, and a table count that does not match', () => {
    const tall = hiddenSheet();
    tall.rows = [];
    tall.rows.length = 1_048_577;
    expect(() => write(tall)).toThrow(/1,048,577 rows; Excel holds at most 1,048,576/);
    const wide = hiddenSheet();
    wide.rows = [[]];
    wide.rows[0][16_384] = { value: 'x' };
    expect(() => write(wide)).toThrow(/16,385 columns; Excel holds at most 16,384/);
    expect(() => worksheetXml(sampleSheet(), new StyleBook(undefined), { selected: false, tableRelIds: [] })).toThrow(
      /1 table part\(s\) but 0 relationship id\(s\)/,
    );
  });

  it('gives every cell of one look the same style id, across sheets sharing a book', () => {
    const styles = new StyleBook(undefined);
    const a = cells(write(sampleSheet(), true, styles)).get('A4');
    const b = cells(write(sampleSheet(), true, styles)).get('A4');
    expect(a).toBe(b);
  });
});

describe('tables', () => {
  it('names columns from the header cells, unique and non-empty, and writes those names into the cells', () => {
    const sheet = sampleSheet();
    const layout = tableColumns(sheet.tables[0], sheet)!;
    expect(layout.names).toEqual(['ID', 'ID2', 'Column 3', 'Where', 'Due', 'Share', 'Done']);
    const c = cells(write(sheet));
    expect(['A3', 'B3', 'C3', 'D3', 'E3', 'F3', 'G3'].map((r) => text(c.get(r)!))).toEqual(layout.names);
    // The header cells keep their look.
    expect(c.get('C3')).toMatch(/ s="\d+"/);
  });

  it('writes the table part with autoFilter, columns and style', () => {
    const sheet = sampleSheet();
    const xml = tableXml(sheet.tables[0], sheet, 7)!;
    const root = elements(xml, 'table')[0].attrs;
    expect(root).toMatchObject({ id: '7', name: 'InterlockFindings', displayName: 'InterlockFindings', ref: 'A3:G5' });
    expect(xml).toContain('<autoFilter ref="A3:G5"/>');
    expect(elements(xml, 'tableColumn').map((c) => c.attrs.name)).toEqual([
      'ID',
      'ID2',
      'Column 3',
      'Where',
      'Due',
      'Share',
      'Done',
    ]);
    expect(xml).toContain(
      '<tableStyleInfo name="TableStyleLight9" showFirstColumn="0" showLastColumn="0" showRowStripes="1" showColumnStripes="0"/>',
    );
  });

  it('gives no part for a table without a data row, and the sheet then lists none', () => {
    const sheet = sampleSheet();
    sheet.tables = [{ name: 'Empty', range: 'A3:G3', style: 'TableStyleLight9' }];
    expect(tableXml(sheet.tables[0], sheet, 1)).toBeUndefined();
    const xml = worksheetXml(sheet, new StyleBook(undefined), { selected: false, tableRelIds: [] });
    expect(xml).not.toContain('tableParts');
    expect(cells(xml).get('C3')).toMatch(/^<c r="C3" s="\d+"\/>$/);
  });

  it('writes header names even where the plan has no header cell, and avoids names a header already has', () => {
    const sheet: PlannedSheet = {
      ...hiddenSheet(),
      rows: [[{ value: 'Column 2' }], [{ value: 1 }, { value: 2 }, { value: 3 }]],
      tables: [{ name: 'T', range: 'A1:C2', style: 'TableStyleLight1' }],
    };
    const names = tableColumns(sheet.tables[0], sheet)!.names;
    expect(names).toEqual(['Column 2', 'Column2', 'Column 3']);
    const c = cells(worksheetXml(sheet, new StyleBook(undefined), { selected: false, tableRelIds: ['rId1'] }));
    expect(['A1', 'B1', 'C1'].map((r) => text(c.get(r)!))).toEqual(names);
    expect(names.map((n) => n.toLowerCase()).length).toBe(new Set(names.map((n) => n.toLowerCase())).size);
  });

  it('compares names without case, as Excel does', () => {
    const sheet: PlannedSheet = {
      ...hiddenSheet(),
      rows: [[{ value: 'Owner' }, { value: 'OWNER' }, { value: 7 }], [{ value: 1 }]],
      tables: [{ name: 'T', range: 'A1:C2', style: 'TableStyleLight1' }],
    };
    expect(tableColumns(sheet.tables[0], sheet)!.names).toEqual(['Owner', 'OWNER2', '7']);
  });

  it('refuses a range it cannot read', () => {
    const sheet = { ...hiddenSheet(), tables: [{ name: 'T', range: 'nonsense', style: 'TableStyleLight1' }] };
    expect(() => tableXml(sheet.tables[0], sheet, 1)).toThrow(
      'table "T" on sheet "InterlockChecked" has an invalid range "nonsense"',
    );
  });
});

describe('conditionalFormattingXml', () => {
  it('writes expression rules with a differential format, and colour scales', () => {
    const styles = new StyleBook(undefined);
    const xml = conditionalFormattingXml(
      [
        {
          kind: 'expression',
          label: 'error',
          range: '$B$6:$AY$1005',
          formula: 'AND(LEN(B6)>0,InterlockChecked!B6<>B6)',
          fill: '#FFC7CE',
          fontColor: '#9C0006',
          stopIfTrue: true,
        },
        {
          kind: 'expression',
          label: 'warning',
          range: 'B6:C7,E6:E7',
          formula: '=B6=""',
          fill: '#FFEB9C',
          stopIfTrue: false,
        },
        { kind: 'colorScale', label: 'heat', range: 'C3:D9', min: '#F8696B', mid: '#FFEB84', max: '#63BE7B' },
        {
          kind: 'colorScale',
          label: 'fixed',
          range: 'C3:D9',
          min: '#FFFFFF',
          max: '#63BE7B',
          minValue: 0,
          maxValue: 1,
        },
      ],
      5,
      styles,
    );
    expect(xml).toBe(
      '<conditionalFormatting sqref="B6:AY1005"><cfRule type="expression" dxfId="0" priority="5" stopIfTrue="1">' +
        '<formula>AND(LEN(B6)&gt;0,InterlockChecked!B6&lt;&gt;B6)</formula></cfRule></conditionalFormatting>' +
        '<conditionalFormatting sqref="B6:C7 E6:E7"><cfRule type="expression" dxfId="1" priority="6"><formula>B6=""</formula></cfRule></conditionalFormatting>' +
        '<conditionalFormatting sqref="C3:D9"><cfRule type="colorScale" priority="7"><colorScale>' +
        '<cfvo type="min"/><cfvo type="percentile" val="50"/><cfvo type="max"/>' +
        '<color rgb="FFF8696B"/><color rgb="FFFFEB84"/><color rgb="FF63BE7B"/></colorScale></cfRule></conditionalFormatting>' +
        '<conditionalFormatting sqref="C3:D9"><cfRule type="colorScale" priority="8"><colorScale>' +
        '<cfvo type="num" val="0"/><cfvo type="num" val="1"/><color rgb="FFFFFFFF"/><color rgb="FF63BE7B"/></colorScale></cfRule></conditionalFormatting>',
    );
    expect(styles.toXml()).toContain(
      '<dxfs count="2"><dxf><font><color rgb="FF9C0006"/></font><fill><patternFill patternType="solid"><fgColor rgb="FFFFC7CE"/><bgColor rgb="FFFFC7CE"/></patternFill></fill></dxf>',
    );
  });

  it('reuses one differential format for rules that look the same', () => {
    const styles = new StyleBook(undefined);
    const rule = {
      kind: 'expression' as const,
      label: 'x',
      range: 'A1',
      formula: 'TRUE',
      fill: '#FFC7CE',
      stopIfTrue: false,
    };
    const xml = conditionalFormattingXml([rule, rule], 1, styles);
    expect(elements(xml, 'cfRule').map((r) => r.attrs.dxfId)).toEqual(['0', '0']);
  });
});
