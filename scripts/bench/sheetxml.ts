/**
 * Bench part: the sheet-level XML writer alone. The 1,000 × 50 matrix is read, validated and
 * planned once (cascade sheets for every department); then worksheetXml runs over every planned
 * sheet with a fresh StyleBook. Prints the median of 5 runs after one untimed warm-up, the XML's
 * size, and the slowest sheet roles.
 *   node -r ./scripts/ts-register.js scripts/bench/sheetxml.ts
 */
import { promises as fs } from 'fs';
import * as os from 'os';
import * as path from 'path';
import ExcelJS from 'exceljs';
import { workbookSnapshot } from '../../src/xlsx/snapshot';
import { findMatrix, isMatrixNotFound } from '../../src/core/matrix';
import type { Matrix } from '../../src/core/matrix/types';
import { validate } from '../../src/core/validate';
import { buildPlan } from '../../src/core/plan';
import type { WritePlan } from '../../src/core/plan/types';
import { StyleBook } from '../../src/xlsx/write/styles';
import { tableXml, worksheetXml } from '../../src/xlsx/write/sheetXml';
import { makeMatrix } from './matrix';

const RUNS = 5;

function median(xs: number[]): number {
  const s = [...xs].sort((a, b) => a - b);
  return s[s.length >> 1];
}

/** The bench plan: the generated matrix, read (ExcelJS: this part times only the writer). */
async function benchPlan(): Promise<WritePlan> {
  const dir = await fs.mkdtemp(path.join(os.tmpdir(), 'interlock-bench-sheetxml-'));
  try {
    const file = path.join(dir, 'matrix.xlsx');
    await makeMatrix(file);
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load((await fs.readFile(file)) as unknown as ArrayBuffer);
    const snap = workbookSnapshot(wb, 'matrix.xlsx');
    const m = findMatrix(snap);
    if (isMatrixNotFound(m)) throw new Error(`bench matrix not found: ${m.reason}`);
    const report = validate(m as Matrix, snap, { referenceDate: '2026-11-01' });
    return buildPlan(report, snap, { cascade: 'all' });
  } finally {
    await fs.rm(dir, { recursive: true, force: true });
  }
}

/** Every sheet's XML once; returns ms per role and the total size in UTF-16 units. */
function writeAll(plan: WritePlan): { ms: number; chars: number; byRole: Map<string, number> } {
  const styles = new StyleBook(undefined);
  const byRole = new Map<string, number>();
  let chars = 0;
  let tableId = 0;
  const t0 = process.hrtime.bigint();
  for (const sheet of plan.sheets) {
    const t = process.hrtime.bigint();
    const relIds: string[] = [];
    for (const table of sheet.tables) if (tableXml(table, sheet, ++tableId)) relIds.push(`rId${relIds.length + 1}`);
    const xml = worksheetXml(sheet, styles, { selected: false, tableRelIds: relIds });
    chars += xml.length;
    byRole.set(sheet.role, (byRole.get(sheet.role) ?? 0) + Number(process.hrtime.bigint() - t) / 1e6);
  }
  styles.toXml();
  return { ms: Number(process.hrtime.bigint() - t0) / 1e6, chars, byRole };
}

export async function run(log: (line: string) => void): Promise<void> {
  const plan = await benchPlan();
  const cells = plan.sheets.reduce((n, s) => n + s.rows.reduce((k, r) => k + (r ? r.filter(Boolean).length : 0), 0), 0);
  log(`plan: ${plan.sheets.length} sheets, ${cells.toLocaleString('en-US')} planned cells; median of ${RUNS} runs`);
  const times: number[] = [];
  const roles = new Map<string, number[]>();
  let chars = 0;
  for (let i = 0; i <= RUNS; i++) {
    const r = writeAll(plan);
    if (i === 0) continue; // warm-up
    times.push(r.ms);
    chars = r.chars;
    for (const [role, ms] of r.byRole) roles.set(role, [...(roles.get(role) ?? []), ms]);
  }
  log(
    `worksheetXml, all sheets:   ${median(times).toFixed(0).padStart(5)} ms  (${(chars / 1e6).toFixed(1)} M chars of XML)`,
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
