/**
 * Finds the quantities in a statement: digits with separators and decimals, number words, "a
 * dozen", fractions and multipliers, percentages and points, money with symbols, codes and k/M/bn
 * suffixes, durations and ranks. Numbers that are names (ISO 27001, Windows 11, v2.0, Level 3,
 * "6-year", list numbering) are marked and skipped. Roles (baseline, target, change, threshold,
 * count) are assigned from the words around each quantity.
 */
import type { Quantity, QuantityRole, QuantityUnit } from './types';
import type { Ctx } from './context';
import { isNumberToken, isPercentPoint, M_DEADLINE, M_DEPENDENCY, M_IGNORED, M_NAME, M_QUANTITY } from './context';
import { F_ED, isWord, matchList, matchedValue, V_ANY, V_DIRECTION } from './lexicon/compile';
import type { Token } from './tokenize';

/** A quantity with what the later steps need to know about it. */
export interface QInfo extends Quantity {
  /** Token range [t0, t1). */
  t0: number;
  t1: number;
  /** Sign or comparative that gives it a direction ("+8%", "30% more"). */
  sign?: 'up' | 'down';
  /** A time limit that defines a service level ("within 24 hours"). */
  serviceLevel: boolean;
  /** The quantity is an amount the cell commits to (not a baseline, not a service-level window). */
  counts: boolean;
  /** The number is written as a verb ("double", "halve"). */
  verbal: boolean;
  /** The token before the quantity (after hedges) is "of": "efficiency of 1.0". */
  afterOf: boolean;
  /** How often an activity happens ("twice a year"): a count of occurrences, never an outcome. */
  frequency?: boolean;
  /** Money that picks out the items a rule covers ("all tenders above $50k"): never a target. */
  scope?: boolean;
}

const DASHES = /^[-–—]$/;
const ORDINAL = /^(st|nd|rd|th)$/;
const TIME_UNIT_SUFFIX = /^(h|hr|hrs|min|mins|s|sec|secs|ms|d|wk|wks|mo|mos|yr|yrs)$/;
const MINOR_CURRENCY = /^(p|c|ct)$/;
/** The share of a field each band names, in percent ("top quartile" is the best 25%). */
const SHARE_OF_FIELD: Record<string, number> = {
  quartile: 25,
  quintile: 20,
  decile: 10,
  tercile: 33,
  // "top third performance", "the top half of the league"
  third: 33,
  half: 50,
  quarter: 25,
};
/** Words after a named subject ("Plant 3 will…"): the label is then a name, not a verb. */
const AFTER_SUBJECT = /^(will|shall|would|should|must|can|could|may|is|are|was|were|has|have|had|to|and|or)$/;
/** Verbs that reach a band of a field ("achieve", "rank in", "move into"). */
const BAND_VERBS =
  /^(achieve|achieving|reach|reaching|rank|ranked|ranking|enter|be|remain|stay|finish|get|move|climb|land|become|place|placed|make)$/;
const POINT_SUFFIX = /^(pp|pts|pt|ppt|bps|bp)$/;
const RANK_VERBS =
  /^(rank|ranked|ranking|reach|enter|break|be|remain|remains|remaining|stay|stays|staying|finish|get|make|place|among|into|in|become|becomes|becoming|land|climb|aim|aims|aiming)$/;

/**
 * "top 10", "top five", "top-3" (tokens [from, end)): a rank when reached, a scope or a name
 * otherwise.
 */
function topRank(ctx: Ctx, from: number, end: number, value: number): QInfo | null {
  const { toks } = ctx;
  let reached = false;
  // "becoming one of the UK's top five": after "one of", the verb stands a few words further back.
  let back = from - 4;
  for (let k = from - 1; k >= 0 && k >= from - 4; k--)
    if (toks[k].lower === 'of' && toks[k - 1]?.lower === 'one') back = k - 4;
  for (let k = from - 1; k >= 0 && k >= back; k--)
    if (
      RANK_VERBS.test(toks[k].lower) ||
      (ctx.verb[k] & V_ANY && /^(reach|rank|enter|break|climb)/.test(toks[k].lower))
    )
      reached = true;
  // "Top 100 in the QS World University Rankings": a place in a named ranking.
  for (let k = end; !reached && k < toks.length && k < end + 8 && ctx.sentence[k] === ctx.sentence[from]; k++)
    if (/^(rankings?|league)$/.test(toks[k].lower)) reached = true;
  if (!reached) return markName(ctx, from, end);
  return make(ctx, from, end, value, 'rank');
}

