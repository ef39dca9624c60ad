import { statementRule } from './statementRule';

export default statementRule(
  'impact-not-quantified',
  'warning',
  'The outcome is named but carries no number; only the activity is counted.',
);
