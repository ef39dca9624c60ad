/**
 * `interlock analyze [text...] [--json]`: checks statements given as arguments, or one per line
 * on stdin (streamed, so any number of lines works). Readable output by default; with --json one
 * JSON object per input line with the per-cell fields of the design.
 */
import { StringDecoder } from 'string_decoder';
import type { Io } from './io';
import { UsageError } from './io';
import { analyzeStatement, cellLabels } from '../core/statement';
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
  const format = json ? (a: StatementAnalysis) => `${toJson(a)}\n` : readable;
  if (texts.length > 0) {
    for (const t of texts) io.stdout.write(format(analyzeStatement(t)));
    return 0;
  }
  if (!io.stdin) throw new UsageError(`no statements given and no input to read. ${USAGE}`);
  if (io.stdin.isTTY) io.stderr.write('Reading statements, one per line (end with Ctrl-D)…\n');
  // Results of one input chunk are written together (a write per line was a large share of the
  // time on big inputs), and at the end of every chunk, so a line typed at a terminal is
  // answered at once.
  const out = new OutputBatch(io.stdout);
  await forEachLineChunk(io.stdin, (lines) => {
    for (const line of lines) out.add(format(analyzeStatement(line)));
    return out.flush();
  });
  return 0;
}

const BATCH_CHARS = 1 << 16;

/** Joins output into large writes; a flush waits for stdout to drain when it is full. */
class OutputBatch {
  private parts: string[] = [];
  private size = 0;
  private full = false;
  constructor(private readonly stdout: Io['stdout']) {}

  add(s: string): void {
    this.parts.push(s);
    this.size += s.length;
    if (this.size >= BATCH_CHARS) this.write();
  }

  flush(): Promise<void> | undefined {
    if (this.size > 0) this.write();
    if (!this.full) return undefined;
    this.full = false;
    return waitDrain(this.stdout);
  }

  private write(): void {
    const ok = this.stdout.write(this.parts.length === 1 ? this.parts[0] : this.parts.join(''));
    if (ok === false) this.full = true;
    this.parts = [];
    this.size = 0;
  }
}

/**
 * Streams the input's lines, a chunk's worth at a time, waiting on what `each` returns so memory
 * stays flat for any input size. Lines end as readline ends them: "\r\n", "\n" or a lone "\r";
 * a last line without a line end still counts, and UTF-8 split across chunks is decoded whole.
 */
export async function forEachLineChunk(
  input: NodeJS.ReadableStream,
  each: (lines: string[]) => Promise<void> | undefined,
): Promise<void> {
  const decoder = new StringDecoder('utf8');
  let carry = '';
  for await (const chunk of input as AsyncIterable<Buffer | string>) {
    const text = carry + (typeof chunk === 'string' ? chunk : decoder.write(chunk));
    const lines: string[] = [];
    let from = 0;
    for (let i = 0; i < text.length; i++) {
      const c = text.charCodeAt(i);
      if (c !== 10 && c !== 13) continue;
      // A "\r" at the very end may be the first half of "\r\n": decide with the next chunk.
      if (c === 13 && i === text.length - 1) break;
      lines.push(text.slice(from, i));
      if (c === 13 && text.charCodeAt(i + 1) === 10) i++;
      from = i + 1;
    }
    carry = text.slice(from);
    if (lines.length > 0) {
      const pending = each(lines);
      if (pending) await pending;
    }
  }
  carry += decoder.end();
  if (carry.endsWith('\r')) carry = carry.slice(0, -1);
  else if (carry === '') return;
  const pending = each([carry]);
  if (pending) await pending;
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
    ...cellLabels(a),
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
