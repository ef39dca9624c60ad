/**
 * Label tables in the style of ESLint's RuleTester: for each label, statements that must carry it
 * (valid) and statements that must not (invalid). Written for this project, in the spirit of the
 * label contract; none is copied from the evaluation corpus.
 */
import { analyzeStatement } from '../../../src/core/statement';
import type { StatementAnalysis } from '../../../src/core/statement';

type Label = 'measurable' | 'impact' | 'impactQuantified' | 'initiative' | 'timeBound';

const TABLE: Record<Label, { valid: string[]; invalid: string[] }> = {
  measurable: {
    valid: [
      'Host 6 partner roadshows in EMEA',
      'Cut onboarding time by a quarter',
      'Secure seven new distributors',
      'Lift repeat orders by 12 percent',
      'Grow gross margin by 150 basis points',
      'Reach €2.5M in annual recurring revenue',
      'Sign a dozen reseller agreements',
      'Triple weekly active teams',
      'Keep backlog under 40 tickets',
      'Zero data-loss incidents this year',
      'Win 3x more renewals than last year',
      'Process 1,500 claims a week with the new intake form',
      'Publish one benchmark report per quarter',
      'Reduce page load time from 4.2s to 1.5s',
      '90% of tickets answered within 2 hours',
    ],
    invalid: [
      'Pass the SOC 2 Type II audit',
      'Move all desktops to Windows 11 by March',
      'Release version v3.1 of the partner portal',
      'Train the Level 2 helpdesk on escalations',
      'Become a Fortune 500 supplier',
      'Improve onboarding for every new hire',
      'Finish the 2026 pricing review by Q2',
      'Answer every customer email within 4 hours',
      'Lower returns significantly',
      'KR3: Refresh the partner portal',
      '2.4 Launch the reseller programme',
      'Grow revenue from the 2024 baseline of $3.1M',
      'Increase lead conversion by X%',
      'Deliver a one-pager for the 3-year plan',
    ],
  },
  impact: {
    valid: [
      'Increase trial sign-ups',
      'Shorten quote turnaround time',
      'Keep availability high during peak season',
      'Run a loyalty pilot to lift repeat purchase rate',
      'Help stores sell more accessories',
      'Ship the billing fix so that refund requests fall below 50 a month',
      'Hold attrition at 8%',
      'Defect escape rate decreased in every squad',
    ],
    invalid: [
      'Launch the partner portal',
      'Improve teamwork between finance and sales',
      'Refresh the employer brand',
      'Hire 4 data engineers',
      'Publish 10 blog posts',
      'Work with legal on the new contract template',
      'Build a culture of ownership',
      'Allocate 10% of the budget to experiments',
    ],
  },
  impactQuantified: {
    valid: [
      'Redesign checkout to raise conversion from 2.1% to 2.8%',
      'Run 4 webinars per quarter, expected to generate 300 MQLs',
      'Automate payroll checks, saving €80k a year',
      'NPS ≥ 50 by end of year',
      'Bring average handle time down by 30 seconds',
      'Churn under 2% per month',
      'Roll out self-service password reset; expect 40% fewer IT tickets',
      'Add $1.5M in new pipeline from partners in H2',
    ],
    invalid: [
      'Target 80 strategic accounts to grow pipeline',
      'Run 4 webinars per quarter',
      'Train 25 store managers on the new planogram',
      'Grow pipeline',
      'Translate the help centre into 5 languages',
      'Publish 12 case studies to support sales',
    ],
  },
  initiative: {
    valid: [
      'Launch a referral programme for existing customers',
      'Migrate the data warehouse to the cloud by Q4',
      'Grow SMB revenue by 10% through a partner channel',
      'KR1: Build and publish a pricing calculator',
      'The new returns portal is launched in all regions',
      'Hire 2 account managers for the Nordics',
    ],
    invalid: [
      'Increase revenue from $10M to $12M',
      'Customer retention above 92%',
      'Reduce churn by 2 points',
      'Achieve 80% completion of security training',
      'Maximise customer lifetime value',
    ],
  },
  timeBound: {
    valid: [
      'Open 2 stores by 30 September',
      'Cut costs 5% in H2 2027',
      'Reach 10,000 users by FY28',
      'Sign 4 partners within 6 months',
      'Lift NPS to 40 this quarter',
      'Add 20 logos next year',
      'Grow bookings 15% YoY',
      'Hold 2 customer councils each quarter',
      'Ship the app by end of Q1',
      'Send a weekly pipeline digest to sales leads',
      'Reach 50% adoption by the next planning cycle',
      'Reduce defects by 30% by December 2027',
    ],
    invalid: [
      'Keep churn below 3% monthly',
      'Cut energy use by 8% versus the 2024 baseline',
      'Respond to support chats within 5 minutes',
      'Train staff before the rollout',
      'Grow monthly active users by 20%',
      'Reduce time to fill vacancies from 50 to 30 days',
      'Increase engagement over time',
    ],
  },
};

function label(a: StatementAnalysis, l: Label): boolean {
  return a[l];
}

describe.each(Object.entries(TABLE) as [Label, { valid: string[]; invalid: string[] }][])('label %s', (name, cases) => {
  test.each(cases.valid)(`has ${name}: %s`, (text) => {
    expect(label(analyzeStatement(text), name)).toBe(true);
  });
  test.each(cases.invalid)(`lacks ${name}: %s`, (text) => {
    expect(label(analyzeStatement(text), name)).toBe(false);
  });
});

describe('verdict', () => {
  test.each([
    ['', 'blank'],
    ['   \t ', 'blank'],
    ['n/a', 'n/a'],
    ['N/A', 'n/a'],
    ['-', 'n/a'],
    ['—', 'n/a'],
    ['–', 'n/a'],
    ['TBD', 'fail'],
    ['See above.', 'fail'],
    ['Launch a win-back campaign to recover 30 lapsed accounts by Q3', 'pass'],
    ['Launch the new intranet', 'fail'],
    ['Reduce churn from 4% to 6% by Q2', 'fail'],
  ])('%j is %s', (text, verdict) => {
    expect(analyzeStatement(text).verdict).toBe(verdict);
  });

  test('blank and declared-empty cells get no findings', () => {
    for (const t of ['', 'n/a', '-', '—']) expect(analyzeStatement(t).findings).toEqual([]);
  });
});
