/**
 * Bytes → the workbook's package and its snapshot, with a one-line reason for every file that
 * is not a usable .xlsx. No `fs` here: the browser task pane opens files through the same code.
 */
import type { WorkbookSnapshot } from '../core/snapshot';
import type { Codec } from './package/codec';
import { Package } from './package/package';
import { workbookPart } from './package/workbook';
import { ZipError } from './package/zip';
import { readSnapshot, type ReadOptions } from './read/snapshot';

/** A file that cannot be read as a workbook; `message` is one line, fit for a user. */
export class UnreadableWorkbook extends Error {
  constructor(
    message: string,
    readonly kind: 'empty' | 'encrypted' | 'legacy-xls' | 'not-xlsx' | 'corrupt',
  ) {
    super(message);
  }
}

const ZIP = [0x50, 0x4b, 0x03, 0x04];
const EMPTY_ZIP = [0x50, 0x4b, 0x05, 0x06];
const CFB = [0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1];

function startsWith(bytes: Uint8Array, sig: number[]): boolean {
  if (bytes.length < sig.length) return false;
  return sig.every((b, i) => bytes[i] === b);
}

/** An encrypted OOXML file is a CFB container holding an `EncryptionInfo` stream (UTF-16 name). */
function hasUtf16(bytes: Uint8Array, word: string): boolean {
  const pattern = Array.from(word).flatMap((ch) => [ch.charCodeAt(0), 0]);
  const limit = Math.min(bytes.length, 1 << 20) - pattern.length;
  outer: for (let i = 0; i <= limit; i++) {
    for (let j = 0; j < pattern.length; j++) if (bytes[i + j] !== pattern[j]) continue outer;
    return true;
  }
  return false;
}

function toBytes(data: ArrayBuffer | Uint8Array): Uint8Array {
  return data instanceof Uint8Array ? data : new Uint8Array(data);
}

/** Checks the signature without parsing; throws UnreadableWorkbook with the reason. */
export function checkSignature(data: ArrayBuffer | Uint8Array): void {
  const bytes = toBytes(data);
  if (bytes.length === 0) throw new UnreadableWorkbook('the file is empty (0 bytes)', 'empty');
  if (startsWith(bytes, CFB)) {
    if (hasUtf16(bytes, 'EncryptionInfo')) {
      throw new UnreadableWorkbook(
        'the workbook is password-protected (encrypted); save an unprotected copy from Excel and validate that',
        'encrypted',
      );
    }
    throw new UnreadableWorkbook(
      'this is an old binary Excel file (.xls), not .xlsx; open it in Excel and save it as .xlsx',
      'legacy-xls',
    );
  }
  if (startsWith(bytes, EMPTY_ZIP)) {
    throw new UnreadableWorkbook('the file is an empty zip archive, not a workbook', 'not-xlsx');
  }
  if (!startsWith(bytes, ZIP)) {
    const head = new TextDecoder('utf-8', { fatal: false }).decode(bytes.subarray(0, 64)).trimStart().toLowerCase();
    const hint = head.startsWith('<')
      ? ' (it looks like HTML or XML)'
      : head.includes(',')
        ? ' (it looks like CSV text)'
        : '';
    throw new UnreadableWorkbook(
      `not an .xlsx workbook${hint}: the file does not start with a zip signature`,
      'not-xlsx',
    );
  }
}

/**
 * Bytes → the workbook's package, for reading and patching. Throws UnreadableWorkbook with a
 * one-line reason. Nothing is decompressed yet but the zip directory.
 */
export async function openPackage(data: ArrayBuffer | Uint8Array, codec: Codec): Promise<Package> {
  checkSignature(data);
  let pkg: Package;
  try {
    pkg = Package.open(toBytes(data), codec);
  } catch (e) {
    if (e instanceof ZipError) throw new UnreadableWorkbook(e.message, 'corrupt');
    throw e;
  }
  if (!(await workbookPart(pkg).catch(() => undefined)))
    throw new UnreadableWorkbook(
      'not an Excel workbook: the zip holds no workbook part (is it a Word or PowerPoint file renamed .xlsx?)',
      'not-xlsx',
    );
  return pkg;
}

/** The package as plain data for the core; a damaged part gives UnreadableWorkbook, one line. */
export async function readWorkbookSnapshot(
  pkg: Package,
  name?: string,
  options?: ReadOptions,
): Promise<WorkbookSnapshot> {
  try {
    return await readSnapshot(pkg, name, options);
  } catch (e) {
    const detail = e instanceof Error ? e.message.split('\n')[0] : String(e);
    throw new UnreadableWorkbook(
      /^the (workbook|file)/.test(detail) ? detail : `the file is damaged or not a valid .xlsx (${detail})`,
      'corrupt',
    );
  }
}
