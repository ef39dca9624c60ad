import type { PlanCell } from '../../../src/core/plan/types';
import { elements } from '../../../src/xlsx/package/xml';
import { canonicalXml, StyleBook } from '../../../src/xlsx/write/styles';

/** A stylesheet as Excel writes one, with a user's own custom format and one differential format. */
const USER_STYLES =
  '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n' +
  '<styleSheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main" ' +
  'xmlns:mc="http://schemas.openxmlformats.org/markup-compatibility/2006" mc:Ignorable="x14ac" ' +
  'xmlns:x14ac="http://schemas.microsoft.com/office/spreadsheetml/2009/9/ac">' +
  '<numFmts count="1"><numFmt numFmtId="170" formatCode="&quot;€&quot;#,##0"/></numFmts>' +
  '<fonts count="1" x14ac:knownFonts="1"><font><sz val="11"/><color theme="1"/><name val="Aptos Narrow"/><family val="2"/><scheme val="minor"/></font></fonts>' +
  '<fills count="2"><fill><patternFill patternType="none"/></fill><fill><patternFill patternType="gray125"/></fill></fills>' +
  '<borders count="1"><border><left/><right/><top/><bottom/><diagonal/></border></borders>' +
  '<cellStyleXfs count="1"><xf numFmtId="0" fontId="0" fillId="0" borderId="0"/></cellStyleXfs>' +
  '<cellXfs count="2"><xf numFmtId="0" fontId="0" fillId="0" borderId="0" xfId="0"/><xf numFmtId="170" fontId="0" fillId="0" borderId="0" xfId="0" applyNumberFormat="1"/></cellXfs>' +
  '<cellStyles count="1"><cellStyle name="Normal" xfId="0" builtinId="0"/></cellStyles>' +
  '<dxfs count="1"><dxf><font><b/></font></dxf></dxfs>' +
  '<tableStyles count="0" defaultTableStyle="TableStyleMedium2" defaultPivotStyle="PivotStyleLight16"/>' +
  '<extLst><ext uri="{EB79DEF2-80B8-43e5-95BD-54CBDDF9020C}" xmlns:x14="http://schemas.microsoft.com/office/spreadsheetml/2009/9/main"><x14:slicerStyles defaultSlicerStyle="SlicerStyleLight1"/></ext></extLst>' +
  '</styleSheet>';

const CELLS: PlanCell[] = [
  { value: 'Findings', style: 'title' },
  { value: 'Severity', style: 'header' },
  { value: 'error', style: 'error' },
  { value: 'warning', style: 'warning' },
  { value: 'pass', style: 'pass' },
  { value: 'x', style: 'muted', wrap: true },
  { value: 0.5, numberFormat: '0%' },
  { value: 3, numberFormat: '0.0 "pts"' },
  { value: { date: '2027-03-31' } },
  { value: 'Plan!B5', link: { sheet: 'Plan', address: 'B5' } },
  { value: 'keep', style: 'input' },
];

function block(xml: string, name: string): { count: number; items: string[] } {
  const b = elements(xml, name)[0];
  const item = { numFmts: 'numFmt', fonts: 'font', fills: 'fill', borders: 'border', cellXfs: 'xf', dxfs: 'dxf' }[
    name
  ]!;
  const items = elements(xml, item, b.contentStart, b.contentEnd).map((f) => xml.slice(f.start, f.end));
  return { count: Number(b.attrs.count), items };
}

