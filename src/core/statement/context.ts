/**
 * The shared working state of one analysis: tokens, which of them are labels or numbering (to be
 * ignored), sentence and clause numbers, and which words act as verbs. Every later step reads it.
 */
import type { Token } from './tokenize';
import { tokenize } from './tokenize';
import type { CompiledLexicon, VerbMatch } from './lexicon/compile';
import {
  F_BASE,
  F_ED,
  F_ING,
  F_S,
  isWord,
  matchList,
  matchVerb,
  startsPhrase,
  V_DIRECTION,
  V_INIT,
} from './lexicon/compile';

/** Per-token marks. */
export const M_IGNORED = 1; // list numbering, bullets, "CMO:" owner labels
export const M_DEADLINE = 2;
export const M_QUANTITY = 4;
export const M_DEPENDENCY = 8;
export const M_NOUNPHRASE = 16; // inside a multi-word metric name ("close rate", "time to hire")
export const M_BOUNDARY = 32; // punctuation or connector that ends a clause
export const M_SENTENCE_END = 64;
export const M_NAME = 128; // a number that is a name (ISO 27001) or the name around it

export interface Ctx {
  text: string;
  toks: Token[];
  lex: CompiledLexicon;
  mark: Uint8Array;
  sentence: Uint16Array;
  clause: Uint16Array;
  /** Verb category and form flags per token (0: not a verb here). */
  verb: Uint32Array;
  /** Tokens covered by the verb starting here (phrasal verbs). */
  verbLen: Uint8Array;
  /** Cached noun class per token (see phrases.classify): 0 not computed, else class code + 1. */
  nounClass: Uint8Array;
  nounLen: Uint8Array;
}

const ABBREVIATIONS = new Set([
  'vs',
  'etc',
  'approx',
  'incl',
  'e.g',
  'i.e',
  'eg',
  'ie',
  'mr',
  'mrs',
  'ms',
  'dr',
  'st',
  'inc',
  'ltd',
  'co',
  'no',
  'nr',
  'jan',
  'feb',
  'mar',
  'apr',
  'jun',
  'jul',
  'aug',
  'sep',
  'sept',
  'oct',
  'nov',
  'dec',
  'est',
  'mo',
  'mos',
  'yr',
  'yrs',
  'wk',
  'min',
  'max',
  'avg',
  'ca',
  'c',
  'p',
  'pp',
  'fig',
  'dept',
  'u.s',
  'u.k',
]);
/** A subject and its auxiliary in one word: "we're clearing the backlog". */
export const SUBJECT_CONTRACTIONS = new Set(["we're", "they're", "we've", "i'm"]);
const SUBJECTS = new Set([
  'we',
  'they',
  'i',
  'you',
  'it',
  'he',
  'she',
  'team',
  'who',
  'which',
  'that',
  ...SUBJECT_CONTRACTIONS,
]);

/**
 * The point of "per cent." at token `k` when the sentence goes on ("85 per cent. of letters"):
 * part of the amount, not a full stop.
 */
export function isPercentPoint(toks: Token[], k: number): boolean {
  const p = toks[k];
  const n = toks[k + 1];
  return (
    p?.text === '.' &&
    !p.gap &&
    toks[k - 1]?.lower === 'cent' &&
    toks[k - 2]?.lower === 'per' &&
    n?.kind === 'w' &&
    !n.cap
  );
}
/** Words that may stand between a subject or auxiliary and its verb: "will also deploy", "will now migrate". */
const PREVERBAL = new Set([
  'also',
  'not',
  'then',
  'further',
  'jointly',
  'first',
  'actively',
  'successfully',
  'proactively',
  'now',
  'still',
  'soon',
  'always',
  'again',
  'even',
]);

/** A number written in digits or as a word ("18", "six"). */
export function isNumberToken(ctx: Ctx, t: Token | undefined): boolean {
  return !!t && (t.kind === 'n' || (t.kind === 'w' && ctx.lex.list.numberWords.words.has(t.lower)));
}

/**
 * From token `p` back past the adverbs that stand before a verb ("will actively promote", "will
 * also deploy"): the index of the word before them, or -1.
 */
