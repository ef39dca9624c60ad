/**
 * Matrix cells found by their A1 address without a map of every address: the address is read
 * (row and column) and looked up in two small arrays. A large matrix has 50,000 cells and its
 * report as many findings; hashing each address into a map of 50,000 was a visible share of
 * validating one.
 */
import type { MatrixCell } from './types';

// Room for Excel's 16,384 columns (and the 18,278 three letters can name).
const COLS = 20000;

/** `row * COLS + col` of a canonical address (`B12`: capitals, no `$`, no leading zero), else -1. */
export function plainCellKey(a: string): number {
  const n = a.length;
  let i = 0;
  let col = 0;
  for (; i < n && i < 3; i++) {
    const c = a.charCodeAt(i);
    if (c < 65 || c > 90) break;
    col = col * 26 + (c - 64);
  }
  if (i === 0 || n - i < 1 || n - i > 7 || a.charCodeAt(i) === 48) return -1;
  let row = 0;
  for (; i < n; i++) {
    const c = a.charCodeAt(i);
    if (c < 48 || c > 57) return -1;
    row = row * 10 + (c - 48);
  }
  return (row - 1) * COLS + (col - 1);
}

/** Reads a canonical address into `out` (0-based row and column); false for any other text. */
export function plainCellAt(a: string, out: { row: number; col: number }): boolean {
  const key = plainCellKey(a);
  if (key < 0) return false;
  out.row = Math.floor(key / COLS);
  out.col = key - out.row * COLS;
  return true;
}

/**
 * For cells[i][j] (rows of a matrix), a function from an address to the cell's index in
 * row-by-row order, or -1 when no cell has that address. Null when the cells' addresses are not
 * their canonical row and column, or rows and columns do not line up (then use a map).
 */
export function cellIndexer(cells: MatrixCell[][]): ((address: string) => number) | null {
  let minRow = Infinity;
  let maxRow = -Infinity;
  let minCol = Infinity;
  let maxCol = -Infinity;
  for (const line of cells) {
    for (const cell of line) {
      if (cell.row < minRow) minRow = cell.row;
      if (cell.row > maxRow) maxRow = cell.row;
      if (cell.col < minCol) minCol = cell.col;
      if (cell.col > maxCol) maxCol = cell.col;
    }
  }
  if (minRow === Infinity) return () => -1;
  if (maxRow - minRow > 1 << 22 || maxCol - minCol >= COLS) return null;
  const rowAt = new Int32Array(maxRow - minRow + 1).fill(-1);
  const colAt = new Int32Array(maxCol - minCol + 1).fill(-1);
  const rowStart: number[] = [];
  let k = 0;
  for (let i = 0; i < cells.length; i++) {
    rowStart.push(k);
    const line = cells[i];
    for (let j = 0; j < line.length; j++, k++) {
      const { row, col, address } = line[j];
      if (plainCellKey(address) !== row * COLS + col) return null;
      if (rowAt[row - minRow] === -1) rowAt[row - minRow] = i;
      else if (rowAt[row - minRow] !== i) return null;
      if (colAt[col - minCol] === -1) colAt[col - minCol] = j;
      else if (colAt[col - minCol] !== j) return null;
    }
  }
  return (address) => {
    const key = plainCellKey(address);
    if (key < 0) return -1;
    const row = Math.floor(key / COLS);
    const col = key - row * COLS;
    if (row < minRow || row > maxRow || col < minCol || col > maxCol) return -1;
    const i = rowAt[row - minRow];
    const j = colAt[col - minCol];
    if (i < 0 || j < 0 || j >= cells[i].length) return -1;
    return rowStart[i] + j;
  };
}