export function findQuantities(ctx: Ctx): QInfo[] {
  const { toks, mark } = ctx;
  const out: QInfo[] = [];
  for (let i = 0; i < toks.length; i++) {
    if (mark[i] & (M_IGNORED | M_DEADLINE | M_QUANTITY | M_NAME)) continue;
    const t = toks[i];
    let q: QInfo | null = null;
    if (t.kind === 'n') q = numberAt(ctx, i);
    else if (t.kind === 'w') q = wordQuantityAt(ctx, i);
    else if (t.text === '#' && toks[i + 1]?.kind === 'n' && !toks[i + 1].gap) {
      q = make(ctx, i, i + 2, toks[i + 1].value, 'rank');
    }
    if (!q) continue;
    // A number too large to represent ("999…9" for a whole cell) is no amount anyone can check.
    if (!Number.isFinite(q.value)) {
      for (let k = q.t0; k < q.t1; k++) mark[k] |= M_NAME;
      i = q.t1 - 1;
      continue;
    }
    for (let k = q.t0; k < q.t1; k++) mark[k] |= M_QUANTITY;
    out.push(q);
    i = q.t1 - 1;
  }
  assignRoles(ctx, out);
  return out;
}

function make(ctx: Ctx, t0: number, t1: number, value: number, unit: QuantityUnit): QInfo {
  const toks = ctx.toks;
  return {
    text: ctx.text.slice(toks[t0].start, toks[t1 - 1].end),
    start: toks[t0].start,
    end: toks[t1 - 1].end,
    value,
    unit,
    role: 'count',
    outcome: false,
    t0,
    t1,
    serviceLevel: false,
    counts: true,
    verbal: false,
    afterOf: false,
  };
}

function markName(ctx: Ctx, from: number, to: number): null {
  for (let k = from; k < to; k++) ctx.mark[k] |= M_NAME;
  return null;
}

const SINGULAR_PERIOD = /^(year|month|week|day)$/;
/** Documents named by a period besides the lexicon's period documents (an "annual programme" is a recurring one). */
const PLAN_NAMES = /^(programme|program|framework|agenda)$/;

/** Up to four words from `k`, the last a plan document: "Environment Plan", "Workforce Strategy". */
function namesDocument(ctx: Ctx, k: number): boolean {
  const { toks, lex } = ctx;
  for (let j = k; j < k + 4 && j < toks.length; j++) {
    const t = toks[j];
    if (t.kind !== 'w' || lex.list.prepositions.words.has(t.lower) || lex.list.determiners.words.has(t.lower))
      return false;
    if (lex.list.periodDocuments.words.has(t.lower) || PLAN_NAMES.test(t.lower)) return true;
  }
  return false;
}

