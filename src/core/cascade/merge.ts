/**
 * Merges a department's goals from the matrix with the rows already on its cascade sheet.
 * Goal rows are Interlock's and are rewritten; every other row is a person's and comes back
 * exactly as typed, in the order it had. A row whose parent is gone is flagged, never dropped.
 */
import type { CellValue } from '../snapshot';
import type { CellResult, Finding, Report } from '../report';
import type { PlanValue } from '../plan/types';
import { foldName } from '../matrix/text';
import { goalId, isGoalIdOf } from './ids';
import type { ExistingCascade } from './read';
import { textOf } from './read';
import { CascadeColumn, LEVEL_GOAL } from './layout';

export interface GoalRow {
  id: string;
  cell: CellResult;
  values: Partial<Record<CascadeColumn, PlanValue>>;
  /** Columns people added, carried over by ID. */
  extras: CellValue[];
}

export type RowStatus =
  | { kind: 'traced'; goal: string; objective: string }
  | { kind: 'orphan'; reason: 'missing-parent' | 'no-parent' | 'loop' | 'ancestor' | 'not-in-matrix'; parent?: string };

export interface UserRow {
  values: Partial<Record<CascadeColumn, CellValue>>;
  extras: CellValue[];
  status: RowStatus;
  /** Set when another row on the sheet has the same ID. */
  duplicateId: boolean;
}

export interface CascadeModel {
  department: string;
  /** False when the department is no longer in the matrix (its sheet stays for the rows people typed). */
  inMatrix: boolean;
  goals: GoalRow[];
  rows: UserRow[];
  extraHeaders: string[];
}

/** The rules of a cell's findings, each once, in the order found (a cell has a handful). */
function worstFindings(findings: Finding[]): string {
  if (findings.length === 0) return '';
  let out = findings[0].rule;
  const seen = [out];
  for (let k = 1; k < findings.length; k++) {
    const rule = findings[k].rule;
    if (seen.includes(rule)) continue;
    seen.push(rule);
    out += `, ${rule}`;
  }
  return out;
}

/** A cell's result by its place in the matrix and its address. */
export type ResultAt = (i: number, j: number, address: string) => CellResult | undefined;

/** The department's goals: every cell that states something (not blank, not declared empty). */
export function goalsOf(
  report: Report,
  deptIndex: number,
  resultAt: ResultAt,
  findingsAt: (address: string) => Finding[],
): GoalRow[] {
  const row = report.matrix.cells[deptIndex] ?? [];
  const department = report.matrix.departments[deptIndex].name;
  const used = new Set<string>();
  const goals: GoalRow[] = [];
  row.forEach((cell, j) => {
    const result = resultAt(deptIndex, j, cell.address);
    if (!result || result.verdict === 'blank' || result.verdict === 'n/a') return;
    const objective = report.matrix.objectives[j];
    let id = goalId(department, objective.name);
    for (let n = 2; used.has(id); n++) id = `${goalId(department, objective.name)}-${n}`;
    used.add(id);
    const a = result.analysis;
    const rules = worstFindings(findingsAt(cell.address));
    goals.push({
      id,
      cell: result,
      extras: [],
      values: {
        level: LEVEL_GOAL,
        id,
        objective: objective.name,
        description: a?.initiativeText || result.text,
        metric: a?.metric ?? objective.attributes.metric,
        baseline: a?.baseline?.text,
        target: a?.target?.text ?? objective.attributes.target,
        deadline: a?.deadline?.text,
        impact: a?.impactText,
        check: rules ? `${result.verdict}: ${rules}` : result.verdict,
      },
    });
  });
  return goals;
}

/** A goal row Interlock wrote: its ID is the one this department's goal on its objective gets. */
export function isOwnedGoalRow(values: Partial<Record<CascadeColumn, CellValue>>, department: string): boolean {
  if (textOf(values.level).toLowerCase() !== LEVEL_GOAL.toLowerCase()) return false;
  return isGoalIdOf(textOf(values.id), department, foldName(textOf(values.objective)));
}

