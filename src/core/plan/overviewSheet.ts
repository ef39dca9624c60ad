/**
 * The overview: the whole line of sight on one sheet, objective → department goal → team goal →
 * individual KPI, with counts and verdicts at each level, then the rows that trace to nothing.
 */
import type { CellResult, Report } from '../report';
import type { PlanCell, PlannedSheet } from './types';
import type { CascadeModel, UserRow } from '../cascade/merge';
import { statusText } from '../cascade/merge';
import { textOf } from '../cascade/read';
import { columnOf, FIRST_DATA_ROW } from '../cascade/layout';
import { userRowIndex } from '../cascade/sheet';
import { toA1 } from '../a1';
import { cell, headerRow, linkedCell } from './cells';
import { nameKey } from '../matrix/text';

const HEADERS = [
  'Objective',
  'Department goal',
  'Team goal',
  'Individual KPI',
  'Department',
  'ID',
  'Status',
  'Team goals',
  'KPIs',
];

type Below = { row: UserRow; k: number; depth: number }[];
const NONE_BELOW: Below = [];

/** Team goals: the rows directly under a department goal. */
function countTeams(below: Below): number {
  let n = 0;
  for (const b of below) if (b.depth === 1) n++;
  return n;
}

export interface OverviewInput {
  model: CascadeModel;
  /** The cascade sheet the model is written to, when there is one (for links). */
  sheet?: string;
}

