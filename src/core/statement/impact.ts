/**
 * The impact clause: does the text name an outcome that is meant to move or reach a level, is
 * that movement quantified, in which direction, from which baseline to which target, and is the
 * target contradictory ("reduce churn from 3% to 5%")?
 */
import type { Direction } from './types';
import type { Ctx } from './context';
import { M_QUANTITY } from './context';
import type { QInfo } from './quantities';
import { matchList, matchedValue, V_ACQ, V_AMOUNT, V_DEC, V_HOLD, V_INC, V_REACH } from './lexicon/compile';
import { clauseEnd, clauseStart, readPhrase, rangeHasOutcome, type Phrase } from './phrases';
import { governingVerb } from './outcome';

export interface ImpactResult {
  impact: boolean;
  impactQuantified: boolean;
  direction?: Direction;
  metric?: string;
  baseline?: QInfo;
  target?: QInfo;
  /** Index of the first token of the impact clause, or -1. */
  clauseFrom: number;
  clauseTo: number;
  contradiction?: { verb: string; baseline: QInfo; target: QInfo };
}

export function findImpact(ctx: Ctx, qs: QInfo[]): ImpactResult {
  const res: ImpactResult = { impact: false, impactQuantified: false, clauseFrom: -1, clauseTo: -1 };
  const quantified = qs.find((q) => q.counts && q.outcome);
  if (quantified) {
    res.impact = true;
    res.impactQuantified = true;
    res.metric = quantified.measures;
    res.target = quantified;
    const gv = governingVerb(ctx, quantified);
    res.direction = directionOf(gv.flags, quantified);
    res.clauseFrom = clauseStart(ctx, quantified.t0);
    res.clauseTo = clauseEnd(ctx, quantified.t1 - 1);
    // The baseline in the same sentence, before the target.
    for (const q of qs) {
      if (q.role === 'baseline' && ctx.sentence[q.t0] === ctx.sentence[quantified.t0]) {
        res.baseline = q;
        const t = qs.find((x) => x.t0 > q.t0 && x.counts && ctx.sentence[x.t0] === ctx.sentence[q.t0]);
        if (t) {
          res.target = t;
          const g = governingVerb(ctx, t);
          checkContradiction(ctx, res, g.verb, g.flags, q, t);
        }
        break;
      }
    }
    return res;
  }
  // Not quantified: a direction word and an outcome in the same clause.
  const { toks, lex } = ctx;
  for (let i = 0; i < toks.length; i++) {
    const t = toks[i];
    if (t.kind !== 'w') continue;
    const f = ctx.verb[i];
    if (f & (V_INC | V_DEC | V_HOLD | V_REACH)) {
      const ce = clauseEnd(ctx, i);
      const obj = readPhrase(ctx, i + ctx.verbLen[i], ce);
      const ok =
        obj.headClass === 'outcome' ||
        (obj.headClass === 'acquirable' && !(f & V_REACH)) ||
        ((obj.headClass === 'unknown' || obj.headClass === 'none') &&
          (obj.hasOutcome || (obj.hasAcquirable && !(f & V_REACH)))) ||
        // "keep uptime high", "close more deals"
        (obj.headClass !== 'soft' &&
          obj.headClass !== 'output' &&
          obj.headClass !== 'input' &&
          directionStateAfter(ctx, obj.to, ce)) ||
        // "Operating costs: hold at 2026 levels": the metric named before the verb is held.
        (f & V_HOLD && obj.head < 0 && rangeHasOutcome(ctx, sentenceStart(ctx, i), i)) ||
        // "Decrease vehicle miles travelled", "grow our economy": what a verb of amount moves is a
        // level, though the lexicon does not know it as a metric (not a quality: "improve culture").
        (f & V_AMOUNT && obj.headClass === 'unknown');
      if (ok) return named(res, clauseStart(ctx, i), ce, directionOf(f, undefined), phraseText(ctx, obj));
      continue;
    }
    // "more deals", "faster" with leads in the clause, "30% more" handled as a quantity.
    if (matchList(lex.list.comparatives, toks, i) && !(ctx.mark[i - 1] & M_QUANTITY) && toks[i + 1]?.lower !== 'than') {
      const dir = matchedValue;
      if (/^(over|under|above|below|up|down)$/.test(t.lower)) continue;
      const cs = clauseStart(ctx, i);
      const ce = clauseEnd(ctx, i);
      const obj = readPhrase(ctx, i + 1, ce);
      let acquiring = false;
      for (let k = cs; k < i; k++) if (ctx.verb[k] & V_ACQ) acquiring = true;
      if (
        obj.headClass === 'outcome' ||
        obj.headClass === 'acquirable' ||
        (obj.headClass === 'none' && rangeHasOutcome(ctx, cs, ce)) ||
        (obj.headClass === 'unknown' && (obj.hasOutcome || acquiring))
      )
        return named(res, cs, ce, dir === 'down' ? 'decrease' : 'increase');
    }
    // A change named as a noun: "an increase in revenue", "improvement in the maturity score".
    if (
      (toks[i + 1]?.lower === 'in' || toks[i + 1]?.lower === 'of') &&
      matchList(lex.list.changeNouns, toks, i) &&
      !(ctx.mark[i - 1] & M_QUANTITY)
    ) {
      const dir = matchedValue;
      const ce = clauseEnd(ctx, i);
      const obj = readPhrase(ctx, i + 2, ce, true);
      if (
        obj.headClass === 'outcome' ||
        obj.headClass === 'acquirable' ||
        (obj.headClass === 'unknown' && obj.hasOutcome)
      )
        return named(res, clauseStart(ctx, i), ce, dir === 'down' ? 'decrease' : 'increase', phraseText(ctx, obj));
    }
    // A metric followed by a state: "coverage increased", "well-being will have improved".
    if (matchList(lex.list.outcomeMetrics, toks, i)) {
      const len = matchList(lex.list.outcomeMetrics, toks, i);
      const ce = clauseEnd(ctx, i);
      if (directionStateAfter(ctx, i + len, Math.min(ce, i + len + 4)))
        return named(res, clauseStart(ctx, i), ce, undefined, ctx.text.slice(t.start, toks[i + len - 1].end));
    }
  }
  // A service level on an outcome: "respond to all inbound leads within 24 hours".
  for (const q of qs) {
    if (q.serviceLevel && rangeHasOutcome(ctx, clauseStart(ctx, q.t0), q.t0))
      return named(res, clauseStart(ctx, q.t0), clauseEnd(ctx, q.t0));
  }
  return res;
}

