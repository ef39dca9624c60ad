/**
 * The layout of a cascade sheet: one table holding the department's goals (written by Interlock)
 * and, below them, the team goals and individual KPIs people add. One ID column for both, so the
 * parent drop-down can list every ID on the sheet from a single range.
 */

export type CascadeColumn =
  | 'level'
  | 'id'
  | 'parent'
  | 'objective'
  | 'description'
  | 'owner'
  | 'metric'
  | 'baseline'
  | 'target'
  | 'deadline'
  | 'impact'
  | 'check';

export const CASCADE_COLUMNS: { key: CascadeColumn; header: string; width: number }[] = [
  { key: 'level', header: 'Level', width: 16 },
  { key: 'id', header: 'ID', width: 16 },
  { key: 'parent', header: 'Parent ID', width: 16 },
  { key: 'objective', header: 'Objective', width: 24 },
  { key: 'description', header: 'Initiative / description', width: 48 },
  { key: 'owner', header: 'Owner', width: 16 },
  { key: 'metric', header: 'Metric', width: 20 },
  { key: 'baseline', header: 'Baseline', width: 12 },
  { key: 'target', header: 'Target', width: 12 },
  { key: 'deadline', header: 'Deadline', width: 14 },
  { key: 'impact', header: 'Stated impact', width: 36 },
  { key: 'check', header: 'Interlock check', width: 40 },
];

export const LEVEL_GOAL = 'Department goal';
export const LEVEL_TEAM = 'Team goal';
export const LEVEL_KPI = 'Individual KPI';

/** 0-based row of the table header; data rows follow it. */
export const HEADER_ROW = 3;
export const FIRST_DATA_ROW = HEADER_ROW + 1;
/** Empty rows below the data that still get the drop-downs, for people to type into. */
export const SPARE_ROWS = 100;

export function columnOf(key: CascadeColumn): number {
  return CASCADE_COLUMNS.findIndex((c) => c.key === key);
}

export const TITLE_PREFIX = 'Cascade: ';
