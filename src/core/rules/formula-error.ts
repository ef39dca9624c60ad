import type { Rule } from './types';
import { allCells, atCell } from './support';

const MEANING: Record<string, string> = {
  '#REF!': 'it refers to a cell that was deleted',
  '#N/A': 'a lookup found nothing',
  '#VALUE!': 'a value has the wrong type',
  '#NAME?': 'it uses a name Excel does not know',
  '#DIV/0!': 'it divides by zero',
  '#NUM!': 'a number is out of range',
  '#NULL!': 'two ranges do not meet',
  '#SPILL!': 'its result cannot spill',
  '#CALC!': 'it cannot be calculated',
};

const rule: Rule = {
  id: 'formula-error',
  severity: 'error',
  description: 'A matrix cell shows an Excel error (#REF!, #N/A, ...) instead of a commitment.',
  check(ctx) {
    return allCells(ctx)
      .filter((c) => c.error && !c.mergedInto)
      .map((c) => {
        const why = MEANING[c.error!.toUpperCase()];
        return atCell(
          c,
          `${c.cell.address} shows ${c.error}${c.cell.formula ? ' from its formula' : ''}${why ? ` (${why})` : ''}, so there is no commitment to check.`,
          c.cell.formula
            ? 'Fix the formula or replace it with the initiative as text.'
            : 'Replace the error value with the initiative as text.',
        );
      });
  },
};
export default rule;
