/**
 * `interlock analyze [text...] [--json]`: checks statements given as arguments, or one per line
 * on stdin (streamed, so any number of lines works). Readable output by default; with --json one
 * JSON object per input line with the per-cell fields of the design.
 */
import * as readline from 'readline';
import type { Io } from './io';
import { UsageError } from './io';
import { analyzeStatement } from '../core/statement';
import type { StatementAnalysis } from '../core/statement';

const USAGE = 'usage: interlock analyze [text...] [--json]   (statements as arguments, or one per line on stdin)';

export async function run(argv: string[], io: Io): Promise<number> {
  let json = false;
  const texts: string[] = [];
  let literal = false;
  for (const a of argv) {
    if (!literal && a === '--') literal = true;
    else if (!literal && a === '--json') json = true;
    else if (!literal && (a === '--help' || a === '-h')) {
      io.stdout.write(`${USAGE}\n`);
      return 0;
    } else if (!literal && a.startsWith('--')) throw new UsageError(`unknown option "${a}". ${USAGE}`);
    else texts.push(a);
  }
  const emit = json
    ? (a: StatementAnalysis) => io.stdout.write(`${toJson(a)}\n`)
    : (a: StatementAnalysis) => io.stdout.write(readable(a));
  if (texts.length > 0) {
    for (const t of texts) emit(analyzeStatement(t));
    return 0;
  }
  if (!io.stdin) throw new UsageError(`no statements given and no input to read. ${USAGE}`);
  if (io.stdin.isTTY) io.stderr.write('Reading statements, one per line (end with Ctrl-D)…\n');
  await forEachLine(io.stdin, (line) => {
    const ok = emit(analyzeStatement(line));
    return ok === false ? waitDrain(io.stdout) : undefined;
  });
  return 0;
}

/** Streams lines, pausing while stdout is full so memory stays flat for any input size. */
async function forEachLine(
  input: NodeJS.ReadableStream,
  each: (line: string) => Promise<void> | undefined,
): Promise<void> {
  const rl = readline.createInterface({ input, crlfDelay: Infinity, terminal: false });
  for await (const raw of rl) {
    const pending = each(raw);
    if (pending) await pending;
  }
}

function waitDrain(out: Io['stdout']): Promise<void> | undefined {
  const s = out as unknown as NodeJS.WritableStream;
  if (typeof s.once !== 'function') return undefined;
  return new Promise((resolve) => s.once('drain', () => resolve()));
}

/** The per-cell fields of the design, plus the structure found. */
export function toJson(a: StatementAnalysis): string {
  return JSON.stringify({
    text: a.text,
    verdict: a.verdict,
    measurable: a.measurable,
    impact: a.impact,
    impactQuantified: a.impactQuantified,
    initiative: a.initiative,
    timeBound: a.timeBound,
    vague: a.vague,
    placeholder: a.placeholder,
    quantities: a.quantities,
    metric: a.metric,
    direction: a.direction,
    baseline: a.baseline,
    target: a.target,
    deadline: a.deadline,
    dependencies: a.dependencies,
    findings: a.findings,
  });
}

const LABELS: [keyof StatementAnalysis, string][] = [
  ['measurable', 'measurable'],
  ['impact', 'impact'],
  ['impactQuantified', 'impact quantified'],
  ['initiative', 'initiative'],
  ['timeBound', 'time-bound'],
];

export function readable(a: StatementAnalysis): string {
  const lines: string[] = [];
  const shown = a.text.length > 200 ? `${a.text.slice(0, 197)}…` : a.text;
  lines.push(`${a.verdict.toUpperCase().padEnd(5)} ${JSON.stringify(shown)}`);
  if (a.verdict === 'blank' || a.verdict === 'n/a') {
    lines.push(a.verdict === 'blank' ? '      blank cell' : '      declared empty on purpose');
    return `${lines.join('\n')}\n\n`;
  }
  lines.push(`      ${LABELS.map(([k, name]) => `${a[k] ? '✓' : '✗'} ${name}`).join('  ')}`);
  const facts: string[] = [];
  if (a.target) facts.push(`target ${a.target.text}${a.target.measures ? ` (${a.target.measures})` : ''}`);
  if (a.baseline) facts.push(`baseline ${a.baseline.text}`);
  if (a.deadline) facts.push(`deadline "${a.deadline.text}" (${a.deadline.kind})`);
  for (const d of a.dependencies)
    facts.push(
      `depends on ${d.department ?? '?'}${d.deliverable ? `: ${d.deliverable}` : ''}${d.neededBy ? ` by ${d.neededBy}` : ''}`,
    );
  if (a.vague.length) facts.push(`vague: ${a.vague.join(', ')}`);
  if (facts.length) lines.push(`      ${facts.join('; ')}`);
  for (const f of a.findings) {
    lines.push(`      - ${f.rule}: ${f.message}`);
    lines.push(`        → ${f.suggestion}`);
  }
  return `${lines.join('\n')}\n\n`;
}
