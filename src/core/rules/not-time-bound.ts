import { statementRule } from './statementRule';

export default statementRule(
  'not-time-bound',
  'warning',
  'The cell gives no deadline or window (a date, quarter, FY, within N months).',
);