export function beforeAdverbs(ctx: Ctx, p: number): number {
  const { toks, lex } = ctx;
  while (
    p >= 0 &&
    toks[p].kind === 'w' &&
    (PREVERBAL.has(toks[p].lower) ||
      (toks[p].lower.endsWith('ly') && toks[p].lower.length > 4 && !lex.list.outcomeMetrics.words.has(toks[p].lower)))
  )
    p--;
  return p;
}

/** Verbs followed by an action in -ing: "continue publishing", "keep building", "priorities include hiring". */
export const BEFORE_GERUND =
  /^(continue|continues|continuing|keep|keeps|keeping|start|starts|begin|begins|include|includes)$/;

const scratch: VerbMatch = { flags: 0, len: 0 };

/**
 * The per-token arrays, reused from one analysis to the next (analysis is synchronous and the
 * context never outlives it): allocating seven typed arrays per cell was a large share of the
 * time on short cells. Cleared over the part the previous analysis used, so stale marks never
 * leak; indexes past the text read 0 as a fresh array would. Grown by doubling.
 */
type Pool = Pick<Ctx, 'mark' | 'sentence' | 'clause' | 'verb' | 'verbLen' | 'nounClass' | 'nounLen'> & {
  used: number;
};
let pool: Pool | undefined;
const SPARE = 8; // reads a few tokens past the end (toks[i + 2]) see zeros

function pooledArrays(n: number): Pool {
  const need = n + SPARE;
  if (!pool || pool.mark.length < need) {
    let cap = pool ? pool.mark.length : 256;
    while (cap < need) cap *= 2;
    pool = {
      mark: new Uint8Array(cap),
      sentence: new Uint16Array(cap),
      clause: new Uint16Array(cap),
      verb: new Uint32Array(cap),
      verbLen: new Uint8Array(cap),
      nounClass: new Uint8Array(cap),
      nounLen: new Uint8Array(cap),
      used: 0,
    };
  } else if (pool.used > 0) {
    const u = pool.used;
    pool.mark.fill(0, 0, u);
    pool.sentence.fill(0, 0, u);
    pool.clause.fill(0, 0, u);
    pool.verb.fill(0, 0, u);
    pool.verbLen.fill(0, 0, u);
    pool.nounClass.fill(0, 0, u);
    pool.nounLen.fill(0, 0, u);
  }
  pool.used = need;
  return pool;
}

export function buildContext(text: string, lex: CompiledLexicon): Ctx {
  const toks = tokenize(text);
  const n = toks.length;
  const p = pooledArrays(n);
  const ctx: Ctx = {
    text,
    toks,
    lex,
    mark: p.mark,
    sentence: p.sentence,
    clause: p.clause,
    verb: p.verb,
    verbLen: p.verbLen,
    nounClass: p.nounClass,
    nounLen: p.nounLen,
  };
  markSentences(ctx);
  markLabels(ctx);
  markNounPhrases(ctx);
  markVerbs(ctx);
  markClauses(ctx);
  return ctx;
}

function markSentences(ctx: Ctx): void {
  const { toks, mark, text } = ctx;
  let s = 0;
  for (let i = 0; i < toks.length; i++) {
    const t = toks[i];
    // A line break starts a new sentence.
    if (i > 0 && t.gap && hasNewline(text, toks[i - 1].end, t.start)) s++;
    ctx.sentence[i] = Math.min(s, 65535);
    if (t.kind !== 's') continue;
    const next = toks[i + 1];
    const endsHere =
      t.text === ';' ||
      t.text === '!' ||
      t.text === '?' ||
      (t.text === '.' &&
        (!next || next.gap) &&
        !(i > 0 && toks[i - 1].kind === 'w' && ABBREVIATIONS.has(toks[i - 1].lower)) &&
        !isPercentPoint(toks, i));
    if (endsHere) {
      mark[i] |= M_SENTENCE_END | M_BOUNDARY;
      s++;
    }
  }
}

function hasNewline(text: string, from: number, to: number): boolean {
  for (let k = from; k < to; k++) {
    const c = text.charCodeAt(k);
    if (c === 10 || c === 13) return true;
  }
  return false;
}

