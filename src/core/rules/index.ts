/** The registry: every rule Interlock knows, in the order findings are reported. */
import type { Rule } from './types';
import blankCell from './blank-cell';
import formulaError from './formula-error';
import placeholder from './placeholder';
import notMeasurable from './not-measurable';
import noImpact from './no-impact';
import impactNotQuantified from './impact-not-quantified';
import notTimeBound from './not-time-bound';
import noInitiative from './no-initiative';
import vagueLanguage from './vague-language';
import contradictoryTarget from './contradictory-target';
import beyondObjectiveDeadline from './beyond-objective-deadline';
import duplicateInitiative from './duplicate-initiative';
import objectiveUncovered from './objective-uncovered';
import departmentUnaligned from './department-unaligned';
import supportWithoutCustomer from './support-without-customer';
import customerNotCommitted from './customer-not-committed';
import dependencyUnmet from './dependency-unmet';
import dependencyLate from './dependency-late';
import departmentOverloaded from './department-overloaded';
import unbalancedObjectives from './unbalanced-objectives';
import cascadeOrphan from './cascade-orphan';

export const RULES: readonly Rule[] = [
  blankCell,
  formulaError,
  placeholder,
  notMeasurable,
  noImpact,
  impactNotQuantified,
  notTimeBound,
  noInitiative,
  vagueLanguage,
  contradictoryTarget,
  beyondObjectiveDeadline,
  duplicateInitiative,
  objectiveUncovered,
  departmentUnaligned,
  supportWithoutCustomer,
  customerNotCommitted,
  dependencyUnmet,
  dependencyLate,
  departmentOverloaded,
  unbalancedObjectives,
  cascadeOrphan,
];

export const RULE_IDS: readonly string[] = RULES.map((r) => r.id);

export function ruleById(id: string): Rule | undefined {
  return RULES.find((r) => r.id === id);
}

export type { Rule, RuleContext, RuleFinding, CellInfo, ResolvedDependency } from './types';
