/**
 * Reads a matrix once its header row and department column are known: attribute rows under the
 * header, department rows until the matrix ends, attribute columns beside the objectives, and
 * the cells. Used by every way of finding a matrix (detected, table, named range, explicit).
 */
import type { CellValue } from '../snapshot';
import { isDateValue } from '../snapshot';
import { columnName, rangeToA1, toA1 } from '../a1';
import type {
  Department,
  DepartmentAttributes,
  FunctionKind,
  Matrix,
  MatrixCell,
  MatrixSource,
  Objective,
  ObjectiveAttributes,
} from './types';
import { type Grid, isEmpty, raw, rowSpanIsBlank, shown } from './grid';
import { cellText, foldName, nameKey, numberValue } from './text';
import {
  type DepartmentAttribute,
  type ObjectiveAttribute,
  capacityOf,
  departmentAttributeOf,
  endsMatrix,
  functionKindOf,
  isCommentHeader,
  isDepartmentHeader,
  objectiveAttributeOf,
  sectionKindOf,
  servesList,
} from './labels';

export interface ReadBounds {
  /** Last row and column the matrix may use (a table's or a named range's edge). */
  bottom?: number;
  right?: number;
  source: MatrixSource;
}

export interface ReadResult {
  matrix: Matrix;
  /** How much this looks like a matrix, to choose between candidates. */
  score: number;
}

interface DeptRow {
  row: number;
  name: string;
  section?: FunctionKind;
}

interface AttrColumn {
  col: number;
  attr: DepartmentAttribute;
  header: string;
}

const LEADING_BLANK_ROWS = 2;

function attributeText(v: CellValue): string {
  return isDateValue(v) ? v.date : foldName(cellText(v));
}

/** The last header column before the header row runs out (two empty, visible headers in a row). */
function headerRightEdge(g: Grid, headerRow: number, deptCol: number, limit: number): number {
  let last = deptCol;
  let gap = 0;
  for (let c = deptCol + 1; c <= limit; c++) {
    if (g.hiddenCols.has(c)) continue;
    if (isEmpty(raw(g, headerRow, c)) && !g.covered.has(`${headerRow}:${c}`)) {
      if (++gap >= 2) break;
    } else {
      gap = 0;
      last = c;
    }
  }
  return last;
}

function readRows(
  g: Grid,
  headerRow: number,
  deptCol: number,
  right: number,
  bottom: number,
  explicit: boolean,
  notes: string[],
) {
  const attrRows: { row: number; attr: ObjectiveAttribute; label: string }[] = [];
  const depts: DeptRow[] = [];
  let section: FunctionKind | undefined;
  let leadingBlanks = 0;
  for (let r = headerRow + 1; r <= bottom; r++) {
    const label = foldName(cellText(shown(g, r, deptCol)));
    if (g.hiddenRows.has(r)) {
      if (label) notes.push(`Row ${r + 1} ("${label}") is hidden and was left out.`);
      continue;
    }
    if (!label) {
      if (rowSpanIsBlank(g, r, deptCol, right)) {
        if (explicit) continue;
        if (depts.length === 0 && leadingBlanks++ < LEADING_BLANK_ROWS) continue;
        break;
      }
      // Cells with no department name: keep them (nothing is dropped) under a name that says so.
      depts.push({ row: r, name: `(no name, row ${r + 1})`, section });
      notes.push(`Row ${r + 1} has entries but no department name in column ${columnName(deptCol)}.`);
      continue;
    }
    // A second header line ("Department ↓") under the objectives, with nothing in its cells.
    if (depts.length === 0 && isDepartmentHeader(label) && rowSpanIsBlank(g, r, deptCol + 1, right)) continue;
    const attr = depts.length === 0 ? objectiveAttributeOf(label) : undefined;
    if (attr) {
      attrRows.push({ row: r, attr, label });
      continue;
    }
    const cellsBlank = rowSpanIsBlank(g, r, deptCol + 1, right);
    if (endsMatrix(label) && (depts.length > 0 || cellsBlank)) {
      if (!explicit || cellsBlank) {
        if (!explicit) notes.push(`The matrix ends above row ${r + 1} ("${label.slice(0, 40)}").`);
        break;
      }
    }
    const kind = cellsBlank ? sectionKindOf(label) : undefined;
    if (kind) {
      section = kind;
      continue;
    }
    depts.push({ row: r, name: label, section });
  }
  return { attrRows, depts };
}

