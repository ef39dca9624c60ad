/**
 * Bench part: reading the 1,000 × 50 matrix into a WorkbookSnapshot, ExcelJS (load + snapshot)
 * against the package reader (Package.open + readSnapshot). Median of 5 runs each, after one
 * untimed warm-up run; the two snapshots are checked equal first.
 *   node -r ./scripts/ts-register.js scripts/bench/read.ts
 */
import { promises as fs } from 'fs';
import { isDeepStrictEqual } from 'util';
import { exceljsSnapshot } from '../../test/xlsx/read/exceljsSnapshot';
import { Package } from '../../src/xlsx/package/package';
import { nodeCodec } from '../../src/xlsx/package/nodeCodec';
import { readSnapshot } from '../../src/xlsx/read/snapshot';
import { DEPARTMENTS, OBJECTIVES, withBenchMatrix } from './matrix';
import { median, timedAsync as timed } from './measure';

const RUNS = 5;

export async function run(log: (line: string) => void): Promise<void> {
  await withBenchMatrix(async (file) => {
    const bytes = new Uint8Array(await fs.readFile(file));
    const excel = () => exceljsSnapshot(bytes);
    const direct = () => readSnapshot(Package.open(bytes, nodeCodec));
    const [a] = await timed(excel);
    const [b] = await timed(direct);
    if (!isDeepStrictEqual(a, b)) throw new Error('the package reader and ExcelJS give different snapshots');
    const cells = b.sheets.reduce(
      (n, s) => n + s.values.reduce((k, r) => k + r.filter((v) => v !== null).length, 0),
      0,
    );
    // Each reader in its own block: ExcelJS's garbage would otherwise be collected in the
    // package reader's time.
    const times = { excel: [] as number[], direct: [] as number[] };
    for (let i = 0; i < RUNS; i++) times.excel.push((await timed(excel))[1]);
    await timed(direct);
    for (let i = 0; i < RUNS; i++) times.direct.push((await timed(direct))[1]);
    const e = median(times.excel);
    const d = median(times.direct);
    log(
      `matrix: ${DEPARTMENTS} departments × ${OBJECTIVES} objectives, ${cells} cells, ${bytes.length} bytes; median of ${RUNS} runs`,
    );
    log(`ExcelJS load + snapshot:        ${e.toFixed(0).padStart(5)} ms`);
    log(`Package.open + readSnapshot:    ${d.toFixed(0).padStart(5)} ms  (${(e / d).toFixed(1)}× faster)`);
  });
}

if (require.main === module) {
  run((line) => console.log(line)).catch((e) => {
    console.error(e);
    process.exit(1);
  });
}
