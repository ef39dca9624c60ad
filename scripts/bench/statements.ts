/**
 * Statements analysed per second over 100,000 statements: in-process on one core, and as a whole
 * process (`node bin/interlock.js analyze --json` fed 100,000 lines on stdin). Prints figures;
 * never a pass/fail timing.
 */
import { spawn, execFileSync } from 'child_process';
import * as fs from 'fs';
import * as path from 'path';
import { analyzeStatement } from '../../src/core/statement';

const N = 100_000;
const ROOT = path.join(__dirname, '..', '..');

// A mix of shapes a matrix holds: passing, output-only, vague, placeholder, long, symbol forms.
const SHAPES = [
  'Launch an account-based campaign targeting {n} enterprise accounts, projected to generate {m} qualified leads by Q3 2027.',
  'Run {n} customer webinars per quarter',
  'Improve collaboration with the {w} team',
  'Reduce voluntary attrition from {n}% to {m}% by end of FY27 through a mentoring programme',
  'TBD',
  'n/a',
  'NPS {n} → {m} by H2',
  'Migrate finance to the cloud ERP by 15 May, saving ${n}k in annual licence costs; needs data extracts from IT by March',
  'Achieve ISO 27001 certification by Q{q} 2027',
  'Grow organic web traffic {n}% YoY',
  'Help {w} close more deals',
  'Cut mean time to recovery from {n}h to {m}h for the {w} platform, depends on Engineering release',
];
const WORDS = ['sales', 'retail', 'EMEA', 'partner', 'support', 'finance', 'product'];

export function makeStatements(n: number): string[] {
  const out: string[] = new Array(n);
  for (let i = 0; i < n; i++) {
    out[i] = SHAPES[i % SHAPES.length]
      .replace('{n}', String(10 + (i % 90)))
      .replace('{m}', String(100 + (i % 900)))
      .replace('{q}', String(1 + (i % 4)))
      .replace('{w}', WORDS[i % WORDS.length]);
  }
  return out;
}

/** Median of three timed passes over all lines, after a warm-up pass (the JIT settles). */
function inProcess(lines: string[]): number {
  for (const l of lines) analyzeStatement(l);
  const rates: number[] = [];
  for (let r = 0; r < 3; r++) {
    const t0 = process.hrtime.bigint();
    let passes = 0;
    for (const l of lines) if (analyzeStatement(l).verdict === 'pass') passes++;
    const s = Number(process.hrtime.bigint() - t0) / 1e9;
    if (passes === 0) throw new Error('no statement passed: the bench input is wrong');
    rates.push(lines.length / s);
  }
  return rates.sort((a, b) => a - b)[1];
}

function wholeProcess(lines: string[]): Promise<{ perSecond: number; outputLines: number }> {
  const bin = path.join(ROOT, 'bin', 'interlock.js');
  if (!fs.existsSync(path.join(ROOT, 'lib', 'cli', 'analyze.js'))) {
    execFileSync(process.execPath, [require.resolve('typescript/bin/tsc'), '-p', 'tsconfig.cli.json'], {
      cwd: ROOT,
      stdio: 'inherit',
    });
  }
  return new Promise((resolve, reject) => {
    const t0 = process.hrtime.bigint();
    const child = spawn(process.execPath, [bin, 'analyze', '--json'], {
      cwd: ROOT,
      stdio: ['pipe', 'pipe', 'inherit'],
    });
    let outputLines = 0;
    child.stdout.on('data', (b: Buffer) => {
      for (let i = b.indexOf(10); i >= 0; i = b.indexOf(10, i + 1)) outputLines++;
    });
    child.on('error', reject);
    child.on('close', (code) => {
      const s = Number(process.hrtime.bigint() - t0) / 1e9;
      if (code !== 0) reject(new Error(`interlock analyze exited ${code}`));
      else resolve({ perSecond: lines.length / s, outputLines });
    });
    child.stdin.end(lines.join('\n') + '\n');
  });
}

export async function run(log: (line: string) => void): Promise<void> {
  const lines = makeStatements(N);
  const inproc = inProcess(lines);
  log(
    `statements: in-process ${Math.round(inproc).toLocaleString('en-US')} statements/s over ${N.toLocaleString('en-US')}, median of 3 warm passes (goal >= 100,000/s, one core)`,
  );
  const whole = await wholeProcess(lines);
  if (whole.outputLines !== N) throw new Error(`expected ${N} JSON lines, got ${whole.outputLines}`);
  log(
    `statements: whole process (node bin/interlock.js analyze --json, ${N.toLocaleString('en-US')} lines on stdin) ${Math.round(whole.perSecond).toLocaleString('en-US')} statements/s`,
  );
}

if (require.main === module) {
  run((l) => process.stdout.write(`${l}\n`)).catch((e) => {
    process.stderr.write(`bench: ${(e as Error).message}\n`);
    process.exitCode = 1;
  });
}
