/**
 * Noun-phrase helpers: where a clause starts and ends, the phrase after a quantity ("150
 * qualified leads", "70% of invoices") and what class of thing its head word names.
 */
import type { Ctx } from './context';
import { M_BOUNDARY, M_DEADLINE, M_IGNORED, M_NAME, M_QUANTITY, listedClass, UNKNOWN_CLASS } from './context';
import { F_ED, F_ING } from './lexicon/compile';
import { isWord, matchList } from './lexicon/compile';

export type HeadClass = 'outcome' | 'acquirable' | 'output' | 'soft' | 'input' | 'unknown' | 'none';

export interface Phrase {
  /** Token range [from, to) of the words kept. */
  from: number;
  to: number;
  /** Index of the head word (last content word), or -1. */
  head: number;
  headClass: HeadClass;
  /** Some word of the phrase names an outcome metric. */
  hasOutcome: boolean;
  hasAcquirable: boolean;
}

export function clauseStart(ctx: Ctx, i: number): number {
  const c = ctx.clause[i];
  let k = i;
  while (k > 0 && ctx.clause[k - 1] === c) k--;
  return k;
}

/**
 * "95% of patients seen within 18 weeks", "80% of applications decided within 8 weeks": a window
 * right after a participle, in a clause that opened with a share of things, is how fast each of
 * them is handled (a service level), not a deadline for the work. `k` is the "within".
 */
export function shareHandledWithin(ctx: Ctx, k: number): boolean {
  const { toks } = ctx;
  if (toks[k]?.lower !== 'within' || k < 4 || !isParticiple(ctx, k - 1)) return false;
  // Things handled one by one ("applications", "patients"), not one piece of work ("the rollout").
  if (!/[^s]s$/.test(toks[k - 2].lower)) return false;
  for (let j = k - 2; j >= 1 && j >= clauseStart(ctx, k) && j >= k - 10; j--) {
    if (toks[j].lower !== 'of') continue;
    const p = toks[j - 1];
    if (p.text === '%' || isWord(ctx.lex.list.percentWords, p)) return true;
  }
  return false;
}

/** "decided", "seen", "answered": a past participle, listed or not (the lexicon lists few verbs). */
function isParticiple(ctx: Ctx, k: number): boolean {
  const t = ctx.toks[k];
  if (t.kind !== 'w') return false;
  if (ctx.verb[k] & F_ED) return true;
  if (t.lower.length > 4 && t.lower.endsWith('ed') && listedClass(ctx, k) === UNKNOWN_CLASS) return true;
  return ctx.lex.list.irregularVerbs.words.has(t.lower);
}

export function clauseEnd(ctx: Ctx, i: number): number {
  const c = ctx.clause[i];
  let k = i;
  while (k < ctx.toks.length && ctx.clause[k] === c) k++;
  return k;
}

/** The index just after the last token of token `i`'s sentence. */
export function sentenceEnd(ctx: Ctx, i: number): number {
  let k = i;
  while (k < ctx.toks.length && ctx.sentence[k] === ctx.sentence[i]) k++;
  return k;
}

/** The class of the word (or multi-word name) at `i`, and how many tokens it spans. */
const CLASSES: HeadClass[] = ['outcome', 'soft', 'input', 'output', 'acquirable', 'unknown'];
const result = { cls: 'unknown' as HeadClass, len: 1 };

export function classify(ctx: Ctx, i: number, afterPreposition: boolean): { cls: HeadClass; len: number } {
  const { lex, toks } = ctx;
  let len: number;
  const code = listedClass(ctx, i);
  if (code !== UNKNOWN_CLASS) {
    result.cls = CLASSES[code - 1];
    result.len = ctx.nounLen[i];
    return result;
  }
  if ((len = matchList(lex.list.headOnlyOutcomes, toks, i))) {
    // "sales" is an outcome only as the head, never after "with", "to", "for" ("work with sales").
    const next = toks[i + len];
    const isHead =
      !next ||
      next.kind !== 'w' ||
      isWord(lex.list.prepositions, next) ||
      isWord(lex.list.conjunctions, next) ||
      (ctx.mark[i + len] & M_DEADLINE) !== 0 ||
      ctx.verb[i + len] !== 0;
    result.cls = isHead && !afterPreposition ? 'outcome' : 'unknown';
    result.len = len;
    return result;
  }
  result.cls = 'unknown';
  result.len = 1;
  return result;
}

/**
 * Reads a noun phrase from `i` up to `limit`: stops at a verb, a boundary, a quantity, a deadline
 * or a preposition (following one "of" or "in" when the head so far is only a container such as
 * "number", "percentage", "pieces" or a change noun).
 */
