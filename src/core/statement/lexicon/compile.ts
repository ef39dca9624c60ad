/**
 * Turns a Lexicon (plain word lists) into lookup tables once, so analysing a statement does no
 * per-call work on the lists: sets for single words, a first-word index for phrases, and every
 * inflection of every verb. Compiled tables are cached per Lexicon object.
 */
import type { Lexicon, LexiconKey } from './types';
import type { Token } from '../tokenize';
import { tokenize } from '../tokenize';

export interface WordList {
  /** Single-token entries, with their value ('' when the list carries none). */
  words: Map<string, string>;
  /** Multi-token entries by first token, longest first. */
  phrases: Map<string, { rest: string[]; value: string }[]>;
  /** This list's slot in a Vocabulary entry's `lists`. */
  slot: number;
  /** The vocabulary the slot belongs to. */
  vocabulary: Vocabulary;
}

/**
 * Every word any list or verb knows, to what it is: one look-up per token (cached on the token)
 * answers every later "is this word in list X" without hashing the word again.
 */
export interface VocabularyEntry {
  /** Per list slot: IN_WORDS when a single-word entry, STARTS_PHRASE when a phrase starts here. */
  lists: Uint8Array;
  /** Verb category and form flags of the single-word verb, 0 when none. */
  verb: number;
  /** Phrasal verbs starting with this word. */
  verbPhrases: { rest: string[]; flags: number }[] | undefined;
}
export type Vocabulary = Map<string, VocabularyEntry>;
const IN_WORDS = 1;
const STARTS_PHRASE = 2;

// Verb categories (bit flags) and the inflection a form is.
export const V_INC = 1;
export const V_DEC = 2;
export const V_HOLD = 4;
export const V_REACH = 8;
export const V_ACQ = 16;
export const V_SAVE = 32;
export const V_CAP = 64;
export const V_INPUT = 128;
export const V_INIT = 256;
/** Changes an amount as such ("increase", "reduce"): what it moves is a level, not a quality. */
export const V_AMOUNT = 512;
export const V_OUTREACH = 1024;
export const V_DIRECTION = V_INC | V_DEC | V_HOLD | V_REACH;
export const V_ANY = 2047;
export const F_BASE = 1 << 12;
export const F_S = 1 << 13;
export const F_ED = 1 << 14;
export const F_ING = 1 << 15;

export interface VerbMatch {
  flags: number;
  len: number;
}

export interface CompiledLexicon {
  source: Lexicon;
  list: Record<LexiconKey, WordList>;
  /** Verb form → category and inflection flags (a form may carry several categories). */
  verbs: Map<string, number>;
  /** Phrasal verbs by inflected first word ("rolled" → [{ rest: ['out'], flags }]). */
  verbPhrases: Map<string, { rest: string[]; flags: number }[]>;
  vocabulary: Vocabulary;
}

const NOUN_LISTS: LexiconKey[] = [
  'outcomeMetrics',
  'actionNouns',
  'periodDocuments',
  'headOnlyOutcomes',
  'acquirableNouns',
  'outputNouns',
  'softQualities',
  'inputNouns',
  'measureNouns',
  'milestoneNouns',
  'baselineNouns',
];

const VERB_LISTS: [LexiconKey, number][] = [
  ['increaseVerbs', V_INC],
  ['decreaseVerbs', V_DEC],
  ['holdVerbs', V_HOLD],
  ['reachVerbs', V_REACH],
  ['acquisitionVerbs', V_ACQ],
  ['savingVerbs', V_SAVE],
  ['capacityVerbs', V_CAP],
  ['inputVerbs', V_INPUT],
  ['initiativeVerbs', V_INIT],
  ['amountVerbs', V_AMOUNT],
  ['outreachVerbs', V_OUTREACH],
];

const cache = new WeakMap<Lexicon, CompiledLexicon>();

