/**
 * What the task pane loads after it is shown: the matrix reader, the statement checker, the rules
 * and the planner are most of its script by size, and the pane needs none of them to draw.
 */
import { RULES } from '../core/rules';
import type { RuleInfo } from './RuleSettings';

export { check, runClear, runValidation } from './workflow';

/** What the rule settings show of each rule. */
export const RULE_INFO: readonly RuleInfo[] = RULES;
