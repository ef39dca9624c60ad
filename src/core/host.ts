/** The two operations every host adapter (Office.js, ExcelJS) provides. */
import type { WorkbookSnapshot } from './snapshot';
import type { WritePlan } from './plan/types';
import type { NotCarriedOver } from './plan/notCarriedOver';

export interface Progress {
  (done: number, total: number, stage: string): void;
}

export interface HostAdapter {
  readSnapshot(progress?: Progress): Promise<WorkbookSnapshot>;
  /** Says, per owned sheet it rewrote or removed, what people had put there that is gone. */
  applyPlan(plan: WritePlan, progress?: Progress): Promise<NotCarriedOver[]>;
}
