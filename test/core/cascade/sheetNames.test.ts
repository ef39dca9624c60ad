import fc from 'fast-check';
import { cleanSheetName, isLegalSheetName, SheetNamer } from '../../../src/core/plan/sheetNames';

describe('sheet names', () => {
  test('a department name Excel rejects becomes a legal, readable name', () => {
    expect(cleanSheetName('R&D / Labs: EMEA [2027]')).toBe('R&D - Labs - EMEA (2027)');
    expect(cleanSheetName("'Quoted'")).toBe('Quoted');
    expect(cleanSheetName("' '(")).toBe('(');
    expect(cleanSheetName(" ' 'x' ' ")).toBe('x');
    expect(cleanSheetName('   ')).toBe('Sheet');
    expect(cleanSheetName('history')).toBe('history sheet');
    expect(cleanSheetName('a*b?c')).toBe('a-bc');
    expect(cleanSheetName('x'.repeat(40))).toHaveLength(31);
  });

  test('two names that clash after cleaning get distinct names, and user sheets are avoided case-insensitively', () => {
    const namer = new SheetNamer(['cascade r&d - labs - emea']);
    const a = namer.name('Cascade R&D / Labs: EMEA [2027]');
    const b = namer.name('Cascade R&D \\ Labs: EMEA [2027]');
    expect(a).not.toBe(b);
    expect(a.toLowerCase()).not.toBe('cascade r&d - labs - emea');
    for (const n of [a, b]) expect(isLegalSheetName(n)).toBe(true);
    expect(a).toBe('Cascade R&D - Labs - EMEA (2)');
    expect(b).toBe('Cascade R&D - Labs - EMEA (3)');
  });

  test('property: any names give legal names, distinct from each other and from taken ones', () => {
    fc.assert(
      fc.property(
        fc.array(fc.string({ maxLength: 50 }), { maxLength: 30 }),
        fc.array(fc.string({ maxLength: 40 }), { maxLength: 5 }),
        (wanted, taken) => {
          // Sheet names in a workbook are already distinct.
          const legalTaken = [
            ...new Map(taken.filter(isLegalSheetName).map((t) => [t.toLocaleUpperCase('en-US'), t])).values(),
          ];
          const namer = new SheetNamer(legalTaken);
          const out = wanted.map((w) => namer.name(w));
          const keys = [...legalTaken, ...out].map((n) => n.toLocaleUpperCase('en-US'));
          expect(new Set(keys).size).toBe(keys.length);
          for (const n of out) expect(isLegalSheetName(n)).toBe(true);
        },
      ),
      { numRuns: 2000 },
    );
  });
});
