import { OfficeAdapter } from '../../src/excel/officeAdapter';
import { isDateFormat, isoToSerial, serialToIso, toCellValue } from '../../src/excel/officeValues';
import { splitAreas } from '../../src/core/a1';
import { RequirementError } from '../../src/excel/requirements';
import { FakeExcel } from './fakeExcel';
import { addMatrix } from './planFixtures';

const adapterFor = (excel: FakeExcel) => new OfficeAdapter({ run: excel.run, isSetSupported: excel.isSetSupported });

describe('reading a snapshot through the Office adapter', () => {
  test('values, dates, errors, formulas, merges, tables, names, visibility, protection and settings', async () => {
    const excel = new FakeExcel();
    const sheet = excel.addSheet(
      'Plan FY27',
      [
        ['Title', null, null],
        ['Department', 'Grow revenue', 'Due'],
        ['Sales', 'Win 40 accounts by Q3', { date: '2027-03-31' }],
        ['IT', { error: '#N/A' }, true],
        ['HR', { formula: '=1+1', value: 2 }, 12.5],
      ],
      { row: 2, col: 1 },
    );
    sheet.merges.push('B3:D3');
    sheet.tables.push({ name: 'Matrix1', range: 'B4:D7', showHeaders: true });
    sheet.protected = true;
    excel.addSheet('Hidden', [['x']]).visibility = 'VeryHidden';
    excel.addSheet('Empty');
    excel.names.push({ name: 'AlignmentMatrix', type: 'Range', value: "='Plan FY27'!$B$4:$D$7" });
    excel.names.push({ name: 'Rate', type: 'Double', value: '0.2' });
    excel.names.push({ name: 'Two', type: 'Range', value: '=Hidden!$A$1,Hidden!$B$2' });
    excel.settings.set('interlock.settings', { rules: { 'vague-language': 'off' } });

    const snapshot = await adapterFor(excel).readSnapshot();
    expect(excel.syncs).toHaveLength(2);
    expect(snapshot.name).toBe('Book1.xlsx');
    const [plan, hidden, empty] = snapshot.sheets;
    expect(plan).toEqual({
      name: 'Plan FY27',
      index: 0,
      visibility: 'visible',
      protected: true,
      origin: { row: 2, col: 1 },
      values: [
        ['Title', null, null],
        ['Department', 'Grow revenue', 'Due'],
        ['Sales', 'Win 40 accounts by Q3', { date: '2027-03-31' }],
        ['IT', { error: '#N/A' }, true],
        ['HR', 2, 12.5],
      ],
      formulas: ['C7'],
      merges: ['B3:D3'],
      tables: [{ name: 'Matrix1', range: 'B4:D7', hasHeaderRow: true }],
    });
    expect(hidden).toMatchObject({ name: 'Hidden', visibility: 'veryHidden', values: [['x']] });
    expect(empty).toMatchObject({ name: 'Empty', values: [], origin: { row: 0, col: 0 }, formulas: [], merges: [] });
    expect(snapshot.names).toEqual([{ name: 'AlignmentMatrix', sheet: 'Plan FY27', range: 'B4:D7' }]);
    expect(JSON.parse(snapshot.documentSettings!['interlock.settings'])).toEqual({
      rules: { 'vague-language': 'off' },
    });
    expect(excel.unsynced).toBe(0);
  });

  test('two syncs whatever the size when the host takes large answers (desktop)', async () => {
    for (const [d, o] of [
      [10, 5],
      [1000, 50],
    ]) {
      const excel = new FakeExcel({ limitBytes: 0 });
      addMatrix(excel, d, o);
      const snapshot = await adapterFor(excel).readSnapshot();
      expect(excel.syncs).toHaveLength(2);
      expect(snapshot.sheets[0].values).toHaveLength(d + 3);
    }
  });

  test('on the web, a workbook over 5 MB is read again in chunks that each stay under the limit', async () => {
    const excel = new FakeExcel();
    addMatrix(excel, 1000, 50);
    const desktop = new FakeExcel({ limitBytes: 0 });
    addMatrix(desktop, 1000, 50);
    const snapshot = await adapterFor(excel).readSnapshot();
    expect(snapshot).toEqual(await adapterFor(desktop).readSnapshot());
    const accepted = excel.syncs.filter((s) => !s.failed);
    expect(Math.max(...accepted.map((s) => s.responseBytes))).toBeLessThan(5_000_000);
    expect(excel.syncs.length).toBeLessThanOrEqual(3 + Math.ceil(excel.syncs[1].responseBytes / 3_000_000));
  });

  test('an Excel without ExcelApi 1.4 is told so before anything runs', async () => {
    const excel = new FakeExcel({ apiVersion: 1.3 });
    await expect(adapterFor(excel).readSnapshot()).rejects.toThrow(RequirementError);
    await expect(adapterFor(excel).readSnapshot()).rejects.toThrow(/ExcelApi 1.4/);
    expect(excel.syncs).toHaveLength(0);
  });
});

describe('Office values', () => {
  test('date formats are told from number and time formats', () => {
    for (const f of ['yyyy-mm-dd', 'm/d/yyyy', 'd-mmm-yy', 'mmm yyyy', '[$-409]d mmmm yyyy;@', 'dd/mm/yyyy hh:mm'])
      expect(isDateFormat(f)).toBe(true);
    for (const f of ['General', '@', '0.00', '0%', 'h:mm', '[h]:mm:ss', 'mm:ss', '"day"0', '#,##0 "m"', '0.0\\d'])
      expect(isDateFormat(f)).toBe(false);
  });

  test('serials and ISO dates convert both ways, including the 1900 leap-year quirk', () => {
    expect(serialToIso(46477)).toBe('2027-03-31');
    expect(serialToIso(1)).toBe('1900-01-01');
    expect(serialToIso(59)).toBe('1900-02-28');
    expect(serialToIso(60)).toBeNull(); // 29 Feb 1900 never existed
    expect(serialToIso(61)).toBe('1900-03-01');
    expect(serialToIso(46477.75)).toBe('2027-03-31');
    expect(serialToIso(0, true)).toBe('1904-01-01');
    for (const iso of ['1900-01-01', '1900-02-28', '1900-03-01', '2027-03-31', '9999-12-31'])
      expect(serialToIso(isoToSerial(iso)!)).toBe(iso);
    expect(isoToSerial('2027-02-30')).toBeNull();
  });

  test('cells convert by value type, not by how the text looks', () => {
    expect(toCellValue('#N/A', 'Error', 'General')).toEqual({ error: '#N/A' });
    expect(toCellValue('#N/A', 'String', 'General')).toBe('#N/A');
    expect(toCellValue(46477, 'Double', 'yyyy-mm-dd')).toEqual({ date: '2027-03-31' });
    expect(toCellValue(0.5, 'Double', 'h:mm')).toBe(0.5);
    expect(toCellValue('', 'Empty', 'General')).toBeNull();
    expect(toCellValue(true, 'Boolean', 'General')).toBe(true);
  });

  test('areas split on commas outside quoted sheet names', () => {
    expect(splitAreas("'A, b'!$A$1:$B$2,Sheet1!C3, 'it''s'!D4")).toEqual([
      "'A, b'!$A$1:$B$2",
      'Sheet1!C3',
      "'it''s'!D4",
    ]);
  });
});
