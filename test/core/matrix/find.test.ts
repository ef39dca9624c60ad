import { readFixture } from '../../fixtures/read';
import { findMatrix, isMatrixNotFound } from '../../../src/core/matrix';
import type { Matrix } from '../../../src/core/matrix/types';
import type { WorkbookSnapshot } from '../../../src/core/snapshot';
import { LAYOUTS, NO_MATRIX } from '../../fixtures/specs';

async function snapshotOf(file: string): Promise<WorkbookSnapshot> {
  return readFixture(file);
}

describe('findMatrix on layout fixtures', () => {
  test.each(LAYOUTS.map((c) => [c.file, c] as const))('%s', async (_file, c) => {
    const found = findMatrix(await snapshotOf(c.file), { range: c.range });
    if (isMatrixNotFound(found)) throw new Error(`not found: ${found.reason}`);
    const m: Matrix = found;
    expect({ sheet: m.sheet, range: m.range, source: m.source }).toEqual({
      sheet: c.expect.sheet,
      range: c.expect.range,
      source: c.expect.source,
    });
    expect(m.objectives.map((o) => o.name)).toEqual(c.expect.objectives);
    expect(m.departments.map((d) => d.name)).toEqual(c.expect.departments);
    for (const [name, attrs] of Object.entries(c.expect.objectiveAttributes ?? {})) {
      expect(m.objectives.find((o) => o.name === name)?.attributes).toMatchObject(attrs);
    }
    for (const [name, attrs] of Object.entries(c.expect.departmentAttributes ?? {})) {
      expect(m.departments.find((d) => d.name === name)?.attributes).toMatchObject(attrs);
    }
    const texts = new Map(m.cells.flat().map((cell) => [cell.address, cell.text]));
    for (const [address, text] of Object.entries(c.expect.texts ?? {})) expect(texts.get(address)).toBe(text);
    for (const n of c.expect.notes ?? []) expect(m.notes.join('\n')).toContain(n);
    // Every cell lies inside the body range.
    for (const cell of m.cells.flat()) {
      expect(cell.row).toBeGreaterThanOrEqual(m.body.top);
      expect(cell.row).toBeLessThanOrEqual(m.body.bottom);
      expect(cell.col).toBeGreaterThanOrEqual(m.body.left);
      expect(cell.col).toBeLessThanOrEqual(m.body.right);
    }
  });

  test('values: the 32,767-character cell arrives whole, formulas are flagged', async () => {
    const m = findMatrix(await snapshotOf('layout-values.xlsx')) as Matrix;
    const cells = new Map(m.cells.flat().map((c) => [c.address, c]));
    expect(cells.get('D4')!.text).toHaveLength(32767);
    expect(cells.get('C3')!.formula).toBe(true);
    expect(cells.get('B4')!.value).toEqual({ error: '#DIV/0!' });
    expect(cells.get('D2')!.value).toEqual({ date: '2027-06-30' });
  });

  test('dependencies sheet rows are read with their source', async () => {
    const m = findMatrix(await snapshotOf('layout-dependencies.xlsx')) as Matrix;
    expect(m.dependencies).toEqual([
      {
        department: 'Sales',
        objective: 'Keep customers',
        needs: 'stable order system',
        from: 'IT',
        neededBy: '2027-06-30',
        source: { sheet: 'Dependencies', address: 'A4' },
      },
      {
        department: 'Operations',
        objective: 'Reduce costs',
        needs: 'invoice data feed',
        from: 'IT',
        neededBy: 'Q2 2027',
        source: { sheet: 'Dependencies', address: 'A5' },
      },
    ]);
  });
});

describe('no matrix', () => {
  test.each(NO_MATRIX.map((c) => [c.file, c] as const))('%s says why and what it looked for', async (_f, c) => {
    const found = findMatrix(await snapshotOf(c.file));
    expect(isMatrixNotFound(found)).toBe(true);
    if (!isMatrixNotFound(found)) return;
    expect(found.reason).toContain(c.reason);
    expect(found.lookedFor).toContain('AlignmentMatrix');
  });

  test('an explicit range on a missing sheet is refused with the sheets there are', async () => {
    const found = findMatrix(await snapshotOf('layout-plain.xlsx'), { range: "'Nope'!A1:D4" });
    expect(isMatrixNotFound(found) && found.reason).toMatch(/"Nope", which is not in the workbook \(sheets: Matrix\)/);
  });

  test('an explicit range without a matrix in it says so', async () => {
    const found = findMatrix(await snapshotOf('layout-plain.xlsx'), { range: 'F10:H12' });
    expect(isMatrixNotFound(found) && found.reason).toMatch(/holds no matrix/);
  });
});