/** Owner labels ("CMO:", "Key Result 3.1:", "P2 -"), list numbering ("1.2", "3)") and bullets. */
function markLabels(ctx: Ctx): void {
  const { toks, mark } = ctx;
  for (let i = 0; i < toks.length; i++) {
    if (i > 0 && ctx.sentence[i] === ctx.sentence[i - 1]) continue;
    let j = i;
    // Bullets.
    while (j < toks.length && toks[j].kind === 's' && /^[-•*·▪‣◦>]$/.test(toks[j].text)) mark[j++] |= M_IGNORED;
    // Numbering: "1." "2)" "1.2" followed by more text.
    const t = toks[j];
    if (t && t.kind === 'n') {
      const next = toks[j + 1];
      const after = toks[j + 2];
      if (next && (next.text === '.' || next.text === ')') && !next.gap && after && after.gap) {
        mark[j] |= M_IGNORED;
        mark[j + 1] |= M_IGNORED;
        j += 2;
      } else if (next && next.gap && t.text.indexOf('.') > 0 && (next.kind === 'n' || next.cap)) {
        mark[j++] |= M_IGNORED;
      }
    }
    // Owner or heading label: up to five words then ":" ("Customer Success:", "Key Result 3.1:").
    for (let k = j; k < toks.length && k < j + 6; k++) {
      const tk = toks[k];
      if (tk.text === ':' && k > j && (!toks[k + 1] || toks[k + 1].gap)) {
        // "Renewal rate: 92% → 95%", "Q3: launch…": a metric or a period before the colon is
        // part of the statement, not an owner's name.
        if (labelIsContent(ctx, j, k)) break;
        for (let m = j; m <= k; m++) mark[m] |= M_IGNORED;
        j = k + 1;
        break;
      }
      if (tk.kind === 's' && tk.text !== '&' && tk.text !== '/' && tk.text !== '.') break;
    }
    // Code prefix with a dash: "P2 - ", "KR2 – ".
    if (toks[j] && toks[j + 1] && toks[j].kind === 'w' && /\d/.test(toks[j].text) && /^[-–—]$/.test(toks[j + 1].text)) {
      mark[j] |= M_IGNORED;
      mark[j + 1] |= M_IGNORED;
      // "@owner -" after the code.
      if (toks[j + 2]?.text === '@' && toks[j + 4] && /^[-–—]$/.test(toks[j + 4].text)) {
        for (let m = j + 2; m <= j + 4; m++) mark[m] |= M_IGNORED;
      }
    }
  }
  // "- @owner" at the end.
  for (let i = 0; i < toks.length; i++) {
    if (toks[i].text === '@' && toks[i + 1]?.kind === 'w' && !toks[i + 1].gap) {
      mark[i] |= M_IGNORED;
      mark[i + 1] |= M_IGNORED;
      if (i > 0 && /^[-–—]$/.test(toks[i - 1].text)) mark[i - 1] |= M_IGNORED;
    }
  }
}

const PERIOD_CODE = /^(q[1-4]|h[12]|fy\d{2}(\d{2})?)$/;

/** Whether the words before a colon name a result metric or a period rather than an owner. */
function labelIsContent(ctx: Ctx, from: number, to: number): boolean {
  const { toks } = ctx;
  for (let m = from; m < to; m++) {
    const t = toks[m];
    if (t.kind === 'n' && t.value >= 1990 && t.value <= 2100 && Number.isInteger(t.value)) return true;
    if (t.kind === 'w' && PERIOD_CODE.test(t.lower)) return true;
  }
  return labelIsMetric(ctx, from, to);
}

/** "Renewal rate: 92% → 95%": a metric before the colon, its value after. */
function labelIsMetric(ctx: Ctx, from: number, to: number): boolean {
  const { toks, lex } = ctx;
  // Only when a value or a direction follows ("Online Growth: Evaluate…" is an owner label).
  const v = toks[to + 1];
  if (!v) return false;
  if (v.kind === 'w') {
    if (!lex.list.numberWords.words.has(v.lower) && !lex.list.fractionWords.words.has(v.lower)) {
      if (!matchVerb(lex, toks, to + 1, scratch)) return false;
      if (!(scratch.flags & V_DIRECTION) || scratch.flags & V_INIT) return false;
    }
  } else if (v.text === '(' || v.text === '"' || v.text === '“') return false;
  for (let m = from; m < to; m++) if (toks[m].kind === 'w' && matchList(lex.list.outcomeMetrics, toks, m)) return true;
  return false;
}

