/**
 * The initiative clause: what the department will do. An action verb in command position
 * ("Launch…", "KR: Identify and propose…"), after a subject or auxiliary ("OCTO has delivered…",
 * "is launched"), a means ("through a self-serve onboarding flow"), a milestone achieved
 * ("Achieve ISO 27001 certification") or a fragment that names an output ("10 awards for…").
 */
import type { Ctx } from './context';
import { M_BOUNDARY, M_IGNORED, M_QUANTITY } from './context';
import { F_BASE, F_ED, F_ING, F_S, matchList, V_INIT, V_REACH } from './lexicon/compile';
import { clauseEnd, readPhrase } from './phrases';

export interface InitiativeResult {
  initiative: boolean;
  from: number;
  to: number;
}

export function findInitiative(ctx: Ctx): InitiativeResult {
  const { toks, lex, mark } = ctx;
  let mainVerbSeen = false;
  for (let i = 0; i < toks.length; i++) {
    if (mark[i] & M_IGNORED) continue;
    const f = ctx.verb[i];
    if (f) {
      const main = isMainVerb(ctx, i, mainVerbSeen);
      if (main && f & V_INIT) return { initiative: true, from: i, to: clauseEnd(ctx, i) };
      if (main) mainVerbSeen = true;
      // "Achieve ISO 27001 certification"
      if (main && f & V_REACH) {
        const obj = readPhrase(ctx, i + ctx.verbLen[i], clauseEnd(ctx, i));
        if (obj.head >= 0 && matchList(lex.list.milestoneNouns, toks, obj.head))
          return { initiative: true, from: i, to: clauseEnd(ctx, i) };
      }
    }
    // Means: "through a proactive support plan", "via partners".
    if (
      toks[i].kind === 'w' &&
      matchList(lex.list.meansConnectors, toks, i) &&
      (toks[i].lower === 'through' || toks[i].lower === 'via' || toks[i].lower === 'by')
    ) {
      const next = toks[i + 1];
      if (next && next.kind === 'w' && !(mark[i + 1] & M_QUANTITY) && !isTimeWord(next.lower))
        return { initiative: true, from: i, to: clauseEnd(ctx, i) };
    }
  }
  // A fragment with no verb that names an output: "10 awards or fellowships for prototypes".
  let anyVerb = false;
  for (let i = 0; i < toks.length; i++) if (ctx.verb[i]) anyVerb = true;
  if (!anyVerb) {
    let s = 0;
    while (s < toks.length && (mark[s] & (M_IGNORED | M_QUANTITY) || toks[s].kind !== 'w')) s++;
    const ph = readPhrase(ctx, s, clauseEnd(ctx, s));
    if (ph.headClass === 'output' && ph.head >= 0 && !/^(completion|plan|strategy)$/.test(toks[ph.head].lower))
      return { initiative: true, from: s, to: ph.to };
  }
  return { initiative: false, from: -1, to: -1 };
}

function isTimeWord(w: string): boolean {
  return /^(q[1-4]|h[12]|fy\d*|end|the|year|\d+)$/.test(w);
}

/** A verb that heads its clause as the main action, not a purpose ("to support") or a modifier. */
function isMainVerb(ctx: Ctx, i: number, mainVerbSeen: boolean): boolean {
  const { toks, lex, mark } = ctx;
  let p = i - 1;
  while (p >= 0 && toks[p].kind === 'w' && /ly$/.test(toks[p].lower) && toks[p].lower.length > 4) p--;
  if (p < 0 || mark[p] & M_IGNORED) {
    // "Starting in the year 2023", "Beginning in Q3": a time phrase, not an action.
    const nx = toks[i + ctx.verbLen[i]];
    if ((ctx.verb[i] & (F_ING | F_BASE | F_S | F_ED)) === F_ING && nx && lex.list.prepositions.words.has(nx.lower))
      return false;
    return true;
  }
  const prev = toks[p];
  if (prev.kind === 's') {
    if (prev.text === '/' || prev.text === '&') return mainVerbSeen;
    return (mark[p] & M_BOUNDARY) !== 0 && prev.text !== '(' && prev.text !== '"' && prev.text !== '“';
  }
  const w = prev.lower;
  if (w === 'to') return false;
  if (w === 'and' || w === 'or') {
    if (mainVerbSeen) return true;
    // "is finished and published": a passive participle joined to an auxiliary.
    if (ctx.verb[i] & F_ED)
      for (let k = p - 1; k >= 0 && k >= p - 4; k--) if (lex.list.auxiliaries.words.has(toks[k].lower)) return true;
    return false;
  }
  if (lex.list.auxiliaries.words.has(w)) return true;
  if (/^(we|they|i|team|teams)$/.test(w)) return true;
  // After a subject noun: "100% of AEs complete…", "OCTO delivered…".
  if ((ctx.verb[i] & (F_ING | F_BASE | F_S | F_ED)) === F_ING) return false;
  if (
    ctx.sentence[p] === ctx.sentence[i] &&
    toks[p].kind === 'w' &&
    !ctx.verb[p] &&
    !lex.list.prepositions.words.has(w) &&
    !lex.list.determiners.words.has(w)
  ) {
    return /[^s]s$/.test(w) && !(mark[p] & M_QUANTITY);
  }
  return false;
}
