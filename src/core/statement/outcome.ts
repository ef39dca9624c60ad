/**
 * Decides what each quantity measures and whether that is an outcome (leads, churn, revenue) or
 * an output (webinars run, engineers hired, invoices automated). "Run 4 webinars" counts the
 * activity; "generate 150 qualified leads" quantifies the impact.
 */
import type { Ctx } from './context';
import { isNumberToken, M_QUANTITY, M_DEADLINE } from './context';
import type { QInfo } from './quantities';
import {
  F_ED,
  F_ING,
  isWord,
  matchList,
  V_ACQ,
  V_CAP,
  V_DEC,
  V_HOLD,
  V_INC,
  V_INIT,
  V_INPUT,
  V_OUTREACH,
  V_REACH,
  V_SAVE,
} from './lexicon/compile';
import type { Phrase } from './phrases';
import {
  clauseEnd,
  clauseStart,
  namesAdopters,
  rangeHas,
  rangeHasOutcome,
  readPhrase,
  sentenceEnd,
  shareHandledWithin,
} from './phrases';

export interface Governed {
  /** Index of the governing verb, or -1. */
  verb: number;
  flags: number;
}

/** The nearest verb before the quantity in its clause. */
export function governingVerb(ctx: Ctx, q: QInfo): Governed {
  if (q.verbal) return { verb: q.t0, flags: q.value >= 1 ? V_INC : V_DEC };
  const cs = clauseStart(ctx, q.t0);
  for (let k = q.t0 - 1; k >= cs; k--) if (ctx.verb[k]) return { verb: k, flags: ctx.verb[k] };
  // "Days sales outstanding (invoice date to cash received) is below 45 days": the clause began
  // inside a bracketed aside; the verbs in it govern nothing outside.
  const open = asideBefore(ctx, q.t0);
  if (open >= 0)
    for (let k = open - 1, outer = clauseStart(ctx, open - 1); k >= outer; k--)
      if (ctx.verb[k]) return { verb: k, flags: ctx.verb[k] };
  return { verb: -1, flags: 0 };
}

/** Words that may stand between a bracketed aside and the level it is given ("is", "should be at least"). */
const PREDICATE =
  /^(is|are|was|be|been|being|will|shall|should|must|remains?|stays?|at|least|most|no|not|more|less|than|below|above|under|over|within|of|[≤≥<>=~≈])$/;

/**
 * The index of the "(" of a bracketed aside that ends just before `t0` (only predicate words
 * between), or -1. A metric is often defined in brackets before its level is given.
 */
function asideBefore(ctx: Ctx, t0: number): number {
  const { toks } = ctx;
  const sent = ctx.sentence[t0];
  let k = t0 - 1;
  while (k >= 0 && ctx.sentence[k] === sent && toks[k].text !== ')') {
    if (!PREDICATE.test(toks[k].lower) || t0 - k > 6) return -1;
    k--;
  }
  if (k <= 0 || toks[k].text !== ')' || ctx.sentence[k] !== sent) return -1;
  let depth = 0;
  for (let j = k; j >= 0 && ctx.sentence[j] === sent; j--) {
    if (toks[j].text === ')') depth++;
    else if (toks[j].text === '(' && --depth === 0) return j > 0 ? j : -1;
  }
  return -1;
}

/** Words that say a level is the current one. */
const NOW = /^(today|now|currently|presently)$/;

const PERIOD_OF_CHANGE = /^(yoy|qoq|mom|wow|year-on-year|year-over-year|quarter-on-quarter|month-on-month)$/;

/** Fills `outcome` and `measures` on every quantity. */
export function classifyQuantities(ctx: Ctx, qs: QInfo[]): void {
  for (let n = 0; n < qs.length; n++) {
    const q = qs[n];
    const prevQ = n > 0 ? qs[n - 1] : undefined;
    q.outcome = isOutcome(ctx, q, prevQ);
  }
}

