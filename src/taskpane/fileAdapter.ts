/**
 * File mode: the same HostAdapter over an .xlsx the user opened in the browser. The workbook is
 * patched as a package, as the command line does: the downloaded copy keeps every part of the
 * file (charts, pivot tables...) and only Interlock's sheets and rules change. This module is
 * loaded on demand, so the build that runs inside Excel never downloads it.
 */
import type { HostAdapter, Progress } from '../core/host';
import type { NotCarriedOver } from '../core/plan/notCarriedOver';
import type { WritePlan } from '../core/plan/types';
import type { WorkbookSnapshot } from '../core/snapshot';
import { openPackage, readWorkbookSnapshot } from '../xlsx/load';
import type { Package } from '../xlsx/package/package';
import { webCodec } from '../xlsx/package/webCodec';
import { applyPlanToPackage } from '../xlsx/write/applyPlan';

export class FileAdapter implements HostAdapter {
  private constructor(
    private readonly pkg: Package,
    readonly fileName: string,
  ) {}

  /** Throws UnreadableWorkbook (a one-line reason) for anything that is not a usable .xlsx. */
  static async open(bytes: ArrayBuffer, fileName: string): Promise<FileAdapter> {
    return new FileAdapter(await openPackage(bytes, webCodec), fileName);
  }

  async readSnapshot(progress?: Progress): Promise<WorkbookSnapshot> {
    progress?.(0, 1, 'Reading the file');
    const snapshot = await readWorkbookSnapshot(this.pkg, this.fileName);
    progress?.(1, 1, 'Reading the file');
    return snapshot;
  }

  async applyPlan(plan: WritePlan, progress?: Progress): Promise<NotCarriedOver[]> {
    progress?.(0, 1, 'Writing the results');
    const lost = await applyPlanToPackage(this.pkg, plan);
    progress?.(1, 1, 'Writing the results');
    return lost;
  }

  /** The workbook as .xlsx bytes, for the download. */
  async toBytes(): Promise<Uint8Array> {
    return this.pkg.toBytes();
  }
}

/** `Plan.xlsx` → `Plan.validated.xlsx`, as the command line names its copy. */
export function validatedName(fileName: string): string {
  return `${fileName.replace(/\.xlsx$/i, '')}.validated.xlsx`;
}
