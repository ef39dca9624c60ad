/**
 * Second table of general rules found by the held-out set (test/data/statements.heldout.jsonl):
 * each row is a sentence written for this file, not a line of the held-out set or the corpus.
 */
import { analyzeStatement } from '../../../src/core/statement';

import { labelTable, type LabelCase as Case } from './labelTable';

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
  // A fiscal year written as a span is a deadline.
  { rule: 'fiscal span', text: 'Raise $2m from trusts in FY2025-26', expect: { timeBound: true } },
  { rule: 'fiscal span', text: 'Cut agency spend to £400k in FY26/27', expect: { timeBound: true, measurable: true } },
  // An annual rate after money is the amount's unit, not a recurring deadline.
  {
    rule: 'annualised money',
    text: 'Close the Hull depot, saving £300k p.a.',
    expect: { timeBound: false, impactQuantified: true },
  },
  { rule: 'annualised money', text: 'Licence savings of $90,000 per annum', expect: { timeBound: false } },
  { rule: 'annualised rate', text: 'Grow donations 6% p.a.', expect: { timeBound: true } },
  // A bracketed period with its value is the baseline.
  {
    rule: 'bracketed baseline',
    text: 'Margin per order of $14 (FY24: $11)',
    expect: { timeBound: false, impactQuantified: true },
  },
  {
    rule: 'bracketed baseline',
    text: 'Gift Aid claimed on 80% of gifts (2025: 64%) by Q4',
    expect: { timeBound: true },
  },
  // Money that picks out the items a rule covers is a scope, not a target.
  {
    rule: 'money scope',
    text: 'Three quotes on all purchases above £10k from April',
    expect: { impactQuantified: false },
  },
  { rule: 'money scope', text: 'Contract register live for every contract over $1m', expect: { measurable: false } },
  {
    rule: 'money threshold',
    text: 'Keep agency spend under $2m in FY27',
    expect: { measurable: true, impactQuantified: true },
  },
  // Pence and cents are money: a unit cost target.
  {
    rule: 'minor currency',
    text: 'Bring the cost per meal served down to 95p',
    expect: { measurable: true, impactQuantified: true },
  },
  {
    rule: 'minor currency',
    text: 'Cost per claim processed below 60c by Q2',
    expect: { measurable: true, impactQuantified: true },
  },
  // A share of a whole that comes from a source is a mix metric.
  {
    rule: 'share from a source',
    text: 'Half of new volunteers from partner charities by June',
    expect: { impactQuantified: true },
  },
  {
    rule: 'share from a source',
    text: 'A third of all leads via the partner portal',
    expect: { impactQuantified: true },
  },
  { rule: 'action on a share', text: 'Move 60% of workloads from the on-prem cluster', expect: { impact: false } },
  // Making things is an output; winning or reaching people is a result.
  { rule: 'made output', text: 'Build 300 new council homes by 2029', expect: { measurable: true, impact: false } },
  { rule: 'made output', text: 'Create 2,000 student accounts on the new portal', expect: { impact: false } },
  { rule: 'won result', text: 'Sign 25 new wholesale accounts in H2', expect: { impactQuantified: true } },
  // The share of a task the team does is an output.
  {
    rule: 'share of a task',
    text: 'Automate 70% of supplier invoices by Q3',
    expect: { measurable: true, impact: false },
  },
  { rule: 'share of a task', text: 'Migrate 85% of customer records to the new CRM', expect: { impact: false } },
  { rule: 'share won', text: 'Convert 25% of free trials to paid plans', expect: { impactQuantified: true } },
  // An arrow between words leads from the means to the result.
  {
    rule: 'causal arrow',
    text: 'Address clean-up project → duplicate supplier records < 2%',
    expect: { impactQuantified: true, initiative: true },
  },
  {
    rule: 'causal arrow',
    text: 'New triage rota → escalations below 5% of tickets',
    expect: { impactQuantified: true },
  },
  { rule: 'baseline arrow', text: 'Defective units 4% → 1.5%', expect: { impactQuantified: true } },
  // A bare count after a counted noun counts the same things.
  {
    rule: 'count split',
    text: 'Recruitment for 2026: 30 nurses, 8 in theatres.',
    expect: { measurable: true, impact: false },
  },
  { rule: 'count split', text: 'Sign 50 new stockist accounts, 15 in Scotland', expect: { impactQuantified: true } },
  // A metric held at a past level: a direction with no quantity of its own.
  {
    rule: 'hold at a level',
    text: 'Energy spend: hold at 2025 levels',
    expect: { impact: true, measurable: false, impactQuantified: false },
  },
  { rule: 'hold at a level', text: "Staff turnover - hold at last year's level", expect: { impact: true } },
  { rule: 'hold an activity', text: 'Hold quarterly town halls with staff', expect: { impact: false } },
];

describe('general rules found by the held-out set (2)', () => {
  it('pence compare with pounds: "from £1.20 to 90p" is a cut, no contradiction', () => {
    const a = analyzeStatement('Reduce cost per transaction from £1.20 to 90p');
    expect(a.verdict).toBe('pass');
    expect(a.target?.value).toBeCloseTo(0.9);
  });

  labelTable(CASES);
});