export function overviewSheet(name: string, report: Report, inputs: OverviewInput[]): PlannedSheet {
  const idCol = columnOf('id');
  const rows: (PlanCell | undefined)[][] = [
    [cell('Line of sight', 'title')],
    [
      cell(
        'Each objective, the department goals that serve it, and the team goals and individual KPIs under them.',
        'muted',
      ),
    ],
    [],
    headerRow(HEADERS),
  ];
  // An ID cell, linked to its row on the cascade sheet when there is one.
  const idCell = (value: string, input: OverviewInput, row: number) =>
    input.sheet ? linkedCell(value, undefined, input.sheet, toA1(row, idCol)) : cell(value);
  // Every goal row names its department: one cell per department, shared by its rows.
  const departmentCells = new Map<CascadeModel, PlanCell>();
  const departmentCell = (model: CascadeModel) => {
    let c = departmentCells.get(model);
    if (!c) departmentCells.set(model, (c = Object.freeze(cell(model.department))));
    return c;
  };

  // Children of each ID, per sheet (IDs are unique per sheet, not across sheets).
  const children = inputs.map(({ model }) => {
    const map = new Map<string, { row: UserRow; k: number }[]>();
    model.rows.forEach((row, k) => {
      const parent = textOf(row.values.parent);
      if (!parent) return;
      const list = map.get(parent);
      if (list) list.push({ row, k });
      else map.set(parent, [{ row, k }]);
    });
    return map;
  });
  // Every row under `id`, depth first, each followed by the rows under it.
  const descendants = (m: number, id: string, depth: number, seen: Set<string>, out: Below = []): Below => {
    if (seen.has(id)) return out;
    seen.add(id);
    for (const c of children[m].get(id) ?? []) {
      out.push({ row: c.row, k: c.k, depth });
      const cid = textOf(c.row.values.id);
      if (cid) descendants(m, cid, depth + 1, seen, out);
    }
    return out;
  };

  // Goals grouped by objective once (a cascade for every department of a large matrix has tens of thousands).
  // Names repeat on every goal and cell: fold each distinct one once.
  const keys = new Map<string, string>();
  const keyOf = (name: string) => {
    let k = keys.get(name);
    if (k === undefined) keys.set(name, (k = nameKey(name)));
    return k;
  };
  type Goal = { g: CascadeModel['goals'][number]; gi: number; m: number; input: OverviewInput };
  const goalsByObjective = new Map<string, Goal[]>();
  inputs.forEach((input, m) =>
    input.model.goals.forEach((g, gi) => {
      const key = keyOf(String(g.values.objective ?? ''));
      const list = goalsByObjective.get(key);
      if (list) list.push({ g, gi, m, input });
      else goalsByObjective.set(key, [{ g, gi, m, input }]);
    }),
  );
  // Departments without a cascade sheet this run (--cascade existing or none) still count: their
  // goals are their cells in the matrix.
  const modelled = new Set(inputs.map((i) => nameKey(i.model.department)));
  const unmodelled = new Map<string, CellResult[]>();
  for (const c of report.cells) {
    if (c.verdict === 'blank' || c.verdict === 'n/a' || modelled.has(keyOf(c.department))) continue;
    const key = keyOf(c.objective);
    const list = unmodelled.get(key);
    if (list) list.push(c);
    else unmodelled.set(key, [c]);
  }
  if (unmodelled.size > 0) {
    const withSheet = inputs.filter((i) => i.model.inMatrix).length;
    rows[2] = [
      cell(
        `Department goals are listed for departments with a cascade sheet (${withSheet} of ${report.matrix.departments.length}); the counts include every department's cells in the matrix.`,
        'muted',
      ),
    ];
  }

  report.matrix.objectives.forEach((objective) => {
    const key = nameKey(objective.name);
    const goals = goalsByObjective.get(key) ?? [];
    const others = unmodelled.get(key) ?? [];
    // Most goals have no rows under them yet: skip the walk where the sheet has none.
    const below = goals.map((x) => (children[x.m].size > 0 ? descendants(x.m, x.g.id, 1, new Set()) : NONE_BELOW));
    const teamCounts = below.map((b) => countTeams(b));
    let teams = 0;
    let kpis = 0;
    for (let t = 0; t < goals.length; t++) {
      teams += teamCounts[t];
      kpis += below[t].length - teamCounts[t];
    }
    const total = goals.length + others.length;
    let passing = 0;
    for (const x of goals) if (x.g.cell.verdict === 'pass') passing++;
    for (const c of others) if (c.verdict === 'pass') passing++;
    rows.push([
      cell(objective.name, 'header'),
      undefined,
      undefined,
      undefined,
      cell(`${total} department${total === 1 ? '' : 's'}`),
      undefined,
      total === 0
        ? cell('uncovered: no department goal', 'error')
        : cell(`${passing} of ${total} goals pass`, passing === total ? 'pass' : 'warning'),
      cell(teams),
      cell(kpis),
    ]);
    for (let n = 0; n < goals.length; n++) {
      const t = goals[n];
      const teamCount = teamCounts[n];
      rows.push([
        undefined,
        cell(String(t.g.values.description ?? '')),
        undefined,
        undefined,
        departmentCell(t.input.model),
        idCell(t.g.id, t.input, FIRST_DATA_ROW + t.gi),
        cell(String(t.g.values.check ?? t.g.cell.verdict), t.g.cell.verdict === 'pass' ? 'pass' : 'error'),
        cell(teamCount),
        cell(below[n].length - teamCount),
      ]);
      for (const b of below[n]) {
        const line: (PlanCell | undefined)[] = new Array<PlanCell | undefined>(HEADERS.length).fill(undefined);
        line[b.depth === 1 ? 2 : 3] = cell(textOf(b.row.values.description) || '(no description)');
        line[4] = departmentCell(t.input.model);
        line[5] = idCell(textOf(b.row.values.id) || '(no ID)', t.input, userRowIndex(t.input.model, b.k));
        line[6] = cell(b.row.duplicateId ? 'ID used more than once' : 'traced', b.row.duplicateId ? 'warning' : 'pass');
        const id = textOf(b.row.values.id);
        if (b.depth === 1) line[8] = cell(id ? descendants(t.m, id, 2, new Set([t.g.id])).length : 0);
        rows.push(line);
      }
    }
  });

  const untraced = inputs.flatMap((input) =>
    input.model.rows.map((row, k) => ({ input, row, k })).filter(({ row }) => row.status.kind !== 'traced'),
  );
  rows.push([], [cell('Not traced to a department goal', 'title')]);
  if (untraced.length === 0) rows.push([cell('Every team goal and KPI traces to a department goal.', 'pass')]);
  for (const { input, row, k } of untraced) {
    const line: (PlanCell | undefined)[] = new Array<PlanCell | undefined>(HEADERS.length).fill(undefined);
    line[2] = cell(textOf(row.values.description) || '(no description)');
    line[4] = departmentCell(input.model);
    line[5] = idCell(textOf(row.values.id) || '(no ID)', input, userRowIndex(input.model, k));
    line[6] = cell(statusText(row), 'error');
    rows.push(line);
  }
  return {
    name,
    role: 'overview',
    visibility: 'visible',
    rows,
    columnWidths: [28, 44, 36, 36, 20, 16, 40, 11, 8],
    freeze: { rows: 4, cols: 1 },
    tables: [],
    validations: [],
    conditionalFormats: [],
  };
}
