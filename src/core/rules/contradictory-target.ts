import { statementRule } from './statementRule';

export default statementRule(
  'contradictory-target',
  'error',
  'The target contradicts itself (a decrease whose target is above the baseline, or the reverse).',
);
