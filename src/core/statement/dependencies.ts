/**
 * Named dependencies on another department: "depends on R&D launch", "needs sales materials from
 * Marketing by March", "requires API access from IT", "once Product ships the pricing engine".
 * The tokens they cover are marked so their dates and numbers are not the cell's own.
 */
import type { NamedDependency } from './types';
import type { Ctx } from './context';
import { M_DEPENDENCY, M_IGNORED, M_SENTENCE_END } from './context';
import { matchList } from './lexicon/compile';

const ALWAYS =
  /^(depends|dependent|depending|dependency|relies|relying|reliant|contingent|subject|waiting|blocked|awaiting|conditional|pending|with)$/;
const NEEDS = /^(needs|need|requires|requiring|required|needing)$/;
const WHEN = /^(once|after|when)$/;

export function findDependencies(ctx: Ctx): NamedDependency[] {
  const { toks, lex, mark } = ctx;
  const out: NamedDependency[] = [];
  for (let i = 0; i < toks.length; i++) {
    if (toks[i].kind !== 'w' || mark[i] & M_IGNORED) continue;
    const cueLen = matchList(lex.list.dependencyCues, toks, i);
    if (!cueLen) continue;
    const w = toks[i].lower;
    const from = i + cueLen;
    const end = spanEnd(ctx, from);
    if (end <= from) continue;
    const dept = findDepartment(ctx, from, end);
    let ok = false;
    if (ALWAYS.test(w)) ok = w !== 'with' || dept.index >= 0;
    else if (NEEDS.test(w)) ok = dept.afterFrom || dept.possessive;
    else if (WHEN.test(w)) ok = dept.index === from && isDeliveryVerb(ctx, dept.index + dept.len);
    if (!ok) continue;
    const dep: NamedDependency = { text: ctx.text.slice(toks[i].start, toks[end - 1].end) };
    if (dept.index >= 0)
      dep.department = ctx.text
        .slice(toks[dept.index].start, toks[dept.index + dept.len - 1].end)
        .replace(/['’]s$/, '');
    // "by March", "before Q2": when it is needed.
    let byAt = -1;
    for (let k = from; k < end; k++) if (/^(by|before|until|no)$/.test(toks[k].lower) && k > from) byAt = k;
    const deliverableEnd = byAt >= 0 ? byAt : end;
    if (byAt >= 0 && byAt + 1 < end) dep.neededBy = ctx.text.slice(toks[byAt + 1].start, toks[end - 1].end);
    const deliverable = deliverableText(ctx, from, deliverableEnd, dept, WHEN.test(w));
    if (deliverable) dep.deliverable = deliverable;
    for (let k = i; k < end; k++) mark[k] |= M_DEPENDENCY;
    out.push(dep);
    i = end - 1;
  }
  return out;
}

function spanEnd(ctx: Ctx, from: number): number {
  const { toks, mark } = ctx;
  let k = from;
  while (k < toks.length && k < from + 14) {
    const t = toks[k];
    if (mark[k] & M_SENTENCE_END) break;
    if (t.kind === 's' && /^[,;()—–]$/.test(t.text)) break;
    if (
      t.kind === 'w' &&
      k > from &&
      (/^(so|while|whereas|which|but)$/.test(t.lower) ||
        (t.lower === 'to' && ctx.verb[k + 1]) ||
        (t.lower === 'and' && ctx.verb[k + 1]))
    )
      break;
    k++;
  }
  return k;
}

interface Dept {
  index: number;
  len: number;
  afterFrom: boolean;
  possessive: boolean;
}

function findDepartment(ctx: Ctx, from: number, end: number): Dept {
  const { toks, lex } = ctx;
  let best: Dept = { index: -1, len: 0, afterFrom: false, possessive: false };
  for (let k = from; k < end; k++) {
    const t = toks[k];
    if (t.kind !== 'w') continue;
    const afterFrom = k > from && /^(from|by|with)$/.test(toks[k - 1].lower);
    const possessive = /['’]s$/.test(t.text);
    const len = matchList(lex.list.departments, toks, k);
    const known = len > 0 && (t.cap || t.text === t.text.toUpperCase());
    const named =
      t.cap && !lex.list.monthNames.words.has(t.lower) && !/^(q[1-4]|h[12]|fy\d*)$/.test(t.lower) && !(k === 0);
    if (known || (named && (afterFrom || possessive || k === from))) {
      const cand: Dept = { index: k, len: known ? len : 1, afterFrom, possessive };
      if (best.index < 0 || (afterFrom && !best.afterFrom)) best = cand;
    }
  }
  return best;
}

function isDeliveryVerb(ctx: Ctx, k: number): boolean {
  return matchList(ctx.lex.list.deliveryVerbs, ctx.toks, k) > 0;
}

function deliverableText(ctx: Ctx, from: number, end: number, dept: Dept, afterVerb: boolean): string {
  const { toks, lex } = ctx;
  // Drop the department, "from X", delivery verbs and leading articles.
  let a = from;
  let b = end;
  if (dept.index >= 0 && dept.afterFrom) b = Math.min(b, dept.index - 1);
  else if (dept.index === a) {
    a = dept.index + dept.len;
    // "once Product ships the engine": the deliverable follows the verb.
    if (afterVerb) a += matchList(lex.list.deliveryVerbs, toks, a);
  }
  while (a < b && (lex.list.determiners.words.has(toks[a].lower) || toks[a].lower === 'on')) a++;
  if (a >= b) return '';
  return ctx.text.slice(toks[a].start, toks[b - 1].end).trim();
}
