/**
 * `interlock validate <file.xlsx|folder>... [--out <file|dir>] [--in-place] [--json]
 *   [--fail-on error|warning|never] [--range 'Sheet'!B3:H20] [--cascade all|existing|none]
 *   [--quiet] [--all] [--no-write]`
 *
 * Reads each workbook, finds the matrix, validates it, writes the validated copy (default
 * `<name>.validated.xlsx` beside the input; `--in-place` replaces the input and keeps
 * `<name>.backup.xlsx`) and prints a readable report. With `--json`, stdout carries JSON only:
 * one document for one input file, a JSON array of documents for several (an input that could
 * not be read appears there as `{ "file", "error" }`). Progress for several files goes to stderr.
 * Exit 0 when nothing reaches --fail-on, 1 when something does, 2 when an input could not be
 * validated (the reason on one line) or the command line is wrong.
 *
 * `--cascade` says which cascade sheets the copy gets: `all` (default) one per department;
 * `existing` refreshes only those a previous run wrote (a large matrix where few departments
 * cascade: a thousand departments are a thousand sheets); `none` writes none and leaves the ones
 * already there untouched (the quickest check that still writes warnings, findings and summary).
 */
import { promises as fs } from 'fs';
import * as path from 'path';
import { Io, UsageError } from './io';
import { openPackage, readWorkbookSnapshot, UnreadableWorkbook } from '../xlsx/load';
import type { Package } from '../xlsx/package/package';
import { nodeCodec } from '../xlsx/package/nodeCodec';
import { backupPath } from '../xlsx/save';
import { findMatrix, isMatrixNotFound } from '../core/matrix';
import { validate, reportDocument } from '../core/validate';
import type { Finding, Report, Severity } from '../core/report';
import type { WorkbookSnapshot } from '../core/snapshot';
import { MAX_COLUMNS, splitSheetRange, parseRange } from '../core/a1';
import { CASCADE_MODES, type CascadeMode } from '../core/plan/ownership';
import { DEFAULT_MAX_FINDING_ROWS } from '../core/plan/findingsSheet';

type FailOn = 'error' | 'warning' | 'never';

interface Options {
  inputs: string[];
  out?: string;
  inPlace: boolean;
  json: boolean;
  failOn: FailOn;
  range?: string;
  cascade: CascadeMode;
  quiet: boolean;
  /** Print every finding, however many (default: the first REPORT_LIMIT, worst first). */
  all: boolean;
  write: boolean;
}

/**
 * Findings the readable report lists before it summarises the rest: a large matrix has tens of
 * thousands, which no one reads in a terminal (the copy's Findings sheet and --json have them).
 */
export const REPORT_LIMIT = 200;

const USAGE =
  "usage: interlock validate <file.xlsx|folder>... [--out <file|dir>] [--in-place] [--json] [--fail-on error|warning|never] [--range 'Sheet'!B3:H20] [--cascade all|existing|none] [--quiet] [--all] [--no-write]";

function parseArgs(argv: string[]): Options {
  const o: Options = {
    inputs: [],
    inPlace: false,
    json: false,
    failOn: 'error',
    cascade: 'all',
    quiet: false,
    all: false,
    write: true,
  };
  const value = (i: number, flag: string) => {
    const v = argv[i + 1];
    if (v === undefined || v.startsWith('--')) throw new UsageError(`${flag} needs a value. ${USAGE}`);
    return v;
  };
  for (let i = 0; i < argv.length; i++) {
    const a = argv[i];
    const [flag, inline] =
      a.startsWith('--') && a.includes('=')
        ? [a.slice(0, a.indexOf('=')), a.slice(a.indexOf('=') + 1)]
        : [a, undefined];
    const take = () => inline ?? value(i++, flag);
    switch (flag) {
      case '--out':
      case '-o':
        o.out = take();
        break;
      case '--in-place':
        o.inPlace = true;
        break;
      case '--json':
        o.json = true;
        break;
      case '--quiet':
      case '-q':
        o.quiet = true;
        break;
      case '--no-write':
        o.write = false;
        break;
      case '--all':
        o.all = true;
        break;
      case '--fail-on': {
        const v = take();
        if (v !== 'error' && v !== 'warning' && v !== 'never')
          throw new UsageError(`--fail-on must be error, warning or never, not "${v}"`);
        o.failOn = v;
        break;
      }
      case '--range': {
        const v = take();
        const { range } = splitSheetRange(v);
        if (!parseRange(range.replace(/\$/g, '')))
          throw new UsageError(`--range must look like 'Sheet 1'!B3:H20 or B3:H20, not "${v}"`);
        o.range = v;
        break;
      }
      case '--cascade': {
        const v = take();
        if (!(CASCADE_MODES as readonly string[]).includes(v))
          throw new UsageError(`--cascade must be all, existing or none, not "${v}"`);
        o.cascade = v as CascadeMode;
        break;
      }
      case '--help':
      case '-h':
        throw new UsageError(USAGE);
      default:
        if (a.startsWith('-') && a !== '-') throw new UsageError(`unknown option ${a}. ${USAGE}`);
        o.inputs.push(a);
    }
  }
  if (o.inputs.length === 0) throw new UsageError(`no workbook given. ${USAGE}`);
  if (o.inPlace && o.out) throw new UsageError('--in-place and --out cannot be used together');
  if (!o.write && (o.inPlace || o.out)) throw new UsageError('--no-write cannot be used with --in-place or --out');
  return o;
}