function numberAt(ctx: Ctx, i: number): QInfo | null {
  const { toks, lex } = ctx;
  const t = toks[i];
  const prev = toks[i - 1];
  const next = toks[i + 1];
  // "fires per 100,000 population", "2 incidents per 1,000 hours": the base of a rate, not an amount.
  if (prev?.lower === 'per' && next?.kind === 'w') return markName(ctx, i, i + 1);
  // Part of a code or version: v2.0, 1.2.3, EN-04, 24/7.
  if (prev && !t.gap && (prev.text === '.' || prev.text === '_' || prev.text === ':') && toks[i - 2] && !prev.gap)
    return markName(ctx, i, i + 1);
  if (prev && !t.gap && prev.kind === 'w') return markName(ctx, i, i + 1);
  if (next && !next.gap && next.text === '.' && toks[i + 2]?.kind === 'n' && !toks[i + 2].gap)
    return markName(ctx, i, i + 3);
  // Ordinals ("3rd grade") and numbers fused with letters that are not units ("2FA", "5G").
  if (next && !next.gap && next.kind === 'w') {
    if (ORDINAL.test(next.lower)) {
      // "1st place", "3rd position": a place to reach in a ranking; "3rd grade" stays a name.
      if (/^(place|position|spot)$/.test(toks[i + 2]?.lower ?? '')) return make(ctx, i, i + 3, t.value, 'rank');
      return markName(ctx, i, i + 2);
    }
  }
  // "the 25 Year Environment Plan", "our 5 year plan": a period in the singular before a plan's
  // name describes the document, as "5-year" would.
  if (next && next.kind === 'w' && SINGULAR_PERIOD.test(next.lower) && t.value !== 1 && namesDocument(ctx, i + 2))
    return markName(ctx, i, i + 2);
  // "6-year", "30-day", "4-," : a number that is part of an adjective.
  if (next && !next.gap && DASHES.test(next.text) && toks[i + 2] && !toks[i + 2].gap && toks[i + 2].kind === 'w') {
    const w = toks[i + 2].lower;
    if (/^(point|points|percent|fold|x)$/.test(w)) {
      const q = make(
        ctx,
        i,
        i + 3,
        t.value,
        w.startsWith('point') ? 'percentage-points' : w === 'percent' ? 'percent' : 'multiplier',
      );
      return q;
    }
    return markName(ctx, i, i + 3);
  }
  if (next && !next.gap && DASHES.test(next.text) && (!toks[i + 2] || toks[i + 2].kind === 's'))
    return markName(ctx, i, i + 2);
  // Names: ISO 27001, SOC 2, Windows 11, Level 3, Fortune 500, Office 365. Not when the label
  // word is the verb ("Plant 500 trees", "Issue 40 grants") or the number has a thousands
  // separator (nothing is named "Plant 10,000").
  if (
    prev &&
    prev.kind === 'w' &&
    t.gap &&
    !(ctx.verb[i - 1] && next?.kind === 'w' && !AFTER_SUBJECT.test(next.lower)) &&
    !/^\d{1,3}(,\d{3})+$/.test(t.text) &&
    (lex.list.nameLabels.words.has(prev.lower) || matchList(lex.list.nameLabels, toks, i - 2) === 2)
  ) {
    if (!(next && (next.text === '%' || lex.list.percentWords.words.has(next.lower))))
      return markName(ctx, i - 1, i + 1);
  }
  let start = i;
  let end = i + 1;
  let value = t.value;
  let unit: QuantityUnit = 'count';
  let currency: string | undefined;
  // Money before: $ 250,000; USD 1.2M; DKK 100 million; r$.
  if (
    prev &&
    (lex.list.currencySymbols.words.has(prev.lower) ||
      (prev.kind === 'w' && lex.list.currencyWords.words.has(prev.lower) && prev.text === prev.text.toUpperCase()))
  ) {
    start = i - 1;
    unit = 'currency';
    currency = prev.text;
  }
  // Time of day or duration "2:37".
  if (next && !next.gap && next.text === ':' && toks[i + 2]?.kind === 'n' && !toks[i + 2].gap) {
    const q = make(ctx, start, i + 3, t.value * 60 + toks[i + 2].value, 'duration');
    return q;
  }
  // Ranges: 6–7%, 20-25%, 3 to 5 (only the dash forms; "to" is a target).
  if (
    next &&
    DASHES.test(next.text) &&
    toks[i + 2]?.kind === 'n' &&
    (!next.gap || !toks[i + 2].gap || next.text !== '-')
  ) {
    end = i + 3;
  }
  // Fractions written with a slash: 1/3 (not 24/7).
  if (next && !next.gap && next.text === '/' && toks[i + 2]?.kind === 'n' && !toks[i + 2].gap) {
    if (t.value === 24 && toks[i + 2].value === 7) return markName(ctx, i, i + 3);
    // "4.5/5", "8.5/10": a score on a scale, its value the score (a fraction has whole parts).
    if (!Number.isInteger(t.value) && t.value < toks[i + 2].value) return make(ctx, start, i + 3, t.value, 'count');
    if (toks[i + 2].value > 0 && toks[i + 2].value <= 12 && t.value < toks[i + 2].value) {
      return make(ctx, start, i + 3, t.value / toks[i + 2].value, 'fraction');
    }
  }
  // Suffixes and unit words after the number.
  let u = toks[end];
  if (u && !u.gap && u.kind === 'w') {
    const w = u.lower;
    if (lex.list.scaleWords.words.has(w) && w !== 'hundred') {
      value *= Number(lex.list.scaleWords.words.get(w));
      end++;
    } else if (w === 'x') {
      unit = 'multiplier';
      end++;
    } else if (TIME_UNIT_SUFFIX.test(w)) {
      unit = 'duration';
      end++;
    } else if (POINT_SUFFIX.test(w)) {
      unit = 'percentage-points';
      end++;
    } else if (lex.list.countUnits.words.has(w)) {
      end++;
    } else if (w === 'k' || w === 'm') {
      end++;
    } else if (MINOR_CURRENCY.test(w) && unit === 'count') {
      // "18p", "40c": pence and cents, kept in the major unit so "£1.20 to 90p" compares.
      unit = 'currency';
      currency = u.text;
      value /= 100;
      end++;
    } else {
      // Fused letters that are not a unit: "5G", "3D", "2FA".
      return markName(ctx, start, end + 1);
    }
    u = toks[end];
  } else if (
    u &&
    u.kind === 'w' &&
    matchList(lex.list.scaleWords, toks, end) &&
    !(u.lower === 'm' || u.lower === 'b' || u.lower === 'k')
  ) {
    value *= Number(matchedValue);
    end++;
    u = toks[end];
  }
  if (u && u.text === '%') {
    unit = 'percent';
    end++;
  } else if (u && u.kind === 'w') {
    let len: number;
    if ((len = matchList(lex.list.percentWords, toks, end)) && u.lower !== 'percentage') {
      unit = 'percent';
      end += len;
      if (isPercentPoint(toks, end)) end++;
    } else if ((len = matchList(lex.list.pointWords, toks, end))) {
      unit = 'percentage-points';
      value *= Number(matchedValue) || 1;
      end += len;
    } else if (u.lower === 'x' || u.lower === 'times') {
      unit = 'multiplier';
      end++;
    } else if (unit !== 'currency' && lex.list.currencyWords.words.has(u.lower)) {
      unit = 'currency';
      currency = u.text;
      end++;
    } else if (
      unit === 'count' &&
      (len = Math.max(
        matchList(lex.list.shortDurationUnits, toks, end),
        matchList(lex.list.longDurationUnits, toks, end),
      ))
    ) {
      unit = 'duration';
      end += len;
    }
  }
  // "50+" is at least 50.
  if (toks[end] && !toks[end].gap && toks[end].text === '+') end++;
  if (prev && prev.kind === 'w' && prev.lower === 'top' && unit === 'count') return topRank(ctx, i - 1, end, value);
  // Sign: "+8%", "-5%".
  let sign: 'up' | 'down' | undefined;
  if (
    start === i &&
    prev &&
    prev.kind === 's' &&
    !t.gap &&
    (prev.text === '+' || prev.text === '-' || prev.text === '−') &&
    (i - 1 === 0 || prev.gap)
  ) {
    start = i - 1;
    sign = prev.text === '+' ? 'up' : 'down';
  } else if (start === i && prev && prev.kind === 's' && ARROW_SIGNS.has(prev.text)) {
    // "Working capital days ↓ 10", "NPS ▲ 5 pts".
    start = i - 1;
    sign = ARROW_SIGNS.get(prev.text);
  }
  const q = make(ctx, start, end, value, unit);
  if (currency) q.currency = currency;
  if (sign) q.sign = sign;
  return q;
}

