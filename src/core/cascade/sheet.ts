/** A cascade model → the sheet: goals first (Interlock's, in grey), then people's rows as typed. */
import type { CellValue } from '../snapshot';
import { isErrorValue } from '../snapshot';
import type { PlanCell, PlannedSheet, PlanValue } from '../plan/types';
import { columnName } from '../a1';
import { cell, headerRow, linkedCell } from '../plan/cells';
import type { CascadeModel } from './merge';
import type { CascadeColumn } from './layout';
import { statusText } from './merge';
import {
  CASCADE_COLUMNS,
  FIRST_DATA_ROW,
  HEADER_ROW,
  LEVEL_KPI,
  LEVEL_TEAM,
  SPARE_ROWS,
  TITLE_PREFIX,
  columnOf,
} from './layout';

const COLUMN_KEYS = CASCADE_COLUMNS.map((c) => c.key);

/** Goal columns whose text repeats down a matrix (the level, objective names, their metrics, targets, dates). */
const REPEATING = new Set<CascadeColumn>(['level', 'objective', 'metric', 'baseline', 'target', 'deadline']);

/**
 * One frozen grey cell per distinct text of those columns, shared by every goal row that has it:
 * a cascade for every department of a large matrix has tens of thousands of goal rows. Bounded,
 * so a long session stays small.
 */
const mutedCells = new Map<string, PlanCell>();
function mutedCell(value: PlanValue | undefined): PlanCell {
  if (typeof value !== 'string') return cell(value, 'muted');
  let c = mutedCells.get(value);
  if (!c) {
    if (mutedCells.size >= 5000) mutedCells.clear();
    mutedCells.set(value, (c = Object.freeze(cell(value, 'muted'))));
  }
  return c;
}
const REPEATED = COLUMN_KEYS.map((k) => REPEATING.has(k));

/** A value read from a sheet, to write back as it was (an error value keeps its code, as text). */
export function planValue(v: CellValue | undefined): PlanValue | undefined {
  if (v === undefined || v === null) return undefined;
  if (isErrorValue(v)) return v.error;
  return v;
}

/** Headers of columns people added, made unique and non-empty as a table requires. */
function extraHeaders(headers: string[]): string[] {
  const used = new Set(CASCADE_COLUMNS.map((c) => c.header.toLowerCase()));
  return headers.map((h, i) => {
    let name = h || `Column ${CASCADE_COLUMNS.length + i + 1}`;
    for (let n = 2; used.has(name.toLowerCase()); n++) name = `${h || 'Column'} ${n}`;
    used.add(name.toLowerCase());
    return name;
  });
}

/** 0-based sheet row of people's row `k`. */
export function userRowIndex(model: CascadeModel, k: number): number {
  return FIRST_DATA_ROW + model.goals.length + k;
}

export function cascadeSheet(name: string, tableName: string, model: CascadeModel, matrixSheet: string): PlannedSheet {
  const extras = extraHeaders(model.extraHeaders);
  const width = CASCADE_COLUMNS.length + extras.length;
  const rows: (PlanCell | undefined)[][] = [
    [cell(`${TITLE_PREFIX}${model.department}`, 'title')],
    [
      cell(
        'Department goals (grey) come from the matrix and are refreshed on every run. Add team goals and individual KPIs as rows below them and pick each parent ID from the drop-down: Interlock keeps every row you add.',
        'muted',
      ),
    ],
    model.inMatrix
      ? []
      : [
          cell(
            'This department is no longer in the matrix. The sheet stays because it holds rows people added; their parents are gone.',
            'warning',
          ),
        ],
    headerRow([...CASCADE_COLUMNS.map((c) => c.header), ...extras]),
  ];
  const check = columnOf('check');
  // Goal rows are most of a large plan (a row per committed cell of the matrix): each is built
  // straight into an array of its final length.
  for (const g of model.goals) {
    const line = new Array<PlanCell | undefined>(COLUMN_KEYS.length + g.extras.length);
    for (let c = 0; c < COLUMN_KEYS.length; c++) {
      line[c] =
        c === check
          ? linkedCell(g.values.check, g.cell.verdict === 'pass' ? 'pass' : 'error', matrixSheet, g.cell.address)
          : REPEATED[c]
            ? mutedCell(g.values[COLUMN_KEYS[c]] ?? undefined)
            : cell(g.values[COLUMN_KEYS[c]] ?? undefined, 'muted');
    }
    for (let e = 0; e < g.extras.length; e++) line[COLUMN_KEYS.length + e] = cell(planValue(g.extras[e]));
    rows.push(line);
  }
  for (const r of model.rows) {
    const line: (PlanCell | undefined)[] = CASCADE_COLUMNS.map((c) => {
      if (c.key === 'check')
        return cell(statusText(r), r.status.kind === 'traced' && !r.duplicateId ? 'pass' : 'error');
      const v = planValue(r.values[c.key]);
      return v === undefined ? undefined : cell(v);
    });
    r.extras.forEach((v) => line.push(planValue(v) === undefined ? undefined : cell(planValue(v))));
    rows.push(line);
  }
  const dataRows = model.goals.length + model.rows.length;
  const lastCol = columnName(width - 1);
  const firstUser = FIRST_DATA_ROW + model.goals.length + 1; // 1-based
  const end = FIRST_DATA_ROW + dataRows + SPARE_ROWS; // 1-based last row with drop-downs
  const idCol = columnName(columnOf('id'));
  const parentCol = columnName(columnOf('parent'));
  const levelCol = columnName(columnOf('level'));
  return {
    name,
    role: 'cascade',
    visibility: 'visible',
    rows,
    columnWidths: [...CASCADE_COLUMNS.map((c) => c.width), ...extras.map(() => 16)],
    freeze: { rows: HEADER_ROW + 1, cols: 2 },
    tables:
      dataRows > 0
        ? [
            {
              name: tableName,
              range: `A${HEADER_ROW + 1}:${lastCol}${HEADER_ROW + 1 + dataRows}`,
              style: 'TableStyleLight1',
            },
          ]
        : [],
    validations: [
      {
        range: `${parentCol}${firstUser}:${parentCol}${end}`,
        listSource: `$${idCol}$${FIRST_DATA_ROW + 1}:$${idCol}$${end}`,
        allowOther: true,
        prompt: 'Pick the department goal or team goal this row contributes to.',
      },
      {
        range: `${levelCol}${firstUser}:${levelCol}${end}`,
        listSource: `"${LEVEL_TEAM},${LEVEL_KPI}"`,
        allowOther: true,
      },
    ],
    // Live flag while people type: a parent ID that no row on the sheet has.
    conditionalFormats: [
      {
        kind: 'expression',
        label: 'orphan',
        range: `${parentCol}${firstUser}:${parentCol}${end}`,
        formula: `AND(LEN(${parentCol}${firstUser})>0,COUNTIF($${idCol}$${FIRST_DATA_ROW + 1}:$${idCol}$${end},${parentCol}${firstUser})=0)`,
        fill: '#FFC7CE',
        fontColor: '#9C0006',
        stopIfTrue: false,
      },
    ],
  };
}
