/** What the statement checker finds in one cell's text. Plain data, JSON-safe. */

export type QuantityUnit =
  'count' | 'percent' | 'percentage-points' | 'currency' | 'multiplier' | 'fraction' | 'rank' | 'duration';

export type QuantityRole = 'target' | 'baseline' | 'change' | 'threshold' | 'count';

export interface Quantity {
  /** The text as written, e.g. `$1.2M`, `15%`, `a dozen`. */
  text: string;
  /** Character offsets in the statement. */
  start: number;
  end: number;
  value: number;
  unit: QuantityUnit;
  /** ISO 4217 code or symbol as written, for money. */
  currency?: string;
  role: QuantityRole;
  /** The noun phrase the quantity counts or measures ("qualified leads", "close rate"). */
  measures?: string;
  /** True when what it measures is an outcome (leads, churn, revenue), not an output. */
  outcome: boolean;
}

export type Direction = 'increase' | 'decrease' | 'hold' | 'reach';

export type DeadlineKind = 'date' | 'month' | 'quarter' | 'half' | 'fiscal-year' | 'year' | 'relative' | 'recurring';

export interface Deadline {
  /** As written: `by Q3 2027`, `end of Q2`, `within 18 months`. */
  text: string;
  start: number;
  end: number;
  kind: DeadlineKind;
}

export interface NamedDependency {
  /** As written: `depends on R&D launch`, `needs sales materials from Marketing by March`. */
  text: string;
  /** The department named, if any (`R&D`, `Marketing`). Matched to the matrix later. */
  department?: string;
  /** What is needed (`launch`, `sales materials`). */
  deliverable?: string;
  /** When it is needed, as written (`March`), if the dependency says. */
  neededBy?: string;
}

export type CellRuleId =
  | 'placeholder'
  | 'not-measurable'
  | 'no-impact'
  | 'impact-not-quantified'
  | 'not-time-bound'
  | 'no-initiative'
  | 'vague-language'
  | 'contradictory-target';

export interface StatementFinding {
  rule: CellRuleId;
  /** For a department head: what is missing, in their words. */
  message: string;
  /** A concrete next step ("say how many leads, and by when"). */
  suggestion: string;
}

export type Verdict = 'pass' | 'fail' | 'blank' | 'n/a';

export interface StatementAnalysis {
  text: string;
  /** Blank after trimming. */
  blank: boolean;
  /** Declared empty on purpose: `n/a`, `-`, `—`. */
  declaredEmpty: boolean;
  /** `TBD`, `see above`, `X%`, `[n]` and the like. */
  placeholder: boolean;
  quantities: Quantity[];
  measurable: boolean;
  impact: boolean;
  impactQuantified: boolean;
  initiative: boolean;
  timeBound: boolean;
  /** Vague words as written, in order of appearance, each once. */
  vague: string[];
  /** The outcome metric the impact is stated in, if any. */
  metric?: string;
  direction?: Direction;
  baseline?: Quantity;
  target?: Quantity;
  deadline?: Deadline;
  /** The clause that says what the department will do. */
  initiativeText?: string;
  /** The clause that says what effect is expected. */
  impactText?: string;
  dependencies: NamedDependency[];
  verdict: Verdict;
  findings: StatementFinding[];
}
