/**
 * Bench part: the pure core alone on the 1,000 × 50 matrix. The file is read and snapshotted
 * once; then findMatrix, validate and buildPlan (every cascade sheet, and none) are each timed
 * on that snapshot. Prints the median of 5 runs per stage, after one untimed warm-up run.
 *   node -r ./scripts/ts-register.js scripts/bench/core.ts
 */
import { promises as fs } from 'fs';
import { openPackage, readWorkbookSnapshot } from '../../src/xlsx/load';
import { nodeCodec } from '../../src/xlsx/package/nodeCodec';
import { findMatrix, isMatrixNotFound } from '../../src/core/matrix';
import type { Matrix } from '../../src/core/matrix/types';
import { validate } from '../../src/core/validate';
import { buildPlan } from '../../src/core/plan';
import { DEPARTMENTS, OBJECTIVES, withBenchMatrix } from './matrix';
import { median, timed } from './measure';

const RUNS = 5;

export async function run(log: (line: string) => void): Promise<void> {
  await withBenchMatrix(async (file) => {
    const snap = await readWorkbookSnapshot(await openPackage(await fs.readFile(file), nodeCodec));
    log(`matrix: ${DEPARTMENTS} departments × ${OBJECTIVES} objectives, read once; median of ${RUNS} runs per stage`);
    const times = { find: [] as number[], validate: [] as number[], all: [] as number[], none: [] as number[] };
    let findings = 0;
    let planned = 0;
    // Run 0 warms up the JIT and is not counted.
    for (let i = 0; i <= RUNS; i++) {
      const [m, tf] = timed(() => findMatrix(snap));
      if (isMatrixNotFound(m)) throw new Error(`bench matrix not found: ${m.reason}`);
      const [report, tv] = timed(() => validate(m as Matrix, snap, { referenceDate: '2026-11-01' }));
      const [all, ta] = timed(() => buildPlan(report, snap, { cascade: 'all' }));
      const [, tn] = timed(() => buildPlan(report, snap, { cascade: 'none' }));
      if (i === 0) continue;
      times.find.push(tf);
      times.validate.push(tv);
      times.all.push(ta);
      times.none.push(tn);
      findings = report.findings.length;
      planned = all.sheets.reduce((n, s) => n + s.rows.reduce((k, r) => k + r.length, 0), 0);
    }
    const ms = (xs: number[]) => `${median(xs).toFixed(0).padStart(5)} ms`;
    log(`findMatrix:                 ${ms(times.find)}`);
    log(`validate:                   ${ms(times.validate)}  (${findings} findings)`);
    log(`buildPlan (cascade all):    ${ms(times.all)}  (${planned} planned cells)`);
    log(`buildPlan (cascade none):   ${ms(times.none)}`);
  });
}

if (require.main === module) {
  run((line) => console.log(`  ${line}`)).catch((e) => {
    console.error(`bench core: ${(e as Error).stack ?? e}`);
    process.exit(1);
  });
}
