/**
 * `interlock clear <file.xlsx> [--out <file>] [--in-place] [--all]`: removes everything Interlock
 * wrote (its sheets, its rules on the matrix, its state) and nothing else. Cascade sheets that
 * hold rows people typed are kept unless --all: those rows are people's work.
 * Default output is `<name>.cleared.xlsx` beside the input; --in-place keeps `<name>.backup.xlsx`.
 */
import { promises as fs } from 'fs';
import * as path from 'path';
import { Io, UsageError } from './io';
import { openPackage, readWorkbookSnapshot, UnreadableWorkbook } from '../xlsx/load';
import { nodeCodec } from '../xlsx/package/nodeCodec';
import { buildClearPlan } from '../core/plan';
import { applyPlanToPackage } from '../xlsx/write/applyPlan';
import { saveBytesAtomic } from '../xlsx/save';

const USAGE = 'usage: interlock clear <file.xlsx> [--out <file>] [--in-place] [--all]';

interface Options {
  file: string;
  out?: string;
  inPlace: boolean;
  all: boolean;
}

function parseArgs(argv: string[]): Options {
  let file: string | undefined;
  let out: string | undefined;
  let inPlace = false;
  let all = false;
  for (let i = 0; i < argv.length; i++) {
    const a = argv[i];
    if (a === '--out' || a === '-o') {
      out = argv[++i];
      if (!out || out.startsWith('--')) throw new UsageError(`--out needs a file name. ${USAGE}`);
    } else if (a.startsWith('--out=')) out = a.slice(6);
    else if (a === '--in-place') inPlace = true;
    else if (a === '--all') all = true;
    else if (a.startsWith('-')) throw new UsageError(`unknown option ${a}. ${USAGE}`);
    else if (file) throw new UsageError(`one file at a time. ${USAGE}`);
    else file = a;
  }
  if (!file) throw new UsageError(`no file given. ${USAGE}`);
  if (out && inPlace) throw new UsageError('--out and --in-place cannot be used together');
  return { file, out, inPlace, all };
}

export async function run(argv: string[], io: Io): Promise<number> {
  const o = parseArgs(argv);
  const fail = (reason: string) => {
    io.stderr.write(`interlock clear: ${o.file}: ${reason}\n`);
    return 2;
  };
  let bytes: Buffer;
  try {
    bytes = await fs.readFile(o.file);
  } catch (e) {
    const code = (e as NodeJS.ErrnoException).code;
    return fail(
      code === 'ENOENT' ? 'no such file' : code === 'EISDIR' ? 'is a folder, not a file' : (e as Error).message,
    );
  }
  let pkg;
  let snapshot;
  try {
    pkg = await openPackage(bytes, nodeCodec);
    snapshot = await readWorkbookSnapshot(pkg, path.basename(o.file));
  } catch (e) {
    if (e instanceof UnreadableWorkbook) return fail(e.message);
    throw e;
  }
  const plan = buildClearPlan(snapshot, { all: o.all });
  const outPath = o.inPlace
    ? o.file
    : (o.out ?? path.join(path.dirname(o.file), `${path.basename(o.file).replace(/\.xlsx$/i, '')}.cleared.xlsx`));
  if (!o.inPlace && path.resolve(outPath) === path.resolve(o.file))
    return fail('--out names the input itself; use --in-place to replace it');
  let lost: string[];
  try {
    lost = (await applyPlanToPackage(pkg, plan)).map((l) => l.message);
    await saveBytesAtomic(() => pkg.toBytes(), outPath, o.inPlace ? { backupOf: o.file } : {});
  } catch (e) {
    return fail(`could not write ${outPath}: ${(e as Error).message.split('\n')[0]}`);
  }
  const removed = plan.removeSheets.length;
  io.stdout.write(
    removed === 0 && plan.kept.length === 0
      ? `${o.file}: nothing of Interlock's to remove. Wrote ${outPath}\n`
      : `${o.file}: removed ${removed} sheet${removed === 1 ? '' : 's'} and Interlock's rules on the matrix. Wrote ${outPath}${
          o.inPlace ? ` (backup: ${path.basename(o.file).replace(/\.xlsx$/i, '')}.backup.xlsx)` : ''
        }\n`,
  );
  for (const name of plan.kept) {
    io.stdout.write(`  kept '${name}': it holds rows people typed (use --all to remove it too)\n`);
  }
  for (const line of lost) io.stdout.write(`  Note: ${line}\n`);
  return 0;
}
