/**
 * The words the statement checker knows, as plain data. Every field is a list of lower-case
 * entries; an entry may be several words ("market share", "roll out") or hyphenated. Entries
 * that carry a value are written `word:value` ("dozen:12", "march:3"). A workbook can add words
 * to any list with `extendLexicon`, and another language is another object of this shape.
 *
 * Verbs are given as lemmas ("reduce"); their inflections (reduces, reduced, reducing) are
 * derived when the lexicon is compiled, with irregular forms listed in `irregularVerbs`.
 */
export interface Lexicon {
  /** Result metrics a department moves: revenue, leads, churn, NPS, uptime, cost, time to hire… */
  outcomeMetrics: string[];
  /** Outcome words that also name a department or a plain noun; an outcome only as the head of
   * the phrase and not after a preposition ("increase sales", not "sales team", "with sales"). */
  headOnlyOutcomes: string[];
  /** Things won or served (customers, accounts, deals, people): an outcome when acquired, adopted
   * or reporting something, an output when merely targeted, contacted or trained. */
  acquirableNouns: string[];
  /** Predicates that turn a population into an outcome: use, participate, paying, report, enrolled. */
  adoptionWords: string[];
  /** States a result leaves things in ("20,000 homes made safe"). */
  outcomeStates: string[];
  /** What a team produces or does: webinars, articles, sessions, features, hires, engineers. */
  outputNouns: string[];
  /** Qualities with no metric: collaboration, culture, experience, brand. */
  softQualities: string[];
  /** Words that hold a metric's word but describe people or schedules: full-time, part-time,
   * real-time ("3 full-time engineers" counts engineers, not time). */
  metricLookalikes: string[];
  /** Inputs, not results: budget, headcount, investment. */
  inputNouns: string[];
  /** Containers whose quantity is about the phrase after "of": number, percentage, share of. */
  measureNouns: string[];

  increaseVerbs: string[];
  decreaseVerbs: string[];
  /** Keep a level: maintain, keep, hold, sustain. */
  holdVerbs: string[];
  /** Reach a level: achieve, reach, hit, get to, target. */
  reachVerbs: string[];
  /** Direction verbs whose number may go either way (improve time to hire from 60 to 35 days):
   * never reported as a contradictory target. */
  ambiguousDirectionVerbs: string[];
  /** Verbs whose object is won or generated: win, sign, secure, generate, gain, add. */
  acquisitionVerbs: string[];
  /** Verbs whose object is a saving or freed capacity: save, free up, recover, return. */
  savingVerbs: string[];
  /** Verbs that state a capacity: handle, absorb, serve. */
  capacityVerbs: string[];
  /** Verbs that spend an input: allocate, invest, budget. */
  inputVerbs: string[];
  /** Verbs that change an amount as such (increase, reduce, halve): the thing they move is a level. */
  amountVerbs: string[];
  /** Verbs of outreach whose object is contacted, not won: target, contact, call, survey. */
  outreachVerbs: string[];
  /** Verbs that name something the department will do: launch, hire, migrate, train. */
  initiativeVerbs: string[];
  /** Nouns for change: increase, growth, reduction, lift. `word:up` or `word:down`. */
  changeNouns: string[];
  /** Comparatives that give a direction: more, fewer, faster, higher, below. `word:up|down`. */
  comparatives: string[];
  /** Past participles or adjectives after a metric that give it a direction ("coverage increased",
   * "uptime high"). `word:up|down|hold`. */
  directionStates: string[];
  /** Nouns that name an action the department will take, so a fragment or a subject built on one is
   * an initiative: roll-out of, introduction of, migration, kick-off, redesign, tender. */
  actionNouns: string[];
  /** Nouns named after a period that are one document or event, not a recurrence ("annual plan"). */
  periodDocuments: string[];
  /** Adjectives that, made true of something, describe a change the department makes ("make X
   * safe", "systems are secure"). */
  resultAdjectives: string[];
  /** Milestones that, achieved, are an initiative: certification, accreditation, go-live. */
  milestoneNouns: string[];

