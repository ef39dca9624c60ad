/**
 * What a department head is told about a cell: one finding per failing label, in plain words,
 * with a next step that reuses the cell's own words where it can.
 */
import type { Direction, StatementAnalysis, StatementFinding } from './types';

export interface FindingInput {
  analysis: StatementAnalysis;
  /** Placeholders as written ("TBD", "X%"). */
  placeholders: string[];
  /** Whether every number found was a baseline. */
  onlyBaselines: boolean;
  /** A service-level time limit with no share ("within 24 hours"). */
  serviceLevelOnly?: string;
  /** The output counted when the impact is missing ("4 customer webinars"). */
  countedOutput?: string;
  contradiction?: { verb: string; baseline: string; target: string };
}

const EXAMPLE_OUTCOMES = 'qualified leads, revenue, churn, cycle time or customer satisfaction';

/** An example level that goes the way the cell says (to fall is from a higher level to a lower one), by `when` if given. */
function exampleChange(direction: Direction | undefined, when?: string): string {
  if (direction === 'decrease') return when ? `"from 22% to 15% by ${when}"` : '"from 22% to 15%" or "by 20%"';
  if (direction === 'hold') return when ? `"at 95% or above through ${when}"` : '"at 95% or above"';
  return when ? `"from 15% to 22% by ${when}"` : '"from 15% to 22%" or "by 20%"';
}

export function buildFindings(inp: FindingInput): StatementFinding[] {
  const a = inp.analysis;
  const out: StatementFinding[] = [];
  const subject = short(a.initiativeText ?? a.text);
  if (inp.placeholders.length > 0 || a.placeholder) {
    const ph = inp.placeholders.length ? inp.placeholders.map((p) => `"${p}"`).join(', ') : `"${short(a.text)}"`;
    out.push({
      rule: 'placeholder',
      message: `This cell holds a placeholder (${ph}) instead of a commitment.`,
      suggestion: `Replace ${ph} with what the department will do and the result it expects, with a number and a date.`,
    });
    if (inp.placeholders.length === 0) return out; // the whole cell is a placeholder: nothing else to say
  }
  if (inp.contradiction) {
    const c = inp.contradiction;
    out.push({
      rule: 'contradictory-target',
      message: `It says "${c.verb}" but the target (${c.target}) goes the other way from the starting point (${c.baseline}).`,
      suggestion: `Check the numbers or the verb: to ${c.verb.toLowerCase()} from ${c.baseline}, the target must be ${/^(reduc|cut|lower|decreas|shorten|halv)/i.test(c.verb) ? 'below' : 'above'} ${c.baseline}.`,
    });
  }
  if (!a.measurable) {
    let message = 'No number says how much will be delivered or achieved.';
    let suggestion = a.metric
      ? a.direction === 'hold'
        ? `Say the level ${a.metric} should stay at, e.g. ${exampleChange(a.direction)}.`
        : `Say how much ${a.metric} should change, e.g. ${exampleChange(a.direction)}.`
      : `Add a target to "${subject}": how many, how much, or what share.`;
    if (inp.onlyBaselines) {
      message = 'The numbers given are starting points (a baseline), not targets.';
      suggestion = `Add the level to reach${a.metric ? ` for ${a.metric}` : ''}, e.g. "to 30%" or "by 10 points".`;
    } else if (inp.serviceLevelOnly) {
      message = `The time limit ("${inp.serviceLevelOnly}") says how fast, but no number says how many or what share will meet it.`;
      suggestion = `Say what share will meet it, e.g. "95% ${inp.serviceLevelOnly}".`;
    }
    out.push({ rule: 'not-measurable', message, suggestion });
  }
  if (!a.impact) {
    out.push({
      rule: 'no-impact',
      message: inp.countedOutput
        ? `"${inp.countedOutput}" counts the activity, not its effect: the cell does not say what result it should have on the objective.`
        : 'It does not say what result the work should have on the objective.',
      suggestion: `Add the effect you expect from "${subject}": which result (${EXAMPLE_OUTCOMES}) moves, and by how much.`,
    });
  } else if (!a.impactQuantified) {
    const metric = a.metric ?? 'the result';
    out.push({
      rule: 'impact-not-quantified',
      message: `The expected effect on ${metric} has no number.`,
      suggestion:
        a.direction === 'hold'
          ? `Say the level ${metric} should stay at, and for how long (e.g. ${exampleChange(a.direction, 'Q4')}).`
          : `Say how much ${metric} should ${a.direction === 'decrease' ? 'fall' : 'rise'}, and by when (e.g. ${exampleChange(a.direction, 'Q4')}).`,
    });
  }
  if (!a.timeBound) {
    out.push({
      rule: 'not-time-bound',
      message: 'No deadline or period is given.',
      suggestion:
        'Add when it will be done or measured: a date, quarter or window ("by Q3 2027", "within 12 months", "each quarter").',
    });
  }
  if (!a.initiative) {
    out.push({
      rule: 'no-initiative',
      message: a.measurable
        ? 'It states a target but not what the department will do to reach it.'
        : a.impact
          ? 'It names the result it wants but not what the department will do to get there.'
          : 'It does not name something the department will do: a campaign, programme, process change, hire or launch.',
      suggestion: `Name the initiative behind it, e.g. "Launch <programme> to ${lowerFirst(short(a.text))}".`,
    });
  }
  if (a.vague.length > 0) {
    const words = a.vague.map((v) => `"${v}"`).join(', ');
    out.push({
      rule: 'vague-language',
      message: `Vague wording (${words}) with no amount attached.`,
      suggestion: `Replace ${words} with the concrete change and the number it should reach.`,
    });
  }
  return out;
}

function short(s: string): string {
  let t = s.trim();
  if (/\s\s|[\t\n\r]/.test(t)) t = t.replace(/\s+/g, ' ');
  while (t.length > 0 && '.;:,'.indexOf(t[t.length - 1]) >= 0) t = t.slice(0, -1);
  return t.length > 80 ? `${t.slice(0, 77).trimEnd()}…` : t;
}

function lowerFirst(s: string): string {
  return s.length > 1 && s[1] === s[1].toLowerCase() ? s[0].toLowerCase() + s.slice(1) : s;
}
