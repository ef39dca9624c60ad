/**
 * Third table of general rules, found by measuring the checker on real statements collected from
 * public OKR pages, strategic plans and agency targets (kept outside the project). Each row is a
 * sentence written for this file, not a line of those sets or of the corpus; most rules have a
 * guard row that must keep its old reading.
 */
import { analyzeStatement } from '../../../src/core/statement';

import { labelTable, type LabelCase as Case } from './labelTable';

const CASES: Case[] = [
  // "full-time" describes people or a schedule: it is no time metric.
  {
    rule: 'full-time is no metric',
    text: 'Hire four additional full-time support engineers',
    expect: { measurable: true, impact: false },
  },
  { rule: 'full-time is no metric', text: 'Add 2 part-time tutors per campus', expect: { impact: false } },
  { rule: 'time metric kept', text: 'Cut lost-time incidents by 30%', expect: { impactQuantified: true } },
  // A fiscal quarter or half written as one code.
  { rule: 'fiscal quarter code', text: 'Lift win rate from 18% to 24% by FY26-Q3', expect: { timeBound: true } },
  { rule: 'fiscal quarter code', text: 'Close the Oslo office in Q1-FY27', expect: { timeBound: true } },
  { rule: 'fiscal half code', text: 'Ship the billing rewrite by FY2027H2', expect: { timeBound: true } },
  // Intensity is a result metric (carbon, energy, emissions per unit).
  { rule: 'intensity', text: 'Cut energy intensity per m² by 12%', expect: { impactQuantified: true } },
  // A metric of several words written as one hyphenated word.
  { rule: 'hyphenated metric', text: 'Bring time-to-fill down from 60 to 40 days', expect: { impactQuantified: true } },
  { rule: 'hyphenated metric', text: 'Cost-per-lead below €40', expect: { impactQuantified: true } },
  // The metric is defined in brackets before its level is given.
  {
    rule: 'bracketed definition',
    text: 'Days sales outstanding (invoice date to cash received) is below 45 days',
    expect: { impactQuantified: true, timeBound: false },
  },
  {
    rule: 'bracketed definition',
    text: 'Net revenue retention (expansion less churn, trailing twelve months) should be at least 110%',
    expect: { impactQuantified: true },
  },
  { rule: 'bracketed aside of an output', text: 'Run 6 workshops (two per region) by May', expect: { impact: false } },
  // How long something takes is a time metric; "Take 2 weeks to…" is an instruction.
  { rule: 'duration taken', text: 'Payroll runs take under 2 hours', expect: { impactQuantified: true } },
  {
    rule: 'duration taken',
    text: 'It takes no more than 3 days to onboard a new supplier',
    expect: { impactQuantified: true, timeBound: false },
  },
  { rule: 'duration taken', text: 'Take 2 weeks to prepare the budget pack', expect: { impact: false } },
  // A place reached in a ranking is a result in itself.
  {
    rule: 'rank reached',
    text: 'Stay in the top 10 of the national patient survey',
    expect: { impactQuantified: true },
  },
  { rule: 'rank reached', text: 'We are aiming for the top 5 by 2028', expect: { impactQuantified: true } },
  {
    rule: 'rank reached',
    text: 'Become a top-20 research university',
    expect: { measurable: true, impactQuantified: true },
  },
  { rule: 'rank as scope', text: 'Brief the top 30 accounts on the new pricing', expect: { impact: false } },
  // "per cent." with its abbreviation point does not end the sentence.
  {
    rule: 'per cent.',
    text: 'To answer 85 per cent. of letters within 10 working days of receipt',
    expect: { impactQuantified: true, timeBound: false },
  },
  // People counted after "a total of", or judged, rated or reporting something, are a result.
  { rule: 'a total of', text: 'Open days with a total of 2,500 visitors', expect: { impactQuantified: true } },
  { rule: 'a total of', text: 'Write a total of 12 case studies', expect: { impact: false } },
  {
    rule: 'judged',
    text: 'At least 4 of our colleges are judged good or outstanding',
    expect: { impactQuantified: true },
  },
  { rule: 'users reporting', text: 'Get 60% of pilot users to report time saved', expect: { impactQuantified: true } },
  { rule: 'active people', text: 'At least 300 active maintainers', expect: { impactQuantified: true } },
  // A date in a sentence that says what was is history.
  {
    rule: 'past value',
    text: 'Operating margin of at least 11%. The margin at 30 June 2024 was 8.2%.',
    expect: { impactQuantified: true, timeBound: false },
  },
  {
    rule: 'past value',
    text: 'Claims backlog was 900 in 2025; clear it to under 200 by June 2027',
    expect: { timeBound: true },
  },
  // A change each year is met each year; an amount a year is a rate.
  {
    rule: 'annual change',
    text: 'Annual revenue growth of at least 8%',
    expect: { impactQuantified: true, timeBound: true },
  },
  {
    rule: 'annual change',
    text: 'A 3% annual reduction in water use per site',
    expect: { impactQuantified: true, timeBound: true },
  },
  { rule: 'annual savings', text: 'Deliver €1.5M in annual savings', expect: { timeBound: false } },
  // Actions written with a contracted subject, and verbs of clearing and retiring.
  { rule: 'action', text: "We're clearing the audit backlog", expect: { initiative: true } },
  { rule: 'action', text: 'Deprecate the legacy export API', expect: { initiative: true } },
  // A service level whose window comes after the share.
  {
    rule: 'service window',
    text: '95% of ambulance calls to rural addresses are reached in no more than 19 minutes',
    expect: { impactQuantified: true, timeBound: false },
  },
  {
    rule: 'service window',
    text: 'Interviews offered within six weeks at 80 per cent of job centres',
    expect: { impactQuantified: true, timeBound: false },
  },
  { rule: 'deadline window kept', text: 'Within 18 months, 30% of orders placed online', expect: { timeBound: true } },
  // A bare level after a sentence that only names its metric.
  {
    rule: 'level after its metric',
    text: 'Punctuality of trains at peak hours. At least 92%',
    expect: { impactQuantified: true },
  },
  { rule: 'level after an action', text: 'Hold weekly stand-ups. At least 92%', expect: { impact: false } },
  { rule: 'failures', text: 'Halve deployment failures by Q4', expect: { impactQuantified: true, timeBound: true } },
  // The base of a rate is no amount; "no one" is no count of one.
  { rule: 'rate base', text: 'Reduce road deaths per 100,000 residents', expect: { measurable: false, impact: true } },
  { rule: 'rate base', text: 'Cut lost-time injuries to 1.5 per 1,000 hours', expect: { impactQuantified: true } },
  { rule: 'no one', text: 'No one tenant waits for a repair', expect: { measurable: false } },
  // People waiting are a result (a waiting list); a rate written "/yr" is the amount's unit.
  {
    rule: 'waiting list',
    text: 'A maximum of 400 patients waiting over 18 weeks for surgery',
    expect: { impactQuantified: true },
  },
  { rule: 'per year unit', text: 'Grow museum visits to 80,000/yr by 2028', expect: { impactQuantified: true } },
  // An average's period is its unit; a quota's period is when it must be met.
  { rule: 'average per period', text: 'Average under 8 open tickets per day', expect: { timeBound: false } },
  { rule: 'quota per period', text: 'Sign 12 new resellers per quarter', expect: { timeBound: true } },
  // Safety rates by their abbreviations; things missed, and people who feel something, are results.
  { rule: 'safety rate', text: 'TRIFR below 2.0 by 2027', expect: { impactQuantified: true, timeBound: true } },
  { rule: 'missed', text: 'Fewer than 1% of scheduled bin collections are missed', expect: { impactQuantified: true } },
  {
    rule: 'feel',
    text: 'Get 75% of residents to feel safe in the town centre after dark',
    expect: { impactQuantified: true },
  },
  // "one of the top five": the verb before "one of" reaches the rank; number words like digits.
  {
    rule: 'rank reached',
    text: 'Become one of the top five employers in the region',
    expect: { impactQuantified: true },
  },
  { rule: 'rank as name', text: 'Top three accounts briefed on pricing', expect: { measurable: false } },
  // "during the quarter" is the current period; an iteration is a period too.
  { rule: 'during the period', text: 'Book 40 demos during the quarter', expect: { timeBound: true } },
  { rule: 'each iteration', text: 'Close 90% of planned stories each iteration', expect: { timeBound: true } },
  // What brackets hold defines the metric or comments on it: a verb there is no initiative.
  {
    rule: 'bracketed definition is no action',
    text: 'Median time to hire (from the day the role is approved to the day an offer is signed) is under 40 days',
    expect: { initiative: false, impactQuantified: true },
  },
  {
    rule: 'bracketed definition is no action',
    text: '70% of members are active (attending meetings, answering surveys) by Q3',
    expect: { initiative: false },
  },
  {
    rule: 'action outside brackets kept',
    text: 'Launch a referral scheme (two pilots first) to lift sign-ups by 15%',
    expect: { initiative: true, impactQuantified: true },
  },
  // "by increasing <a result metric> to N" restates the target: it is no means.
  {
    rule: 'moving a metric is no means',
    text: 'Widen access to the clinics by increasing occupancy rates to 95% by 2027',
    expect: { initiative: false, impactQuantified: true },
  },
  {
    rule: 'a means kept',
    text: 'Cut churn to 4% by increasing the onboarding calls we make',
    expect: { initiative: true },
  },
  // Actions the lexicon lacked.
  { rule: 'action', text: 'Rewrite the billing service in Go', expect: { initiative: true } },
  { rule: 'action', text: 'Transform our customer service operations', expect: { initiative: true } },
  { rule: 'action', text: 'Every open bug gets triaged by the on-call engineer', expect: { initiative: true } },
  // A band of a field named by a fraction, when reached.
  {
    rule: 'fraction band reached',
    text: 'Reach top third performance among regional water companies by 2028',
    expect: { impactQuantified: true },
  },
  {
    rule: 'fraction band as scope',
    text: 'Accounts in the top third of revenue get a named manager',
    expect: { measurable: false },
  },
  // Zero written into one word with its metric.
  { rule: 'zero in a word', text: 'Reach net-zero Scope 1 emissions by 2035', expect: { impactQuantified: true } },
  {
    rule: 'zero in a word',
    text: 'Become a zero-waste company by 2028',
    expect: { measurable: true, impactQuantified: true },
  },
  { rule: 'zero in a name', text: 'Adopt zero-based budgeting across the group', expect: { measurable: false } },
  { rule: 'zero in a name', text: 'Move every site to a zero-trust network by Q3', expect: { measurable: false } },
  // A change named as a noun, or as the metric's present-tense verb.
  { rule: 'change noun', text: 'An increase in customer retention', expect: { impact: true, impactQuantified: false } },
  { rule: 'change noun', text: 'Year-on-year improvement in the staff survey score', expect: { impact: true } },
  { rule: 'change noun on an input', text: 'An increase in budget for training', expect: { impact: false } },
  { rule: 'metric then state', text: 'Customer retention improves every quarter', expect: { impact: true } },
  // Crime and inequality are results public bodies move.
  { rule: 'crime', text: 'Reduce burglaries in the town centre', expect: { impact: true } },
  { rule: 'crime', text: 'Cut reoffending among young people by a quarter', expect: { impactQuantified: true } },
  { rule: 'crime', text: 'Reduce knife homicides in the borough', expect: { impact: true } },
  // The verb after "continue to", "endeavour to", "work to" is the action; after a purpose "to", not.
  {
    rule: 'action after a catenative verb',
    text: 'We will continue to publish a quarterly accessibility report',
    expect: { initiative: true },
  },
  { rule: 'action after a catenative verb', text: 'Work to retire the legacy CRM by Q3', expect: { initiative: true } },
  {
    rule: 'purpose is no action',
    text: 'Grow the number of referrals to increase revenue',
    expect: { initiative: false },
  },
  // Actions the lexicon lacked.
  { rule: 'action', text: 'Retrofit 200 council homes with heat pumps by 2027', expect: { initiative: true } },
  { rule: 'action', text: 'Compile the supplier risk register', expect: { initiative: true } },
  // An issue-tracker reference is a name: no count, and "Issue" there is no verb.
  {
    rule: 'tracker reference',
    text: 'Lift SUS to 78 by Q3. Issue 20417',
    expect: { initiative: false, impactQuantified: true },
  },
  {
    rule: 'tracker reference',
    text: 'Onboarding checklist live for new hires. Epic 88',
    expect: { measurable: false },
  },
  {
    rule: 'issue as a verb',
    text: 'Issue 40 grants to community groups by Q3',
    expect: { measurable: true, initiative: true },
  },
  { rule: 'fraction kept', text: 'Move 2/3 of customers to annual billing by Q4', expect: { measurable: true } },
  // An adverb between the auxiliary and the verb leaves the verb the action.
  { rule: 'adverb before the verb', text: 'We will also launch a peer mentoring scheme', expect: { initiative: true } },
  {
    rule: 'adverb before the verb',
    text: 'The service desk will now migrate tickets to the new platform',
    expect: { initiative: true },
  },
  // What a plan "is to" do is the action; an auxiliary ends a subject, it is no noun of it.
  {
    rule: 'action after "is to"',
    text: 'Our first priority is to refurbish the two oldest depots',
    expect: { initiative: true },
  },
  {
    rule: 'purpose is no action',
    text: 'Savings are reinvested to fund frontline posts',
    expect: { initiative: false },
  },
  // "today", "now", "at present" after a baseline say when it stands, not what it counts.
  {
    rule: 'baseline now',
    text: 'Cutting the number of missed bin collections, from 400 today to 150 by 2028',
    expect: { impactQuantified: true },
  },
  {
    rule: 'baseline now',
    text: 'Lower staff turnover, from 21% now to 15% by March 2027',
    expect: { impactQuantified: true },
  },
  { rule: 'number word', text: 'Open a half-dozen community diagnostic centres by 2028', expect: { measurable: true } },
  // A plan's numbered items are names: "Aim 9", "Commitment 4", "KPI 3".
  {
    rule: 'numbered plan item',
    text: 'Our ambition 2 is to be the most trusted landlord in the region',
    expect: { measurable: false },
  },
  { rule: 'numbered plan item', text: 'Commitment 4: cut carbon by 30% by 2030', expect: { impactQuantified: true } },
  // Policy instruments are actions; stabilising a result metric holds it at a level.
  { rule: 'policy action', text: 'Ban single-use plastics in council buildings by 2026', expect: { initiative: true } },
  {
    rule: 'stabilised metric',
    text: 'Stabilise staff turnover at 12% through 2027',
    expect: { initiative: false, impactQuantified: true },
  },
  // A period in the singular before a plan's name describes the document: no amount, no window.
  {
    rule: 'period names a plan',
    text: 'The 10 Year Workforce Strategy sets out our ambition to grow apprenticeships',
    expect: { measurable: false },
  },
  { rule: 'period names a plan', text: 'Deliver a 3 year programme of school repairs', expect: { measurable: false } },
  { rule: 'period amount kept', text: 'Cut onboarding to a 3 day process by Q2', expect: { measurable: true } },
  // The action after "efforts to" is the action.
  {
    rule: 'action after a catenative verb',
    text: 'We will step up our efforts to recruit foster carers',
    expect: { initiative: true },
  },
  // A physical amount per period is a rate unit, not a window; a count per period is a quota.
  {
    rule: 'rate unit',
    text: 'Bring household water use down to 110 litres per person per day',
    expect: { timeBound: false, impactQuantified: true },
  },
  { rule: 'rate unit', text: 'Divert 40 tonnes per month of food waste from landfill', expect: { timeBound: false } },
  { rule: 'quota kept', text: 'Resolve 500 repair requests per week', expect: { timeBound: true } },
  // "net-zero" is a level of emissions even when they go unnamed.
  { rule: 'net zero', text: 'Become a net-zero council by 2030', expect: { impactQuantified: true } },
  // An action in -ing after "keep", "continue", "start"; "continuing to" leads to the action too.
  { rule: 'action in -ing', text: 'Keep publishing open data on planning decisions', expect: { initiative: true } },
  {
    rule: 'action after a catenative verb',
    text: 'This will include continuing to allocate part of the budget to prevention',
    expect: { initiative: true },
  },
  // Funding something is an action of the body that funds it.
  { rule: 'action', text: 'Fund 300 new apprenticeships in social care', expect: { initiative: true } },
  // What a verb of amount moves is a level, even one the lexicon does not know; a quality is not.
  { rule: 'verb of amount', text: 'Decrease vehicle miles travelled by council staff', expect: { impact: true } },
  { rule: 'verb of amount', text: 'Reduce fly-tipping across the borough', expect: { impact: true } },
  { rule: 'quality kept', text: 'Improve the culture of the finance team', expect: { impact: false } },
  // Setting a target restates it; it is no action toward it.
  {
    rule: 'setting a target',
    text: 'We have set a new target to cut staff travel emissions by 30% by 2030',
    expect: { initiative: false, impactQuantified: true },
  },
  { rule: 'action kept', text: 'Set up a carbon literacy course for managers', expect: { initiative: true } },
  // A share done within a window is a service level, whatever verb comes first.
  {
    rule: 'share within a window',
    text: 'Complete 80% of housing repairs finished within 10 days',
    expect: { impactQuantified: true },
  },
  { rule: 'share of a task', text: 'Digitise 90% of paper records', expect: { impactQuantified: false } },
  // A share of things each handled within a window is a service level, whatever the unit's length.
  {
    rule: 'share handled within',
    text: '95% of patients seen within 18 weeks',
    expect: { impactQuantified: true, timeBound: false },
  },
  {
    rule: 'share handled within',
    text: '80% of planning applications decided within 8 weeks',
    expect: { impactQuantified: true, timeBound: false },
  },
  { rule: 'window kept', text: '80% of the rollout completed within 6 months', expect: { timeBound: true } },
];