const ARROW_SIGNS = new Map<string, 'up' | 'down'>([
  ['↑', 'up'],
  ['▲', 'up'],
  ['⬆', 'up'],
  ['↓', 'down'],
  ['▼', 'down'],
  ['⬇', 'down'],
]);

function wordQuantityAt(ctx: Ctx, i: number): QInfo | null {
  const { toks, lex } = ctx;
  const t = toks[i];
  const w = t.lower;
  const next = toks[i + 1];
  const prev = toks[i - 1];
  // Multipliers: double, triple, twice, halve, tenfold.
  if (isWord(lex.list.multiplierWords, t)) {
    if (next && next.lower === 'down') return null;
    // "twice a year", "twice per quarter": a frequency, a count of occurrences, not a change.
    if (
      (w === 'twice' || w === 'thrice') &&
      next &&
      /^(a|an|per|each|every)$/.test(next.lower) &&
      lex.list.periodWords.words.has(toks[i + 2]?.lower ?? '')
    ) {
      const f = make(ctx, i, i + 1, w === 'twice' ? 2 : 3, 'count');
      f.frequency = true;
      return f;
    }
    const q = make(ctx, i, i + 1, Number(lex.list.multiplierWords.words.get(w)), 'multiplier');
    q.verbal = /^(double|triple|quadruple|halve|doubling|tripling|halving)/.test(w);
    q.role = 'change';
    return q;
  }
  // "a factor of five", "by a factor of 3".
  if (w === 'factor' && next?.lower === 'of') {
    let j = i + 2;
    while (toks[j] && (toks[j].text === '(' || toks[j].text === ')' || lex.list.hedges.words.has(toks[j].lower))) j++;
    const n = toks[j];
    if (isNumberToken(ctx, n)) {
      const v = n.kind === 'n' ? n.value : Number(lex.list.numberWords.words.get(n.lower));
      const q = make(ctx, i, j + 1, v, 'multiplier');
      q.role = 'change';
      return q;
    }
  }
  // "a top-3 provider": a rank written as one word, a place when reached ("become a top-3…").
  const topN = /^top-(\d{1,4})$/.exec(w);
  if (topN) return topRank(ctx, i, i + 1, Number(topN[1]));
  // "top quartile", "top-decile": a place in a ranking, as a share of the field.
  // A target only when reached ("achieve top-quartile scores", "rank in the top quartile");
  // "customers in the top quartile of revenue" picks out whom a line covers.
  const band = /^(?:top|upper)-(\w+)$/.exec(w);
  const share =
    band !== null
      ? SHARE_OF_FIELD[band[1]]
      : (w === 'top' || w === 'upper') && next
        ? SHARE_OF_FIELD[next.lower]
        : undefined;
  if (share !== undefined) {
    const end = band !== null ? i + 1 : i + 2;
    let reached = false;
    for (let k = i - 1; k >= 0 && k >= i - 5 && !reached; k--) reached = BAND_VERBS.test(toks[k].lower);
    for (let k = end; !reached && k < toks.length && k < end + 8 && ctx.sentence[k] === ctx.sentence[i]; k++)
      reached = /^(rankings?|league|benchmarks?)$/.test(toks[k].lower);
    return reached ? make(ctx, i, end, share, 'rank') : markName(ctx, i, end);
  }
  // Fractions: "half of", "by half", "a third", "two thirds", "a quarter of".
  if (isWord(lex.list.fractionWords, t)) {
    const v = Number(lex.list.fractionWords.words.get(w));
    const art = prev && (prev.lower === 'a' || prev.lower === 'one' || lex.list.numberWords.words.has(prev.lower));
    if (w === 'half' || w.indexOf('-') > 0) {
      if (prev && /^(first|second|1st|2nd|next|this|last|the)$/.test(prev.lower)) return null;
      if (
        (next && (next.lower === 'of' || !next || next.kind === 's')) ||
        (prev && /^(by|a|in|one)$/.test(prev.lower)) ||
        i === 0 ||
        ctx.verb[i - 1] ||
        !prev
      ) {
        return make(ctx, art ? i - 1 : i, i + 1, v, 'fraction');
      }
      return null;
    }
    if (art && (next?.lower === 'of' || (toks[i - 2] && toks[i - 2].lower === 'by') || !next || next.kind === 's')) {
      const mult =
        prev && lex.list.numberWords.words.has(prev.lower) ? Number(lex.list.numberWords.words.get(prev.lower)) : 1;
      return make(ctx, i - 1, i + 1, v * mult, 'fraction');
    }
    return null;
  }
  // "net-zero emissions", "a zero-waste business": zero written into one word with its metric.
  // Not "zero-based budgeting" or "zero-trust": the rest must be a result metric.
  if (w === 'net-zero' || (w.startsWith('zero-') && lex.list.outcomeMetrics.words.has(w.slice(5)))) {
    return make(ctx, i, i + 1, 0, 'count');
  }
  // Number words: "three", "twenty-five", "a dozen", "six million", "zero".
  let v = numberWordValue(ctx, w);
  if (v === null) return null;
  if (w === 'one' && next && (next.lower === 'of' || next.lower === 'another' || next.lower === 'day')) return null;
  // "No one customer…", "not one incident": a universal, not a count of one.
  if (w === 'one' && prev && (prev.lower === 'no' || prev.lower === 'not')) return null;
  if (w === 'score') return null; // "score" is a metric far more often than twenty
  let start = i;
  let end = i + 1;
  if (w === 'dozen' || w === 'hundred' || w === 'half-dozen') {
    if (prev && (prev.lower === 'a' || prev.lower === 'one')) start = i - 1;
    else if (!(prev && lex.list.numberWords.words.has(prev.lower))) return null;
  }
  // "two hundred", "six million", "three thousand".
  while (
    toks[end] &&
    toks[end].kind === 'w' &&
    lex.list.scaleWords.words.has(toks[end].lower) &&
    toks[end].lower.length > 2
  ) {
    v *= Number(lex.list.scaleWords.words.get(toks[end].lower));
    end++;
  }
  // "one of the top five universities"
  if (prev && prev.lower === 'top' && start === i) return topRank(ctx, i - 1, end, v);
  let unit: QuantityUnit = 'count';
  const u = toks[end];
  if (u) {
    let len: number;
    if (u.text === '%' || ((len = matchList(lex.list.percentWords, toks, end)) && u.lower !== 'percentage')) {
      unit = 'percent';
      end += u.text === '%' ? 1 : matchList(lex.list.percentWords, toks, end);
      if (isPercentPoint(toks, end)) end++;
    } else if ((len = matchList(lex.list.pointWords, toks, end))) {
      unit = 'percentage-points';
      end += len;
    } else if (u.lower === 'times') {
      unit = 'multiplier';
      end++;
    } else if (
      (len = Math.max(
        matchList(lex.list.shortDurationUnits, toks, end),
        matchList(lex.list.longDurationUnits, toks, end),
      ))
    ) {
      unit = 'duration';
      end += len;
    }
  }
  return make(ctx, start, end, v, unit);
}