export function readPhrase(ctx: Ctx, i: number, limit: number, afterPreposition = false): Phrase {
  const { toks, lex, mark } = ctx;
  const ph: Phrase = { from: i, to: i, head: -1, headClass: 'none', hasOutcome: false, hasAcquirable: false };
  let k = i;
  let hops = 0;
  let afterPrep = afterPreposition;
  while (k < limit) {
    const t = toks[k];
    if (mark[k] & (M_BOUNDARY | M_QUANTITY | M_IGNORED)) break;
    if (mark[k] & M_DEADLINE) break;
    if (mark[k] & M_NAME) {
      k++; // "ISO 27001 certification": the name is part of the phrase
      continue;
    }
    if (t.kind !== 'w') {
      if (t.text === '&' || t.text === '/' || t.text === "'" || t.text === '`' || t.text === '-') {
        k++;
        continue;
      }
      break;
    }
    // A verb ends the phrase, except an -ing noun at its end ("upsell tracking").
    if (ctx.verb[k] && ph.head >= 0) {
      const nx = toks[k + 1];
      const endsHere =
        !nx ||
        k + 1 >= limit ||
        nx.kind !== 'w' ||
        isWord(lex.list.prepositions, nx) ||
        (mark[k + 1] & (M_BOUNDARY | M_DEADLINE)) !== 0;
      if (!(ctx.verb[k] & F_ING && endsHere)) break;
    }
    const w = t.lower;
    // "schools are judged outstanding", "churn is below": a noun phrase ends at its verb.
    if (ph.head >= 0 && isWord(lex.list.auxiliaries, t)) break;
    // A predicate after the head ends the phrase: "250 people participate", "companies using".
    if (
      // Outcome words that count people ("users report…") are acquirable too.
      (ph.headClass === 'acquirable' ||
        (ph.headClass === 'outcome' && matchList(lex.list.acquirableNouns, toks, ph.head) > 0)) &&
      (matchList(lex.list.adoptionWords, toks, k) || matchList(lex.list.outcomeStates, toks, k)) &&
      !matchList(lex.list.outcomeMetrics, toks, k)
    )
      break;
    // "students receiving assistance": a participle after a plural head starts a relative clause.
    if (
      ph.head >= 0 &&
      w.endsWith('ing') &&
      /[^s]s$/.test(toks[ph.head].lower) &&
      classify(ctx, k, false).cls === 'unknown'
    )
      break;
    if (isWord(lex.list.prepositions, t)) {
      const container =
        ph.head < 0 ||
        lex.list.measureNouns.words.has(toks[ph.head].lower) ||
        matchList(lex.list.changeNouns, toks, ph.head) > 0;
      if ((w === 'of' || w === 'in') && container && hops < 2) {
        hops++;
        afterPrep = false;
        k++;
        continue;
      }
      break;
    }
    if (
      isWord(lex.list.determiners, t) ||
      isWord(lex.list.conjunctions, t) ||
      isWord(lex.list.hedges, t) ||
      isWord(lex.list.universalWords, t)
    ) {
      k++;
      continue;
    }
    const { cls, len } = classify(ctx, k, afterPrep);
    if (cls === 'outcome') ph.hasOutcome = true;
    if (cls === 'acquirable') ph.hasAcquirable = true;
    ph.head = k + len - 1;
    ph.headClass = cls;
    if (ph.from === i && ph.to === i) ph.from = k;
    k += len;
    ph.to = k;
  }
  if (ph.head >= 0 && lex.list.measureNouns.words.has(toks[ph.head].lower) && ph.headClass === 'unknown')
    ph.headClass = 'none';
  return ph;
}

/** Whether any word in [from, to) names an outcome metric (headOnly words only as heads). */
export function rangeHasOutcome(ctx: Ctx, from: number, to: number): boolean {
  for (let k = from; k < to; k++) {
    if (ctx.toks[k].kind !== 'w') continue;
    const prev = ctx.toks[k - 1];
    const { cls, len } = classify(ctx, k, !!prev && ctx.lex.list.prepositions.words.has(prev.lower));
    if (cls === 'outcome') return true;
    k += len - 1;
  }
  return false;
}

export function rangeHas(
  ctx: Ctx,
  from: number,
  to: number,
  list: 'adoptionWords' | 'outcomeStates' | 'acquirableNouns',
): boolean {
  const wl = ctx.lex.list[list];
  for (let k = from; k < to; k++) if (ctx.toks[k].kind === 'w' && matchList(wl, ctx.toks, k)) return true;
  return false;
}

/** Words that make people or organisations counted a result: they pay, come back or stay active. */
const ADOPTED = /^(paying|active|returning|repeat)$/;

/** "40 paying customers", "weekly active sellers": the phrase counts people who adopted something. */
export function namesAdopters(ctx: Ctx, ph: Phrase): boolean {
  for (let k = ph.from; k < ph.to; k++) if (ADOPTED.test(ctx.toks[k].lower)) return true;
  return false;
}