/** An outcome named without an amount, in the clause [from, to). */
function named(res: ImpactResult, from: number, to: number, direction?: Direction, metric?: string): ImpactResult {
  res.impact = true;
  if (direction) res.direction = direction;
  if (metric) res.metric = metric;
  res.clauseFrom = from;
  res.clauseTo = to;
  return res;
}

/** The words of a phrase that has a head ("the digital maturity score"). */
function phraseText(ctx: Ctx, ph: Phrase): string | undefined {
  return ph.head >= 0 ? ctx.text.slice(ctx.toks[ph.from].start, ctx.toks[ph.to - 1].end) : undefined;
}

function sentenceStart(ctx: Ctx, i: number): number {
  let k = i;
  while (k > 0 && ctx.sentence[k - 1] === ctx.sentence[i]) k--;
  return k;
}

function directionStateAfter(ctx: Ctx, from: number, to: number): boolean {
  for (let k = from; k < to && k < from + 4; k++) {
    const t = ctx.toks[k];
    if (t.kind !== 'w') return false;
    if (matchList(ctx.lex.list.directionStates, ctx.toks, k)) return true;
    if (!ctx.lex.list.auxiliaries.words.has(t.lower)) return false;
  }
  return false;
}

function directionOf(flags: number, q: QInfo | undefined): Direction | undefined {
  if (q?.sign === 'up') return 'increase';
  if (q?.sign === 'down') return 'decrease';
  if (flags & V_INC) return 'increase';
  if (flags & V_DEC) return 'decrease';
  if (flags & V_HOLD) return 'hold';
  if (flags & V_REACH || q?.role === 'target' || q?.role === 'threshold') return 'reach';
  return undefined;
}

function checkContradiction(
  ctx: Ctx,
  res: ImpactResult,
  verb: number,
  flags: number,
  base: QInfo,
  target: QInfo,
): void {
  if (verb < 0 || base.unit !== target.unit) return;
  if (!(flags & (V_INC | V_DEC)) || (flags & V_INC && flags & V_DEC)) return;
  const lemmaWord = ctx.toks[verb].lower;
  if (matchList(ctx.lex.list.ambiguousDirectionVerbs, ctx.toks, verb) || isAmbiguous(ctx, lemmaWord)) return;
  const up = (flags & V_INC) !== 0;
  // A baseline that borrowed its unit ("from 52 to 40 days") compares as written.
  const borrowed = !/[a-z]/i.test(base.text) || !/[a-z]/i.test(target.text);
  const b = borrowed ? base.value : comparable(base);
  const t = borrowed ? target.value : comparable(target);
  if ((up && t < b) || (!up && t > b)) {
    res.contradiction = {
      verb: ctx.text.slice(ctx.toks[verb].start, ctx.toks[verb + ctx.verbLen[verb] - 1].end),
      baseline: base,
      target,
    };
  }
}

function isAmbiguous(ctx: Ctx, form: string): boolean {
  // Inflected forms of ambiguous verbs ("improving", "improved").
  for (const w of ctx.lex.source.ambiguousDirectionVerbs)
    if (form.startsWith(w.slice(0, Math.max(4, w.length - 1)))) return true;
  return false;
}

const SECONDS: [RegExp, number][] = [
  [/^(ms|milliseconds?)$/, 0.001],
  [/^(s|secs?|seconds?)$/, 1],
  [/^(mins?|minutes?)$/, 60],
  [/^(h|hrs?|hours?)$/, 3600],
  [/^((business |working |calendar )?days?|d)$/, 86400],
  [/^(wks?|weeks?)$/, 604800],
  [/^(mos?|mths?|months?)$/, 2629800],
  [/^(quarters?)$/, 7889400],
  [/^(yrs?|years?)$/, 31557600],
];

/** Durations in seconds so "3 days" and "4 hours" compare; other units as written. */
function comparable(q: QInfo): number {
  if (q.unit !== 'duration') return q.value;
  const unit = q.text
    .toLowerCase()
    .replace(/^[^a-z]*/, '')
    .trim();
  for (const [re, f] of SECONDS) if (re.test(unit)) return q.value * f;
  return q.value;
}