const OWN_OUTPUT = /\.(validated|backup)\.xlsx$/i;

/** Files to validate: files as given, folders expanded to their .xlsx files (not Excel lock files or Interlock's own outputs). */
async function expandInputs(
  inputs: string[],
): Promise<{ files: string[]; problems: { file: string; reason: string }[] }> {
  const files: string[] = [];
  const problems: { file: string; reason: string }[] = [];
  for (const input of inputs) {
    let stat;
    try {
      stat = await fs.stat(input);
    } catch {
      problems.push({ file: input, reason: 'no such file or folder' });
      continue;
    }
    if (stat.isDirectory()) {
      const names = (await fs.readdir(input))
        .filter((n) => /\.xlsx$/i.test(n) && !n.startsWith('~$') && !OWN_OUTPUT.test(n))
        .sort();
      if (names.length === 0) problems.push({ file: input, reason: 'the folder holds no .xlsx files' });
      files.push(...names.map((n) => path.join(input, n)));
    } else {
      files.push(input);
    }
  }
  return { files, problems };
}

function outputPath(file: string, o: Options, several: boolean, outIsDir: boolean): string {
  const base = path.basename(file).replace(/\.xlsx$/i, '');
  if (o.inPlace) return file;
  if (o.out) {
    if (outIsDir || several) return path.join(o.out, `${base}.validated.xlsx`);
    return o.out;
  }
  return path.join(path.dirname(file), `${base}.validated.xlsx`);
}

/**
 * Writes the validated copy: the report's plan applied to the workbook, saved atomically.
 * The write-back modules are loaded here, on first use, so `--no-write` runs need none of them.
 * Returns a line for each owned sheet whose notes, pictures... people added are not carried over.
 */
export async function writeValidatedCopy(
  pkg: Package,
  report: Report,
  snapshot: WorkbookSnapshot,
  outPath: string,
  backupOf?: string,
  cascade: CascadeMode = 'all',
): Promise<string[]> {
  const { buildPlan } = require('../core/plan') as typeof import('../core/plan');
  const { applyPlanToPackage } = require('../xlsx/write/applyPlan') as typeof import('../xlsx/write/applyPlan');
  const { saveBytesAtomic } = require('../xlsx/save') as typeof import('../xlsx/save');

  const lost = await applyPlanToPackage(pkg, buildPlan(report, snapshot, { cascade }));
  await saveBytesAtomic(() => pkg.toBytes(), outPath, backupOf ? { backupOf } : {});
  return lost.map((l) => l.message);
}

function reaches(findings: Finding[], failOn: FailOn): boolean {
  if (failOn === 'never') return false;
  return findings.some((f) => f.severity === 'error' || (failOn === 'warning' && f.severity === 'warning'));
}

const SEVERITY_TITLE: Record<Severity, string> = { error: 'Errors', warning: 'Warnings', info: 'Information' };

function countWords(n: number, one: string, many = `${one}s`): string {
  return `${n} ${n === 1 ? one : many}`;
}

interface ReportOptions {
  /** One line: the file and its counts. */
  quiet?: boolean;
  /** Findings to list at most (errors first); the rest are counted on one line. */
  limit?: number;
  /** A validated copy was written (its Findings sheet lists what the report leaves out). */
  written?: boolean;
}

