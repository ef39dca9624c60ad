/**
 * The swap journal: a very hidden sheet written just before Interlock starts replacing its sheets
 * and removed once the replacement is complete. It records, for every sheet involved, the name it
 * has during the swap and the name it must end with, so an interrupted swap can be finished on
 * the next run instead of leaving people's cascade rows in a hidden sheet that gets deleted.
 *
 * The protocol (see applyPlan):
 *   build:  new sheets are written as `_interlock_tmp_N`; old sheets are untouched. A temporary
 *           sheet without a journal is therefore always a copy, and safe to delete.
 *   swap:   the journal is written; old sheets are renamed aside to `_interlock_old_N` (never
 *           deleted yet); the temporary sheets take their final names; only then are the
 *           set-aside sheets deleted; the journal goes last.
 * Recovery rolls forward: every temporary sheet takes its final name, and a set-aside sheet is
 * deleted only once its replacement carries its name (otherwise it gets its name back).
 *
 * A sheet rather than document settings: sheets survive a round trip through other tools.
 */

/** Every sheet whose name starts with this is Interlock's own scaffolding, never a user's. */
export const RESERVED_PREFIX = '_interlock_';
/** New sheets while they are being built. */
export const TEMP_PREFIX = '_interlock_tmp_';
/** Old sheets set aside during a swap. */
export const ASIDE_PREFIX = '_interlock_old_';
export const JOURNAL_SHEET = '_interlock_swap';
const SIGNATURE = 'Interlock swap journal';
const VERSION = 1;

export type SheetVisibilityName = 'Visible' | 'Hidden' | 'VeryHidden';

export interface JournalEntry {
  /** `old`: an existing sheet set aside; `new`: a sheet built under a temporary name. */
  kind: 'old' | 'new';
  /** Its name during the swap (`_interlock_old_N` or `_interlock_tmp_N`). */
  during: string;
  /** The name it had (old) or will have (new). */
  final: string;
  /** The visibility it had (old) or will have (new). */
  visibility: SheetVisibilityName;
}

export interface ExistingSheetName {
  name: string;
  visibility: string;
}

export type RecoveryStep =
  { kind: 'rename'; from: string; to: string; visibility?: SheetVisibilityName } | { kind: 'delete'; name: string };

const key = (name: string) => name.toUpperCase();

export function isReserved(name: string): boolean {
  return key(name).startsWith(key(RESERVED_PREFIX));
}

/** The journal as the rows of its sheet (all text: written with a text number format). */
export function journalRows(entries: JournalEntry[]): string[][] {
  return [[SIGNATURE, String(VERSION), '', ''], ...entries.map((e) => [e.kind, e.during, e.final, e.visibility])];
}

/**
 * Reads the journal from its sheet's values; null when the sheet holds no journal (for example
 * the swap stopped between adding the sheet and writing it, before any old sheet was touched).
 */
export function parseJournal(values: readonly (readonly unknown[])[]): JournalEntry[] | null {
  if (values.length === 0 || String(values[0]?.[0] ?? '') !== SIGNATURE) return null;
  const out: JournalEntry[] = [];
  for (const row of values.slice(1)) {
    const [kind, during, final, visibility] = row.map((v) => String(v ?? ''));
    if ((kind !== 'old' && kind !== 'new') || !during || !final) continue;
    const vis: SheetVisibilityName = visibility === 'Hidden' || visibility === 'VeryHidden' ? visibility : 'Visible';
    out.push({ kind, during, final, visibility: vis });
  }
  return out;
}

/**
 * What finishes an interrupted swap, in order: set-aside moves that had not happened, the
 * renames of temporary sheets to their final names, then the deletions. A set-aside sheet is
 * deleted only when its final name is carried by its replacement; otherwise it gets its name back.
 * Temporary sheets the journal does not list are left-over copies from a failed build.
 */