describe('StyleBook', () => {
  it('gives a plain cell the default format 0 and adds nothing', () => {
    const book = new StyleBook(USER_STYLES);
    expect(book.cellXf({ value: 'plain' })).toBe(0);
    expect(book.cellXf({})).toBe(0);
    expect(book.changed).toBe(false);
    expect(book.toXml()).toBe(USER_STYLES);
  });

  it("appends after the user's entries and leaves the rest of the part as it was", () => {
    const book = new StyleBook(USER_STYLES);
    const ids = CELLS.map((c) => book.cellXf(c));
    const dxf = book.dxf('#FFC7CE', '#9C0006');
    const xml = book.toXml();
    expect(new Set(ids).size).toBe(ids.length);
    expect(Math.min(...ids)).toBe(2); // after the user's two cell formats
    expect(dxf).toBe(1);
    for (const name of ['numFmts', 'fonts', 'fills', 'borders', 'cellXfs', 'dxfs']) {
      const b = block(xml, name);
      expect(b.count).toBe(b.items.length);
    }
    // The user's blocks start as they did, and what lies between them is untouched.
    expect(xml).toContain('<fonts count="8" x14ac:knownFonts="1"><font><sz val="11"/><color theme="1"/>');
    expect(xml).toContain('<dxfs count="2"><dxf><font><b/></font></dxf><dxf>');
    expect(xml.slice(xml.indexOf('<cellStyles'), xml.indexOf('<dxfs'))).toBe(
      USER_STYLES.slice(USER_STYLES.indexOf('<cellStyles'), USER_STYLES.indexOf('<dxfs')),
    );
    expect(xml.slice(xml.indexOf('<tableStyles'))).toBe(USER_STYLES.slice(USER_STYLES.indexOf('<tableStyles')));
  });

  it('writes the looks the plan styles stand for', () => {
    const book = new StyleBook(USER_STYLES);
    const xf = (c: PlanCell) => {
      const id = book.cellXf(c);
      return block(book.toXml(), 'cellXfs').items[id];
    };
    const font = (i: string) => block(book.toXml(), 'fonts').items[Number(i)];
    const fill = (i: string) => block(book.toXml(), 'fills').items[Number(i)];
    const attr = (x: string, a: string) => new RegExp(`${a}="(\\d+)"`).exec(x)![1];

    const title = xf(CELLS[0]);
    expect(font(attr(title, 'fontId'))).toBe(
      '<font><b/><sz val="14"/><color rgb="FF1F3864"/><name val="Aptos Narrow"/><family val="2"/><scheme val="minor"/></font>',
    );
    const header = xf(CELLS[1]);
    expect(fill(attr(header, 'fillId'))).toContain('<fgColor rgb="FFD9E1F2"/>');
    expect(header).toMatch(/borderId="[1-9]/);
    const error = xf(CELLS[2]);
    expect(fill(attr(error, 'fillId'))).toContain('FFFFC7CE');
    expect(font(attr(error, 'fontId'))).toContain('<color rgb="FF9C0006"/>');
    expect(xf(CELLS[5])).toContain('<alignment vertical="top" wrapText="1"/>');
    expect(attr(xf(CELLS[6]), 'numFmtId')).toBe('9'); // 0% is built in
    expect(attr(xf(CELLS[7]), 'numFmtId')).toBe('171'); // after the user's 170
    expect(attr(xf(CELLS[8]), 'numFmtId')).toBe('172');
    expect(book.toXml()).toContain('<numFmt numFmtId="171" formatCode="0.0 &quot;pts&quot;"/>');
    expect(book.toXml()).toContain('<numFmt numFmtId="172" formatCode="yyyy-mm-dd"/>');
    expect(font(attr(xf(CELLS[9]), 'fontId'))).toContain('<u/><sz val="11"/><color rgb="FF0563C1"/>');
    expect(xf(CELLS[10])).toMatch(/fontId="0"/);
  });

  it("reuses the user's own number format with the same code", () => {
    const book = new StyleBook(USER_STYLES);
    const id = book.cellXf({ value: 5, numberFormat: '"€"#,##0' });
    expect(id).toBe(1); // the user's xf with numFmt 170 is identical
    expect(book.changed).toBe(false);
  });

  it('caches: the same look asked again is the same id, with nothing more appended', () => {
    const book = new StyleBook(USER_STYLES);
    const first = CELLS.map((c) => book.cellXf(c));
    const xml = book.toXml();
    expect(CELLS.map((c) => book.cellXf({ ...c }))).toEqual(first);
    expect(book.toXml()).toBe(xml);
  });

  it('does not grow on a re-run: a second book over the output appends nothing for the same cells', () => {
    const once = new StyleBook(USER_STYLES);
    const ids = CELLS.map((c) => once.cellXf(c));
    const dxfs = [once.dxf('#FFC7CE', '#9C0006'), once.dxf('#FFEB9C')];
    const xml = once.toXml();
    const twice = new StyleBook(xml);
    expect(CELLS.map((c) => twice.cellXf(c))).toEqual(ids);
    expect([twice.dxf('#FFC7CE', '#9C0006'), twice.dxf('#FFEB9C')]).toEqual(dxfs);
    expect(twice.changed).toBe(false);
    expect(twice.toXml()).toBe(xml);
  });

  it('recognises its entries after another program rewrote them (attribute order, spacing, prefixes)', () => {
    const once = new StyleBook(undefined);
    const id = once.cellXf(CELLS[2]);
    const rewritten = once
      .toXml()
      .replace(/<(\/?)(?=[a-zA-Z])/g, '<$1x:')
      .replace('<x:styleSheet xmlns=', '<x:styleSheet xmlns:x=')
      .replace(/<x:xf numFmtId="0" fontId="(\d+)" fillId="(\d+)"/g, '<x:xf fillId="$2" numFmtId="0" fontId="$1"')
      .replace(/></g, '>\n  <');
    const again = new StyleBook(rewritten);
    expect(again.cellXf(CELLS[2])).toBe(id);
    expect(again.changed).toBe(false);
    // New entries in a prefixed stylesheet carry its prefix.
    again.cellXf(CELLS[0]);
    expect(again.toXml()).toMatch(/<x:font><x:b\/><x:sz val="14"\/>/);
    expect(again.toXml()).not.toMatch(/<font>/);
  });

  it('without a stylesheet, starts from a minimal valid one', () => {
    const book = new StyleBook(undefined);
    const xml = book.toXml();
    for (const name of ['fonts', 'fills', 'borders', 'cellXfs']) expect(block(xml, name).count).toBeGreaterThan(0);
    expect(book.cellXf(CELLS[1])).toBe(1);
  });

  it('adds the blocks a sparse stylesheet lacks, in schema order', () => {
    const sparse =
      '<styleSheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main">' +
      '<fonts count="1"><font><sz val="10"/><name val="Arial"/></font></fonts>' +
      '<cellXfs count="1"><xf numFmtId="0" fontId="0" fillId="0" borderId="0" xfId="0"/></cellXfs>' +
      '</styleSheet>';
    const book = new StyleBook(sparse);
    book.cellXf(CELLS[1]);
    book.cellXf(CELLS[8]);
    book.dxf('#FFC7CE');
    const xml = book.toXml();
    const order = [...xml.matchAll(/<(numFmts|fonts|fills|borders|cellStyleXfs|cellXfs|dxfs)[\s>]/g)].map((m) => m[1]);
    expect(order).toEqual(['numFmts', 'fonts', 'fills', 'borders', 'cellStyleXfs', 'cellXfs', 'dxfs']);
    // The seeded defaults come first: fill 0 none, fill 1 gray125, then the header's fill.
    expect(block(xml, 'fills').items.slice(0, 2)).toEqual([
      '<fill><patternFill patternType="none"/></fill>',
      '<fill><patternFill patternType="gray125"/></fill>',
    ]);
    expect(xml).toContain('<sz val="10"/><name val="Arial"/>');
  });

  it('gives an empty list its defaults before appending, so index 0 stays the plain look', () => {
    const empty =
      '<styleSheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main">' +
      '<fonts count="0"/><fills count="0"></fills><cellXfs count="0"/></styleSheet>';
    const book = new StyleBook(empty);
    expect(book.cellXf(CELLS[1])).toBe(1);
    const xml = book.toXml();
    expect(block(xml, 'cellXfs').items[0]).toBe('<xf numFmtId="0" fontId="0" fillId="0" borderId="0" xfId="0"/>');
    expect(block(xml, 'fonts').items[0]).toBe('<font><sz val="11"/><name val="Calibri"/><family val="2"/></font>');
    expect(block(xml, 'fills').count).toBe(3);
  });

  it('refuses a colour that is not #RRGGBB', () => {
    expect(() => new StyleBook(undefined).dxf('red')).toThrow('"red" is not a colour of the form #RRGGBB');
  });
});

describe('canonicalXml', () => {
  it('treats differently written equal elements as equal', () => {
    expect(canonicalXml('<x:a  c="1" b=\'2\'>\n <x:b></x:b></x:a>')).toBe(canonicalXml('<a b="2" c="1"><b/></a>'));
    expect(canonicalXml('<a b="1"/>')).not.toBe(canonicalXml('<a b="2"/>'));
  });
});
