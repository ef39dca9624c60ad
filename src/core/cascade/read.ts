/**
 * Reads the rows of a cascade sheet a previous run wrote, including every row people added, and
 * any column they added to the table, so the next run can write them back unchanged.
 */
import type { CellValue, SheetSnapshot } from '../snapshot';
import { cellAt } from '../snapshot';
import { cellText } from '../matrix/text';
import { CASCADE_COLUMNS, CascadeColumn, HEADER_ROW } from './layout';

export interface ExistingRow {
  /** 0-based row on the sheet it was read from. */
  row: number;
  values: Partial<Record<CascadeColumn, CellValue>>;
  /** Values under columns people added, aligned with `ExistingCascade.extraHeaders`. */
  extras: CellValue[];
}

export interface ExistingCascade {
  rows: ExistingRow[];
  /** Headers of columns people added to the right of (or between) Interlock's columns. */
  extraHeaders: string[];
}

const BY_HEADER = new Map(CASCADE_COLUMNS.map((c) => [c.header.toLowerCase(), c.key]));

/** Where the table header is: Interlock writes it at HEADER_ROW, people may have moved it a little. */
function findHeaderRow(sheet: SheetSnapshot): number {
  const last = Math.min(sheet.origin.row + sheet.values.length, 40);
  for (let r = 0; r < last; r++) {
    const a = cellText(cellAt(sheet, r, 0))
      .trim()
      .toLowerCase();
    const b = cellText(cellAt(sheet, r, 1))
      .trim()
      .toLowerCase();
    if (a === 'level' && b === 'id') return r;
  }
  return -1;
}

export function readCascadeSheet(sheet: SheetSnapshot): ExistingCascade {
  const header = findHeaderRow(sheet);
  const start = header >= 0 ? header : HEADER_ROW;
  const width = sheet.origin.col + (sheet.values[0]?.length ?? 0);
  const columns: ({ key: CascadeColumn } | { extra: number })[] = [];
  const extraHeaders: string[] = [];
  for (let c = 0; c < width; c++) {
    const text = cellText(cellAt(sheet, start, c)).trim();
    const key = BY_HEADER.get(text.toLowerCase());
    if (key && !columns.some((x) => 'key' in x && x.key === key)) {
      columns.push({ key });
    } else {
      columns.push({ extra: extraHeaders.length });
      extraHeaders.push(text);
    }
  }
  const rows: ExistingRow[] = [];
  const last = sheet.origin.row + sheet.values.length;
  for (let r = start + 1; r < last; r++) {
    const values: ExistingRow['values'] = {};
    const extras: CellValue[] = new Array<CellValue>(extraHeaders.length).fill(null);
    let any = false;
    columns.forEach((col, c) => {
      const v = cellAt(sheet, r, c);
      if (v === null || v === '') return;
      any = true;
      if ('key' in col) values[col.key] = v;
      else extras[col.extra] = v;
    });
    if (any) rows.push({ row: r, values, extras });
  }
  // Columns with neither a header nor a value anywhere are layout, not data.
  const used = extraHeaders.map((h, i) => h !== '' || rows.some((row) => row.extras[i] !== null));
  return {
    rows: rows.map((row) => ({ ...row, extras: row.extras.filter((_, i) => used[i]) })),
    extraHeaders: extraHeaders.filter((_, i) => used[i]),
  };
}

export function textOf(v: CellValue | undefined): string {
  return v === undefined ? '' : cellText(v).trim();
}
