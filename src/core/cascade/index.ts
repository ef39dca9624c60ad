/**
 * Cascade sheets: one per department, carrying its goals from the matrix down to the team goals
 * and individual KPIs people add. `cascadeFindings` lets validate report rows whose parent is gone.
 */
import type { WorkbookSnapshot } from '../snapshot';
import type { CellResult, Finding, Report } from '../report';
import { toA1 } from '../a1';
import { CascadeSlot, Layout, LayoutOptions, planLayout } from '../plan/ownership';
import { CascadeModel, goalsOf, isOwnedGoalRow, mergeCascade, type ResultAt, statusText } from './merge';
import { columnOf, LEVEL_KPI, LEVEL_TEAM } from './layout';
import { userRowIndex } from './sheet';
import { textOf } from './read';
import { cellIndexer } from '../matrix/cellIndex';

export { goalId } from './ids';
export type { CascadeModel } from './merge';

/** Findings on the matrix sheet by address, for the goals' check column. */
export function findingsIndex(report: Report): (address: string) => Finding[] {
  const indexOf = cellIndexer(report.matrix.cells);
  if (indexOf) {
    // By the cell each is on (its address read, not hashed), in the order found; a map for the rest.
    const atCell: Finding[][] = [];
    const elsewhere = new Map<string, Finding[]>();
    for (const f of report.findings) {
      if (f.sheet !== report.matrix.sheet || !f.address) continue;
      const k = indexOf(f.address);
      const list = k >= 0 ? atCell[k] : elsewhere.get(f.address);
      if (list) list.push(f);
      else if (k >= 0) atCell[k] = [f];
      else elsewhere.set(f.address, [f]);
    }
    return (address) => {
      const k = indexOf(address);
      return (k >= 0 ? atCell[k] : elsewhere.get(address)) ?? [];
    };
  }
  const by = new Map<string, Finding[]>();
  for (const f of report.findings) {
    if (f.sheet !== report.matrix.sheet || !f.address) continue;
    const list = by.get(f.address);
    if (list) list.push(f);
    else by.set(f.address, [f]);
  }
  return (address) => by.get(address) ?? [];
}

/**
 * Results by place: validate lists them in matrix order, so cell (i, j) is found by position and
 * confirmed by its address; a report in any other order is looked up by address.
 */
export function resultLookup(report: Report): ResultAt {
  const width = report.matrix.objectives.length;
  let byAddress: Map<string, CellResult> | undefined;
  return (i, j, address) => {
    const c = report.cells[i * width + j];
    if (c !== undefined && c.address === address) return c;
    if (!byAddress) {
      byAddress = new Map();
      for (const r of report.cells) byAddress.set(r.address, r);
    }
    return byAddress.get(address);
  };
}

export function cascadeModel(
  slot: CascadeSlot,
  report: Report,
  resultAt: ResultAt,
  findingsAt: (address: string) => Finding[],
): CascadeModel {
  const goals = slot.deptIndex >= 0 ? goalsOf(report, slot.deptIndex, resultAt, findingsAt) : [];
  return mergeCascade(slot.department, slot.deptIndex >= 0, goals, slot.existing);
}

/** Every cascade model the layout asks for, in layout order. */
export function cascadeModels(layout: Layout, report: Report): CascadeModel[] {
  if (layout.cascades.length === 0) return [];
  const resultAt = resultLookup(report);
  const findingsAt = findingsIndex(report);
  return layout.cascades.map((slot) => cascadeModel(slot, report, resultAt, findingsAt));
}

function levelName(level: string): string {
  const l = level.toLowerCase();
  if (l.includes('kpi') || l.includes('individual')) return LEVEL_KPI.toLowerCase();
  if (l) return l;
  return LEVEL_TEAM.toLowerCase();
}

/** `cascade-orphan` findings for rows whose parent is gone, at the address they will have after the run. */
export function orphanFindings(layout: Layout, models: CascadeModel[]): Finding[] {
  const out: Finding[] = [];
  const parentCol = columnOf('parent');
  models.forEach((model, m) => {
    const sheet = layout.cascades[m].sheet;
    model.rows.forEach((row, k) => {
      const s = row.status;
      // Rows under an orphan are untraced too, but the finding belongs to the row that broke the chain.
      if (s.kind === 'traced' || s.reason === 'ancestor') return;
      const id = textOf(row.values.id);
      const what = `${levelName(textOf(row.values.level))}${id ? ` ${id}` : ''}`;
      const description = textOf(row.values.description);
      out.push({
        rule: 'cascade-orphan',
        severity: 'error',
        sheet,
        address: toA1(userRowIndex(model, k), parentCol),
        department: model.department,
        message: `The ${what}${description ? ` ("${description.slice(0, 80)}")` : ''} does not trace to a department goal: ${statusText(row).replace(/^orphan: /, '')}.`,
        suggestion:
          s.reason === 'not-in-matrix'
            ? 'Add the goal to the department’s row in the matrix, or turn this row into a team goal with a parent.'
            : 'Pick a parent ID from the drop-down, or delete the row if the goal is no longer pursued.',
      });
    });
  });
  return out;
}

/** What validate adds to its findings: rows on cascade sheets whose parent is gone. */
export function cascadeFindings(snapshot: WorkbookSnapshot, report: Report, options: LayoutOptions = {}): Finding[] {
  // Only rows already on cascade sheets can be orphans: a sheet this run would add has none yet,
  // so 'existing' finds the same rows without modelling every department of a large matrix.
  const layout = planLayout(snapshot, report, { ...options, cascade: 'existing' });
  // Only a sheet with rows people typed can hold an orphan: on a re-run most sheets have none
  // yet, and modelling a thousand departments' goals for nothing doubled validate's time.
  const typed = { ...layout, cascades: layout.cascades.filter(hasPeoplesRows) };
  return orphanFindings(typed, cascadeModels(typed, report));
}

function hasPeoplesRows(slot: CascadeSlot): boolean {
  return slot.existing?.rows.some((r) => !isOwnedGoalRow(r.values, slot.department)) ?? false;
}
