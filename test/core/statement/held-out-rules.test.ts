/**
 * Second table of general rules found by the held-out set (test/data/statements.heldout.jsonl):
 * each row is a sentence written for this file, not a line of the held-out set or the corpus.
 */
import { analyzeStatement } from '../../../src/core/statement';

type Label = 'measurable' | 'impact' | 'impactQuantified' | 'initiative' | 'timeBound';

interface Case {
  rule: string;
  text: string;
  expect: Partial<Record<Label, boolean>>;
}

const CASES: Case[] = [
  // A window before a share defines a service level: the share is the metric's level.
  {
    rule: 'service-level window',
    text: 'Planning applications decided within 8 weeks: 70% → 85%',
    expect: { measurable: true, impactQuantified: true, timeBound: false },
  },
  {
    rule: 'service-level window',
    text: 'Invoices paid within 30 days: 92%',
    expect: { measurable: true, impactQuantified: true, timeBound: false },
  },
  {
    rule: 'service-level window',
    text: 'Critical faults fixed within 2 hours, 95% of the time.',
    expect: { measurable: true, impactQuantified: true },
  },
];

describe('general rules found by the held-out set (2)', () => {
  for (const c of CASES) {
    for (const [l, v] of Object.entries(c.expect) as [Label, boolean][]) {
      it(`${c.rule}: ${l} is ${v} for "${c.text}"`, () => {
        expect(analyzeStatement(c.text)[l]).toBe(v);
      });
    }
  }
});
