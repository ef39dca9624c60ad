import { statementRule } from './statementRule';

export default statementRule(
  'no-initiative',
  'info',
  'The cell states a target but not what the department will do to reach it.',
);