describe('general rules from public statements', () => {
  labelTable(CASES);
});

describe('vague words: the amount belongs to the clause that states it', () => {
  const vague = (text: string) => analyzeStatement(text).vague.map((v) => v.toLowerCase());
  it.each([
    // A separate clause with no amount of its own stays vague.
    ['Cut food waste 40% by 2030, and reduce packaging costs', ['reduce']],
    ['Roll out 3 onboarding journeys to get more qualified leads', ['more']],
    // An amount in the word's clause, or after it, is its amount.
    ['Reduce churn in the SMB segment by 2 points', []],
    ['70% of pupils will increase their reading age', []],
    ['Absorb a 25% increase in calls without new hires', []],
    // The amount given in a fragment with no verb right after.
    ['Grow partner-sourced pipeline. 15% QoQ.', []],
    // A means to a quantified result.
    ['Lift gross margin by 3 points by increasing prices', []],
  ])('%s → %j', (text, expected) => {
    expect(vague(text)).toEqual(expected);
  });
});

// A score on a scale ("4.5/5") is the score, not a fraction: raising 4.1 to it is no contradiction.
describe('scores on a scale', () => {
  it.each(['Raise CSAT from 4.1 to 4.6/5 by Q3', 'Lift the app rating from 3 to 4/5 by Q2'])(
    '%s is not contradictory',
    (text) => {
      const a = analyzeStatement(text);
      expect(a.findings.map((f) => f.rule)).not.toContain('contradictory-target');
      expect(a.verdict).toBe('pass');
    },
  );
  it('a whole-number score after a baseline above one is its numerator', () => {
    const q = analyzeStatement('Lift the app rating from 3 to 4/5 by Q2').quantities;
    expect(q.map((x) => [x.value, x.unit])).toEqual([
      [3, 'count'],
      [4, 'count'],
    ]);
  });
  it('a decimal score keeps its value', () => {
    expect(analyzeStatement('Raise CSAT to 8.5/10 by Q4').quantities.map((q) => q.value)).toEqual([8.5]);
  });
  it('a score cut below its start is still a contradiction', () => {
    const a = analyzeStatement('Raise CSAT from 4.5 to 4.2/5 by Q3');
    expect(a.findings.map((f) => f.rule)).toContain('contradictory-target');
  });
  it('"foster" is vague as a verb only: "foster carers" are people', () => {
    expect(analyzeStatement('Recruit foster carers for teenagers').vague).toEqual([]);
    expect(analyzeStatement('We will foster collaboration across teams').vague).toEqual(['foster']);
  });
  it('"decrease" with no amount is vague like "reduce"; "world-leading" like "world-class"', () => {
    expect(analyzeStatement('Decrease agency spend').vague).toEqual(['Decrease']);
    expect(analyzeStatement('Decrease agency spend by 15% by 2027').vague).toEqual([]);
    expect(analyzeStatement('Deliver world-leading research').vague).toEqual(['world-leading']);
  });
  it('a vague quality is listed even when another clause of its sentence has a result; a vague verb joined to one is not', () => {
    expect(
      analyzeStatement('Publish 12 world-class case studies that lift NPS to 40 by Q4').vague.map((v) =>
        v.toLowerCase(),
      ),
    ).toEqual(['world-class']);
    expect(analyzeStatement('Streamline onboarding to cut time to first value from 30 to 10 days').vague).toEqual([]);
  });
});
