import {
  cellText,
  dateSerial,
  fitCell,
  formulaText,
  MAX_CELL_TEXT,
  needsPreserve,
  numberText,
} from '../../../src/xlsx/write/cellText';
import { decodeEntities, decodeOoxml } from '../../../src/xlsx/package/xml';

/** What a reader gets back from a `<t>` element's text. */
const readBack = (xml: string) => decodeOoxml(decodeEntities(xml));

describe('cellText', () => {
  it('leaves plain text as it is (the same string, no copy)', () => {
    const s = 'Launch campaign 3-4 targeting 20 accounts by Q2 2027.';
    expect(cellText(s)).toBe(s);
  });

  it('escapes XML specials', () => {
    expect(cellText('R&D <core> "x" > y')).toBe('R&amp;D &lt;core&gt; "x" &gt; y');
  });

  it('spells characters XML forbids as _xHHHH_, and keeps tabs and line feeds', () => {
    expect(cellText('a\u0001b\u001Fc')).toBe('a_x0001_b_x001F_c');
    expect(cellText('a\tb\nc')).toBe('a\tb\nc');
  });

  it('keeps a carriage return (XML readers would turn it into a line feed)', () => {
    expect(cellText('a\r\nb')).toBe('a&#13;\nb');
    expect(readBack(cellText('a\r\nb'))).toBe('a\r\nb');
  });

  it('keeps a literal _x0041_ literal', () => {
    expect(cellText('code _x0041_ here')).toBe('code _x005F_x0041_ here');
    expect(readBack(cellText('code _x0041_ here'))).toBe('code _x0041_ here');
    expect(cellText('_x_ and _x12_')).toBe('_x_ and _x12_');
  });

  it('replaces a lone surrogate and keeps a pair', () => {
    expect(cellText('a\uD800b')).toBe('a\uFFFDb');
    expect(cellText('goal 🎯')).toBe('goal 🎯');
  });

  it('round-trips awkward text', () => {
    for (const s of ['=SUM(A1:A3)', '+1', '-', '@x', '&amp;', ' lead', 'trail\t', '\u0007bell', '_x005F_']) {
      expect(readBack(cellText(s))).toBe(s);
    }
  });
});

describe('needsPreserve', () => {
  it('is true only with white space at either end', () => {
    expect(needsPreserve(' a')).toBe(true);
    expect(needsPreserve('a ')).toBe(true);
    expect(needsPreserve('\na')).toBe(true);
    expect(needsPreserve('a b')).toBe(false);
    expect(needsPreserve('')).toBe(false);
  });
});

describe('fitCell', () => {
  it('keeps 32,767 characters and cuts longer text with an ellipsis', () => {
    const max = 'x'.repeat(MAX_CELL_TEXT);
    expect(fitCell(max)).toBe(max);
    const cut = fitCell(`${max}y`);
    expect(cut).toHaveLength(MAX_CELL_TEXT);
    expect(cut.endsWith('…')).toBe(true);
  });
});

describe('formulaText', () => {
  it('escapes XML specials only', () => {
    expect(formulaText('AND(A1<>"",B1>2)&"_x0041_"')).toBe('AND(A1&lt;&gt;"",B1&gt;2)&amp;"_x0041_"');
  });
});

describe('numberText', () => {
  it('writes finite numbers and refuses the rest', () => {
    expect(numberText(0.667)).toBe('0.667');
    expect(numberText(-0)).toBe('0');
    expect(numberText(1e21)).toBe('1e+21');
    expect(numberText(NaN)).toBeUndefined();
    expect(numberText(Infinity)).toBeUndefined();
  });
});

describe('dateSerial', () => {
  it("counts days as Excel's 1900 system does", () => {
    expect(dateSerial('1900-01-01')).toBe(1);
    expect(dateSerial('1900-02-28')).toBe(59);
    expect(dateSerial('1900-03-01')).toBe(61);
    expect(dateSerial('2027-03-31')).toBe(46477);
  });

  it('counts from 1904 when the workbook does', () => {
    expect(dateSerial('1904-01-01', true)).toBe(0);
    expect(dateSerial('2027-03-31', true)).toBe(46477 - 1462);
  });

  it('refuses what is not a real date, or before the date system', () => {
    expect(dateSerial('2027-02-30')).toBeUndefined();
    expect(dateSerial('31/03/2027')).toBeUndefined();
    expect(dateSerial('1899-12-31')).toBeUndefined();
    expect(dateSerial('1903-12-31', true)).toBeUndefined();
  });
});
