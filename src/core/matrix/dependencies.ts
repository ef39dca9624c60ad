/** The optional `Dependencies` sheet: one row per dependency (department, objective, needs, from, needed by). */
import type { SheetSnapshot, WorkbookSnapshot } from '../snapshot';
import { isDateValue } from '../snapshot';
import { toA1 } from '../a1';
import type { DependencyEntry } from './types';
import { gridOf, isEmpty, raw, rowIsBlank } from './grid';
import { cellText, foldName } from './text';

type Field = 'department' | 'objective' | 'needs' | 'from' | 'neededBy';

/** Header words per field, most specific first ("needed by" before "needs"). */
const HEADERS: [Field, RegExp][] = [
  ['neededBy', /^(needed by|need by|needed|by|by when|due|due date|date|deadline|when)$/],
  [
    'from',
    /^(from|from department|provider|provided by|providing department|supplier|delivered by|depends on|dependency on)$/,
  ],
  ['needs', /^(needs|need|what|deliverable|needs what|what is needed|item|requirement|dependency|description)$/],
  ['objective', /^(objective|corporate objective|goal|for objective)$/],
  [
    'department',
    /^(department|dept|team|function|unit|dependent|dependent department|who|requesting department|requester)$/,
  ],
];

export const DEPENDENCY_SHEET = /^\s*(dependencies|dependency|interlocks?|dependency register)\s*$/i;

function fieldOf(header: string): Field | undefined {
  const key = foldName(header)
    .toLowerCase()
    .replace(/[:*?]+$/, '')
    .trim();
  for (const [f, re] of HEADERS) if (re.test(key)) return f;
  return undefined;
}

export function findDependencySheet(snapshot: WorkbookSnapshot): SheetSnapshot | undefined {
  return snapshot.sheets.find((s) => DEPENDENCY_SHEET.test(s.name));
}

/** Reads the dependency rows; problems (a row naming no department) go to `notes`. */
export function readDependencies(sheet: SheetSnapshot, notes: string[]): DependencyEntry[] {
  const g = gridOf(sheet);
  let headerRow = -1;
  let columns: Partial<Record<Field, number>> = {};
  for (let r = g.top; r <= Math.min(g.bottom, g.top + 30) && headerRow < 0; r++) {
    const found: Partial<Record<Field, number>> = {};
    for (let c = g.left; c <= g.right; c++) {
      const f = fieldOf(cellText(raw(g, r, c)));
      if (f && found[f] === undefined) found[f] = c;
    }
    if (found.department !== undefined && found.from !== undefined && Object.keys(found).length >= 3) {
      headerRow = r;
      columns = found;
    }
  }
  if (headerRow < 0) {
    if (g.bottom >= g.top) {
      notes.push(
        `Sheet "${sheet.name}" has no header row with Department, Objective, Needs, From and Needed by; it was not read.`,
      );
    }
    return [];
  }
  const out: DependencyEntry[] = [];
  const text = (r: number, f: Field) => {
    const c = columns[f];
    if (c === undefined) return '';
    const v = raw(g, r, c);
    return isDateValue(v) ? v.date : foldName(cellText(v));
  };
  for (let r = headerRow + 1; r <= g.bottom; r++) {
    if (rowIsBlank(g, r)) continue;
    const anyField = (Object.values(columns) as number[]).some((c) => !isEmpty(raw(g, r, c)));
    if (!anyField) continue;
    const address = toA1(r, g.left);
    const department = text(r, 'department');
    const from = text(r, 'from');
    if (!department || !from) {
      notes.push(
        `${sheet.name}!${address}: a dependency needs both a department and the department it depends on (From); the row was skipped.`,
      );
      continue;
    }
    const neededBy = text(r, 'neededBy');
    out.push({
      department,
      objective: text(r, 'objective'),
      needs: text(r, 'needs'),
      from,
      ...(neededBy ? { neededBy } : {}),
      source: { sheet: sheet.name, address },
    });
  }
  return out;
}
