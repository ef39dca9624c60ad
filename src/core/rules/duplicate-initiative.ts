import type { Rule, CellInfo, RuleFinding } from './types';
import { allCells, atCell } from './support';

/** Text compared without case, spacing or punctuation; short texts are not compared (too often alike by chance). */
function key(text: string): string | null {
  const t =
    foldAscii(text) ??
    text
      .toLowerCase()
      .replace(/[^\p{L}\p{N}%$€£]+/gu, ' ')
      .trim();
  return t.length >= 20 ? t : null;
}

/**
 * The same folding for plain ASCII text without a regular expression (a large matrix has tens of
 * thousands of cells to fold); undefined when the text has other characters.
 */
function foldAscii(text: string): string | undefined {
  let out = '';
  let start = -1;
  const lower = text.toLowerCase();
  for (let i = 0; i <= lower.length; i++) {
    const c = i < lower.length ? lower.charCodeAt(i) : 32;
    if (c >= 128) return undefined;
    const kept = (c >= 97 && c <= 122) || (c >= 48 && c <= 57) || c === 37 || c === 36;
    if (kept && start < 0) start = i;
    else if (!kept && start >= 0) {
      out = out ? `${out} ${lower.slice(start, i)}` : lower.slice(start, i);
      start = -1;
    }
  }
  return out;
}

const OTHER_DEPARTMENT = 'Decide which department owns it; the other states its own part (or depends on it).';

const rule: Rule = {
  id: 'duplicate-initiative',
  severity: 'warning',
  description: 'The same initiative is written in more than one cell (copied between objectives or departments).',
  check(ctx) {
    const first = new Map<string, CellInfo>();
    // Every copy of one cell says the same "Same text as …": built once per first cell.
    const sameAs = new Map<CellInfo, string>();
    // Matrices repeat texts across cells: fold each distinct one once.
    const keys = new Map<string, string | null>();
    const out: RuleFinding[] = [];
    for (const c of allCells(ctx)) {
      if (!c.committed || c.mergedInto) continue;
      let k = keys.get(c.cell.text);
      if (k === undefined) keys.set(c.cell.text, (k = key(c.cell.text)));
      if (!k) continue;
      const seen = first.get(k);
      if (!seen) {
        first.set(k, c);
        continue;
      }
      let message = sameAs.get(seen);
      if (message === undefined) {
        message = `Same text as ${seen.department.name}'s cell for "${seen.objective.name}" (${seen.cell.address}): one initiative counted twice.`;
        sameAs.set(seen, message);
      }
      out.push(
        atCell(
          c,
          message,
          seen.department === c.department
            ? `Say what ${c.department.name} will do for "${c.objective.name}" specifically, or mark the cell n/a.`
            : OTHER_DEPARTMENT,
        ),
      );
    }
    return out;
  },
};
export default rule;
