/**
 * `npm run eval -- <file.jsonl>...`: measures the statement checker against labelled statements
 * (LABELS.md): precision, recall and F1 per label and for the pass verdict, per file, and lists
 * the statements it gets wrong. Exits 1 when the verdict or any label (vague too) falls below the
 * bar on any file, as the design's accuracy bar asks.
 */
import * as fs from 'fs';
import * as path from 'path';
import { analyzeStatement } from '../src/core/statement';

export const BAR = 0.95;
const GATED = ['verdict', 'measurable', 'impact', 'impactQuantified', 'initiative', 'timeBound', 'vague'];
const LABELS: [string, string][] = [
  ['verdict', 'verdict'],
  ['measurable', 'measurable'],
  ['impact', 'impact'],
  ['impactQuantified', 'impact_quantified'],
  ['initiative', 'initiative'],
  ['timeBound', 'time_bound'],
];

interface Row {
  id?: string;
  text: string;
  [k: string]: unknown;
}

interface Counts {
  tp: number;
  fp: number;
  fn: number;
  tn: number;
}

export interface FileResult {
  file: string;
  n: number;
  scores: Record<string, { precision: number; recall: number; f1: number }>;
  wrong: { id: string; text: string; label: string; expected: unknown; got: unknown }[];
  pass: boolean;
}

function f1(c: Counts): { precision: number; recall: number; f1: number } {
  const precision = c.tp + c.fp === 0 ? 1 : c.tp / (c.tp + c.fp);
  const recall = c.tp + c.fn === 0 ? 1 : c.tp / (c.tp + c.fn);
  const f = precision + recall === 0 ? 0 : (2 * precision * recall) / (precision + recall);
  return { precision, recall, f1: f };
}

export function evaluate(file: string, rows: Row[]): FileResult {
  const counts: Record<string, Counts> = {};
  for (const [k] of LABELS) counts[k] = { tp: 0, fp: 0, fn: 0, tn: 0 };
  const vagueCounts: Counts = { tp: 0, fp: 0, fn: 0, tn: 0 };
  const wrong: FileResult['wrong'] = [];
  for (const row of rows) {
    const a = analyzeStatement(row.text);
    const expected: Record<string, boolean> = {
      verdict: row.measurable === true && row.impact_quantified === true,
    };
    const got: Record<string, boolean> = { verdict: a.verdict === 'pass' };
    for (const [k, jk] of LABELS) {
      if (k === 'verdict') continue;
      expected[k] = row[jk] === true;
      got[k] = (a as unknown as Record<string, boolean>)[k] === true;
    }
    for (const [k] of LABELS) {
      const c = counts[k];
      if (expected[k] && got[k]) c.tp++;
      else if (!expected[k] && got[k]) c.fp++;
      else if (expected[k] && !got[k]) c.fn++;
      else c.tn++;
      if (expected[k] !== got[k])
        wrong.push({ id: String(row.id ?? ''), text: row.text, label: k, expected: expected[k], got: got[k] });
    }
    // Vague words: per-word match, case-insensitive.
    const ev = new Set(((row.vague as string[]) ?? []).map((v) => v.toLowerCase()));
    const gv = new Set(a.vague.map((v) => v.toLowerCase()));
    for (const v of gv)
      if (ev.has(v)) vagueCounts.tp++;
      else vagueCounts.fp++;
    for (const v of ev) if (!gv.has(v)) vagueCounts.fn++;
    if ([...ev].sort().join('|') !== [...gv].sort().join('|')) {
      wrong.push({ id: String(row.id ?? ''), text: row.text, label: 'vague', expected: [...ev], got: [...gv] });
    }
  }
  const scores: FileResult['scores'] = {};
  for (const [k] of LABELS) scores[k] = f1(counts[k]);
  scores.vague = f1(vagueCounts);
  const pass = GATED.every((k) => scores[k].f1 >= BAR);
  return { file, n: rows.length, scores, wrong, pass };
}

export function readJsonl(file: string): Row[] {
  const rows: Row[] = [];
  const lines = fs.readFileSync(file, 'utf8').split(/\r?\n/);
  lines.forEach((line, i) => {
    if (!line.trim()) return;
    try {
      const row = JSON.parse(line) as Row;
      if (typeof row.text !== 'string') throw new Error('no "text" field');
      rows.push(row);
    } catch (e) {
      throw new Error(`${file}:${i + 1}: not a labelled statement (${(e as Error).message})`);
    }
  });
  return rows;
}

function pct(x: number): string {
  return x.toFixed(3);
}

export function report(results: FileResult[], log: (s: string) => void, showWrong = true): void {
  log(`Bar: F1 >= ${BAR} for ${GATED.join(', ')} on every file.`);
  for (const r of results) {
    log('');
    log(`${path.basename(r.file)} (${r.n} statements): ${r.pass ? 'PASS' : 'FAIL'}`);
    log('  label             precision  recall  F1     gated');
    for (const k of [...LABELS.map(([k]) => k), 'vague']) {
      const s = r.scores[k];
      const gated = GATED.includes(k);
      const flag = gated ? (s.f1 >= BAR ? 'ok' : 'BELOW BAR') : '-';
      log(`  ${k.padEnd(17)} ${pct(s.precision).padStart(9)}  ${pct(s.recall).padStart(6)}  ${pct(s.f1)}  ${flag}`);
    }
    if (showWrong && r.wrong.length) {
      log(`  wrong (${r.wrong.length}):`);
      for (const w of r.wrong) {
        log(
          `    ${w.id.padEnd(8)} ${w.label.padEnd(16)} expected ${JSON.stringify(w.expected)} got ${JSON.stringify(w.got)}: ${w.text}`,
        );
      }
    }
  }
}

function main(argv: string[]): number {
  const quiet = argv.includes('--quiet');
  const files = argv.filter((a) => !a.startsWith('--'));
  if (files.length === 0) {
    process.stderr.write('usage: npm run eval -- <file.jsonl>... [--quiet]\n');
    return 2;
  }
  const results: FileResult[] = [];
  for (const f of files) {
    try {
      results.push(evaluate(f, readJsonl(f)));
    } catch (e) {
      process.stderr.write(`eval: ${(e as Error).message}\n`);
      return 2;
    }
  }
  report(results, (s) => process.stdout.write(`${s}\n`), !quiet);
  const ok = results.every((r) => r.pass);
  process.stdout.write(`\n${ok ? 'All files meet the bar.' : 'Below the bar on at least one file.'}\n`);
  return ok ? 0 : 1;
}

if (require.main === module) process.exitCode = main(process.argv.slice(2));
