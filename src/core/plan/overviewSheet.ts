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
import { cell, headerRow } from './cells';
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
  const link = (input: OverviewInput, row: number) =>
    input.sheet ? { link: { sheet: input.sheet, address: toA1(row, idCol) } } : {};

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
  const descendants = (
    m: number,
    id: string,
    depth: number,
    seen: Set<string>,
  ): { row: UserRow; k: number; depth: number }[] => {
    if (seen.has(id)) return [];
    seen.add(id);
    const out: { row: UserRow; k: number; depth: number }[] = [];
    for (const c of children[m].get(id) ?? []) {
      out.push({ ...c, depth });
      const cid = textOf(c.row.values.id);
      if (cid) out.push(...descendants(m, cid, depth + 1, seen));
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
    const trees = goals.map((x) => ({
      ...x,
      below: children[x.m].size > 0 ? descendants(x.m, x.g.id, 1, new Set()) : [],
    }));
    const teams = trees.reduce((n, t) => n + t.below.filter((b) => b.depth === 1).length, 0);
    const kpis = trees.reduce((n, t) => n + t.below.filter((b) => b.depth > 1).length, 0);
    const total = goals.length + others.length;
    const passing =
      goals.filter((x) => x.g.cell.verdict === 'pass').length + others.filter((c) => c.verdict === 'pass').length;
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
    for (const t of trees) {
      const teamCount = t.below.filter((b) => b.depth === 1).length;
      rows.push([
        undefined,
        cell(String(t.g.values.description ?? '')),
        undefined,
        undefined,
        cell(t.input.model.department),
        cell(t.g.id, undefined, link(t.input, FIRST_DATA_ROW + t.gi)),
        cell(String(t.g.values.check ?? t.g.cell.verdict), t.g.cell.verdict === 'pass' ? 'pass' : 'error'),
        cell(teamCount),
        cell(t.below.length - teamCount),
      ]);
      for (const b of t.below) {
        const line: (PlanCell | undefined)[] = new Array<PlanCell | undefined>(HEADERS.length).fill(undefined);
        line[b.depth === 1 ? 2 : 3] = cell(textOf(b.row.values.description) || '(no description)');
        line[4] = cell(t.input.model.department);
        line[5] = cell(
          textOf(b.row.values.id) || '(no ID)',
          undefined,
          link(t.input, userRowIndex(t.input.model, b.k)),
        );
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
    line[4] = cell(input.model.department);
    line[5] = cell(textOf(row.values.id) || '(no ID)', undefined, link(input, userRowIndex(input.model, k)));
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
