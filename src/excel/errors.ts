/** Errors the Office adapter raises for people, and Office.js errors turned into a sentence. */

/** Something in the workbook stops the plan (protection, a name Excel rejects): nothing was written. */
export class WorkbookBlockedError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'WorkbookBlockedError';
  }
}

/** A write failed part-way. `cleaned` says whether the partial output was removed again. */
export class WriteInterruptedError extends Error {
  constructor(
    message: string,
    readonly cause: unknown,
    readonly cleaned: boolean,
  ) {
    super(message);
    this.name = 'WriteInterruptedError';
  }
}

/** Office.js error codes (OfficeExtension.Error.code) that have a plain explanation. */
const EXPLAINED: Record<string, string> = {
  AccessDenied: 'Excel refused the change (the sheet or workbook may be protected, or the file is read-only).',
  InvalidOperationInCellEditMode: 'A cell is being edited. Press Enter or Esc in Excel, then try again.',
  RequestPayloadSizeLimitExceeded: 'The change was too large for one request to Excel on the web.',
  ResponsePayloadSizeLimitExceeded: 'The workbook is too large to read in one request to Excel on the web.',
  Conflict: 'Someone else changed the workbook at the same time. Try again in a moment.',
  InsertDeleteConflict: 'Someone else changed the workbook at the same time. Try again in a moment.',
  ItemAlreadyExists: 'A sheet or table with the same name already exists.',
  RequestAborted: 'Excel stopped the request. Try again.',
};

export function officeErrorCode(e: unknown): string | undefined {
  if (e && typeof e === 'object' && 'code' in e && typeof (e as { code: unknown }).code === 'string') {
    return (e as { code: string }).code;
  }
  return undefined;
}

/** One line for a person: the Office explanation when known, the error's own message otherwise. */
export function describeError(e: unknown): string {
  if (e instanceof Error && !officeErrorCode(e)) return e.message;
  const code = officeErrorCode(e);
  const own = e instanceof Error ? e.message : String(e);
  if (code && EXPLAINED[code]) return `${EXPLAINED[code]} (${code})`;
  return code ? `${own} (${code})` : own;
}
