/**
 * Bench part: a 1,000 × 50 matrix in an .xlsx, ExcelJS merely reading it, against Interlock
 * opening the package, reading its snapshot, finding and validating the matrix. Prints both and
 * the ratio.
 */
import { promises as fs } from 'fs';
import ExcelJS from 'exceljs';
import { openPackage, readWorkbookSnapshot } from '../../src/xlsx/load';
import { nodeCodec } from '../../src/xlsx/package/nodeCodec';
import { findMatrix, isMatrixNotFound } from '../../src/core/matrix';
import { validate } from '../../src/core/validate';
import { DEPARTMENTS, OBJECTIVES, withBenchMatrix } from './matrix';
import { timedAsync as time } from './measure';

export async function run(log: (line: string) => void): Promise<void> {
  await withBenchMatrix(async (file) => {
    const stat = await fs.stat(file);
    log(`matrix: ${DEPARTMENTS} departments × ${OBJECTIVES} objectives, ${(stat.size / 1e6).toFixed(1)} MB`);
    // One untimed pass each to warm up the JIT and the file cache.
    await new ExcelJS.Workbook().xlsx.readFile(file);
    const runs = 3;
    let read = 0;
    let ours = 0;
    let stages = { load: 0, snapshot: 0, find: 0, validate: 0 };
    let findings = 0;
    for (let i = 0; i < runs; i++) {
      const [, r] = await time(async () =>
        new ExcelJS.Workbook().xlsx.load((await fs.readFile(file)) as unknown as ArrayBuffer),
      );
      read += r;
      const s = { load: 0, snapshot: 0, find: 0, validate: 0 };
      const [, total] = await time(async () => {
        const [pkg, tl] = await time(async () => openPackage(await fs.readFile(file), nodeCodec));
        s.load = tl;
        const [snap, ts] = await time(async () => readWorkbookSnapshot(pkg));
        s.snapshot = ts;
        const [m, tf] = await time(async () => findMatrix(snap));
        s.find = tf;
        if (isMatrixNotFound(m)) throw new Error(`bench matrix not found: ${m.reason}`);
        const [report, tv] = await time(async () => validate(m, snap, { referenceDate: '2026-11-01' }));
        s.validate = tv;
        findings = report.findings.length;
      });
      ours += total;
      stages = {
        load: stages.load + s.load,
        snapshot: stages.snapshot + s.snapshot,
        find: stages.find + s.find,
        validate: stages.validate + s.validate,
      };
    }
    const avg = (x: number) => (x / runs).toFixed(0);
    log(`ExcelJS reading the file:                ${avg(read)} ms`);
    log(
      `read + snapshot + find + validate:       ${avg(ours)} ms  (load ${avg(stages.load)}, snapshot ${avg(stages.snapshot)}, find ${avg(stages.find)}, validate ${avg(stages.validate)})`,
    );
    log(
      `ratio:                                   ${(ours / read).toFixed(2)} × ExcelJS read  (${findings} findings; mean of ${runs} runs)`,
    );
  });
}