function isOutcome(ctx: Ctx, q: QInfo, prevQ: QInfo | undefined): boolean {
  const { toks } = ctx;
  if (q.frequency || q.scope) return false;
  // "Payroll runs take under 2 hours", "it takes no more than 3 days to onboard a supplier": how
  // long something takes is a time metric, whatever the something is.
  if (durationTaken(ctx, q)) return true;
  // "Become net-zero by 2035": net zero is a level of emissions, named or not.
  if (toks[q.t0].lower === 'net-zero') return true;
  // A rank is only made a quantity when it is reached ("stay in the top 10", "rank in the top
  // quartile", "1st place"): a place in a ranking is a result in itself.
  if (q.unit === 'rank' && q.role !== 'baseline') return true;
  const cs = afterCausalArrow(ctx, clauseStart(ctx, q.t0), q.t0);
  const ce = clauseEnd(ctx, q.t1 - 1);
  const gv = governingVerb(ctx, q);
  const verbEnd = gv.verb >= 0 && !q.verbal ? gv.verb + ctx.verbLen[gv.verb] : cs;
  // The phrase before: the metric in "reduce delivery times by 20%", "churn < 3%".
  let before = readBefore(ctx, gv.verb >= 0 && !q.verbal ? verbEnd : cs, q.t0, cs);
  if (!before.hasOutcome) {
    // The metric named before a bracketed aside that defines it.
    const open = asideBefore(ctx, q.t0);
    if (open >= 0) {
      const named = readBefore(ctx, gv.verb >= 0 && gv.verb < open ? verbEnd : clauseStart(ctx, open - 1), open, 0);
      if (named.hasOutcome) before = named;
    }
  }
  // "20% YoY growth in revenue", "250,000 monthly active users": the period between a quantity
  // and its metric is skipped.
  let a0 = q.t1;
  while (
    a0 < ce &&
    ctx.mark[a0] & M_DEADLINE &&
    (PERIOD_OF_CHANGE.test(toks[a0].lower) ||
      (isWord(ctx.lex.list.recurringAdjectives, toks[a0]) && toks[a0 + 1]?.kind === 'w'))
  )
    a0++;
  // "from 52 today to 6", "8% now": when the level stands, not what it counts.
  while (a0 < ce && (NOW.test(toks[a0].lower) || (toks[a0].lower === 'at' && toks[a0 + 1]?.lower === 'present')))
    a0 += toks[a0].lower === 'at' ? 2 : 1;
  const after = readPhrase(ctx, a0, ce);
  // "an NPS of 45": the metric is named before "of"; "a total of 2,500 visitors": a container
  // before "of" leaves the counted things after the number.
  const metricBeforeOf = q.afterOf && before.head >= 0 && !(after.head >= 0 && containerBeforeOf(ctx, q));
  const object: Phrase = metricBeforeOf ? before : after.head >= 0 ? after : before;
  if (!q.measures) {
    const ph = object.head >= 0 ? object : before;
    if (ph.head >= 0) q.measures = ctx.text.slice(toks[ph.from].start, toks[ph.to - 1].end);
  }
  // "45 engineers, 12 in sales": a bare count after a counted noun counts the same things.
  if (
    q.unit === 'count' &&
    prevQ &&
    prevQ.unit === 'count' &&
    ctx.sentence[prevQ.t0] === ctx.sentence[q.t0] &&
    toks[q.t1] &&
    ctx.lex.list.prepositions.words.has(toks[q.t1].lower) &&
    toks[q.t0 - 1]?.text === ','
  )
    return prevQ.outcome;
  const predicateFrom = Math.max(after.to, q.t1);
  // Money is a result (revenue, savings, pipeline) unless it is spent or budgeted.
  if (q.unit === 'currency') {
    if (gv.flags & V_INPUT && !(gv.flags & (V_INC | V_DEC | V_SAVE | V_ACQ))) return false;
    if (object.headClass === 'input') return false;
    return true;
  }
  if (gv.flags & V_SAVE || gv.flags & V_CAP) return object.headClass !== 'soft';
  // "Repairs completed within 28 days: 90% → 95%", "interviews offered within six weeks at 80% of
  // job centres": a window before a share defines a service level, and the share is its level
  // (the window is part of the metric, not a deadline).
  if (q.unit === 'percent' && windowBefore(ctx, q)) return true;
  // "Complete 60% of applications despatched within 35 days": a share done within a window is a
  // service level (a timeliness result), whichever verb comes first.
  if (q.unit === 'percent' && toks[q.t1]?.lower === 'of' && gv.verb >= 0) {
    for (let k = predicateFrom; k < ce; k++) if (serviceWindowAt(ctx, k)) return true;
  }
  // "Digitise 90% of transactions", "automate 60% of invoices": the share of a task done by an
  // action the team takes is an output, whatever the things are.
  if (
    q.unit === 'percent' &&
    toks[q.t1]?.lower === 'of' &&
    gv.verb >= 0 &&
    gv.flags & V_INIT &&
    !(gv.flags & (V_INC | V_DEC | V_HOLD | V_REACH | V_ACQ | V_SAVE | V_CAP))
  )
    return false;
  // "Half of all new hires from referrals", "30% of sales via partners": a share of a whole that
  // comes from a source is a mix metric, an outcome whatever the whole is.
  // Only with no action verb before it: "Migrate 80% of servers from…" counts the work done.
  if ((q.unit === 'percent' || q.unit === 'fraction') && gv.verb < 0 && shareFromSource(ctx, q, ce)) return true;
  // A level being moved: any object that is not an output, a soft quality or an input.
  // "OEE from 61% to 70%", "92% → 95%": a target after its baseline is a level being moved.
  const fromBaseline =
    q.role === 'target' &&
    prevQ !== undefined &&
    prevQ.role === 'baseline' &&
    ctx.sentence[prevQ.t0] === ctx.sentence[q.t0];
  const moved = gv.flags & (V_INC | V_DEC) || q.role === 'change' || q.sign !== undefined || fromBaseline;
  if (moved) {
    if (before.hasOutcome && object !== after) return true;
    if (
      before.hasOutcome &&
      after.headClass !== 'outcome' &&
      after.headClass !== 'acquirable' &&
      before.headClass !== 'output'
    )
      return true;
    const cls = object.headClass;
    if (cls === 'output' || cls === 'soft' || cls === 'input')
      return object.hasOutcome && cls !== 'input' && before.hasOutcome;
    if (cls === 'none' && !before.hasOutcome && !after.hasOutcome && gv.verb < 0 && !q.sign)
      return inherit(ctx, q, prevQ);
    return true;
  }
  // "Student satisfaction (NSS) ≥ 85% in every department": a metric named first, then its level.
  if ((q.role === 'threshold' || q.role === 'target') && before.hasOutcome && before.headClass !== 'output')
    if (gv.verb < 0 || gv.flags & (V_REACH | V_HOLD)) return true;
  // "80% of calls within 20 seconds", "answered in no more than 20 seconds": a service level.
  // The window may come after the clause the share starts ("95% of ambulance calls to rural
  // addresses are reached in no more than 19 minutes"): the rest of the sentence is read.
  const windowEnd = q.unit === 'percent' ? sentenceEnd(ctx, q.t0) : ce;
  for (let k = predicateFrom; k < windowEnd; k++) if (serviceWindowAt(ctx, k)) return true;
  switch (object.headClass) {
    case 'outcome':
      return !(gv.flags & V_INPUT);
    case 'acquirable':
      // "Ship the product with 40 paying customers": people who pay or stay active are a result,
      // whatever the verb.
      if (!(gv.flags & V_OUTREACH) && namesAdopters(ctx, object)) return true;
      // "Deliver 1,200 homes", "create 300 accounts": a verb of making produces the things;
      // only winning, reaching or keeping them is a result.
      if (
        gv.verb < 0 ||
        (gv.flags & (V_ACQ | V_REACH | V_HOLD) && !(gv.flags & V_OUTREACH) && !makes(ctx, gv.verb, gv.flags))
      )
        return true;
      return (
        rangeHas(ctx, predicateFrom, ce, 'adoptionWords') ||
        rangeHas(ctx, predicateFrom, ce, 'outcomeStates') ||
        // "Train 500 staff in data literacy": after reaching people, "in"/"on" names the topic.
        (!(gv.flags & V_OUTREACH && /^(in|on)$/.test(toks[predicateFrom]?.lower ?? '')) &&
          rangeHasOutcome(ctx, predicateFrom, ce))
      );
    case 'output':
    case 'soft':
    case 'input':
      // "used in 50% of proposals": adoption by others.
      return rangeHas(ctx, cs, q.t0, 'adoptionWords');
    case 'unknown':
      if (object.hasOutcome) return true;
      // "300 active maintainers": whoever they are, those who stay active are a result.
      if (!(gv.flags & V_OUTREACH) && namesAdopters(ctx, object)) return true;
      if (gv.flags & (V_REACH | V_HOLD) && (before.hasOutcome || after.hasOutcome)) return true;
      return (
        rangeHasOutcome(ctx, predicateFrom, ce) ||
        rangeHas(ctx, predicateFrom, ce, 'outcomeStates') ||
        (gv.verb < 0 && rangeHas(ctx, predicateFrom, ce, 'adoptionWords'))
      );
    default:
      if (before.hasOutcome) return true;
      // "runs for 10 days without a crash": a duration of reliability.
      if (q.unit === 'duration' && rangeHasOutcome(ctx, predicateFrom, ce)) return true;
      if (gv.verb >= 0 && !(gv.flags & (V_REACH | V_HOLD))) return false;
      return inherit(ctx, q, prevQ);
  }
}