/** Multi-word metric names are nouns, whatever verbs they contain ("time to hire", "close rate"). */
function markNounPhrases(ctx: Ctx): void {
  const { toks, mark, lex } = ctx;
  for (let i = 0; i < toks.length; i++) {
    if (toks[i].kind !== 'w' || !startsPhrase(lex.list.outcomeMetrics, toks[i])) continue;
    const len = matchList(lex.list.outcomeMetrics, toks, i);
    if (len > 1) {
      for (let k = i; k < i + len; k++) mark[k] |= M_NOUNPHRASE;
      i += len - 1;
    }
  }
}

function markVerbs(ctx: Ctx): void {
  const { toks, mark, lex } = ctx;
  for (let i = 0; i < toks.length; i++) {
    if (mark[i] & (M_NOUNPHRASE | M_IGNORED)) continue;
    if (!matchVerb(lex, toks, i, scratch)) continue;
    if (!inVerbPosition(ctx, i, scratch.flags)) continue;
    ctx.verb[i] = scratch.flags;
    ctx.verbLen[i] = scratch.len;
    i += scratch.len - 1;
  }
}

/** Whether a word that can be a verb acts as one here, judged by the word before it. */
function inVerbPosition(ctx: Ctx, i: number, flags: number): boolean {
  const { toks, lex } = ctx;
  const p = beforeAdverbs(ctx, i - 1);
  if (p < 0 || ctx.mark[p] & M_IGNORED || ctx.sentence[p] !== ctx.sentence[i]) return true;
  const prev = toks[p];
  if (prev.kind === 's') {
    if (prev.text === '/' || prev.text === '&') return true; // implement/update
    if (prev.text === '%' || prev.text === '$') return false;
    return true; // after a comma, dash, colon or bracket a clause starts
  }
  if (prev.kind === 'n') return (flags & (F_S | F_ED)) !== 0 && (flags & F_BASE) === 0;
  const w = prev.lower;
  if (w === 'to' || SUBJECTS.has(w) || isWord(lex.list.auxiliaries, prev) || isWord(lex.list.conjunctions, prev))
    return true;
  if (isWord(lex.list.prepositions, prev)) return (flags & F_ING) !== 0;
  if (isWord(lex.list.determiners, prev)) return false;
  if (ctx.verb[p]) return (flags & F_ING) !== 0 && BEFORE_GERUND.test(w);
  // "metro markets", "customer reviews": a plural noun after a noun, not "revenue grows".
  if (!(flags & (F_ED | F_ING)) && !/[^s]s$/.test(w) && isListedNoun(ctx, i)) return false;
  // "new-client onboarding from 21 days": an -ing word after a noun and before a preposition is
  // a noun, while "companies using the platform" is a verb.
  if ((flags & (F_ING | F_S | F_ED | F_BASE)) === F_ING) {
    const nx = toks[i + 1];
    if (
      !nx ||
      (nx.kind === 's' && nx.text !== '$' && nx.text !== '€' && nx.text !== '£') ||
      isWord(lex.list.prepositions, nx)
    )
      return false;
    // "average handling time", "higher processing costs": the activity a metric measures, not a
    // verb. A direction verb keeps its object: "by growing revenue".
    if (!(flags & V_DIRECTION) && nx.kind === 'w' && isWord(lex.list.outcomeMetrics, nx)) return false;
  }
  if (flags & (F_S | F_ED | F_ING)) return true;
  // A base form right after a plural noun: "communities use", "reps tell".
  return (flags & F_BASE) !== 0 && /[^s]s$/.test(w) && w.length > 3;
}

function isListedNoun(ctx: Ctx, i: number): boolean {
  const c = listedClass(ctx, i);
  return c !== UNKNOWN_CLASS && c !== 3; // any listed noun but an input ("budget")
}

interface NounClasses {
  /** Single words to their class code, the first list in class order that holds them. */
  words: Map<string, number>;
  /** First words of multi-word entries in any noun-class list. */
  phraseStarts: Set<string>;
}
const nounClassCache = new WeakMap<CompiledLexicon, NounClasses>();