/** The readable report: where the matrix is, counts, then findings by severity and department. */
export function formatReport(report: Report, file: string, options: ReportOptions = {}): string {
  const { quiet = false, limit = Infinity, written = false } = options;
  const m = report.matrix;
  const lines: string[] = [];
  const how = {
    'named-range': 'named range AlignmentMatrix',
    table: 'Excel table',
    explicit: '--range',
    detected: 'found by its header row',
  }[m.source];
  const s = report.summary;
  const verdicts = { pass: 0, fail: 0, blank: 0, 'n/a': 0 };
  for (const c of report.cells) verdicts[c.verdict]++;
  const summary = `${countWords(s.errors, 'error')}, ${countWords(s.warnings, 'warning')}, ${countWords(s.infos, 'info')}`;
  if (quiet) return `${file}: ${summary}\n`;
  lines.push(`${file}`);
  lines.push(
    `  Matrix: '${m.sheet}'!${m.range} (${how}), ${countWords(m.objectives.length, 'objective')} × ${countWords(m.departments.length, 'department')}`,
  );
  lines.push(
    `  Cells: ${report.cells.length} (${verdicts.pass} pass, ${verdicts.fail} fail, ${verdicts.blank} blank, ${verdicts['n/a']} n/a)`,
  );
  if (m.dependencies.length) lines.push(`  Dependencies: ${m.dependencies.length}`);
  for (const n of m.notes) lines.push(`  Note: ${n}`);
  lines.push(`  Findings: ${summary}`);
  let room = limit;
  const unlisted: Record<Severity, number> = { error: 0, warning: 0, info: 0 };
  for (const sev of ['error', 'warning', 'info'] as Severity[]) {
    const all = report.findings.filter((f) => f.severity === sev);
    if (!all.length) continue;
    if (room <= 0) {
      unlisted[sev] = all.length;
      continue;
    }
    lines.push('');
    lines.push(`  ${SEVERITY_TITLE[sev]} (${all.length})`);
    // Whole-matrix findings first, then departments in matrix order, each by row and column.
    const deptOrder = new Map(m.departments.map((d, i) => [d.name, i] as const));
    // Keys worked out once per finding, not once per comparison (a large matrix has ~100k).
    const keyed = all.map((f) => {
      const c = f.sheet === m.sheet ? parseRange(f.address)?.start : undefined;
      return {
        f,
        dept: f.department === undefined ? -1 : (deptOrder.get(f.department) ?? 1e6),
        at: c ? c.row * MAX_COLUMNS + c.col : Number.MAX_SAFE_INTEGER,
      };
    });
    const ordered = keyed.sort((a, b) => a.dept - b.dept || a.at - b.at).map((k) => k.f);
    const shown = ordered.slice(0, room);
    unlisted[sev] = ordered.length - shown.length;
    room -= shown.length;
    const byDept = new Map<string, Finding[]>();
    for (const f of shown) {
      const k = f.department ?? 'Whole matrix';
      if (!byDept.has(k)) byDept.set(k, []);
      byDept.get(k)!.push(f);
    }
    for (const [dept, list] of byDept) {
      lines.push(`    ${dept}`);
      for (const f of list) {
        const where = f.sheet === m.sheet ? f.address : `'${f.sheet}'!${f.address}`;
        lines.push(
          `      ${where.padEnd(6)} ${f.rule}${f.objective && f.department ? ` · ${f.objective}` : ''}: ${f.message}`,
        );
        lines.push(`      ${' '.repeat(6)} → ${f.suggestion}`);
      }
    }
  }
  const rest = unlisted.error + unlisted.warning + unlisted.info;
  if (rest > 0) {
    const parts = (['error', 'warning', 'info'] as Severity[])
      .filter((sev) => unlisted[sev] > 0)
      .map((sev) => countWords(unlisted[sev], sev));
    lines.push('');
    lines.push(
      `  … and ${countWords(rest, 'more finding', 'more findings')} (${parts.join(', ')}), not listed here: ${written ? `the copy's Findings sheet lists ${report.findings.length > DEFAULT_MAX_FINDING_ROWS ? `the worst ${DEFAULT_MAX_FINDING_ROWS}` : 'them all'}, ` : ''}--all prints every one, --json gives them as data.`,
    );
  }
  return `${lines.join('\n')}\n`;
}

interface FileResult {
  code: 0 | 1 | 2;
  doc?: unknown;
}

