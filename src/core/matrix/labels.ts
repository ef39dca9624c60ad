/**
 * The words that mark attribute rows and columns, and the values that confirm a column is what
 * its header says.
 */
import type { CellValue } from '../snapshot';
import type { FunctionKind, ObjectiveAttributes, DepartmentAttributes } from './types';
import { cellText, foldName, numberValue } from './text';

function labelKey(s: string): string {
  return foldName(s)
    .toLowerCase()
    .replace(/[:*]+$/, '')
    .replace(/\s*\(.*\)$/, '')
    .trim();
}

/** Headers the department column may carry. */
const DEPARTMENT_HEADERS = new Set([
  'department',
  'departments',
  'dept',
  'function',
  'functions',
  'team',
  'teams',
  'unit',
  'units',
  'business unit',
  'business units',
  'division',
  'area',
  'department / objective',
  'department \\ objective',
  'objective →',
  'objectives',
]);

export function isDepartmentHeader(text: string): boolean {
  // "Department ↓", "Objective →": arrows and other marks around the word do not matter.
  const key = labelKey(text)
    .replace(/[^\p{L}\p{N}&/\\ ]+/gu, ' ')
    .replace(/\s+/g, ' ')
    .trim();
  return DEPARTMENT_HEADERS.has(labelKey(text)) || DEPARTMENT_HEADERS.has(key);
}

/** Columns people keep beside a matrix that are not objectives: comments, status, sources. */
export function isCommentHeader(text: string): boolean {
  return /^(comments?|notes?|remarks?|status|rag|rag status|source|sources|last updated|updated|questions?|open questions?)$/.test(
    labelKey(text),
  );
}

export type ObjectiveAttribute = Exclude<keyof ObjectiveAttributes, 'raw'>;

const OBJECTIVE_ROWS: Record<string, ObjectiveAttribute> = {
  metric: 'metric',
  kpi: 'metric',
  measure: 'metric',
  'success measure': 'metric',
  target: 'target',
  goal: 'target',
  'target value': 'target',
  deadline: 'deadline',
  due: 'deadline',
  'due date': 'deadline',
  by: 'deadline',
  'by when': 'deadline',
  'target date': 'deadline',
  timing: 'deadline',
  timeline: 'deadline',
  when: 'deadline',
  perspective: 'perspective',
  'bsc perspective': 'perspective',
  'scorecard perspective': 'perspective',
  owner: 'owner',
  sponsor: 'owner',
  'objective owner': 'owner',
  'executive sponsor': 'owner',
  weight: 'weight',
  weighting: 'weight',
  'weight %': 'weight',
};

/** The objective attribute a label in the department column names, if any. */
export function objectiveAttributeOf(label: string): ObjectiveAttribute | undefined {
  return OBJECTIVE_ROWS[labelKey(label)];
}

export type DepartmentAttribute = Exclude<keyof DepartmentAttributes, 'raw'>;

const DEPARTMENT_COLUMNS: Record<string, DepartmentAttribute> = {
  function: 'function',
  type: 'function',
  'function type': 'function',
  kind: 'function',
  role: 'function',
  serves: 'serves',
  'internal customers': 'serves',
  'internal customer': 'serves',
  customers: 'serves',
  'serves (internal customers)': 'serves',
  capacity: 'capacity',
  'max commitments': 'capacity',
  'capacity (commitments)': 'capacity',
  owner: 'owner',
  head: 'owner',
  lead: 'owner',
  'department head': 'owner',
  accountable: 'owner',
};

export function departmentAttributeOf(header: string): DepartmentAttribute | undefined {
  const key = labelKey(header);
  return DEPARTMENT_COLUMNS[key] ?? (/^internal customers?\b/.test(key) ? 'serves' : undefined);
}

/** A Function/Type value as customer-facing or support; undefined for anything else. */
export function functionKindOf(v: CellValue): FunctionKind | undefined {
  const s = labelKey(cellText(v)).replace(/[_-]+/g, ' ');
  if (!s) return undefined;
  if (
    /^(customer facing|customer|front office|front line|frontline|external|revenue|line|go to market|gtm|commercial|operating|core)( (function|functions|team|unit|department))?$/.test(
      s,
    )
  ) {
    return 'customer-facing';
  }
  if (
    /^(support|supporting|back office|internal|enabling|enabler|shared service|shared services|corporate|staff|overhead|service)( (function|functions|team|unit|department))?$/.test(
      s,
    )
  ) {
    return 'support';
  }
  return undefined;
}

/** A section label inside the department column ("Support functions") that sets the kind of the rows below. */
export function sectionKindOf(label: string): FunctionKind | undefined {
  const s = labelKey(label);
  if (
    !/(function|functions|units|teams|departments|office)$/.test(s) &&
    !/^(support|customer facing|customer-facing)$/.test(s)
  )
    return undefined;
  return functionKindOf(label);
}

/** Department names in a Serves cell: "Sales, Marketing", "Sales & Service; Ops", "Sales and Ops". */
export function servesList(v: CellValue): string[] {
  const text = cellText(v);
  if (!text.trim() || /^(n\/a|-|—|none)$/i.test(text.trim())) return [];
  return text
    .split(/\s*(?:[,;/\n]|\band\b|\+)\s*/i)
    .map((s) => foldName(s))
    .filter((s) => s.length > 0);
}

export function capacityOf(v: CellValue): number | undefined {
  const n = numberValue(v);
  return n !== undefined && n >= 0 ? n : undefined;
}

/** Labels in the department column that end the matrix: totals, notes, sources. */
export function endsMatrix(label: string): boolean {
  const s = foldName(label).toLowerCase();
  return (
    /^(total|totals|grand total|count|coverage|sum|notes?|legend|key)\s*:?$/.test(s) ||
    /^(notes?|sources?|nb|n\.b\.)\s*[:.-]/.test(s) ||
    /^[*†‡]/.test(s)
  );
}
