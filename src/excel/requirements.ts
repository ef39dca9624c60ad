/**
 * Which Office.js requirement sets Interlock needs, and a clear sentence when one is missing.
 * Checked before anything is read or written, so an old Excel fails with a reason, not midway.
 */

export type IsSetSupported = (name: string, minVersion?: string) => boolean;

interface Requirement {
  set: string;
  version: string;
  /** What Interlock uses from it, in the words of the message. */
  uses: string;
}

/** Reading a snapshot: used ranges, names, tables, document settings. */
export const READ_REQUIREMENTS: Requirement[] = [
  { set: 'ExcelApi', version: '1.4', uses: 'reading used ranges, named ranges and workbook settings' },
];

/** Optional while reading: without them the snapshot has no merges / formula list. */
export const READ_OPTIONAL = {
  merges: { set: 'ExcelApi', version: '1.13' },
  formulas: { set: 'ExcelApi', version: '1.9' },
};

/** Writing a plan. The highest one decides the oldest Excel that can run it. */
export const WRITE_REQUIREMENTS: Requirement[] = [
  { set: 'ExcelApi', version: '1.6', uses: 'conditional formats and suspending calculation' },
  { set: 'ExcelApi', version: '1.7', uses: 'tab colours, frozen panes and workbook protection checks' },
  { set: 'ExcelApi', version: '1.8', uses: 'drop-down lists (data validation)' },
  { set: 'ExcelApi', version: '1.9', uses: 'formatting many cells at once and suspending screen updating' },
];

export class RequirementError extends Error {
  constructor(
    message: string,
    readonly missing: string[],
  ) {
    super(message);
    this.name = 'RequirementError';
  }
}

/** Throws a RequirementError naming every missing set and what it is needed for. */
export function assertRequirements(isSetSupported: IsSetSupported, needed: Requirement[], action: string): void {
  const missing = needed.filter((r) => !safeSupported(isSetSupported, r.set, r.version));
  if (missing.length === 0) return;
  const list = missing.map((r) => `${r.set} ${r.version} (${r.uses})`).join('; ');
  throw new RequirementError(
    `This version of Excel cannot ${action}: it lacks ${list}. ` +
      'Interlock needs Excel for Microsoft 365, Excel 2021 or later, or Excel on the web.',
    missing.map((r) => `${r.set} ${r.version}`),
  );
}

export function safeSupported(isSetSupported: IsSetSupported, set: string, version: string): boolean {
  try {
    return Boolean(isSetSupported(set, version));
  } catch {
    return false;
  }
}
