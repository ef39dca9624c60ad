/** What a rule is and what it sees: the ESLint model (id, default severity, description, check). */
import type { Finding, Severity } from '../report';
import type { Department, DependencyEntry, Matrix, MatrixCell, Objective } from '../matrix/types';
import type { StatementAnalysis } from '../statement/types';
import type { WorkbookSnapshot } from '../snapshot';
import type { DateOptions, ResolvedDate } from '../dates';

/** One matrix cell with everything rules ask about it. */
export interface CellInfo {
  cell: MatrixCell;
  department: Department;
  objective: Objective;
  /** Row and column index in the matrix (department i, objective j). */
  i: number;
  j: number;
  analysis: StatementAnalysis;
  /** Excel error code the cell shows (`#REF!`), if any. */
  error?: string;
  /** A1 range of the merge that covers this cell from another cell, if any. */
  mergedInto?: string;
  /** The department has put a real commitment here: not blank, n/a, a placeholder or an error. */
  committed: boolean;
}

/** A dependency with its parties found in the matrix. */
export interface ResolvedDependency {
  entry: DependencyEntry;
  /** Written in a cell's text rather than on the Dependencies sheet. */
  fromCellText: boolean;
  dependent?: Department;
  provider?: Department;
  objective?: Objective;
  /** The dependent department's cell on the objective (where findings go). */
  dependentCell?: CellInfo;
  /** What the provider promised: its cell on the same objective. */
  providerCell?: CellInfo;
  neededBy?: ResolvedDate;
}

export interface RuleContext {
  matrix: Matrix;
  snapshot: WorkbookSnapshot;
  /** cells[i][j]: department i, objective j (as in the matrix). */
  cells: CellInfo[][];
  dateOptions: DateOptions;
  /** The deadline a cell commits to, if its text names one. */
  deadlineOf(info: CellInfo): ResolvedDate | null;
  /** An objective's Deadline attribute as a date, if set and readable. */
  objectiveDeadline(objective: Objective): ResolvedDate | null;
  /** Departments (other than its own) a cell's text names. */
  mentions(info: CellInfo): Department[];
  findDepartment(name: string): Department | undefined;
  /** A department's row in the matrix (its index in `matrix.departments`), -1 if it has none. */
  departmentIndex(department: Department): number;
  findObjective(name: string): Objective | undefined;
  dependencies: ResolvedDependency[];
  /** Findings computed elsewhere (cascade sheets), by rule id. */
  extraFindings: Finding[];
  /** Tunables from settings. */
  options: { overloadPerPeriod: number };
}

/** What a check reports; the rule id, severity and (by default) the matrix sheet are added for it. */
export interface RuleFinding {
  sheet?: string;
  address: string;
  department?: string;
  objective?: string;
  message: string;
  suggestion: string;
}

export interface Rule {
  id: string;
  /** Default severity; settings may change it or turn the rule off. */
  severity: Severity;
  description: string;
  /** Reads `extraFindings`, which are computed from the report the other rules produce. */
  usesExtraFindings?: boolean;
  check(ctx: RuleContext): RuleFinding[];
}
