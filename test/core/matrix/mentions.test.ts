/**
 * The mention finder gives exactly what running every department's expression over the text
 * gives (its index and its cheap boundary checks are speed only), on names and texts built from
 * the awkward parts: `&` written "and", runs of spaces, short all-caps names, letters that fold
 * to ASCII under case-insensitive matching (ſ, K), a combining mark that folds to a letter, and
 * characters outside the BMP.
 */
import fc from 'fast-check';
import type { Department } from '../../../src/core/matrix/types';
import { departmentPattern, mentionFinder } from '../../../src/core/matrix/mentions';

const department = (name: string, row = 0): Department => ({ name, row, attributes: {} });

/** The definition: every department's full expression, in matrix order. */
const patterns = new Map<string, RegExp>();
function naive(departments: Department[], text: string): Department[] {
  const pattern = (n: string) => {
    let re = patterns.get(n);
    if (!re) patterns.set(n, (re = departmentPattern(n)));
    return re;
  };
  return departments.filter((d) => !d.name.startsWith('(no name') && pattern(d.name).test(text));
}

const namePart = fc.constantFrom(
  'Sales',
  'sales',
  'IT',
  'HR',
  'R&D',
  'R & D',
  '&',
  'and',
  'Ops',
  'EMEA',
  'Data',
  'S1',
  'B0',
  'x',
  'ſales',
  'K',
  'İT',
  'Café',
  '(EU)',
  '.',
  '-',
  '/',
  '_',
  '2027',
  '😀',
);
const sep = fc.constantFrom(' ', '  ', '', '\u00a0', '\t', '-', '&');
const name = fc
  .array(fc.tuple(namePart, sep), { minLength: 1, maxLength: 4 })
  .map((parts) => parts.map(([p, s], i) => (i === parts.length - 1 ? p : p + s)).join(''));

const textPart = fc.oneof(
  namePart,
  fc.constantFrom(' ', '  ', ', ', 'and', ' and ', '&', 'ſ', 'K', 'k', '\u0345', 'é', 'e\u0301', '😀', 'x', '1', '\n'),
);

describe('mentionFinder', () => {
  it('finds what every expression finds, in matrix order', () => {
    fc.assert(
      fc.property(
        fc.array(name, { minLength: 1, maxLength: 12 }),
        fc.array(fc.array(textPart, { maxLength: 14 }), { minLength: 1, maxLength: 6 }),
        (names, texts) => {
          const departments = names.map((n, i) => department(n, i));
          const find = mentionFinder(departments);
          for (const parts of texts) {
            // Texts that hold the names themselves, in other cases and spacings, as well as random parts.
            const text = parts.join('') + ' ' + names[parts.length % names.length].toUpperCase();
            expect(find(text)).toEqual(naive(departments, text));
            expect(find(parts.join(''))).toEqual(naive(departments, parts.join('')));
          }
        },
      ),
      { numRuns: 300 },
    );
  });

  it('reads & as "and" with or without spaces, and words only whole', () => {
    const ds = ['R&D', 'Sales', 'IT', 'Marketing S1', 'Marketing S2', '(no name, row 9)'].map((n, i) =>
      department(n, i),
    );
    const find = mentionFinder(ds);
    const names = (t: string) => find(t).map((d) => d.name);
    expect(names('needs specs from R and D and randd')).toEqual(['R&D']);
    expect(names('needs specs from RandD')).toEqual(['R&D']);
    expect(names('Salesforce rollout, it team')).toEqual([]);
    expect(names('with IT and Marketing  s2')).toEqual(['IT', 'Marketing S2']);
    expect(names('(no name, row 9)')).toEqual([]);
  });

  it('gives the same answers on a matrix of many similar names', () => {
    const ds = Array.from({ length: 300 }, (_, i) => department(`Team ${i} Ops`, i));
    const find = mentionFinder(ds);
    const texts = Array.from(
      { length: 40 },
      (_, i) => `Support Team ${i * 9} Ops and team ${i} ops by Q${1 + (i % 4)}`,
    );
    for (const t of texts) expect(find(t)).toEqual(naive(ds, t));
  });
});