/** "within 20 seconds", "in no more than 20 seconds", "in under 4 hours" at token `k`. */
function serviceWindowAt(ctx: Ctx, k: number): boolean {
  const { toks } = ctx;
  const w = toks[k].lower;
  if (w === 'within')
    return (
      (ctx.mark[k + 1] & M_QUANTITY) !== 0 ||
      // "seen within 18 weeks": a long window read as a period, still how fast each is handled.
      (isNumberToken(ctx, toks[k + 1]) && shareHandledWithin(ctx, k))
    );
  if (w !== 'in') return false;
  let j = k + 1;
  while (j < toks.length && j <= k + 3 && /^(no|not|more|less|fewer|than|under)$/.test(toks[j].lower)) j++;
  return j > k + 1 && (ctx.mark[j] & M_QUANTITY) !== 0;
}

/** Words between "take" and the duration it is given ("takes no more than 4 hours"). */
const BOUND_WORDS =
  /^(less|fewer|more|than|no|not|under|over|below|above|at|most|least|about|around|roughly|approximately|only|just|[≤≥<>~≈])$/;
const TAKE = /^(take|takes|took|taken|taking)$/;

/** A duration that something takes (not an imperative "Take 2 weeks to…"). */
function durationTaken(ctx: Ctx, q: QInfo): boolean {
  if (q.unit !== 'duration') return false;
  const { toks } = ctx;
  let k = q.t0 - 1;
  while (k >= 0 && BOUND_WORDS.test(toks[k].lower)) k--;
  if (k < 0 || !TAKE.test(toks[k].lower)) return false;
  return toks[k].lower !== 'take' || k > clauseStart(ctx, k);
}

