/**
 * Bench part: the sheet-level XML writer alone. The 1,000 × 50 matrix is read, validated and
 * planned once (cascade sheets for every department); then worksheetBytes (the UTF-8 form files
 * get) runs over every planned sheet with a fresh StyleBook. Prints the median of 5 runs after
 * one untimed warm-up, the XML's size (UTF-8), and the time per sheet role.
 *   npm run bench -- sheetxml
 */
import { promises as fs } from 'fs';
import { openPackage, readWorkbookSnapshot } from '../../src/xlsx/load';
import { nodeCodec } from '../../src/xlsx/package/nodeCodec';
import { findMatrix, isMatrixNotFound } from '../../src/core/matrix';
import type { Matrix } from '../../src/core/matrix/types';
import { validate } from '../../src/core/validate';
import { buildPlan } from '../../src/core/plan';
import type { WritePlan } from '../../src/core/plan/types';
import { StyleBook } from '../../src/xlsx/write/styles';
import { tableXml, worksheetBytes } from '../../src/xlsx/write/sheetXml';
import { withBenchMatrix } from './matrix';
import { median } from './measure';

const RUNS = 5;

/** The bench plan: the generated matrix, read, validated and planned (untimed). */
async function benchPlan(): Promise<WritePlan> {
  return withBenchMatrix(async (file) => {
    const snap = await readWorkbookSnapshot(await openPackage(await fs.readFile(file), nodeCodec), 'matrix.xlsx');
    const m = findMatrix(snap);
    if (isMatrixNotFound(m)) throw new Error(`bench matrix not found: ${m.reason}`);
    const report = validate(m as Matrix, snap, { referenceDate: '2026-11-01' });
    return buildPlan(report, snap, { cascade: 'all' });
  });
}

/** Every sheet's XML once; returns ms in all and per role, and (when asked) the XML's UTF-8 size. */
function writeAll(
  plan: WritePlan,
  measure: boolean,
): { ms: number; cpu: number; bytes: number; byRole: Map<string, number> } {
  const styles = new StyleBook(undefined);
  const byRole = new Map<string, number>();
  let bytes = 0;
  let tableId = 0;
  const t0 = process.hrtime.bigint();
  const c0 = process.cpuUsage();
  for (const sheet of plan.sheets) {
    const t = process.hrtime.bigint();
    const relIds: string[] = [];
    for (const table of sheet.tables) if (tableXml(table, sheet, ++tableId)) relIds.push(`rId${relIds.length + 1}`);
    // The byte form is what files get; the text form is the same writer with a string sink.
    const chunks = worksheetBytes(sheet, styles, { selected: false, tableRelIds: relIds });
    if (measure) for (const c of chunks) bytes += c.length;
    byRole.set(sheet.role, (byRole.get(sheet.role) ?? 0) + Number(process.hrtime.bigint() - t) / 1e6);
  }
  styles.toXml();
  const cpu = process.cpuUsage(c0);
  return { ms: Number(process.hrtime.bigint() - t0) / 1e6, cpu: (cpu.user + cpu.system) / 1e3, bytes, byRole };
}

export async function run(log: (line: string) => void): Promise<void> {
  const plan = await benchPlan();
  const cells = plan.sheets.reduce((n, s) => n + s.rows.reduce((k, r) => k + (r ? r.filter(Boolean).length : 0), 0), 0);
  log(`plan: ${plan.sheets.length} sheets, ${cells.toLocaleString('en-US')} planned cells; median of ${RUNS} runs`);
  const times: number[] = [];
  const cpus: number[] = [];
  const roles = new Map<string, number[]>();
  let bytes = 0;
  for (let i = 0; i <= RUNS; i++) {
    // Run 0 warms up the JIT and measures the size; it is not timed.
    const r = writeAll(plan, i === 0);
    if (i === 0) {
      bytes = r.bytes;
      continue;
    }
    times.push(r.ms);
    cpus.push(r.cpu);
    for (const [role, ms] of r.byRole) roles.set(role, [...(roles.get(role) ?? []), ms]);
  }
  // CPU time beside wall time: on a shared machine the wall clock also counts waiting for a core
  // (CPU time counts the collector's helper threads too).
  log(
    `worksheetBytes, all sheets: ${median(times).toFixed(0).padStart(5)} ms  (CPU ${median(cpus).toFixed(0)} ms; ${(bytes / 1e6).toFixed(1)} MB of XML)`,
  );
  for (const [role, ms] of [...roles].sort((a, b) => median(b[1]) - median(a[1]))) {
    log(`  ${role.padEnd(24)}  ${median(ms).toFixed(0).padStart(5)} ms`);
  }
}

if (require.main === module) {
  run((line) => console.log(`  ${line}`)).catch((e) => {
    console.error(`bench sheetxml: ${(e as Error).stack ?? e}`);
    process.exit(1);
  });
}
