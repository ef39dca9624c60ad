/** The one or two sentences a ribbon command shows when it cannot simply show a sheet. */
import type { Report } from '../core/report';
import type { ClearOutcome } from '../taskpane/workflow';
import type { NotCarriedOver } from '../core/plan/notCarriedOver';

const MAX_LOST_SHOWN = 3;

export type CommandName = 'validate' | 'buildCascade' | 'clearWarnings';

const TITLE: Record<CommandName, string> = {
  validate: 'Validate',
  buildCascade: 'Build cascade',
  clearWarnings: 'Clear warnings',
};

export function commandMessage(
  name: CommandName,
  outcome: { error?: string; report?: Report; clear?: ClearOutcome; notCarriedOver?: NotCarriedOver[] },
): string {
  if (outcome.error) return `${TITLE[name]} did not finish. ${outcome.error}`;
  // What people had put on Interlock's sheets and the run did not keep, one sentence per sheet.
  // A dialog (and the URL that carries its text) stays short: three sheets, then a count.
  const all = [...(outcome.notCarriedOver ?? []), ...(outcome.clear?.notCarriedOver ?? [])];
  const shown = all.slice(0, MAX_LOST_SHOWN).map((l) => ` ${l.message}`);
  const more = all.length - shown.length;
  const tail = more > 0 ? ` The same on ${more} more of Interlock’s sheets.` : '';
  return summaryMessage(name, outcome) + shown.join('') + tail;
}

function summaryMessage(name: CommandName, outcome: { report?: Report; clear?: ClearOutcome }): string {
  if (outcome.clear) {
    const { removed, kept } = outcome.clear;
    if (removed.length === 0 && kept.length === 0) return 'There was nothing of Interlock’s to clear in this workbook.';
    const keptText = kept.length ? ` Kept ${kept.join(', ')}: they hold rows people typed.` : '';
    return `Cleared Interlock’s warnings and ${removed.length} sheet${removed.length === 1 ? '' : 's'}.${keptText}`;
  }
  const s = outcome.report?.summary;
  return s
    ? `${TITLE[name]} finished: ${s.errors} errors, ${s.warnings} warnings, ${s.infos} infos.`
    : `${TITLE[name]} finished.`;
}