function confirmAttribute(attr: DepartmentAttribute, values: CellValue[], deptKeys: Set<string>): boolean {
  const filled = values.filter((v) => !isEmpty(v));
  if (filled.length === 0) return true;
  const share = (ok: (v: CellValue) => boolean) => filled.filter(ok).length >= Math.ceil(filled.length / 2);
  switch (attr) {
    case 'function':
      return share((v) => functionKindOf(v) !== undefined);
    case 'capacity':
      return share((v) => capacityOf(v) !== undefined);
    case 'serves':
      return filled.some((v) => servesList(v).some((n) => deptKeys.has(nameKey(n))));
    case 'owner':
      return share((v) => cellText(v).length <= 60);
  }
}

export function readMatrixAt(g: Grid, headerRow: number, deptCol: number, bounds: ReadBounds): ReadResult | string {
  const explicit = bounds.source !== 'detected';
  const notes: string[] = [];
  const limitRight = bounds.right ?? g.right;
  const right = bounds.right ?? headerRightEdge(g, headerRow, deptCol, limitRight);
  const bottom = bounds.bottom ?? g.bottom;
  if (right <= deptCol)
    return `no objective names in row ${headerRow + 1} to the right of column ${columnName(deptCol)}`;

  const { attrRows, depts } = readRows(g, headerRow, deptCol, right, bottom, explicit, notes);
  if (depts.length === 0) return `no department names in column ${columnName(deptCol)} under row ${headerRow + 1}`;
  const deptKeys = new Set(depts.map((d) => nameKey(d.name)));

  // Columns: department attributes (confirmed by their values) and objectives.
  const attrCols: AttrColumn[] = [];
  const objectiveCols: { col: number; name: string }[] = [];
  for (let c = deptCol + 1; c <= right; c++) {
    const header = foldName(cellText(raw(g, headerRow, c)));
    const values = () => depts.map((d) => raw(g, d.row, c));
    if (g.hiddenCols.has(c)) {
      if (header) notes.push(`Column ${columnName(c)} ("${header}") is hidden and was left out.`);
      continue;
    }
    const merge = g.covered.get(`${headerRow}:${c}`);
    if (merge) {
      const master = foldName(cellText(raw(g, merge.start.row, merge.start.col)));
      const used = values().filter((v) => !isEmpty(v)).length;
      notes.push(
        `Header "${master}" is merged across ${rangeToA1(merge)}; only its first column is read as the objective` +
          (used
            ? ` (column ${columnName(c)} has ${used} entr${used === 1 ? 'y' : 'ies'} that were not checked).`
            : '.'),
      );
      continue;
    }
    if (!header) {
      const used = values().filter((v) => !isEmpty(v)).length;
      if (used)
        notes.push(
          `Column ${columnName(c)} has ${used} entr${used === 1 ? 'y' : 'ies'} but no objective name in row ${headerRow + 1}; it was left out.`,
        );
      continue;
    }
    if (isCommentHeader(header)) {
      notes.push(`Column ${columnName(c)} ("${header}") holds comments, not an objective; it was not checked.`);
      continue;
    }
    const attr = departmentAttributeOf(header);
    if (attr) {
      if (confirmAttribute(attr, values(), deptKeys)) {
        attrCols.push({ col: c, attr, header });
      } else {
        notes.push(
          `Column ${columnName(c)} is headed "${header}" but its values do not read as ${attr === 'function' ? 'customer-facing or support' : attr === 'capacity' ? 'numbers' : attr === 'serves' ? 'department names' : 'names'}; it was read as neither an objective nor a department attribute.`,
        );
      }
      continue;
    }
    objectiveCols.push({ col: c, name: header });
  }
  if (objectiveCols.length === 0)
    return `no objective names in row ${headerRow + 1} to the right of column ${columnName(deptCol)}`;

  const objectives: Objective[] = objectiveCols.map(({ col, name }) => {
    const attributes: ObjectiveAttributes = {};
    const rawAttrs: Record<string, CellValue> = {};
    for (const a of attrRows) {
      const v = raw(g, a.row, col);
      rawAttrs[a.label] = v;
      if (isEmpty(v)) continue;
      if (a.attr === 'weight') {
        const n = numberValue(v);
        if (n !== undefined) attributes.weight = n;
      } else {
        attributes[a.attr] = attributeText(v);
      }
    }
    if (attrRows.length) attributes.raw = rawAttrs;
    return { name, col, attributes };
  });

  const departments: Department[] = depts.map((d) => {
    const attributes: DepartmentAttributes = {};
    const rawAttrs: Record<string, CellValue> = {};
    for (const a of attrCols) {
      const v = raw(g, d.row, a.col);
      rawAttrs[a.header] = v;
      if (isEmpty(v)) continue;
      if (a.attr === 'function') {
        const kind = functionKindOf(v);
        if (kind) attributes.function = kind;
        else
          notes.push(
            `${toA1(d.row, a.col)}: "${cellText(v)}" is not customer-facing or support; ${d.name}'s function was left unset.`,
          );
      } else if (a.attr === 'serves') attributes.serves = servesList(v);
      else if (a.attr === 'capacity') {
        const n = capacityOf(v);
        if (n !== undefined) attributes.capacity = n;
        else notes.push(`${toA1(d.row, a.col)}: capacity "${cellText(v)}" is not a number and was ignored.`);
      } else attributes.owner = attributeText(v);
    }
    if (!attributes.function && d.section) attributes.function = d.section;
    if (attrCols.length) attributes.raw = rawAttrs;
    return { name: d.name, row: d.row, attributes };
  });

  const formulas = new Set(g.sheet.formulas ?? []);
  const bodyMerges = new Set<string>();
  const cells: MatrixCell[][] = depts.map((d) =>
    objectiveCols.map(({ col }) => {
      const merge = g.covered.get(`${d.row}:${col}`);
      if (merge) bodyMerges.add(rangeToA1(merge));
      const value = shown(g, d.row, col);
      const address = toA1(d.row, col);
      const formula = formulas.has(address) || (merge ? formulas.has(toA1(merge.start.row, merge.start.col)) : false);
      return { row: d.row, col, address, value, text: cellText(value), formula };
    }),
  );
  for (const m of bodyMerges) {
    notes.push(
      `Cells ${m} are merged inside the matrix; the merged text is checked once for each objective and department it covers. Unmerge them to give each cell its own commitment.`,
    );
  }
  const seen = new Map<string, string>();
  for (const o of objectives) {
    const k = nameKey(o.name);
    if (seen.has(k))
      notes.push(`Objective "${o.name}" appears twice (columns ${seen.get(k)} and ${columnName(o.col)}).`);
    else seen.set(k, columnName(o.col));
  }
  const seenDept = new Map<string, number>();
  for (const d of departments) {
    const k = nameKey(d.name);
    if (seenDept.has(k))
      notes.push(`Department "${d.name}" appears twice (rows ${seenDept.get(k)! + 1} and ${d.row + 1}).`);
    else seenDept.set(k, d.row);
  }

  if (isEmpty(raw(g, headerRow, deptCol)))
    notes.unshift(`Department names read from column ${columnName(deptCol)}, which has no header.`);

  const top = depts[0].row;
  const last = depts[depts.length - 1].row;
  const left = objectiveCols[0].col;
  const bodyRight = objectiveCols[objectiveCols.length - 1].col;
  const matrixRight = Math.max(bodyRight, ...attrCols.map((a) => a.col));
  const matrix: Matrix = {
    sheet: g.sheet.name,
    range: rangeToA1({ start: { row: headerRow, col: deptCol }, end: { row: last, col: matrixRight } }),
    bodyRange: rangeToA1({ start: { row: top, col: left }, end: { row: last, col: bodyRight } }),
    headerRow,
    departmentCol: deptCol,
    body: { top, left, bottom: last, right: bodyRight },
    objectives,
    departments,
    cells,
    dependencies: [],
    source: bounds.source,
    notes,
  };

  let filled = 0;
  for (const line of cells) for (const c of line) if (!isEmpty(c.value)) filled++;
  const deptHeader = isDepartmentHeader(cellText(raw(g, headerRow, deptCol))) ? 5 : 0;
  const score = filled + objectives.length + departments.length + deptHeader + 2 * (attrRows.length + attrCols.length);
  return { matrix, score };
}
