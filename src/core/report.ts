/** What a validation run produces: the contract between the engine, the plan and every host. */
import type { Verdict, StatementAnalysis } from './statement/types';
import type { Matrix } from './matrix/types';

export type Severity = 'error' | 'warning' | 'info';

export interface Finding {
  rule: string;
  severity: Severity;
  sheet: string;
  /** A1 address or range on `sheet`, without `$`; empty when the finding is about the workbook. */
  address: string;
  department?: string;
  objective?: string;
  message: string;
  suggestion: string;
}

export interface CellResult {
  address: string;
  row: number;
  col: number;
  department: string;
  objective: string;
  text: string;
  verdict: Verdict;
  measurable: boolean;
  impact: boolean;
  impactQuantified: boolean;
  initiative: boolean;
  timeBound: boolean;
  vague: string[];
  /** Worst severity among this cell's findings, if any. */
  severity?: Severity;
  analysis: StatementAnalysis;
}

export interface Summary {
  errors: number;
  warnings: number;
  infos: number;
}

export interface Report {
  matrix: Matrix;
  cells: CellResult[];
  findings: Finding[];
  summary: Summary;
}