async function validateFile(file: string, o: Options, io: Io, outPath: string): Promise<FileResult> {
  const fail = (reason: string): FileResult => {
    io.stderr.write(`interlock validate: ${file}: ${reason}\n`);
    return { code: 2, doc: { file, error: reason } };
  };
  let bytes: Buffer;
  try {
    bytes = await fs.readFile(file);
  } catch (e) {
    const code = (e as NodeJS.ErrnoException).code;
    return fail(
      code === 'EISDIR'
        ? 'is a folder'
        : code === 'EACCES'
          ? 'permission denied'
          : `cannot be read (${code ?? (e as Error).message})`,
    );
  }
  let pkg: Package;
  let snapshot: WorkbookSnapshot;
  try {
    pkg = await openPackage(bytes, nodeCodec);
    snapshot = await readWorkbookSnapshot(pkg, path.basename(file));
  } catch (e) {
    if (e instanceof UnreadableWorkbook) return fail(e.message);
    throw e;
  }
  const matrix = findMatrix(snapshot, { range: o.range });
  if (isMatrixNotFound(matrix)) return fail(`no matrix found: ${matrix.reason}. Looked for ${matrix.lookedFor}.`);
  const report = validate(matrix, snapshot);
  const protectedSheet = snapshot.sheets.find((s) => s.name === matrix.sheet)?.protected;
  let lost: string[] = [];
  if (o.write) {
    if (!o.inPlace && path.resolve(outPath) === path.resolve(file))
      return fail('--out names the input itself; use --in-place to replace it');
    try {
      lost = await writeValidatedCopy(pkg, report, snapshot, outPath, o.inPlace ? file : undefined, o.cascade);
    } catch (e) {
      return fail(`the validated copy could not be written to ${outPath}: ${(e as Error).message.split('\n')[0]}`);
    }
  }
  if (!o.json) {
    io.stdout.write(
      formatReport(report, file, { quiet: o.quiet, limit: o.all ? Infinity : REPORT_LIMIT, written: o.write }),
    );
    if (!o.quiet) {
      if (protectedSheet)
        io.stdout.write(`  Sheet '${matrix.sheet}' is protected: its cells were read, and none of them was changed.\n`);
      if (o.write) io.stdout.write(`  Wrote ${outPath}${o.inPlace ? ` (backup: ${backupPath(file)})` : ''}\n`);
      for (const line of lost) io.stdout.write(`  Note: ${line}\n`);
      io.stdout.write('\n');
    }
  }
  // Where the report is not printed in full (stdout is JSON, or one line a file), still say it.
  if (o.json || o.quiet) for (const line of lost) io.stderr.write(`${file}: Note: ${line}\n`);
  const doc = { ...reportDocument(report, file), ...(o.write ? { output: outPath } : {}) };
  return { code: reaches(report.findings, o.failOn) ? 1 : 0, doc };
}

export async function run(argv: string[], io: Io): Promise<number> {
  const o = parseArgs(argv);
  const { files, problems } = await expandInputs(o.inputs);
  const several = files.length + problems.length > 1;
  let outIsDir = false;
  if (o.out && o.write) {
    const stat = await fs.stat(o.out).catch(() => null);
    outIsDir = Boolean(stat?.isDirectory()) || /[\\/]$/.test(o.out);
    if (several || outIsDir) {
      if (stat && !stat.isDirectory())
        throw new UsageError(`--out must be a folder when validating several files ("${o.out}" is a file)`);
      await fs.mkdir(o.out, { recursive: true });
      outIsDir = true;
    } else if (!/\.xlsx$/i.test(o.out)) {
      throw new UsageError(`--out must name an .xlsx file or a folder, not "${o.out}"`);
    }
  }
  let code: 0 | 1 | 2 = 0;
  const docs: unknown[] = [];
  for (const p of problems) {
    io.stderr.write(`interlock validate: ${p.file}: ${p.reason}\n`);
    docs.push({ file: p.file, error: p.reason });
    code = 2;
  }
  for (const [n, file] of files.entries()) {
    if (several) io.stderr.write(`[${n + 1}/${files.length}] ${file}\n`);
    const r = await validateFile(file, o, io, outputPath(file, o, several, outIsDir));
    if (r.doc) docs.push(r.doc);
    code = Math.max(code, r.code) as 0 | 1 | 2;
  }
  if (o.json) {
    if (several) io.stdout.write(`${JSON.stringify(docs, null, 2)}\n`);
    else if (code !== 2 && docs.length) io.stdout.write(`${JSON.stringify(docs[0], null, 2)}\n`);
  }
  return code;
}
