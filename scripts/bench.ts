/**
 * `npm run bench`: prints the figures the design's speed bar names. Each part lives in
 * scripts/bench/<part>.ts and exports run(log). Figures only: no time is asserted anywhere.
 *   npm run bench                 all parts
 *   npm run bench -- statements   one part
 */
import { existsSync } from 'fs';
import { join } from 'path';

const PARTS: [string, string][] = [
  ['statements', 'statements analysed per second'],
  ['read', '1,000 × 50 matrix read from .xlsx: the package reader vs ExcelJS'],
  ['validate', '1,000 × 50 matrix validated from .xlsx vs ExcelJS reading it'],
  ['core', 'the pure core alone on that matrix: findMatrix, validate, buildPlan'],
  ['writeback', '1,000 × 50 matrix validated and written vs ExcelJS read + write'],
  ['sheetxml', 'the sheet XML writer alone on that plan, by sheet role'],
  ['excel', 'Office.js adapter: context.sync() calls and largest request payload'],
  ['bundle', 'task pane initial script, gzipped'],
];

async function main(): Promise<void> {
  const only = process.argv.slice(2);
  for (const [name, title] of PARTS) {
    if (only.length && !only.includes(name)) continue;
    console.log(`\n## ${name}: ${title}`);
    const file = join(__dirname, 'bench', `${name}.ts`);
    if (!existsSync(file)) {
      console.log('  (not built yet)');
      continue;
    }

    const part = require(file) as { run(log: (line: string) => void): Promise<void> };
    await part.run((line) => console.log(`  ${line}`));
  }
}

main().catch((e) => {
  console.error(`bench: ${(e as Error).stack ?? e}`);
  process.exit(1);
});