/** "a total of", "the number of" just before the quantity. */
function containerBeforeOf(ctx: Ctx, q: QInfo): boolean {
  let k = q.t0 - 1;
  while (k >= 0 && ctx.toks[k].lower !== 'of') k--;
  const w = ctx.toks[k - 1];
  return !!w && ctx.lex.list.measureNouns.words.has(w.lower);
}

function shareFromSource(ctx: Ctx, q: QInfo, ce: number): boolean {
  const { toks } = ctx;
  if (toks[q.t1]?.lower !== 'of' || q.role === 'baseline') return false;
  for (let k = q.t1 + 2; k < ce && k < q.t1 + 8; k++) {
    const w = toks[k].lower;
    if (ctx.verb[k] || ctx.mark[k] & (M_QUANTITY | M_DEADLINE)) return false;
    if (w === 'from' || w === 'via' || w === 'through') {
      const n = toks[k + 1];
      return !!n && n.kind === 'w' && !(ctx.mark[k + 1] & (M_QUANTITY | M_DEADLINE)) && !ctx.verb[k + 1];
    }
  }
  return false;
}

const MAKING = /^(deliver|create|produc|build|construct)/;

/** An initiative verb of making ("deliver", "create", "produce"), not of winning ("sign", "onboard"). */
function makes(ctx: Ctx, verb: number, flags: number): boolean {
  return (flags & V_INIT) !== 0 && MAKING.test(ctx.toks[verb].lower);
}

