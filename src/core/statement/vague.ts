/**
 * Vague words that carry a clause with no amount of their own: "improve", "support" (the verb),
 * "better", "focus on", "as needed". A vague verb joined to a quantified result in the same
 * sentence ("optimise logistics to reduce delivery times by 20%") is not listed.
 */
import type { Ctx } from './context';
import { M_IGNORED, M_QUANTITY } from './context';
import type { QInfo } from './quantities';
import { matchList, hasWord } from './lexicon/compile';

export function findVague(ctx: Ctx, qs: QInfo[]): string[] {
  const { toks, lex, mark } = ctx;
  const out: string[] = [];
  const seen = new Set<string>();
  for (let i = 0; i < toks.length; i++) {
    const t = toks[i];
    if (t.kind !== 'w' || mark[i] & M_IGNORED) continue;
    let len = matchList(lex.list.vagueWords, toks, i);
    let lemma = len ? phraseText(ctx, i, len).toLowerCase() : '';
    if (!len) {
      lemma = lemmaOf(ctx, t.lower);
      if (!lemma) continue;
      len = 1;
    }
    const s = ctx.sentence[i];
    // Verb-only words: "support" the verb, not "support channels" or "Level 3 support".
    if (hasWord(lex.list.vagueVerbsOnly, lemma) && !ctx.verb[i] && !commandPosition(ctx, i)) continue;
    if (lemma === 'best' && t.cap && i > 0) continue;
    if (lemma === 'more' || lemma === 'less') {
      if (toks[i + 1]?.lower === 'than' || mark[i - 1] & M_QUANTITY) continue;
    }
    const suppressed = hasWord(lex.list.vagueWhenUnquantified, lemma)
      ? amountInClause(ctx, qs, i) || meansToResult(ctx, qs, i) || amountInNextFragment(ctx, qs, s)
      : // A vague quality ("10 impactful artifacts that achieve an NPS of 30") is not joined to a
        // result elsewhere in the sentence the way a verb is: only its own clause's result counts.
        qs.some(
          (q) =>
            q.counts &&
            q.outcome &&
            (hasWord(lex.list.vagueQualities, lemma) ? ctx.clause[q.t0] === ctx.clause[i] : ctx.sentence[q.t0] === s),
        );
    if (suppressed) continue;
    const written = phraseText(ctx, i, len);
    const key = written.toLowerCase();
    if (!seen.has(key)) {
      seen.add(key);
      out.push(written);
    }
    i += len - 1;
  }
  return out;
}

/**
 * "Grow revenue 20%", "a 30% increase", "65% of students will increase…": an amount in the
 * word's own clause, or after it in its sentence. One only in an earlier clause ("50% less
 * waste, and reduce costs", "Implement 3 personas to get more leads") is not the word's amount.
 */
function amountInClause(ctx: Ctx, qs: QInfo[], i: number): boolean {
  return qs.some(
    (q) => q.counts && (ctx.clause[q.t0] === ctx.clause[i] || (q.t0 > i && ctx.sentence[q.t0] === ctx.sentence[i])),
  );
}

/** "20% more revenue by increasing prices": a means to a quantified result in the sentence. */
function meansToResult(ctx: Ctx, qs: QInfo[], i: number): boolean {
  const p = ctx.toks[i - 1];
  return (
    !!p &&
    /^(by|through|via)$/.test(p.lower) &&
    qs.some((q) => ctx.sentence[q.t0] === ctx.sentence[i] && q.counts && q.outcome)
  );
}

/**
 * "Grow partner-sourced pipeline. 15% QoQ.": the amount given in a fragment with no verb right
 * after the sentence.
 */
function amountInNextFragment(ctx: Ctx, qs: QInfo[], s: number): boolean {
  const q = qs.find((x) => ctx.sentence[x.t0] === s + 1);
  if (!q || !q.counts) return false;
  for (let k = 0; k < ctx.toks.length; k++) if (ctx.sentence[k] === s + 1 && ctx.verb[k]) return false;
  return true;
}

function phraseText(ctx: Ctx, i: number, len: number): string {
  return ctx.text.slice(ctx.toks[i].start, ctx.toks[i + len - 1].end);
}

const prefixCache = new WeakMap<object, Set<string>>();

/** First four letters of every vague word: most words are ruled out without building strings. */
function prefixes(ctx: Ctx): Set<string> {
  let p = prefixCache.get(ctx.lex);
  if (!p) {
    p = new Set();
    for (const w of ctx.lex.list.vagueWords.words.keys()) p.add(w.slice(0, 4));
    prefixCache.set(ctx.lex, p);
  }
  return p;
}

/** improved → improve, boosting → boost, enables → enable, optimising → optimise. */
function lemmaOf(ctx: Ctx, w: string): string {
  const wl = ctx.lex.list.vagueWords;
  if (w.length < 5 || !prefixes(ctx).has(w.slice(0, 4))) return '';
  const tries = [
    w.endsWith('d') ? w.slice(0, -1) : '',
    w.endsWith('ed') ? w.slice(0, -2) : '',
    w.endsWith('ing') ? w.slice(0, -3) : '',
    w.endsWith('ing') ? w.slice(0, -3) + 'e' : '',
    w.endsWith('s') ? w.slice(0, -1) : '',
    w.endsWith('es') ? w.slice(0, -2) : '',
  ];
  for (const c of tries) if (c && wl.words.has(c) && !/^(more|less|better|best|faster)$/.test(c)) return c;
  return '';
}

function commandPosition(ctx: Ctx, i: number): boolean {
  const p = i - 1;
  if (p < 0 || ctx.mark[p] & M_IGNORED || ctx.sentence[p] !== ctx.sentence[i]) return true;
  const w = ctx.toks[p].lower;
  return (
    w === 'to' ||
    w === 'and' ||
    w === 'will' ||
    w === 'should' ||
    w === 'must' ||
    w === 'we' ||
    w === 'helps' ||
    ctx.toks[p].text === ','
  );
}