/** Follows parent IDs up to a department goal. */
function trace(start: UserRow, goalsById: Map<string, GoalRow>, rowsById: Map<string, UserRow>): RowStatus {
  const first = textOf(start.values.parent);
  if (!first) return { kind: 'orphan', reason: 'no-parent' };
  const seen = new Set<UserRow>([start]);
  let parent = first;
  for (;;) {
    const goal = goalsById.get(parent);
    if (goal) return { kind: 'traced', goal: goal.id, objective: textOf(goal.values.objective as CellValue) };
    const next = rowsById.get(parent);
    if (!next) return { kind: 'orphan', reason: parent === first ? 'missing-parent' : 'ancestor', parent: first };
    if (seen.has(next)) return { kind: 'orphan', reason: 'loop', parent: first };
    seen.add(next);
    parent = textOf(next.values.parent);
    if (!parent) return { kind: 'orphan', reason: 'ancestor', parent: first };
  }
}

export function mergeCascade(
  department: string,
  inMatrix: boolean,
  goals: GoalRow[],
  existing: ExistingCascade | undefined,
): CascadeModel {
  const extraHeaders = existing?.extraHeaders ?? [];
  const rows: UserRow[] = [];
  const carried = new Map<string, { owner?: CellValue; extras: CellValue[] }>();
  for (const row of existing?.rows ?? []) {
    if (isOwnedGoalRow(row.values, department)) {
      // Interlock's row: rewritten from the matrix, but what people added to it is kept.
      carried.set(textOf(row.values.id), { owner: row.values.owner, extras: row.extras });
      continue;
    }
    rows.push({
      values: row.values,
      extras: row.extras,
      status: { kind: 'orphan', reason: 'no-parent' },
      duplicateId: false,
    });
  }
  // New objects, not spreads of the goals: a large matrix merges tens of thousands of them.
  const merged = goals.map((g): GoalRow => {
    const keep = carried.get(g.id);
    if (!keep) {
      // Nothing carried over and no added columns: the goal as it is.
      if (extraHeaders.length === 0 && g.extras.length === 0) return g;
      const extras = new Array<CellValue>(extraHeaders.length).fill(null);
      return { id: g.id, cell: g.cell, extras, values: g.values };
    }
    const values = keep.owner !== undefined ? { ...g.values, owner: keep.owner as PlanValue } : g.values;
    return { id: g.id, cell: g.cell, extras: keep.extras, values };
  });
  const goalsById = new Map(merged.map((g) => [g.id, g]));
  const rowsById = new Map<string, UserRow>();
  const idCount = new Map<string, number>();
  for (const r of rows) {
    const id = textOf(r.values.id);
    if (!id) continue;
    idCount.set(id, (idCount.get(id) ?? 0) + 1);
    if (!rowsById.has(id)) rowsById.set(id, r);
  }
  for (const r of rows) {
    const id = textOf(r.values.id);
    r.duplicateId = id !== '' && ((idCount.get(id) ?? 0) > 1 || goalsById.has(id));
    r.status =
      textOf(r.values.level).toLowerCase() === LEVEL_GOAL.toLowerCase()
        ? { kind: 'orphan', reason: 'not-in-matrix' }
        : trace(r, goalsById, rowsById);
  }
  return { department, inMatrix, goals: merged, rows, extraHeaders };
}

/** What the check column says about a person's row. */
export function statusText(row: UserRow): string {
  const s = row.status;
  let text: string;
  if (s.kind === 'traced') text = `traces to ${s.goal} (${s.objective})`;
  else if (s.reason === 'no-parent') text = 'orphan: no parent ID; pick one from the drop-down';
  else if (s.reason === 'loop') text = `orphan: the parent chain loops back (through ${s.parent})`;
  else if (s.reason === 'ancestor') text = `untraced: parent ${s.parent} does not trace to a department goal`;
  else if (s.reason === 'not-in-matrix')
    text = 'orphan: department goals come from the matrix; add it there, or make this a team goal';
  else text = `orphan: parent ${s.parent} is not on this sheet (its goal may have left the matrix)`;
  return row.duplicateId ? `${text}; the ID is used more than once` : text;
}
