/**
 * Finds the deadline or window a statement gives ("by Q3 2027", "within 18 months", "each
 * quarter", "this fiscal year") and classifies it. Time words that are not a deadline (a baseline
 * year, a rate unit like "/month", a metric-defining "within 24 hours") are marked so they are
 * neither a deadline nor a quantity.
 */
import type { Deadline, DeadlineKind } from './types';
import type { Ctx } from './context';
import { isNumberToken, M_BOUNDARY, M_DEADLINE, M_DEPENDENCY, M_IGNORED } from './context';
import type { Token } from './tokenize';
import { isWord, matchList } from './lexicon/compile';
import { namesAdopters, readPhrase, shareHandledWithin } from './phrases';

export interface DeadlineHit extends Deadline {
  /** False for time words that do not bound the commitment (baseline years, rate units). */
  counts: boolean;
}

const QUARTER = /^q[1-4](?:[-/'](?:19|20)?\d\d)?$/;
const HALF = /^h[12](?:[-/'](?:19|20)?\d\d)?$/;
// FY27, FY2027, and a fiscal year written as a span: FY2026-27, FY26/27.
const FISCAL = /^(?:fy|cy)(?:\d{2}|\d{4})(?:[-/–](?:\d{2}|\d{4}))?$/;
// A fiscal quarter or half in one code: FY26-Q3, FY2027Q3, Q1-FY27, H1/FY27.
const FISCAL_PART = /^(?:(?:fy|cy)(?:\d{2}|\d{4})[-/]?(?:q[1-4]|h[12])|(?:q[1-4]|h[12])[-/]?(?:fy|cy)(?:\d{2}|\d{4}))$/;
const YEAR_END = /^(?:eoy|eoq|eom|ye|year-end|yearend|end-of-year|end-of-quarter|eofy|mid-year|midyear|ye\d\d)$/;
const BASELINE_PREV = new Set([
  'vs',
  'versus',
  'since',
  'than',
  'compared',
  'against',
  'last',
  'prior',
  'previous',
  'baseline',
  'baselines',
  'relative',
]);
const CODE_START = new Set([...'qhfcemy'].map((c) => c.charCodeAt(0)));
const SEASONS = new Set(['spring', 'summer', 'fall', 'autumn', 'winter']);

export function isYearToken(t: Token | undefined): boolean {
  return !!t && t.kind === 'n' && t.text.length === 4 && t.value >= 1900 && t.value <= 2099;
}

export function findDeadlines(ctx: Ctx): DeadlineHit[] {
  const { toks, mark, lex } = ctx;
  const hits: DeadlineHit[] = [];
  for (let i = 0; i < toks.length; i++) {
    if (mark[i] & (M_IGNORED | M_DEADLINE)) continue;
    const t = toks[i];
    let end = -1;
    let kind: DeadlineKind = 'date';
    let counts = true;
    const w = t.lower;
    if (t.kind === 'w') {
      // Period codes start with q, h, f, c, e, y or m (Q3, H1, FY27, CY26, EOY, YE, mid-year).
      const codeLike = CODE_START.has(w.charCodeAt(0));
      if (
        codeLike &&
        (QUARTER.test(w) ||
          HALF.test(w) ||
          FISCAL.test(w) ||
          FISCAL_PART.test(w) ||
          (w === 'fy' && toks[i + 1]?.kind === 'n'))
      ) {
        kind = fiscalPartKind(w) ?? (w[0] === 'q' ? 'quarter' : w[0] === 'h' ? 'half' : 'fiscal-year');
        end = i + 1;
        if (w === 'fy') end++;
        if (isYearToken(toks[end]) || (toks[end]?.text === "'" && toks[end + 1]?.kind === 'n'))
          end += toks[end].text === "'" ? 2 : 1;
        // A fiscal year written as a span: "FY26/27", "FY 2026-27".
        if (
          kind === 'fiscal-year' &&
          toks[end] &&
          !toks[end].gap &&
          /^[-/–]$/.test(toks[end].text) &&
          toks[end + 1]?.kind === 'n' &&
          !toks[end + 1].gap &&
          (toks[end + 1].text.length === 2 || toks[end + 1].text.length === 4)
        )
          end += 2;
      } else if (codeLike && YEAR_END.test(w)) {
        kind = 'year';
        end = i + 1;
      } else if (w === 'end' || w === 'close') {
        // "end of (the) year / quarter / June / Q2 / FY"; "year end"
        let j = i + 1;
        if (toks[j]?.lower === 'of') j++;
        if (toks[j]?.lower === 'the') j++;
        if (j > i + 1) {
          const k = periodOrDate(ctx, j);
          if (k.end > j) {
            kind = k.kind;
            end = k.end;
          }
        }
      } else if (
        (w === 'year' || w === 'quarter' || w === 'month') &&
        (toks[i + 1]?.lower === 'end' || toks[i + 1]?.lower === 'close')
      ) {
        kind = w === 'year' ? 'year' : w === 'quarter' ? 'quarter' : 'month';
        end = i + 2;
      } else if (w === 'during' && (isPeriod(ctx, i + 1) || (toks[i + 1]?.lower === 'the' && isPeriod(ctx, i + 2)))) {
        // "during the quarter", "during quarter": the current period, as "this quarter" is.
        kind = 'relative';
        end = isPeriod(ctx, i + 1) ? i + 2 : i + 3;
      } else if (isWord(lex.list.relativeWords, t) && !(w === 'current' && !isPeriod(ctx, i + 1))) {
        let j = i + 1;
        while (toks[j] && /^(fiscal|financial|calendar|academic|school|planning|budget|reporting)$/.test(toks[j].lower))
          j++;
        if (isPeriod(ctx, j) || (toks[j]?.kind === 'w' && FISCAL.test(toks[j].lower))) {
          kind = 'relative';
          end = j + 1;
        } else if (
          w === 'next' &&
          /^(in|by|before|at|until|from|after)$/.test(toks[i - 2]?.lower ?? '') &&
          toks[i - 1]?.lower === 'the'
        ) {
          // "in the next pulse survey", "by the next board meeting"
          let k = j;
          while (toks[k] && toks[k].kind === 'w' && k < j + 3 && !lex.list.prepositions.words.has(toks[k].lower)) k++;
          if (k > j) {
            kind = 'relative';
            end = k;
          }
        }
      } else if (isWord(lex.list.recurringWords, t) || matchList(lex.list.recurringWords, toks, i) > 1) {
        const len = isWord(lex.list.recurringWords, t)
          ? Math.max(1, matchList(lex.list.recurringWords, toks, i))
          : matchList(lex.list.recurringWords, toks, i);
        // "mom", "wow", "pa" are words too; only their written-as-abbreviation forms count.
        if ((w === 'mom' || w === 'wow' || w === 'pa') && t.text === w) continue;
        if (
          isWord(lex.list.recurringAdjectives, t) &&
          toks[i + 1]?.kind === 'w' &&
          !lex.list.prepositions.words.has(toks[i + 1].lower) &&
          !lex.list.conjunctions.words.has(toks[i + 1].lower)
        ) {
          // "monthly report" is a recurring activity; "monthly active users" is a rate unit.
          kind = 'recurring';
          end = i + 1;
          counts = !headIsMetric(ctx, i + 1) && !headIsDocument(ctx, i + 1);
        } else {
          kind = 'recurring';
          end = i + len;
          counts = !afterThreshold(ctx, i) && !annualisedMoney(ctx, i);
        }
      } else if (isWord(lex.list.recurringAdjectives, t) && toks[i + 1]?.kind === 'w') {
        kind = 'recurring';
        end = i + 1;
        counts = !headIsMetric(ctx, i + 1) && !headIsDocument(ctx, i + 1);
      } else if (
        (w === 'per' || w === 'each' || w === 'every' || (w === 'a' && FREQUENCY.test(toks[i - 1]?.lower ?? ''))) &&
        (isPeriod(ctx, i + 1) || (toks[i + 1]?.kind === 'n' && isPeriod(ctx, i + 2)))
      ) {
        kind = 'recurring';
        end = toks[i + 1].kind === 'n' ? i + 3 : i + 2;
        // "< 3% per month" is a rate; "≥ 97% every month" must be met in each month; "an average of
        // under 5 tickets per day" is an average's unit.
        counts =
          w === 'every' ||
          w === 'each' ||
          !(afterThreshold(ctx, i) || (w === 'per' && (averaged(ctx, i) || afterMeasure(ctx, i))));
      } else if (isMonth(ctx, i)) {
        const r = monthSpan(ctx, i);
        kind = r.kind;
        end = r.end;
        if (r.start < i) i = r.start;
      } else if (SEASONS.has(w) && isYearToken(toks[i + 1])) {
        kind = 'year';
        end = i + 2;
        counts = !followedByBaseline(ctx, i + 2);
      } else if (w === 'within' || w === 'in' || w === 'over') {
        const r = windowSpan(ctx, i);
        if (r > 0) {
          kind = 'relative';
          end = r;
          counts =
            !eventRelative(ctx, r) &&
            !afterPercent(ctx, i) &&
            !windowThenShare(ctx, i, r) &&
            !shareHandledWithin(ctx, i);
        }
      }
    } else if (t.kind === 'n') {
      if (t.value >= 1 && t.value <= 31 && Number.isInteger(t.value) && isMonth(ctx, i + 1)) {
        const r = monthSpan(ctx, i + 1);
        kind = 'date';
        end = r.end;
      } else if (isNumericDate(toks, i)) {
        kind = 'date';
        end = i + 5;
      } else if (isYearToken(t) && isYearHere(ctx, i)) {
        kind = 'year';
        end = i + 1;
        // Academic or range years: 2023-2024, 2023/24, 2023–24.
        if (
          toks[i + 1] &&
          !toks[i + 1].gap &&
          /^[-/–]$/.test(toks[i + 1].text) &&
          toks[i + 2]?.kind === 'n' &&
          !toks[i + 2].gap &&
          (toks[i + 2].text.length === 2 || isYearToken(toks[i + 2]))
        )
          end = i + 3;
        counts = !followedByBaseline(ctx, end);
      }
    } else if (t.text === '/' && !t.gap && isPeriod(ctx, i + 1)) {
      // "$25/month", "120/month": a rate unit.
      mark[i] |= M_DEADLINE;
      mark[i + 1] |= M_DEADLINE;
      i++;
      continue;
    }
    if (end <= i) continue;
    // A baseline cue right before makes it a reference point, not a deadline.
    let start = i;
    const p1 = prevWord(ctx, i);
    if (
      p1 >= 0 &&
      (BASELINE_PREV.has(toks[p1].lower) ||
        (toks[p1].lower === 'from' && kind !== 'recurring' && !/^(starting|start)$/.test(toks[p1 - 1]?.lower ?? '')))
    )
      counts = false;
    // "vs the 2024 level", "compared with 2024", "relative to FY25": a reference point too.
    if (p1 >= 0 && /^(the|year|with|to)$/.test(toks[p1].lower) && prevWord(ctx, p1) >= 0) {
      const p2 = prevWord(ctx, p1);
      if (BASELINE_PREV.has(toks[p2].lower)) counts = false;
    }
    // Include the preposition that introduces it ("by", "within", "no later than", "end of").
    if (p1 >= 0 && p1 === i - 1 && lex.list.deadlinePrepositions.words.has(toks[p1].lower) && kind !== 'relative')
      start = p1;
    if (
      p1 >= 0 &&
      p1 === i - 1 &&
      toks[p1].lower === 'the' &&
      lex.list.deadlinePrepositions.words.has(toks[p1 - 1]?.lower ?? '')
    )
      start = p1 - 1;
    // "(FY25: $275k)", "(2025: 61%)": a bracketed period labelling a past value is a baseline.
    if (toks[start - 1]?.text === '(' && toks[end]?.text === ':') counts = false;
    // "The margin at 30 June 2024 was 8.2%", "the backlog in 2025 was 900": a date in a clause
    // that says what was is history, not a deadline.
    if (counts && pastStatement(ctx, i)) counts = false;
    for (let k = start; k < end; k++) mark[k] |= M_DEADLINE;
    const inDependency = (mark[i] & M_DEPENDENCY) !== 0;
    hits.push({
      text: ctx.text.slice(toks[start].start, toks[end - 1].end),
      start: toks[start].start,
      end: toks[end - 1].end,
      kind,
      counts: counts && !inDependency,
    });
    i = end - 1;
  }
  return hits;
}

/** Words that start another clause, which may be in another tense ("…in Q2 where sign-ups were weak"). */
const OTHER_CLAUSE = /^(where|when|which|who|that|while|whereas|but|and|so|because)$/;

/**
 * The clause of token `i` says what was ("The margin at 30 June 2024 was 8.2%"): "was" or
 * "were" in it, and nothing that looks ahead ("will", "by", "to").
 */
function pastStatement(ctx: Ctx, i: number): boolean {
  const { toks } = ctx;
  const sent = ctx.sentence[i];
  const inClause = (k: number) =>
    k >= 0 &&
    k < toks.length &&
    ctx.sentence[k] === sent &&
    !(ctx.mark[k] & M_BOUNDARY) &&
    !OTHER_CLAUSE.test(toks[k].lower);
  let a = i;
  while (inClause(a - 1)) a--;
  let past = false;
  for (let k = a; inClause(k) || k === i; k++) {
    const w = toks[k].lower;
    if (w === 'will' || w === 'shall' || w === 'by' || w === 'to') return false;
    if (w === 'was' || w === 'were') past = true;
  }
  return past;
}

function prevWord(ctx: Ctx, i: number): number {
  const p = i - 1;
  if (p < 0 || ctx.mark[p] & M_IGNORED) return -1;
  return p;
}

/** "twice a year", "three times a quarter": a frequency makes "a <period>" a recurring period. */
const FREQUENCY = /^(once|twice|thrice|times)$/;

function isPeriod(ctx: Ctx, i: number): boolean {
  const t = ctx.toks[i];
  if (!t || t.kind !== 'w') return false;
  return ctx.lex.list.periodWords.words.has(t.lower) || /^(weeks|months|quarters|years|halves|days|day)$/.test(t.lower);
}

function isMonth(ctx: Ctx, i: number): boolean {
  const t = ctx.toks[i];
  if (!t || t.kind !== 'w') return false;
  if (!isWord(ctx.lex.list.monthNames, t)) return false;
  const w = t.lower;
  const prev = ctx.toks[i - 1];
  const next = ctx.toks[i + 1];
  const dated =
    (prev && prev.kind === 'n' && prev.value <= 31) ||
    (next && next.kind === 'n' && (next.value <= 31 || isYearToken(next)));
  const introduced =
    prev &&
    /^(by|in|until|till|before|of|end|early|mid|late|through|since|from|during|the|this|next|last)$/.test(prev.lower);
  // "may" and "march" are also verbs; they need a date around them.
  if (w === 'may' || w === 'march' || w === 'mar') return !!t.cap && !!(dated || introduced);
  if (!t.cap) return !!dated;
  return true;
}

function monthSpan(ctx: Ctx, i: number): { start: number; end: number; kind: DeadlineKind } {
  const toks = ctx.toks;
  let start = i;
  let end = i + 1;
  let kind: DeadlineKind = 'month';
  if (toks[i - 1]?.kind === 'n' && toks[i - 1].value <= 31) {
    start = i - 1;
    kind = 'date';
  }
  if (toks[end]?.text === '.' && !toks[end].gap) end++;
  if (toks[end]?.kind === 'n' && toks[end].value <= 31 && !isYearToken(toks[end])) {
    end++;
    kind = 'date';
    if (toks[end]?.kind === 'w' && /^(st|nd|rd|th)$/.test(toks[end].lower) && !toks[end].gap) end++;
  }
  if (toks[end]?.text === ',' && isYearToken(toks[end + 1])) end++;
  if (isYearToken(toks[end])) end++;
  return { start, end, kind };
}

/** The kind of a fiscal quarter or half written as one code (FY26-Q3), or undefined. */
function fiscalPartKind(w: string): DeadlineKind | undefined {
  if (!FISCAL_PART.test(w)) return undefined;
  return w.includes('q') ? 'quarter' : 'half';
}

function periodOrDate(ctx: Ctx, j: number): { end: number; kind: DeadlineKind } {
  const t = ctx.toks[j];
  if (!t) return { end: j, kind: 'year' };
  const w = t.lower;
  if (QUARTER.test(w)) return { end: isYearToken(ctx.toks[j + 1]) ? j + 2 : j + 1, kind: 'quarter' };
  if (HALF.test(w)) return { end: isYearToken(ctx.toks[j + 1]) ? j + 2 : j + 1, kind: 'half' };
  const part = fiscalPartKind(w);
  if (part) return { end: j + 1, kind: part };
  if (FISCAL.test(w) || w === 'fy')
    return { end: ctx.toks[j + 1]?.kind === 'n' && w === 'fy' ? j + 2 : j + 1, kind: 'fiscal-year' };
  if (isYearToken(t)) return { end: j + 1, kind: 'year' };
  if (isMonth(ctx, j) || ctx.lex.list.monthNames.words.has(w)) return { end: monthSpan(ctx, j).end, kind: 'month' };
  let k = j;
  while (ctx.toks[k] && /^(fiscal|financial|calendar|academic|school)$/.test(ctx.toks[k].lower)) k++;
  if (isPeriod(ctx, k)) {
    const p = ctx.toks[k].lower;
    const kind: DeadlineKind = p.startsWith('quarter')
      ? 'quarter'
      : p.startsWith('month')
        ? 'month'
        : p === 'half'
          ? 'half'
          : k > j
            ? 'fiscal-year'
            : 'year';
    return { end: isYearToken(ctx.toks[k + 1]) ? k + 2 : k + 1, kind };
  }
  return { end: j, kind: 'year' };
}

/** "within 18 months", "in the next 6 months", "over the next two quarters". Returns the end. */
function windowSpan(ctx: Ctx, i: number): number {
  const toks = ctx.toks;
  let j = i + 1;
  if (toks[j]?.lower === 'the') j++;
  if (toks[j] && /^(next|coming|first|following)$/.test(toks[j].lower)) j++;
  else if (toks[i].lower !== 'within') return -1; // "in 6 months" is ambiguous; "in the next 6 months" is not
  const n = toks[j];
  if (!n) return -1;
  if (!isNumberToken(ctx, n) && n.lower !== 'a' && n.lower !== 'one') return -1;
  const u = toks[j + 1];
  if (!u || u.kind !== 'w') return -1;
  if (!ctx.lex.list.longDurationUnits.words.has(u.lower)) return -1;
  return j + 2;
}

/** "within 90 days of release", "within one year of graduation": a metric definition. */
function eventRelative(ctx: Ctx, end: number): boolean {
  const t = ctx.toks[end];
  return !!t && /^(of|after|from|following|since)$/.test(t.lower);
}

/**
 * "Applications decided within 8 weeks: 85%": a window after the metric's subject and before a
 * share defines a service level; "Within 18 months, 30% of…" opens the sentence and bounds it.
 */
function windowThenShare(ctx: Ctx, i: number, end: number): boolean {
  const toks = ctx.toks;
  if (i === 0 || ctx.sentence[i - 1] !== ctx.sentence[i] || toks[i - 1].kind !== 'w') return false;
  let j = end;
  while (toks[j] && /^[:,\-–—]$/.test(toks[j].text)) j++;
  if (j > end && toks[j]?.kind === 'n' && toks[j + 1]?.text === '%') return true;
  // "Interviews offered within six weeks at 80 per cent of job centres".
  if (j !== end || !/^(at|for|in)$/.test(toks[j]?.lower ?? '')) return false;
  const n = toks[j + 1];
  return isNumberToken(ctx, n) && (toks[j + 2]?.text === '%' || matchList(ctx.lex.list.percentWords, toks, j + 2) > 0);
}

/** "savings of £1.1m p.a.", "$45M per annum": an annual rate is the amount's unit, not a deadline. */
function annualisedMoney(ctx: Ctx, i: number): boolean {
  const toks = ctx.toks;
  if (!/^(p|pa|per)$/.test(toks[i].lower) || (toks[i].lower === 'per' && toks[i + 1]?.lower !== 'annum')) return false;
  const list = ctx.lex.list;
  for (let k = i - 1; k >= 0 && k >= i - 4; k--) {
    const t = toks[k];
    if (list.currencySymbols.words.has(t.lower)) return true;
    if (t.kind === 'w' && list.currencyWords.words.has(t.lower) && t.text === t.text.toUpperCase()) return true;
    if (t.kind !== 'n' && !(t.kind === 'w' && list.scaleWords.words.has(t.lower))) return false;
  }
  return false;
}

/** "61% in four years": the window belongs to the metric. */
function afterPercent(ctx: Ctx, i: number): boolean {
  const p = ctx.toks[i - 1];
  return !!p && p.text === '%' && ctx.toks[i].lower === 'in';
}

/** An average, mean or median earlier in the clause ("Average <5 open tickets per day"). */
function averaged(ctx: Ctx, i: number): boolean {
  for (let k = i - 1; k >= 0 && k >= i - 8 && ctx.sentence[k] === ctx.sentence[i]; k--) {
    if (ctx.mark[k] & M_BOUNDARY) return false;
    if (/^(average|averages|averaging|avg|mean|median)$/.test(ctx.toks[k].lower)) return true;
  }
  return false;
}

/** "461m litres per day", "110 litres per person per day": a physical amount per period is a rate unit. */
function afterMeasure(ctx: Ctx, i: number): boolean {
  let k = i - 1;
  while (k >= 2 && ctx.toks[k - 1].lower === 'per') k -= 2;
  return k >= 0 && ctx.lex.list.measureUnits.words.has(ctx.toks[k].lower);
}

/** "churn < 3% monthly", "below 2% per month", "to 2% per month": the period is the metric's unit. */
function afterThreshold(ctx: Ctx, i: number): boolean {
  const toks = ctx.toks;
  // Only a percentage under a ceiling or above a floor is a rate ("churn < 3% monthly");
  // "deals over $250,000 per quarter" is a quota.
  let j = i - 1;
  if (j < 0 || toks[j].text !== '%') return false;
  j--;
  if (j < 0 || toks[j].kind !== 'n') return false;
  for (let k = j - 1; k >= 0 && k >= j - 3; k--) {
    const w = toks[k].lower;
    // A level the rate is brought to counts too: "bring churn down to 2.5% per month".
    if (/^(<|>|≤|≥|<=|>=|below|under|above|over|than|max|maximum|min|minimum|to)$/.test(w)) return true;
    if (toks[k].kind === 'w' && !/^(at|most|least|no|more|less|of|a|~)$/.test(w)) break;
  }
  return false;
}

function followedByBaseline(ctx: Ctx, end: number): boolean {
  const t = ctx.toks[end];
  return !!t && t.kind === 'w' && ctx.lex.list.baselineNouns.words.has(t.lower);
}

/** Whether the noun phrase starting at `i` is headed by a metric ("monthly active users", not
 * "monthly pipeline digest"). */
/** "annual growth plan", "quarterly budget": one document named after its period. */
function headIsDocument(ctx: Ctx, i: number): boolean {
  const ph = readPhrase(ctx, i, ctx.toks.length);
  return ph.head >= 0 && ctx.lex.list.periodDocuments.words.has(ctx.toks[ph.head].lower);
}

function headIsMetric(ctx: Ctx, i: number): boolean {
  const ph = readPhrase(ctx, i, ctx.toks.length);
  // "annual revenue growth of 8%": a change each period is met each period, like "YoY"; annual
  // savings are an amount a year.
  const change = ph.head >= 0 && matchList(ctx.lex.list.changeNouns, ctx.toks, ph.head) ? ph.head : ph.from;
  if (matchList(ctx.lex.list.changeNouns, ctx.toks, change) && !/^saving/.test(ctx.toks[change].lower)) return false;
  // "weekly active sellers", "monthly paying customers": people who adopted something are a metric.
  return ph.headClass === 'outcome' || namesAdopters(ctx, ph);
}

function isNumericDate(toks: Token[], i: number): boolean {
  const a = toks[i + 1];
  const b = toks[i + 2];
  const c = toks[i + 3];
  const d = toks[i + 4];
  if (!a || !b || !c || !d || a.gap || b.gap || c.gap || d.gap) return false;
  if (a.text !== c.text || (a.text !== '/' && a.text !== '-' && a.text !== '.')) return false;
  return (
    b.kind === 'n' &&
    d.kind === 'n' &&
    Number.isInteger(toks[i].value) &&
    (isYearToken(toks[i]) || isYearToken(d) || d.text.length === 2)
  );
}

/** A four-digit number in 1900–2099 is a year unless it clearly counts something ("2000 users"). */
function isYearHere(ctx: Ctx, i: number): boolean {
  const toks = ctx.toks;
  const t = toks[i];
  if (t.text.indexOf('.') >= 0) return false;
  const prev = toks[i - 1];
  const next = toks[i + 1];
  if (
    prev &&
    (prev.text === '$' || prev.text === '€' || prev.text === '£' || prev.text === '~' || /^[<>≤≥]$/.test(prev.text))
  )
    return false;
  if (next && !next.gap && next.kind === 'w') return false; // 2025k, 2000x
  if (next && next.text === '%') return false;
  if (
    prev &&
    prev.kind === 'w' &&
    (ctx.lex.list.deadlinePrepositions.words.has(prev.lower) ||
      BASELINE_PREV.has(prev.lower) ||
      SEASONS.has(prev.lower) ||
      prev.lower === 'year' ||
      prev.lower === 'the' ||
      ctx.lex.list.monthNames.words.has(prev.lower) ||
      QUARTER.test(prev.lower) ||
      HALF.test(prev.lower))
  )
    return true;
  if (
    next &&
    next.kind === 'w' &&
    !next.cap &&
    !ctx.lex.list.baselineNouns.words.has(next.lower) &&
    !ctx.lex.list.conjunctions.words.has(next.lower) &&
    !ctx.lex.list.prepositions.words.has(next.lower) &&
    !/^(target|targets|goal|goals|plan|budget|results|and)$/.test(next.lower)
  ) {
    return false; // "2000 users": a count
  }
  return true;
}