  /** Words that introduce the expected effect: projected to, so that, resulting in, →, impact. */
  impactConnectors: string[];
  /** Words that introduce the means: through, via, by means of. */
  meansConnectors: string[];

  /** Vague words, listed when their clause has no amount. */
  vagueWords: string[];
  /** Vague words that count only as verbs (support, drive, help). */
  vagueVerbsOnly: string[];
  /** Vague qualities ("world-class", "impactful"): a result elsewhere in the sentence does not make them concrete. */
  vagueQualities: string[];
  /** Vague direction words, listed only when no amount follows in the sentence. */
  vagueWhenUnquantified: string[];

  /** `word:value`: zero, one, … twenty, thirty … ninety, hundred. */
  numberWords: string[];
  /** `word:factor`: thousand, million, k, m, bn. */
  scaleWords: string[];
  /** `word:value`: half, third, quarter, two-thirds. */
  fractionWords: string[];
  /** `word:factor`: double, triple, twice, halve, tenfold. */
  multiplierWords: string[];
  currencySymbols: string[];
  /** Codes and words for money: usd, eur, dkk, dollars, euros. */
  currencyWords: string[];
  percentWords: string[];
  /** Percentage points and basis points: `word:factor` in percentage points. */
  pointWords: string[];
  /** Short durations that define a service level: seconds, minutes, hours, days. */
  shortDurationUnits: string[];
  /** Long durations that can be a window: weeks, months, quarters, years. */
  longDurationUnits: string[];
  /** Units a number can carry that make it a plain count: tb, gb, units, kg. */
  countUnits: string[];
  /** Physical units an amount is measured in (litres, tonnes, kWh): per a period they make a rate, not a quota. */
  measureUnits: string[];

  /** Words after which a number is a name: ISO 27001, SOC 2, Windows 11, Level 3, KR 2. */
  nameLabels: string[];
  /** `name:month-number`: january:1, jan:1, sept:9. */
  monthNames: string[];
  /** Calendar periods: week, month, quarter, half, year, fiscal year, sprint, semester. */
  periodWords: string[];
  /** Words that make a period relative: this, next, coming, current. */
  relativeWords: string[];
  /** Prepositions that introduce a deadline: by, before, until, through, in, during, into. */
  deadlinePrepositions: string[];
  /** Recurring periods written as one word or phrase: annually, yoy, month over month. */
  recurringWords: string[];
  /** Adjectives that make an activity recurring (monthly report): monthly, quarterly, weekly. */
  recurringAdjectives: string[];
  /** Words that introduce a recurrence: per, each, every. */
  recurringCues: string[];
  /** Words that mark a quantity or year as a baseline: from, vs, versus, baseline, currently. */
  baselineCues: string[];
  /** Words after a year that make it a baseline: baseline, levels, cohort. */
  baselineNouns: string[];
  /** Words before a quantity that make it a threshold: at least, under, below, more than. */
  thresholdBefore: string[];
  /** Words after a quantity that make it a threshold: or more, or higher, plus. */
  thresholdAfter: string[];
  /** Words before a quantity that make it a target: to, toward, reach. */
  targetBefore: string[];
  /** Hedges that do not change a quantity: roughly, about, approximately, ~. */
  hedges: string[];
  /** Words meaning "every one", no amount: all, every, each, entire. */
  universalWords: string[];

  /** Whole-cell or embedded placeholders: tbd, tbc, see above, [n], x%. */
  placeholders: string[];
  /** Cells declared empty on purpose: n/a, -, —, not applicable. */
  declaredEmpty: string[];
  /** Department names recognised in dependencies (any capitalised name is accepted too). */
  departments: string[];
  /** Phrases that introduce a dependency: depends on, needs, requires, once, pending. */
  dependencyCues: string[];
  /** Verbs another department completes in a dependency ("once Product ships"). */
  deliveryVerbs: string[];

  auxiliaries: string[];
  determiners: string[];
  prepositions: string[];
  conjunctions: string[];
  /** Irregular verb forms: `form:lemma` (won:win, grew:grow, cut:cut). */
  irregularVerbs: string[];
}

export type LexiconKey = keyof Lexicon;
