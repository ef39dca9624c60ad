/**
 * Writes a workbook so that a failure never leaves a half-written file: a temporary file in the
 * same folder (same file system, so the rename is atomic), then a rename over the target.
 */
import { promises as fs } from 'fs';
import * as path from 'path';

export interface SaveOptions {
  /** Copy this file to `<name>.backup.xlsx` beside it before writing (for --in-place). */
  backupOf?: string;
}

/** `plan.xlsx` → `plan.backup.xlsx`. */
export function backupPath(file: string): string {
  const ext = path.extname(file);
  return path.join(path.dirname(file), `${path.basename(file, ext)}.backup${ext || '.xlsx'}`);
}

/** Writes the bytes `produce` gives (it runs once the folder is known to exist). */
export async function saveBytesAtomic(
  produce: () => Promise<Uint8Array>,
  outPath: string,
  options: SaveOptions = {},
): Promise<void> {
  const dir = path.dirname(path.resolve(outPath));
  const tmp = path.join(dir, `.${path.basename(outPath)}.${process.pid}.${Date.now()}.tmp`);
  // Say what is wrong in the user's terms, not as the temporary file's ENOENT.
  const folder = await fs.stat(dir).catch(() => undefined);
  if (!folder) throw new Error(`the folder ${dir} does not exist`);
  if (!folder.isDirectory()) throw new Error(`${dir} is not a folder`);
  try {
    await fs.writeFile(tmp, await produce(), { flag: 'wx' });
    if (options.backupOf) {
      await fs.copyFile(options.backupOf, backupPath(options.backupOf));
    }
    await fs.rename(tmp, outPath);
  } catch (e) {
    await fs.rm(tmp, { force: true });
    throw e;
  }
}
