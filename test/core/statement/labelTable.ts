/** One harness for the RuleTester-style tables of general rules: a row names the rule, a sentence and the labels it must get. */
import { analyzeStatement } from '../../../src/core/statement';

export type Label = 'measurable' | 'impact' | 'impactQuantified' | 'initiative' | 'timeBound';

export interface LabelCase {
  rule: string;
  text: string;
  expect: Partial<Record<Label, boolean>>;
}

/** One test per expected label of each row, inside the caller's describe block. */
export function labelTable(cases: LabelCase[]): void {
  for (const c of cases) {
    for (const [l, v] of Object.entries(c.expect) as [Label, boolean][]) {
      it(`${c.rule}: ${l} is ${v} for "${c.text}"`, () => {
        expect(analyzeStatement(c.text)[l]).toBe(v);
      });
    }
  }
}
