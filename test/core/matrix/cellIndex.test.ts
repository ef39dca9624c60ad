/** Finding a matrix cell by its address by reading the address gives what a map of addresses gives. */
import fc from 'fast-check';
import { toA1 } from '../../../src/core/a1';
import { cellIndexer, plainCellKey } from '../../../src/core/matrix/cellIndex';
import type { MatrixCell } from '../../../src/core/matrix/types';

const at = (row: number, col: number): MatrixCell => ({
  row,
  col,
  address: toA1(row, col),
  value: null,
  text: '',
  formula: false,
});

describe('cellIndexer', () => {
  it('agrees with a map from each cell address to its index', () => {
    fc.assert(
      fc.property(
        fc.uniqueArray(fc.integer({ min: 0, max: 2000 }), { minLength: 1, maxLength: 8 }),
        fc.uniqueArray(fc.integer({ min: 0, max: 16383 }), { minLength: 1, maxLength: 8 }),
        fc.array(fc.oneof(fc.constantFrom('B2', 'b2', '$B$2', 'B02', 'A1:B2', '', 'XFD1', 'B0'), fc.string()), {
          maxLength: 10,
        }),
        (rows, cols, junk) => {
          const cells = rows.map((r) => cols.map((c) => at(r, c)));
          const map = new Map<string, number>();
          cells.flat().forEach((c, k) => map.set(c.address, k));
          const indexOf = cellIndexer(cells)!;
          expect(indexOf).not.toBeNull();
          for (const address of [...map.keys(), ...junk, toA1(rows[0] + 1, cols[0])]) {
            expect(indexOf(address)).toBe(map.get(address) ?? -1);
          }
        },
      ),
    );
  });

  it('declines cells whose addresses do not line up, so callers use a map', () => {
    const cells = [[at(3, 2), at(3, 3)]];
    cells[0][1].address = 'Z9';
    expect(cellIndexer(cells)).toBeNull();
    expect(cellIndexer([[at(3, 2)], [at(3, 4)]])).toBeNull();
  });

  it('reads only canonical addresses', () => {
    expect(plainCellKey('B12')).toBe(plainCellKey(toA1(11, 1)));
    for (const a of ['b12', '$B$12', 'B012', 'B12:C3', 'B', '12', 'ABCD1', 'B12345678'])
      expect(plainCellKey(a)).toBe(-1);
  });
});