function numberWordValue(ctx: Ctx, w: string): number | null {
  const nw = ctx.lex.list.numberWords.words;
  const direct = nw.get(w);
  if (direct !== undefined) return Number(direct);
  if (w.indexOf('-') > 0) {
    // twenty-five
    let sum = 0;
    for (const part of w.split('-')) {
      const pv = nw.get(part);
      if (pv === undefined) return null;
      sum += Number(pv);
    }
    return sum;
  }
  return null;
}

const BASELINE_WORDS = new Set([
  'from',
  'vs',
  'versus',
  'since',
  'currently',
  'current',
  'today',
  'was',
  'were',
  'baseline',
  'baselines',
  'compared',
  'against',
  'relative',
  'last',
  'prior',
  'previously',
]);
const HEDGE_SYMBOLS = /^[~≈()]$/;

/** "completed by", "signed by": a participle whose agent follows "by" (not "reduced by"). */
function isPassiveAgentVerb(ctx: Ctx, k: number): boolean {
  const f = ctx.verb[k];
  if (f) return (f & F_ED) !== 0 && !(f & V_DIRECTION);
  const w = ctx.toks[k].lower;
  return ctx.toks[k].kind === 'w' && w.length > 4 && w.endsWith('ed');
}

/** "three more plants", "5 more hires": a plain count of additional things, not a change. */
function additionalCount(ctx: Ctx, q: QInfo): boolean {
  const { toks } = ctx;
  const a = toks[q.t1];
  if (q.unit !== 'count' || !a || (a.lower !== 'more' && a.lower !== 'fewer')) return false;
  const n = toks[q.t1 + 1];
  return !!n && n.kind === 'w' && n.lower !== 'than' && !ctx.lex.list.prepositions.words.has(n.lower);
}

