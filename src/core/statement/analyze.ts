/** One cell's text → StatementAnalysis: runs each step in order and derives the verdict. */
import type { Quantity, StatementAnalysis } from './types';
import type { Lexicon } from './lexicon/types';
import { en } from './lexicon/en';
import { compileLexicon } from './lexicon/compile';
import { buildContext } from './context';
import { findDependencies } from './dependencies';
import { findDeadlines } from './deadline';
import { findQuantities } from './quantities';
import type { QInfo } from './quantities';
import { classifyQuantities } from './outcome';
import { findImpact } from './impact';
import { findInitiative } from './initiative';
import { findVague } from './vague';
import { embeddedPlaceholders, isDeclaredEmpty, isWholePlaceholder, normalise } from './placeholder';
import { buildFindings } from './findings';

export function analyzeStatement(text: string, lexicon: Lexicon = en): StatementAnalysis {
  const lex = compileLexicon(lexicon);
  const src = typeof text === 'string' ? text : text == null ? '' : String(text);
  // Only short cells can be a declared blank or a whole placeholder; skip the work for the rest.
  const trimmed = src.trim();
  const norm = trimmed.length <= 40 ? normalise(trimmed) : trimmed.length === 0 ? '' : '\u0000long';
  const base: StatementAnalysis = {
    text: src,
    blank: trimmed === '',
    declaredEmpty: false,
    placeholder: false,
    quantities: [],
    measurable: false,
    impact: false,
    impactQuantified: false,
    initiative: false,
    timeBound: false,
    vague: [],
    dependencies: [],
    verdict: 'fail',
    findings: [],
  };
  if (base.blank) {
    base.verdict = 'blank';
    return base;
  }
  if (isDeclaredEmpty(norm, lex)) {
    base.declaredEmpty = true;
    base.verdict = 'n/a';
    return base;
  }
  if (isWholePlaceholder(norm, lex)) {
    base.placeholder = true;
    base.findings = buildFindings({ analysis: base, placeholders: [], onlyBaselines: false });
    return base;
  }

  const ctx = buildContext(src, lex);
  const dependencies = findDependencies(ctx);
  const deadlines = findDeadlines(ctx);
  const qs = findQuantities(ctx);
  classifyQuantities(ctx, qs);
  const impact = findImpact(ctx, qs);
  const initiative = findInitiative(ctx);
  const placeholders = embeddedPlaceholders(ctx);

  const a = base;
  a.placeholder = placeholders.length > 0;
  a.quantities = qs.map(publicQuantity);
  a.measurable = qs.some((q) => q.counts);
  a.impact = impact.impact;
  a.impactQuantified = impact.impactQuantified;
  a.initiative = initiative.initiative;
  const deadline = deadlines.find((d) => d.counts && d.kind !== 'recurring') ?? deadlines.find((d) => d.counts);
  a.timeBound = deadline !== undefined;
  if (deadline) a.deadline = { text: deadline.text, start: deadline.start, end: deadline.end, kind: deadline.kind };
  a.vague = findVague(ctx, qs);
  if (placeholders.length) for (const p of placeholders) if (!a.vague.includes(p) && /^tbd$/i.test(p)) a.vague.push(p);
  if (impact.metric) a.metric = impact.metric;
  if (impact.direction) a.direction = impact.direction;
  if (impact.baseline) a.baseline = publicQuantity(impact.baseline);
  if (impact.target) a.target = publicQuantity(impact.target);
  if (initiative.initiative && initiative.from >= 0)
    a.initiativeText = span(ctx.text, ctx.toks, initiative.from, initiative.to);
  if (impact.impact && impact.clauseFrom >= 0)
    a.impactText = span(ctx.text, ctx.toks, impact.clauseFrom, impact.clauseTo);
  a.dependencies = dependencies;
  const contradiction = impact.contradiction
    ? {
        verb: impact.contradiction.verb,
        baseline: impact.contradiction.baseline.text,
        target: impact.contradiction.target.text,
      }
    : undefined;
  a.verdict = a.measurable && a.impactQuantified && !a.placeholder && !contradiction ? 'pass' : 'fail';
  const countedOutput = qs.find((q) => q.counts && !q.outcome && q.measures);
  const serviceLevel = qs.find((q) => q.serviceLevel);
  a.findings = buildFindings({
    analysis: a,
    placeholders,
    onlyBaselines: qs.length > 0 && qs.every((q) => q.role === 'baseline'),
    serviceLevelOnly: !a.measurable && serviceLevel ? `within ${serviceLevel.text}` : undefined,
    countedOutput: countedOutput ? `${countedOutput.text} ${countedOutput.measures}` : undefined,
    contradiction,
  });
  return a;
}

function publicQuantity(q: QInfo): Quantity {
  const out: Quantity = {
    text: q.text,
    start: q.start,
    end: q.end,
    value: q.value,
    unit: q.unit,
    role: q.role,
    outcome: q.outcome,
  };
  if (q.currency) out.currency = q.currency;
  if (q.measures) out.measures = q.measures;
  return out;
}

function span(text: string, toks: { start: number; end: number }[], from: number, to: number): string {
  const last = Math.min(to, toks.length) - 1;
  if (from < 0 || last < from) return '';
  return text.slice(toks[from].start, toks[last].end).replace(/[\s,;:.]+$/, '');
}