/**
 * "Data-quality programme → duplicate records < 1%": an arrow between words leads from the
 * means to the result, so the metric is read after it (an arrow between numbers is a baseline).
 */
function afterCausalArrow(ctx: Ctx, cs: number, t0: number): number {
  const { toks } = ctx;
  let from = cs;
  for (let k = cs + 1; k < t0 - 1; k++) {
    const a = toks[k].text;
    if ((a === '→' || a === '->' || a === '=>') && toks[k - 1].kind === 'w' && toks[k + 1].kind === 'w')
      if (!(ctx.mark[k - 1] & M_QUANTITY) && !(ctx.mark[k + 1] & M_QUANTITY)) from = k + 1;
  }
  return from;
}

/** A service-level window ("within 4 hours") earlier in the quantity's sentence. */
function windowBefore(ctx: Ctx, q: QInfo): boolean {
  const sent = ctx.sentence[q.t0];
  for (let k = q.t0 - 1; k > 0 && ctx.sentence[k] === sent; k--)
    if (ctx.toks[k - 1].lower === 'within' && (ctx.mark[k] & M_QUANTITY || isNumberToken(ctx, ctx.toks[k])))
      return true;
  return false;
}

/** Words between the verb (or clause start) and the quantity, minus cues: the metric named first. */
function readBefore(ctx: Ctx, from: number, to: number, cs: number): Phrase {
  const ph = readPhrase(ctx, Math.max(from, cs), to);
  // A subject before the verb: "first-contact resolution stays above 80%".
  if (!ph.hasOutcome && from > cs) {
    const subj = readPhrase(ctx, cs, from);
    if (subj.hasOutcome) return subj;
  }
  // Words before a "from"/"by"/"to" cue (readPhrase stops at prepositions): scan the whole span.
  if (!ph.hasOutcome && rangeHasOutcome(ctx, Math.max(from, cs), to)) {
    return { ...ph, hasOutcome: true, headClass: ph.headClass === 'none' ? 'outcome' : ph.headClass };
  }
  return ph;
}

/**
 * A quantity with nothing around it ("10% MoM.", "61% in four years, 70% in five years") takes
 * its meaning from the quantity before it in the sentence or from the sentence before: an
 * outcome when that names an outcome metric with a direction.
 */
function inherit(ctx: Ctx, q: QInfo, prevQ: QInfo | undefined): boolean {
  if (prevQ && ctx.sentence[prevQ.t0] === ctx.sentence[q.t0]) return prevQ.outcome;
  const cs = clauseStart(ctx, q.t0);
  let from = cs - 1;
  while (from >= 0 && ctx.mark[from] & M_DEADLINE) from--;
  if (from < 0) return false;
  // The clause or sentence just before.
  const sent = ctx.sentence[from];
  let k = from;
  while (k > 0 && ctx.sentence[k - 1] === sent) k--;
  // A direction: a verb of change or level, a change noun ("Reduction in the number of…"), or a
  // label with no verb at all ("Punctuality of trains at peak hours. At least 92%"). Participles
  // only ("Share of patients seen in 4 hours.") still make a label.
  let direction = true;
  for (let j = k; j <= from; j++) if (ctx.verb[j] && !(ctx.verb[j] & (F_ING | F_ED) && j > k)) direction = false;
  for (let j = k; j <= from; j++)
    if (ctx.verb[j] & (V_INC | V_DEC | V_HOLD | V_REACH) || matchList(ctx.lex.list.changeNouns, ctx.toks, j))
      direction = true;
  return direction && rangeHasOutcome(ctx, k, from + 1);
}
