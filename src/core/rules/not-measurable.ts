import { statementRule } from './statementRule';

export default statementRule(
  'not-measurable',
  'error',
  'The cell states no quantity: a target, a threshold or a committed count.',
);
