import type { Rule, RuleFinding } from './types';
import { compareDeadlines } from '../dates';
import { dateWords } from './support';
import { dependencyPlace, dependencyWords } from './dependency-unmet';

const rule: Rule = {
  id: 'dependency-late',
  severity: 'error',
  description:
    'What a department depends on is due after the date it is needed (or after the dependent cell’s own deadline).',
  check(ctx) {
    const out: RuleFinding[] = [];
    for (const dep of ctx.dependencies) {
      if (!dep.provider || !dep.providerCell?.committed || dep.provider === dep.dependent) continue;
      const promised = ctx.deadlineOf(dep.providerCell);
      if (!promised) continue;
      const needed = dep.neededBy ?? (dep.dependentCell ? ctx.deadlineOf(dep.dependentCell) : null);
      if (!needed || compareDeadlines(promised, needed) <= 0) continue;
      const basis = dep.neededBy ? `needed by ${dateWords(needed)}` : `its own deadline is ${dateWords(needed)}`;
      out.push({
        ...dependencyPlace(dep),
        message: `${dependencyWords(dep)}; ${basis}, but ${dep.provider.name} delivers ${dateWords(promised)} (${dep.providerCell.cell.address}).`,
        suggestion: `Agree a date: ${dep.provider.name} brings its delivery forward to ${needed.end} or earlier, or ${dep.dependent?.name ?? dep.entry.department} moves its own deadline after ${promised.end}.`,
      });
    }
    return out;
  },
};
export default rule;