/** Baseline, target, change, threshold or count, from the words around each quantity. */
function assignRoles(ctx: Ctx, qs: QInfo[]): void {
  const { toks, lex } = ctx;
  for (let n = 0; n < qs.length; n++) {
    const q = qs[n];
    // The word before, skipping hedges, articles and brackets.
    let p = q.t0 - 1;
    while (
      p >= 0 &&
      (HEDGE_SYMBOLS.test(toks[p].text) ||
        lex.list.hedges.words.has(toks[p].lower) ||
        toks[p].lower === 'a' ||
        toks[p].lower === 'an' ||
        toks[p].lower === 'the' ||
        lex.list.universalWords.words.has(toks[p].lower))
    )
      p--;
    const before = p >= 0 ? toks[p] : undefined;
    const bw = before ? before.lower : '';
    q.afterOf = bw === 'of';
    const after = toks[q.t1];
    const aw = after ? after.lower : '';
    let role: QuantityRole = q.role;
    if (bw === 'within' && q.unit === 'duration') {
      role = 'threshold';
      q.serviceLevel = true;
    } else if (BASELINE_WORDS.has(bw) || bw === 'from' || isBaselineOf(ctx, p) || isBracketedPeriodValue(ctx, q)) {
      role = 'baseline';
    } else if (
      after &&
      (after.text === '→' || after.text === '->' || after.text === '=>' || (aw === 'to' && bw === 'from'))
    ) {
      role = 'baseline';
    } else if (
      bw === 'to' ||
      bw === 'toward' ||
      bw === 'towards' ||
      before?.text === '→' ||
      before?.text === '->' ||
      before?.text === '=>'
    ) {
      role = 'target';
    } else if (
      before &&
      (matchList(lex.list.thresholdBefore, toks, p) ||
        (p > 0 && matchList(lex.list.thresholdBefore, toks, p - 1) === 2))
    ) {
      role = 'threshold';
    } else if (after && matchList(lex.list.thresholdAfter, toks, q.t1)) {
      role = 'threshold';
    } else if (q.text.endsWith('+') && !q.text.startsWith('+')) {
      role = 'threshold';
    } else if (bw === 'by' && aw === 'of' && p > 0 && isPassiveAgentVerb(ctx, p - 1)) {
      // "training completed by 100% of staff": the share of people who did it, not a change.
      role = 'count';
    } else if (bw === 'by' || q.sign || q.unit === 'multiplier') {
      role = 'change';
    } else if (
      after &&
      !additionalCount(ctx, q) &&
      // "3% annual reduction": a period word may stand between the amount and the change.
      (matchList(lex.list.changeNouns, toks, isWord(lex.list.recurringAdjectives, after) ? q.t1 + 1 : q.t1) ||
        (matchList(lex.list.comparatives, toks, q.t1) &&
          aw !== 'than' &&
          toks[q.t1 + 1]?.lower !== 'than' &&
          aw !== 'over' &&
          aw !== 'under' &&
          aw !== 'below' &&
          aw !== 'above'))
    ) {
      role = 'change';
      if (!q.sign) q.sign = matchedValue === 'down' ? 'down' : 'up';
    }
    // The other side of "from X to Y" when X came as "Y from X": nothing to do; a list continues
    // the role of the quantity before it ("baselines of 34%, 47% and 51%").
    // Only a quantity of the same unit continues a list: "within 4 hours, 99% of the time" is a
    // window and then the share that meets it.
    if (role === 'count' && n > 0 && qs[n - 1].unit === q.unit && isListContinuation(ctx, qs[n - 1], q)) {
      role = qs[n - 1].role;
      q.serviceLevel = qs[n - 1].serviceLevel;
    }
    q.role = role;
    // "from 21 to 10 days": the baseline shares the target's unit.
    if (
      role === 'baseline' &&
      q.unit === 'count' &&
      after &&
      (aw === 'to' || after.text === '→' || after.text === '->')
    ) {
      const nextQ = qs[n + 1];
      if (nextQ && nextQ.t0 === q.t1 + 1 && nextQ.unit !== 'count') {
        if (nextQ.unit === 'fraction' && q.value > 1 && ctx.toks[nextQ.t0 + 1]?.text === '/') {
          // "from 3 to 4/5": a baseline above one is no fraction, so the target is a score out of 5.
          nextQ.unit = 'count';
          nextQ.value = ctx.toks[nextQ.t0].value;
        } else {
          q.unit = nextQ.unit;
          if (nextQ.currency) q.currency = nextQ.currency;
        }
      }
    }
    q.counts = role !== 'baseline' && !q.serviceLevel && !(ctx.mark[q.t0] & M_DEPENDENCY);
    if (isMoneyScope(ctx, q)) {
      q.scope = true;
      q.counts = false;
    }
  }
}