export function compileLexicon(lexicon: Lexicon): CompiledLexicon {
  const hit = cache.get(lexicon);
  if (hit) return hit;
  const list = {} as Record<LexiconKey, WordList>;
  const vocabulary: Vocabulary = new Map();
  let slots = 0;
  for (const key of Object.keys(lexicon) as LexiconKey[]) {
    const entries = lexicon[key];
    if (!Array.isArray(entries)) continue;
    const noun = NOUN_LISTS.includes(key);
    const wl: WordList = { words: new Map(), phrases: new Map(), slot: slots++, vocabulary };
    const seen = new Set<string>();
    for (const raw of entries) {
      const [phrase, value] = splitValue(raw);
      const forms = noun ? nounForms(phrase).flatMap(withHyphens) : [phrase];
      for (const f of forms) addEntry(wl, f, value, seen);
    }
    for (const arr of wl.phrases.values()) longestFirst(arr);
    list[key] = wl;
  }
  const verbs = new Map<string, number>();
  const verbPhrases = new Map<string, { rest: string[]; flags: number }[]>();
  // Phrasal verbs by their whole text, so a repeated one adds its flags in one look-up.
  const phraseOf = new Map<string, { rest: string[]; flags: number }>();
  const irregular = new Map<string, string[]>();
  for (const raw of lexicon.irregularVerbs ?? []) {
    const [form, lemma] = splitValue(raw);
    const forms = irregular.get(lemma) ?? [];
    forms.push(form);
    irregular.set(lemma, forms);
  }
  for (const [key, cat] of VERB_LISTS) {
    for (const raw of lexicon[key] ?? []) {
      const lemma = splitValue(raw)[0];
      const toks = tokenize(lemma).map((t) => t.lower);
      if (toks.length === 0) continue;
      const [head, ...rest] = toks;
      const forms = inflect(head);
      for (const irr of irregular.get(lemma) ?? []) forms.push([irr.split(' ')[0], F_ED]);
      for (const [form, fbit] of forms) {
        if (rest.length === 0) {
          verbs.set(form, (verbs.get(form) ?? 0) | cat | fbit);
        } else {
          const k = `${form} ${rest.join(' ')}`;
          const existing = phraseOf.get(k);
          if (existing) existing.flags |= cat | fbit;
          else {
            const p = { rest, flags: cat | fbit };
            phraseOf.set(k, p);
            const arr = verbPhrases.get(form);
            if (arr) arr.push(p);
            else verbPhrases.set(form, [p]);
          }
        }
      }
    }
  }
  for (const arr of verbPhrases.values()) longestFirst(arr);
  const entry = (w: string): VocabularyEntry => {
    let e = vocabulary.get(w);
    if (!e) vocabulary.set(w, (e = { lists: new Uint8Array(slots), verb: 0, verbPhrases: undefined }));
    return e;
  };
  for (const key of Object.keys(list) as LexiconKey[]) {
    const wl = list[key];
    for (const w of wl.words.keys()) entry(w).lists[wl.slot] |= IN_WORDS;
    for (const w of wl.phrases.keys()) entry(w).lists[wl.slot] |= STARTS_PHRASE;
  }
  for (const [w, flags] of verbs) entry(w).verb = flags;
  if (NO_ENTRY.lists.length < slots) NO_ENTRY = { lists: new Uint8Array(slots), verb: 0, verbPhrases: undefined };
  for (const [w, arr] of verbPhrases) entry(w).verbPhrases = arr;
  const compiled: CompiledLexicon = { source: lexicon, list, verbs, verbPhrases, vocabulary };
  cache.set(lexicon, compiled);
  return compiled;
}

function splitValue(raw: string): [string, string] {
  const s = String(raw).trim().toLowerCase();
  // A value follows the last colon, unless the entry is only symbols (":" itself).
  const i = s.lastIndexOf(':');
  if (i > 0 && i < s.length - 1) return [s.slice(0, i).trim(), s.slice(i + 1).trim()];
  return [s, ''];
}

/**
 * Adds one entry; the first of two equal phrases wins. `seen` holds the list's phrases by their
 * tokens, so a list with many phrases on one first word (1,000 departments named
 * "Department N") is not compared pairwise; phrase arrays are ordered once, by longestFirst.
 */
function addEntry(wl: WordList, phrase: string, value: string, seen: Set<string>): void {
  const toks = tokenize(phrase).map((t) => t.lower);
  if (toks.length === 0) return;
  if (toks.length === 1) {
    if (!wl.words.has(toks[0])) wl.words.set(toks[0], value);
    return;
  }
  const k = toks.join(' ');
  if (seen.has(k)) return;
  seen.add(k);
  const [head, ...rest] = toks;
  const arr = wl.phrases.get(head);
  if (arr) arr.push({ rest, value });
  else wl.phrases.set(head, [{ rest, value }]);
}

/** Longest phrase first, so matching takes the longest; equal lengths keep the order they were listed in (a stable sort). */
function longestFirst(arr: { rest: string[] }[]): void {
  if (arr.length > 1) arr.sort((a, b) => b.rest.length - a.rest.length);
}

/** A noun of several words also written as one hyphenated word: time to fill → time-to-fill. */
function withHyphens(phrase: string): string[] {
  return /^[a-z]+(?: [a-z]+)+$/.test(phrase) ? [phrase, phrase.replace(/ /g, '-')] : [phrase];
}

/** The entry and its singular or plural, changing the last word only. */
function nounForms(phrase: string): string[] {
  const sp = phrase.lastIndexOf(' ');
  const stem = phrase.slice(0, sp + 1);
  const last = phrase.slice(sp + 1);
  const out = [phrase];
  if (/[^s]s$/.test(last) && last.length > 3) {
    if (last.endsWith('ies')) out.push(stem + last.slice(0, -3) + 'y');
    else out.push(stem + last.slice(0, -1));
  } else if (/[a-z]$/.test(last) && !last.endsWith('s')) {
    if (/[^aeiou]y$/.test(last)) out.push(stem + last.slice(0, -1) + 'ies');
    else out.push(stem + last + 's');
  }
  return out;
}