function nounClasses(lex: CompiledLexicon): NounClasses {
  let nc = nounClassCache.get(lex);
  if (nc) return nc;
  nc = { words: new Map(), phraseStarts: new Set() };
  const lists = [
    lex.list.metricLookalikes,
    lex.list.outcomeMetrics,
    lex.list.softQualities,
    lex.list.inputNouns,
    lex.list.outputNouns,
    lex.list.acquirableNouns,
  ];
  lists.forEach((wl, k) => {
    // Lookalikes (the first list) are no class: they only keep their words from matching one.
    for (const w of wl.words.keys()) if (!nc!.words.has(w)) nc!.words.set(w, k === 0 ? UNKNOWN_CLASS : k);
    for (const w of wl.phrases.keys()) nc!.phraseStarts.add(w);
  });
  nounClassCache.set(lex, nc);
  return nc;
}

/** Class codes: 1 outcome, 2 soft, 3 input, 4 output, 5 acquirable, 6 unknown. */
export const UNKNOWN_CLASS = 6;

/** The listed noun class of the word at `i`, cached per token so the lists are searched once. */
export function listedClass(ctx: Ctx, i: number): number {
  const cached = ctx.nounClass[i];
  if (cached) return cached;
  const { lex, toks } = ctx;
  // Fast path: a plain word that starts no listed phrase and has no hyphenated tail.
  const nc = nounClasses(lex);
  const t = toks[i];
  if (!t.tail && !nc.phraseStarts.has(t.lower)) {
    const c = nc.words.get(t.lower) ?? UNKNOWN_CLASS;
    ctx.nounClass[i] = c;
    ctx.nounLen[i] = 1;
    return c;
  }
  let code = UNKNOWN_CLASS;
  let len = 1;
  let l: number;
  if ((l = matchList(lex.list.metricLookalikes, toks, i))) code = UNKNOWN_CLASS;
  else if ((l = matchList(lex.list.outcomeMetrics, toks, i))) code = 1;
  else if ((l = matchList(lex.list.softQualities, toks, i))) code = 2;
  else if ((l = matchList(lex.list.inputNouns, toks, i))) code = 3;
  else if ((l = matchList(lex.list.outputNouns, toks, i))) code = 4;
  else if ((l = matchList(lex.list.acquirableNouns, toks, i))) code = 5;
  if (l) len = l;
  ctx.nounClass[i] = code;
  ctx.nounLen[i] = len;
  return code;
}

const CLAUSE_WORDS = new Set([
  'so',
  'while',
  'whilst',
  'whereas',
  'which',
  'thereby',
  'through',
  'via',
  'but',
  'that',
  'then',
]);

/** A colon that joins a metric named at the start of its sentence to its value. */
function metricColon(ctx: Ctx, i: number): boolean {
  let s = i;
  while (s > 0 && i - s < 6 && ctx.sentence[s - 1] === ctx.sentence[i] && !(ctx.mark[s - 1] & M_IGNORED)) s--;
  if (s > 0 && ctx.sentence[s - 1] === ctx.sentence[i] && !(ctx.mark[s - 1] & M_IGNORED)) return false;
  return s < i && labelIsMetric(ctx, s, i);
}

function markClauses(ctx: Ctx): void {
  const { toks, mark } = ctx;
  let c = 0;
  for (let i = 0; i < toks.length; i++) {
    const t = toks[i];
    if (i > 0 && ctx.sentence[i] !== ctx.sentence[i - 1]) c++;
    let boundaryBefore = false;
    if (t.kind === 's') {
      const spacedAfter = !toks[i + 1] || toks[i + 1].gap;
      if (
        /^[,;—–|"“”]$/.test(t.text) ||
        (t.text === ':' && spacedAfter && !metricColon(ctx, i)) ||
        (t.text === '-' && t.gap && spacedAfter)
      ) {
        mark[i] |= M_BOUNDARY;
        boundaryBefore = true;
      }
    } else if (t.kind === 'w') {
      if (CLAUSE_WORDS.has(t.lower)) boundaryBefore = true;
      else if ((t.lower === 'and' || t.lower === 'or' || t.lower === 'to') && ctx.verb[i + 1]) boundaryBefore = true;
    }
    if (boundaryBefore && i > 0) c++;
    ctx.clause[i] = Math.min(c, 65535);
  }
}
