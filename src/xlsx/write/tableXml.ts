/**
 * Excel table parts (`xl/tables/tableN.xml`) for a planned sheet's tables, and the column names
 * the sheet's header cells must carry: Excel repairs a file whose header cell text differs from
 * the table's column names, so both come from `tableColumns`.
 */
import { parseRange, rangeToA1, type RangeRef } from '../../core/a1';
import type { PlannedSheet, PlannedTable, PlanValue } from '../../core/plan/types';
import { escapeAttr } from '../package/xml';

const MAIN_NS = 'http://schemas.openxmlformats.org/spreadsheetml/2006/main';

/** A table that gets a part: its range and unique, non-empty column names. */
export interface TableLayout {
  table: PlannedTable;
  range: RangeRef;
  names: string[];
}

function headerText(v: PlanValue | undefined): string {
  if (v === undefined || v === null) return '';
  if (typeof v === 'object') return v.date;
  if (typeof v === 'boolean') return v ? 'TRUE' : 'FALSE';
  return String(v);
}

/**
 * The table's layout, or undefined when it has no data row (Excel needs one). Names come from
 * the header row's cells; an empty one becomes `Column N` (N its place in the table) and a
 * repeated one (Excel compares without case) gets the first free number: `ID`, `ID2`.
 */
export function tableColumns(table: PlannedTable, sheet: PlannedSheet): TableLayout | undefined {
  const range = parseRange(table.range);
  if (!range) throw new Error(`table "${table.name}" on sheet "${sheet.name}" has an invalid range "${table.range}"`);
  if (range.end.row <= range.start.row) return undefined;
  const header = sheet.rows[range.start.row] ?? [];
  const taken = new Set<string>();
  const names: string[] = [];
  const wanted: string[] = [];
  for (let c = range.start.col; c <= range.end.col; c++) {
    // Line breaks and surrounding spaces survive in a cell but not in every reader's column name.
    const text = headerText(header[c]?.value)
      .replace(/[\r\n\t]+/g, ' ')
      .trim();
    wanted.push(text);
    if (text) taken.add(text.toLowerCase());
  }
  const seen = new Set<string>();
  wanted.forEach((text, i) => {
    let name = text || `Column ${i + 1}`;
    if (seen.has(name.toLowerCase()) || (!text && taken.has(name.toLowerCase()))) {
      const base = text || 'Column';
      let n = 2;
      while (seen.has(`${base}${n}`.toLowerCase()) || taken.has(`${base}${n}`.toLowerCase())) n++;
      name = `${base}${n}`;
    }
    seen.add(name.toLowerCase());
    names.push(name);
  });
  return { table, range, names };
}

/** The table part, or undefined when the table has no data row. `id` is unique in the workbook. */
export function tableXml(table: PlannedTable, sheet: PlannedSheet, id: number): string | undefined {
  const layout = tableColumns(table, sheet);
  if (!layout) return undefined;
  const ref = rangeToA1(layout.range);
  const name = escapeAttr(table.name);
  const columns = layout.names.map((n, i) => `<tableColumn id="${i + 1}" name="${escapeAttr(n)}"/>`).join('');
  return (
    '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n' +
    `<table xmlns="${MAIN_NS}" id="${id}" name="${name}" displayName="${name}" ref="${ref}" headerRowCount="1" totalsRowShown="0">` +
    `<autoFilter ref="${ref}"/>` +
    `<tableColumns count="${layout.names.length}">${columns}</tableColumns>` +
    `<tableStyleInfo name="${escapeAttr(table.style)}" showFirstColumn="0" showLastColumn="0" showRowStripes="1" showColumnStripes="0"/>` +
    '</table>'
  );
}