export function recoverySteps(journal: JournalEntry[] | null, sheets: ExistingSheetName[]): RecoveryStep[] {
  const present = new Map(sheets.map((s) => [key(s.name), s]));
  const has = (name: string) => present.has(key(name));
  const steps: RecoveryStep[] = [];
  const entries = journal ?? [];
  const olds = new Map(entries.filter((e) => e.kind === 'old').map((e) => [key(e.final), e]));
  const news = new Map(entries.filter((e) => e.kind === 'new').map((e) => [key(e.final), e]));
  const listed = new Set(entries.map((e) => key(e.during)));

  // Names as they will be once the steps so far have run.
  const names = new Set(present.keys());
  const rename = (from: string, to: string, visibility?: SheetVisibilityName) => {
    steps.push(visibility ? { kind: 'rename', from, to, visibility } : { kind: 'rename', from, to });
    names.delete(key(from));
    names.add(key(to));
  };
  const remove = (name: string) => {
    steps.push({ kind: 'delete', name });
    names.delete(key(name));
  };

  // 1. Old sheets still under their final name go aside when a replacement is waiting for it,
  //    or when the plan removed them.
  for (const old of olds.values()) {
    if (has(old.during) || !has(old.final)) continue;
    const replacement = news.get(key(old.final));
    if (!replacement || has(replacement.during)) rename(old.final, old.during);
  }
  // 2. Temporary sheets take their final names.
  const heldByNew = new Set<string>();
  for (const n of news.values()) {
    if (!has(n.during)) {
      // Renamed before the interruption: the sheet under the final name is the new one (this is
      // only asked below while the old sheet is still set aside, so it cannot be the old one).
      if (has(n.final)) heldByNew.add(key(n.final));
      continue;
    }
    if (names.has(key(n.final))) {
      // A sheet someone made during the interruption holds the name. The copy carries nobody's
      // rows when it replaced no old sheet; otherwise it stays, and so does the old sheet.
      if (!olds.has(key(n.final))) remove(n.during);
      continue;
    }
    rename(n.during, n.final, n.visibility);
    heldByNew.add(key(n.final));
  }
  // 3. Set-aside sheets: deleted once replaced, or removed by the plan; otherwise restored.
  for (const old of olds.values()) {
    if (!names.has(key(old.during))) continue;
    const replacement = news.get(key(old.final));
    if (!replacement || heldByNew.has(key(old.final))) remove(old.during);
    else if (!names.has(key(old.final))) rename(old.during, old.final, old.visibility);
  }
  // 4. Temporary sheets not in the journal: copies from a build that stopped.
  for (const s of sheets) {
    if (key(s.name).startsWith(key(TEMP_PREFIX)) && !listed.has(key(s.name)) && names.has(key(s.name))) remove(s.name);
  }
  if (has(JOURNAL_SHEET)) remove(JOURNAL_SHEET);
  return steps;
}

/**
 * Queues the steps on the request context, each sheet looked up by the name it has when the
 * step runs. A very hidden sheet is made hidden first: Excel will not delete a very hidden sheet.
 */
export function queueRecoverySteps(
  worksheets: Excel.WorksheetCollection,
  steps: RecoveryStep[],
  sheets: ExistingSheetName[],
): void {
  const visibility = new Map(sheets.map((s) => [key(s.name), s.visibility]));
  for (const step of steps) {
    if (step.kind === 'rename') {
      const sheet = worksheets.getItem(step.from);
      sheet.name = step.to;
      const was = visibility.get(key(step.from));
      visibility.delete(key(step.from));
      visibility.set(key(step.to), step.visibility ?? was ?? 'Hidden');
      if (step.visibility && step.visibility !== was) sheet.visibility = step.visibility;
    } else {
      const sheet = worksheets.getItem(step.name);
      if (visibility.get(key(step.name)) === 'VeryHidden') sheet.visibility = 'Hidden';
      sheet.delete();
      visibility.delete(key(step.name));
    }
  }
}
