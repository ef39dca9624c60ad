/**
 * Support functions align through their internal customers: which customer-facing departments a
 * support cell serves, and whether the support function moves the objective itself.
 */
import type { Department, Objective } from '../matrix/types';
import type { StatementAnalysis } from '../statement/types';
import type { CellInfo, RuleContext } from './types';
import { nameKey } from '../matrix/text';

export function isSupport(d: Department): boolean {
  return d.attributes.function === 'support';
}

/** Departments the cell serves: those its text names, else those in the Serves column. */
export function servedBy(
  ctx: RuleContext,
  info: CellInfo,
): { served: Department[]; named: 'text' | 'serves' | 'none'; unknown: string[] } {
  const inText = ctx.mentions(info).filter((d) => d !== info.department);
  if (inText.length) return { served: inText, named: 'text', unknown: [] };
  const listed = info.department.attributes.serves ?? [];
  const served: Department[] = [];
  const unknown: string[] = [];
  for (const name of listed) {
    const d = ctx.findDepartment(name);
    if (d && d !== info.department) served.push(d);
    else if (!d) unknown.push(name);
  }
  return { served, named: served.length || unknown.length ? 'serves' : 'none', unknown };
}

/** Words for the same result, so "spend" moves "Reduce operating costs". */
const SYNONYMS: string[][] = [
  ['cost', 'costs', 'spend', 'spending', 'expense', 'expenses', 'opex', 'capex', 'savings', 'saving', 'budget'],
  ['attrition', 'turnover', 'retention', 'churn'],
  ['hire', 'hiring', 'vacancies', 'vacancy', 'time to fill', 'recruitment'],
  ['uptime', 'availability', 'downtime', 'outage', 'outages', 'incidents'],
  ['cash', 'dso', 'receivables', 'working capital', 'collections'],
  ['emissions', 'carbon', 'co2', 'energy'],
  ['margin', 'margins', 'profit', 'profitability', 'ebitda'],
];

const STOP = new Set([
  'the',
  'and',
  'of',
  'to',
  'in',
  'a',
  'an',
  'for',
  'by',
  'our',
  'on',
  'reduce',
  'increase',
  'improve',
  'grow',
  'cut',
  'lower',
  'raise',
  'rate',
  'per',
]);

/** Each synonym as a whole-word expression, compiled once. */
const SYNONYM_WORDS: { tag: string; res: RegExp[] }[] = SYNONYMS.map((group) => ({
  tag: `#${group[0]}`,
  res: group.map((g) => new RegExp(`\\b${g}\\b`)),
}));

function words(s: string): Set<string> {
  const out = new Set<string>();
  const k = nameKey(s);
  for (const w of k.split(/[^a-z0-9]+/)) if (w && !STOP.has(w)) out.add(w);
  for (const { tag, res } of SYNONYM_WORDS) if (res.some((re) => re.test(k))) out.add(tag);
  return out;
}

/** An objective's words (its name and metric), once per objective: every support cell asks. */
const objectiveWords = new WeakMap<Objective, Set<string>>();
function wordsOfObjective(o: Objective): Set<string> {
  let w = objectiveWords.get(o);
  if (!w) objectiveWords.set(o, (w = words(`${o.name} ${o.attributes.metric ?? ''}`)));
  return w;
}

/**
 * The words of the metric a cell moves (not the whole impact clause: "an analytics support queue"
 * shares a word with "Launch the analytics product" without moving it); null when it moves none
 * it quantifies. Once per analysis: cells with the same text share one, and two rules ask.
 */
const moved = new WeakMap<StatementAnalysis, Set<string> | null>();
function metricWords(a: StatementAnalysis): Set<string> | null {
  let w = moved.get(a);
  if (w === undefined) {
    const metrics = a.impactQuantified
      ? [a.metric ?? '', ...a.quantities.filter((q) => q.outcome).map((q) => q.measures ?? '')].join(' ').trim()
      : '';
    w = metrics ? words(metrics) : null;
    moved.set(a, w);
  }
  return w;
}

/**
 * A support function may link straight to an objective when it moves the objective's result
 * itself (procurement → spend): its cell's quantified impact is in the objective's own terms.
 */
export function movesObjectiveItself(info: CellInfo): boolean {
  const mine = metricWords(info.analysis);
  if (!mine) return false;
  const target = wordsOfObjective(info.objective);
  for (const w of mine) if (target.has(w)) return true;
  return false;
}
