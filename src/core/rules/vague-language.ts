import { statementRule } from './statementRule';

export default statementRule(
  'vague-language',
  'info',
  'Vague words (improve, support, leverage) carry a clause with no quantity of its own.',
);
