/** The Office.js host adapter: the open workbook as a snapshot, and a WritePlan carried out in it. */
import type { HostAdapter, Progress } from '../core/host';
import type { NotCarriedOver } from '../core/plan/notCarriedOver';
import type { WritePlan } from '../core/plan/types';
import type { WorkbookSnapshot } from '../core/snapshot';
import { applyWritePlan } from './applyPlan';
import { readWorkbookSnapshot } from './readSnapshot';
import type { OfficeDeps } from './officeRun';
import { officeGlobals } from './officeRun';

export class OfficeAdapter implements HostAdapter {
  constructor(private readonly deps: OfficeDeps = officeGlobals()) {}

  readSnapshot(progress?: Progress): Promise<WorkbookSnapshot> {
    return readWorkbookSnapshot(this.deps, progress);
  }

  applyPlan(plan: WritePlan, progress?: Progress): Promise<NotCarriedOver[]> {
    return applyWritePlan(this.deps, plan, progress);
  }
}