/** "(FY25: $275k)", "(2025: 61%)": the value a bracketed period label gives is a baseline. */
function isBracketedPeriodValue(ctx: Ctx, q: QInfo): boolean {
  let k = q.t0 - 1;
  if (k < 1 || ctx.toks[k].text !== ':' || !(ctx.mark[k - 1] & M_DEADLINE)) return false;
  k--;
  while (k >= 0 && ctx.mark[k] & M_DEADLINE) k--;
  return k >= 0 && ctx.toks[k].text === '(';
}

const SCOPE_BOUNDS = /^(above|over|under|below|exceeding|>|<|≥|≤|>=|<=)$/;

/**
 * "for all tenders above $50k", "every contract over £1m": money that picks out which items a
 * rule covers is a scope, not a target. Only after a universal word, so "deals over $250k per
 * quarter" and "keep spend under $2m" keep their amount.
 */
function isMoneyScope(ctx: Ctx, q: QInfo): boolean {
  if (q.unit !== 'currency') return false;
  const toks = ctx.toks;
  const b = q.t0 - 1;
  if (b < 2 || !SCOPE_BOUNDS.test(toks[b].lower)) return false;
  // A noun phrase of at most three words headed by the items, after "all", "every", "any", "each".
  for (let k = b - 1; k >= 0 && k >= b - 4; k--) {
    const t = toks[k];
    if (t.kind !== 'w' || ctx.verb[k] || ctx.mark[k] & M_QUANTITY) return false;
    if (ctx.lex.list.universalWords.words.has(t.lower)) return k < b - 1 && t.lower !== 'no';
  }
  return false;
}

