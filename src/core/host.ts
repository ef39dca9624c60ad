/** The two operations every host adapter (Office.js, ExcelJS) provides. */
import type { WorkbookSnapshot } from './snapshot';
import type { WritePlan } from './plan/types';

export interface Progress {
  (done: number, total: number, stage: string): void;
}

export interface HostAdapter {
  readSnapshot(progress?: Progress): Promise<WorkbookSnapshot>;
  applyPlan(plan: WritePlan, progress?: Progress): Promise<void>;
}
