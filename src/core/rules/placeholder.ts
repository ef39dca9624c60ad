import { statementRule } from './statementRule';

export default statementRule(
  'placeholder',
  'error',
  'A cell holds a placeholder (TBD, X%, see above) instead of a commitment.',
);
