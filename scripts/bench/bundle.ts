/**
 * The task pane's initial script, gzipped: what Excel downloads before the pane can show anything.
 * Read from dist/taskpane.html (the scripts it loads); chunks loaded later (file mode's ExcelJS)
 * are listed apart. Needs `npm run build` first.
 */
import { existsSync, readFileSync, readdirSync } from 'fs';
import { join } from 'path';
import { gzipSync } from 'zlib';

type Log = (line: string) => void;

const DIST = join(__dirname, '..', '..', 'dist');
const GOAL_KB = 200;

const kb = (n: number) => `${(n / 1024).toFixed(1)} KB`;
const gz = (file: string) => gzipSync(readFileSync(join(DIST, file)), { level: 9 }).length;

export async function run(log: Log = console.log): Promise<void> {
  const html = join(DIST, 'taskpane.html');
  if (!existsSync(html)) {
    log('dist/taskpane.html is missing: run `npm run build` first.');
    return;
  }
  const initial = [...readFileSync(html, 'utf8').matchAll(/<script[^>]*\ssrc=["']?([^"' >]+)/g)]
    .map((m) => m[1])
    .filter((src) => !/^https?:/.test(src))
    .map((src) => src.replace(/^\.?\//, ''));
  const total = initial.reduce((n, f) => n + gz(f), 0);
  log(`task pane initial script: ${kb(total)} gzipped (${initial.join(', ')}; goal <= ${GOAL_KB} KB)`);
  const later = readdirSync(DIST).filter((f) => f.endsWith('.js') && !initial.includes(f) && !f.startsWith('commands'));
  for (const f of later) log(`  loaded later: ${f} ${kb(gz(f))} gzipped`);
  const commands = readdirSync(DIST).filter((f) => /^commands.*\.js$/.test(f));
  for (const f of commands) log(`  ribbon commands script: ${f} ${kb(gz(f))} gzipped`);
}

if (require.main === module) void run();
