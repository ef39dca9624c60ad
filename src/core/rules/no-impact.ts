import { statementRule } from './statementRule';

export default statementRule(
  'no-impact',
  'error',
  'The cell names no outcome meant to move (leads, churn, cost, time): only what the team will do.',
);