function inflect(lemma: string): [string, number][] {
  const out: [string, number][] = [[lemma, F_BASE]];
  if (!/^[a-z][a-z-]*$/.test(lemma)) return out;
  const cy = /[^aeiou]y$/.test(lemma);
  out.push([/(s|x|z|ch|sh|o)$/.test(lemma) ? lemma + 'es' : cy ? lemma.slice(0, -1) + 'ies' : lemma + 's', F_S]);
  if (lemma.endsWith('e')) {
    out.push([lemma + 'd', F_ED]);
    out.push([lemma.endsWith('ee') ? lemma + 'ing' : lemma.slice(0, -1) + 'ing', F_ING]);
  } else if (cy) {
    out.push([lemma.slice(0, -1) + 'ied', F_ED]);
    out.push([lemma + 'ing', F_ING]);
  } else {
    out.push([lemma + 'ed', F_ED]);
    out.push([lemma + 'ing', F_ING]);
    // Consonant-vowel-consonant endings double in short verbs (cut → cutting, ship → shipped).
    if (/[^aeiou][aeiou][bdgklmnprt]$/.test(lemma)) {
      const last = lemma[lemma.length - 1];
      out.push([lemma + last + 'ed', F_ED]);
      out.push([lemma + last + 'ing', F_ING]);
    }
  }
  return out;
}

/** Module-level scratch so matching allocates nothing: the value of the last successful match. */
export let matchedValue = '';

// A word no list knows; as many slots as any lexicon has lists (grown by compileLexicon).
let NO_ENTRY: VocabularyEntry = { lists: new Uint8Array(128), verb: 0, verbPhrases: undefined };

/** The vocabulary entry of a token's word, looked up once per token and vocabulary. */
export function entryOf(vocabulary: Vocabulary, t: Token): VocabularyEntry {
  if (t.vocabulary === vocabulary) return t.entry as VocabularyEntry;
  const e = vocabulary.get(t.lower) ?? NO_ENTRY;
  t.vocabulary = vocabulary;
  t.entry = e;
  t.tailEntry = t.tail ? (vocabulary.get(t.tail) ?? NO_ENTRY) : NO_ENTRY;
  return e;
}

/** How many tokens from `i` match an entry of `wl` (longest), or 0. */
export function matchList(wl: WordList, toks: Token[], i: number): number {
  const t = toks[i];
  if (!t) return 0;
  const f = entryOf(wl.vocabulary, t).lists[wl.slot];
  if (f & STARTS_PHRASE) {
    for (const p of wl.phrases.get(t.lower)!) {
      let ok = i + p.rest.length < toks.length;
      for (let j = 0; ok && j < p.rest.length; j++) if (toks[i + 1 + j].lower !== p.rest[j]) ok = false;
      if (ok) {
        matchedValue = p.value;
        return 1 + p.rest.length;
      }
    }
  }
  if (f & IN_WORDS) {
    matchedValue = wl.words.get(t.lower)!;
    return 1;
  }
  // A hyphenated word matches by its last part (pipe-to-spend → spend, lost-time → time).
  if (t.tail && (t.tailEntry as VocabularyEntry).lists[wl.slot] & IN_WORDS) {
    matchedValue = wl.words.get(t.tail)!;
    return 1;
  }
  return 0;
}

/** Whether the single word `w` is in `wl`. */
export function hasWord(wl: WordList, w: string): boolean {
  return wl.words.has(w);
}

/** Whether the token's word is a single-word entry of `wl` (the token's cached look-up). */
export function isWord(wl: WordList, t: Token | undefined): boolean {
  return !!t && (entryOf(wl.vocabulary, t).lists[wl.slot] & IN_WORDS) !== 0;
}

/** Whether an entry of `wl` of several words starts with the token's word. */
export function startsPhrase(wl: WordList, t: Token): boolean {
  return (entryOf(wl.vocabulary, t).lists[wl.slot] & STARTS_PHRASE) !== 0;
}

/** The verb at token `i`: category flags and length (phrasal verbs span several tokens). */
export function matchVerb(lex: CompiledLexicon, toks: Token[], i: number, out: VerbMatch): boolean {
  const t = toks[i];
  if (!t || t.kind !== 'w') return false;
  const e = entryOf(lex.vocabulary, t);
  const arr = e.verbPhrases;
  if (arr) {
    for (const p of arr) {
      let ok = i + p.rest.length < toks.length;
      for (let j = 0; ok && j < p.rest.length; j++) if (toks[i + 1 + j].lower !== p.rest[j]) ok = false;
      if (ok) {
        out.flags = p.flags;
        out.len = 1 + p.rest.length;
        return true;
      }
    }
  }
  if (e.verb !== 0) {
    out.flags = e.verb;
    out.len = 1;
    return true;
  }
  return false;
}
