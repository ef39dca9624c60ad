/**
 * What people put on Interlock's own sheets besides cells (notes, comments, pictures...) and
 * lose when a run rewrites or removes those sheets, in the words both hosts show. Each host counts
 * in its own way (the file path from the package's parts, Excel from its object model); the
 * sentence is the same wherever it is shown.
 */

/** What was on an owned sheet and is gone once Interlock rewrote or removed it. */
export interface NotCarriedOver {
  sheet: string;
  /** The sheet itself went (clear, or a cascade sheet no longer planned); otherwise it was rewritten. */
  removed: boolean;
  /** E.g. `2 notes`, `1 picture`, `printer settings`. */
  items: string[];
  /** The line to show the user. */
  message: string;
}

/** `1 note`, `2 notes`; nothing for none. */
export function counted(n: number, one: string, many: string): string[] {
  return n > 0 ? [`${n} ${n === 1 ? one : many}`] : [];
}

/** `Cascade R&D: 2 notes, 1 picture were on this sheet and are not carried over (...)`. */
export function notCarriedOverMessage(sheet: string, items: string[], removed: boolean): string {
  const one = items.length === 1 && /^1 /.test(items[0]);
  const list = items.join(', ');
  return removed
    ? `${sheet}: ${list} ${one ? 'was' : 'were'} on this sheet and ${one ? 'was' : 'were'} removed with it`
    : `${sheet}: ${list} ${one ? 'was' : 'were'} on this sheet and ${one ? 'is' : 'are'} not carried over ` +
        '(Interlock rewrites its own sheets; keep notes on your own sheets or in the rows you add)';
}

/** The entry for a sheet, or none when nothing people added was on it. */
export function notCarriedOverFor(sheet: string, items: string[], removed: boolean): NotCarriedOver[] {
  return items.length > 0 ? [{ sheet, removed, items, message: notCarriedOverMessage(sheet, items, removed) }] : [];
}
