/**
 * File mode: the same HostAdapter over an .xlsx the user opened in the browser. ExcelJS and the
 * xlsx adapter are imported only here, and this module is itself loaded on demand, so the build
 * that runs inside Excel never downloads them.
 */
import type ExcelJS from 'exceljs';
import type { HostAdapter, Progress } from '../core/host';
import type { WritePlan } from '../core/plan/types';
import type { WorkbookSnapshot } from '../core/snapshot';
import { loadWorkbook } from '../xlsx/load';
import { workbookSnapshot } from '../xlsx/snapshot';
import { applyPlan } from '../xlsx/apply';
import { partsNotCarried } from '../xlsx/parts';

export class FileAdapter implements HostAdapter {
  private constructor(
    private readonly workbook: ExcelJS.Workbook,
    readonly fileName: string,
    /** Parts of the file (charts, pivot tables…) the downloaded copy will not have. */
    readonly notCarried: string[],
  ) {}

  /** Throws UnreadableWorkbook (a one-line reason) for anything that is not a usable .xlsx. */
  static async open(bytes: ArrayBuffer, fileName: string): Promise<FileAdapter> {
    return new FileAdapter(await loadWorkbook(bytes), fileName, partsNotCarried(new Uint8Array(bytes)));
  }

  async readSnapshot(progress?: Progress): Promise<WorkbookSnapshot> {
    progress?.(0, 1, 'Reading the file');
    const snapshot = workbookSnapshot(this.workbook, this.fileName);
    progress?.(1, 1, 'Reading the file');
    return snapshot;
  }

  async applyPlan(plan: WritePlan, progress?: Progress): Promise<void> {
    progress?.(0, 1, 'Writing the results');
    applyPlan(this.workbook, plan);
    progress?.(1, 1, 'Writing the results');
  }

  /** The workbook as .xlsx bytes, for the download. */
  async toBytes(): Promise<Uint8Array> {
    const buffer = await this.workbook.xlsx.writeBuffer();
    return new Uint8Array(buffer as ArrayBuffer);
  }
}

/** `Plan.xlsx` → `Plan.validated.xlsx`, as the command line names its copy. */
export function validatedName(fileName: string): string {
  return `${fileName.replace(/\.xlsx$/i, '')}.validated.xlsx`;
}
