/**
 * Validate, Build cascade and Clear over any host adapter: the same steps `interlock validate`
 * takes on a file (snapshot → matrix → report → plan → write), shared by the ribbon commands,
 * the task pane in Excel and the task pane on an opened file.
 */
import type { HostAdapter, Progress } from '../core/host';
import { findMatrix, isMatrixNotFound } from '../core/matrix';
import { buildClearPlan, buildPlan } from '../core/plan';
import type { NotCarriedOver } from '../core/plan/notCarriedOver';
import type { WritePlan } from '../core/plan/types';
import type { Report } from '../core/report';
import type { WorkbookSnapshot } from '../core/snapshot';
import { validate } from '../core/validate';

/** No matrix where we looked: `message` says what was looked for, for the user. */
export class NoMatrixError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'NoMatrixError';
  }
}

export interface RunOptions {
  /** `'Sheet'!B3:H20` to use instead of the detected matrix (the pane's "use my selection"). */
  range?: string;
  progress?: Progress;
  /** Write the results back (default); false only checks. */
  write?: boolean;
}

export interface ValidationOutcome {
  snapshot: WorkbookSnapshot;
  report: Report;
  plan?: WritePlan;
  /** The sheet shown at the end. */
  shown?: string;
  /** Notes, pictures... people had put on Interlock's old sheets that the write did not keep. */
  notCarriedOver: NotCarriedOver[];
}

/** The matrix and its report, without writing anything. */
export function check(snapshot: WorkbookSnapshot, range?: string): Report {
  const matrix = findMatrix(snapshot, range ? { range } : {});
  if (isMatrixNotFound(matrix))
    throw new NoMatrixError(`No matrix found: ${matrix.reason}. Looked for ${matrix.lookedFor}.`);
  return validate(matrix, snapshot);
}

/** Validate (show the findings) or build the cascade (show the overview): the same plan, as the CLI writes it. */
export async function runValidation(
  adapter: HostAdapter,
  show: 'findings' | 'overview',
  options: RunOptions = {},
): Promise<ValidationOutcome> {
  const snapshot = await adapter.readSnapshot(options.progress);
  const report = check(snapshot, options.range);
  if (options.write === false) return { snapshot, report, notCarriedOver: [] };
  const plan = buildPlan(report, snapshot);
  const target = plan.sheets.find((s) => s.role === show && s.visibility === 'visible');
  if (target) plan.activate = target.name;
  const notCarriedOver = await adapter.applyPlan(plan, options.progress);
  return { snapshot, report, plan, shown: plan.activate, notCarriedOver };
}

export interface ClearOutcome {
  removed: string[];
  /** Cascade sheets left because they hold rows people typed. */
  kept: string[];
  /** Notes, pictures... that were on the removed sheets. */
  notCarriedOver: NotCarriedOver[];
}

/** Removes Interlock's sheets and matrix rules; cascade rows people typed are kept. */
export async function runClear(adapter: HostAdapter, progress?: Progress): Promise<ClearOutcome> {
  const snapshot = await adapter.readSnapshot(progress);
  const plan = buildClearPlan(snapshot);
  const notCarriedOver =
    plan.removeSheets.length > 0 || plan.sheets.length > 0 || plan.matrix.sheet
      ? await adapter.applyPlan(plan, progress)
      : [];
  return { removed: plan.removeSheets, kept: plan.kept, notCarriedOver };
}