/** "baseline of 6,061", "from the baselines for the Fall 2017 cohort of 34%". */
function isBaselineOf(ctx: Ctx, p: number): boolean {
  const toks = ctx.toks;
  if (p < 0 || toks[p].lower !== 'of') return false;
  for (let k = p - 1; k >= 0 && k >= p - 8; k--) {
    if (ctx.mark[k] & M_QUANTITY) return false;
    const w = toks[k].lower;
    if (w === 'baseline' || w === 'baselines' || w === 'base') return true;
    if (toks[k].kind === 's' && toks[k].text !== ',' && !(ctx.mark[k] & M_DEADLINE)) return false;
  }
  return false;
}

/** Whether only commas, "and", "or" and hedges separate two quantities. */
function isListContinuation(ctx: Ctx, a: QInfo, b: QInfo): boolean {
  const toks = ctx.toks;
  if (b.t0 - a.t1 > 3) return false;
  let sawSeparator = false;
  for (let k = a.t1; k < b.t0; k++) {
    const t: Token = toks[k];
    if (t.text === ',' || t.lower === 'and' || t.lower === 'or') sawSeparator = true;
    else if (!(ctx.lex.list.hedges.words.has(t.lower) || t.text === '(' || t.text === ')')) return false;
  }
  return sawSeparator;
}
