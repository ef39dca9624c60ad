/**
 * The initiative clause: what the department will do. An action verb in command position
 * ("Launch…", "KR: Identify and propose…"), after a subject or auxiliary ("OCTO has delivered…",
 * "is launched"), a means ("through a self-serve onboarding flow"), a milestone achieved
 * ("Achieve ISO 27001 certification") or a fragment that names an output ("10 awards for…").
 */
import type { Ctx } from './context';
import {
  BEFORE_GERUND,
  beforeAdverbs,
  listedClass,
  M_BOUNDARY,
  M_IGNORED,
  M_NAME,
  M_QUANTITY,
  SUBJECT_CONTRACTIONS,
  UNKNOWN_CLASS,
} from './context';
import { F_BASE, F_ED, F_ING, F_S, matchList, V_DEC, V_HOLD, V_INC, V_INIT, V_REACH } from './lexicon/compile';
import { clauseEnd, clauseStart, rangeHasOutcome, readPhrase } from './phrases';

export interface InitiativeResult {
  initiative: boolean;
  from: number;
  to: number;
}

export function findInitiative(ctx: Ctx): InitiativeResult {
  const { toks, lex, mark } = ctx;
  let mainVerbSeen = false;
  // Whether a verb has been met since the start of the sentence (an action noun before any verb
  // heads the subject or the fragment: "Roll-out of the CLM system…", "Windows 11 rollout…").
  let verbInSentence = false;
  // Bracket depth: what a bracket holds defines or comments ("(from the date the job is opened…)"), it commits to nothing.
  let depth = 0;
  for (let i = 0; i < toks.length; i++) {
    if (i > 0 && ctx.sentence[i] !== ctx.sentence[i - 1]) verbInSentence = false;
    if (toks[i].text === '(') depth++;
    else if (toks[i].text === ')' && depth > 0) depth--;
    if (depth > 0) continue;
    // A word of a name is no verb: "Issue 10314", "Release 3".
    if (mark[i] & (M_IGNORED | M_NAME)) continue;
    if (
      !verbInSentence &&
      toks[i].kind === 'w' &&
      matchList(lex.list.actionNouns, toks, i) &&
      !isTimeWord(toks[i].lower) &&
      leadsSentence(ctx, i)
    )
      return { initiative: true, from: sentenceStart(ctx, i), to: clauseEnd(ctx, i) };
    const f = ctx.verb[i];
    if (f) {
      verbInSentence = true;
      const main = isMainVerb(ctx, i, mainVerbSeen) || subjectToVerb(ctx, i);
      // "Hold 6 roadshows" is an action; "hold spend under $2M" keeps a metric at a level; "set a
      // target to cut…" restates the target.
      if (main && f & V_INIT && !(f & V_HOLD && holdsMetric(ctx, i)) && !setsTarget(ctx, i))
        return { initiative: true, from: i, to: clauseEnd(ctx, i) };
      // "Make the guest Wi-Fi safe", "Improve the customer experience", "Foster research": an
      // action on something that is not a result metric.
      if (main && !(f & V_INIT) && actsOnNonMetric(ctx, i)) return { initiative: true, from: i, to: clauseEnd(ctx, i) };
      if (main) mainVerbSeen = true;
      // "Achieve ISO 27001 certification"
      if (main && f & V_REACH) {
        const obj = readPhrase(ctx, i + ctx.verbLen[i], clauseEnd(ctx, i));
        if (obj.head >= 0 && matchList(lex.list.milestoneNouns, toks, obj.head))
          return { initiative: true, from: i, to: clauseEnd(ctx, i) };
      }
    }
    // Means: "by moving CI to self-hosted runners", "by bringing matters in-house".
    if (toks[i].lower === 'by' && byGerund(ctx, i + 1)) return { initiative: true, from: i, to: clauseEnd(ctx, i) };
    // "Make the guest Wi-Fi safe", "making 20,000 homes safe from lead": a state the team brings about.
    if (MAKE.test(toks[i].lower) && clauseStart(ctx, i) === i && makesResult(ctx, i))
      return { initiative: true, from: i, to: clauseEnd(ctx, i) };
    // A state made true: "policies are embedded", "systems are secure", "new identity live".
    if (toks[i].kind === 'w' && i > 0 && matchList(lex.list.resultAdjectives, toks, i) && afterSubjectOrCopula(ctx, i))
      return { initiative: true, from: clauseStart(ctx, i), to: clauseEnd(ctx, i) };
    // Means: "through a proactive support plan", "via partners", "using e-signature". ("with" only
    // below: "with a value above $1M" qualifies, it does not name a means.)
    if (
      toks[i].kind === 'w' &&
      /^(through|via|by|using)$/.test(toks[i].lower) &&
      // "transactions processed using our products" describes what is counted: not a means.
      !(toks[i].lower === 'using' && /ed$/.test(toks[i - 1]?.lower ?? '')) &&
      matchList(lex.list.meansConnectors, toks, i)
    ) {
      const next = toks[i + 1];
      if (next && next.kind === 'w' && !(mark[i + 1] & M_QUANTITY) && !isTimeWord(next.lower))
        return { initiative: true, from: i, to: clauseEnd(ctx, i) };
    }
    // "with a new onboarding flow", "with A/B testing": a means when what follows is something
    // the team builds or does, not a quality or a group ("with a value above", "with customers").
    if (toks[i].lower === 'with' && mainVerbSeen && withMeans(ctx, i))
      return { initiative: true, from: i, to: clauseEnd(ctx, i) };
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

const MAKE = /^(make|makes|making)$/;

/** "set a new target to…", "set ourselves a goal of…": naming the target is no action toward it. */
function setsTarget(ctx: Ctx, i: number): boolean {
  if (!/^(set|sets|setting)$/.test(ctx.toks[i].lower)) return false;
  const ce = clauseEnd(ctx, i);
  for (let k = i + 1; k < ce && k <= i + 5; k++)
    if (/^(targets?|goals?|ambitions?|objectives?)$/.test(ctx.toks[k].lower)) return true;
  return false;
}

/** The verb at `i` acts on a result metric ("hold contractor spend under $2M"). */
function holdsMetric(ctx: Ctx, i: number): boolean {
  return readPhrase(ctx, i + ctx.verbLen[i], clauseEnd(ctx, i)).headClass === 'outcome';
}

const GROUP = /^(team|teams|department|departments|unit|units|colleagues|function|functions)$/;

/** What follows "with" is an output ("a partner program") or an activity ("A/B testing"). */
function withMeans(ctx: Ctx, i: number): boolean {
  const ph = readPhrase(ctx, i + 1, clauseEnd(ctx, i));
  if (ph.head < 0) return false;
  const head = ctx.toks[ph.head];
  // "with the finance team": company, not a means (a team is built, not used).
  if (GROUP.test(head.lower)) return false;
  if (ph.headClass === 'output' || matchList(ctx.lex.list.actionNouns, ctx.toks, ph.head)) return true;
  // An activity named by a gerund the lexicon does not list: "testing", "billing", "coaching".
  return ph.headClass === 'unknown' && head.lower.length > 5 && head.lower.endsWith('ing') && !ctx.verb[ph.head];
}

function byGerund(ctx: Ctx, k: number): boolean {
  const t = ctx.toks[k];
  if (!t || t.kind !== 'w') return false;
  // "by reducing the number of people experiencing homelessness by 15%": moving a result metric
  // restates the target; it names nothing the team will do.
  if (ctx.verb[k] & (V_INC | V_DEC) && !(ctx.verb[k] & V_INIT) && holdsMetric(ctx, k)) return false;
  if (ctx.verb[k]) return (ctx.verb[k] & F_ING) !== 0;
  // A verb the lexicon does not list: "by bringing", "by moving".
  return t.lower.length > 5 && t.lower.endsWith('ing') && listedClass(ctx, k) === UNKNOWN_CLASS;
}

function makesResult(ctx: Ctx, i: number): boolean {
  const ce = clauseEnd(ctx, i);
  for (let k = i + 2; k < ce; k++) if (matchList(ctx.lex.list.resultAdjectives, ctx.toks, k)) return true;
  return false;
}

function sentenceStart(ctx: Ctx, i: number): number {
  let k = i;
  while (k > 0 && ctx.sentence[k - 1] === ctx.sentence[i] && !(ctx.mark[k - 1] & M_IGNORED)) k--;
  return k;
}

/** "Sales team to complete MEDDICC training": a subject, then "to" and the action, no verb before. */
function subjectToVerb(ctx: Ctx, i: number): boolean {
  const { toks } = ctx;
  if (i < 2 || toks[i - 1].lower !== 'to' || toks[i - 2].kind !== 'w') return false;
  const s = sentenceStart(ctx, i);
  if (i - 1 - s > 5) return false;
  for (let k = s; k < i - 1; k++) if (!isPlainNounWord(ctx, k)) return false;
  return i - 1 > s;
}

/** A word of a leading noun phrase: no verb, quantity, preposition, conjunction or wh-word. */
function isPlainNounWord(ctx: Ctx, k: number): boolean {
  const t = ctx.toks[k];
  if (t.kind !== 'w' || ctx.verb[k] || ctx.mark[k] & M_QUANTITY) return false;
  const { lex } = ctx;
  if (lex.list.prepositions.words.has(t.lower) || lex.list.conjunctions.words.has(t.lower)) return false;
  // "The team will launch…": an auxiliary ends the subject; what follows it is a verb.
  if (lex.list.auxiliaries.words.has(t.lower)) return false;
  return !/^(what|how|that|which|who|whom|whose|why|when|where|us|we|they|it)$/.test(t.lower);
}

/** An action noun heading the sentence's first phrase ("Roll-out of…", "Windows 11 rollout…"). */
function leadsSentence(ctx: Ctx, i: number): boolean {
  const s = sentenceStart(ctx, i);
  for (let k = s; k < i; k++) {
    if (ctx.mark[k] & M_NAME) continue;
    if (!isPlainNounWord(ctx, k) && ctx.toks[k].text !== '-' && ctx.toks[k].text !== '&') return false;
  }
  return true;
}

/** A vague or causative verb whose object is not a result metric or something acquired. */
function actsOnNonMetric(ctx: Ctx, i: number): boolean {
  const { toks, lex } = ctx;
  const w = toks[i].lower;
  const make = w === 'make' || w === 'making' || w === 'makes';
  // Verbs of helping others ("support the strategy") name no action of the department's own.
  if (!make && (!matchList(lex.list.vagueWords, toks, i) || matchList(lex.list.vagueVerbsOnly, toks, i))) return false;
  const ce = clauseEnd(ctx, i);
  for (let k = i + 1; k < ce; k++) if (ctx.mark[k] & M_QUANTITY) return false;
  const obj = readPhrase(ctx, i + ctx.verbLen[i], ce);
  // A soft quality ("enhance customer experience") is a wish, not an action; a process or a
  // field of work ("streamline the returns process", "foster research") is.
  if (!make && obj.headClass === 'soft') return false;
  if (
    obj.head < 0 ||
    obj.hasOutcome ||
    obj.hasAcquirable ||
    obj.headClass === 'outcome' ||
    obj.headClass === 'acquirable'
  )
    return false;
  return !rangeHasOutcome(ctx, i + 1, ce);
}

/** "are embedded", "systems are secure", "identity live": a result adjective after a noun or a copula. */
function afterSubjectOrCopula(ctx: Ctx, i: number): boolean {
  const prev = ctx.toks[i - 1];
  if (prev.kind !== 'w' || ctx.sentence[i - 1] !== ctx.sentence[i]) return false;
  if (/^(is|are|be|been|being|was|were|made|become|becomes|remain|remains|go|goes|fully)$/.test(prev.lower))
    return true;
  return false;
}

function isTimeWord(w: string): boolean {
  return /^(q[1-4]|h[12]|fy\d*|end|the|year|\d+)$/.test(w);
}

/** Words whose "to" leads to the action itself: "continue to provide", "work to eliminate", "its efforts to replace". */
const CATENATIVE =
  /^(effort|efforts|continue|continues|continuing|endeavour|endeavours|endeavor|endeavors|seek|seeks|seeking|strive|strives|striving|plan|plans|planning|intend|intends|commit|commits|committed|committing|begin|begins|beginning|start|starts|starting|work|works|working|looking|try|trying|aim|aims|aiming)$/;

/** A verb that heads its clause as the main action, not a purpose ("to support") or a modifier. */
function isMainVerb(ctx: Ctx, i: number, mainVerbSeen: boolean): boolean {
  const { toks, lex, mark } = ctx;
  const p = beforeAdverbs(ctx, i - 1);
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
  // "We will continue to provide…", "Work to eliminate…": the verb after a catenative verb is the
  // action; after any other "to" it is a purpose ("…to grow pipeline").
  // "Our priority is to invest…": what a plan "is to" do is the action too.
  if (w === 'to') return p > 0 && (CATENATIVE.test(toks[p - 1].lower) || /^(is|are)$/.test(toks[p - 1].lower));
  if (w === 'and' || w === 'or') {
    if (mainVerbSeen) return true;
    // "is finished and published": a passive participle joined to an auxiliary.
    if (ctx.verb[i] & F_ED)
      for (let k = p - 1; k >= 0 && k >= p - 4; k--) if (lex.list.auxiliaries.words.has(toks[k].lower)) return true;
    return false;
  }
  if (lex.list.auxiliaries.words.has(w)) return true;
  if (ctx.verb[i] & F_ING && BEFORE_GERUND.test(w)) return true;
  if (/^(we|they|i|team|teams)$/.test(w) || SUBJECT_CONTRACTIONS.has(w)) return true;
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
