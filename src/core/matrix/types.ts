/** The alignment matrix found in a workbook. Plain data; positions are absolute and 0-based. */
import type { CellValue } from '../snapshot';

export interface ObjectiveAttributes {
  metric?: string;
  target?: string;
  deadline?: string;
  perspective?: string;
  owner?: string;
  weight?: number;
  /** Raw attribute cells by the label written in the department column, for messages. */
  raw?: Record<string, CellValue>;
}

export interface Objective {
  name: string;
  col: number;
  attributes: ObjectiveAttributes;
}

export type FunctionKind = 'customer-facing' | 'support';

export interface DepartmentAttributes {
  function?: FunctionKind;
  /** Internal customers named in a Serves column. */
  serves?: string[];
  capacity?: number;
  owner?: string;
  raw?: Record<string, CellValue>;
}

export interface Department {
  name: string;
  row: number;
  attributes: DepartmentAttributes;
}

export interface MatrixCell {
  row: number;
  col: number;
  /** A1 address on the matrix sheet, without `$`. */
  address: string;
  value: CellValue;
  /** Cell text as the statement checker sees it (numbers and dates rendered, errors as code). */
  text: string;
  /** The cell is a formula (its value is the cached result). */
  formula: boolean;
}

/** One row of a `Dependencies` sheet, or one found in a cell's text. */
export interface DependencyEntry {
  department: string;
  objective: string;
  needs: string;
  from: string;
  neededBy?: string;
  /** Where it was written: `Dependencies!A5` or the matrix cell address. */
  source: { sheet: string; address: string };
}

export type MatrixSource = 'named-range' | 'table' | 'explicit' | 'detected';

export interface Matrix {
  sheet: string;
  /** A1 range of the whole matrix: header row to last department, department column to last objective. */
  range: string;
  /** A1 range of the cells only (departments × objectives). */
  bodyRange: string;
  headerRow: number;
  departmentCol: number;
  /** First and last row/column of the body. */
  body: { top: number; left: number; bottom: number; right: number };
  objectives: Objective[];
  departments: Department[];
  /** cells[i][j] is department i, objective j. */
  cells: MatrixCell[][];
  dependencies: DependencyEntry[];
  source: MatrixSource;
  /** What was assumed while reading (a year left out, a column taken as Capacity), for the report. */
  notes: string[];
}

/** Why no matrix was found, and what was looked for. */
export interface MatrixNotFound {
  reason: string;
  lookedFor: string;
}
