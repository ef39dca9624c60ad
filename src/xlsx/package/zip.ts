/**
 * Zip archives as an .xlsx uses them: read the central directory, copy stored entries byte for
 * byte, add new ones. A part the writer does not touch keeps its compressed bytes, so charts,
 * pivot tables, macros and anything else in the user's file reach the copy unchanged.
 */
import { STORE_BELOW, type Codec } from './codec';

/** An archive the reader cannot use; `message` is one line, fit for a user. */
export class ZipError extends Error {}

/** One entry, as stored: `raw` is the compressed data when `method` is 8 (deflate), else the data. */
export interface ZipEntry {
  name: string;
  method: 0 | 8;
  crc32: number;
  size: number;
  raw: Uint8Array;
  /** MS-DOS time and date fields, kept when an entry is copied. */
  time: number;
  date: number;
}

const EOCD = 0x06054b50;
const EOCD64 = 0x06064b50;
const EOCD64_LOCATOR = 0x07064b50;
const CENTRAL = 0x02014b50;
const LOCAL = 0x04034b50;
const UTF8_FLAG = 0x800;

function findEocd(view: DataView): number {
  const end = view.byteLength;
  for (let i = end - 22; i >= Math.max(0, end - 65557); i--) {
    if (view.getUint32(i, true) === EOCD) return i;
  }
  return -1;
}

/** The zip64 field of an extra block, when a 32-bit field holds 0xFFFFFFFF. */
function zip64Values(view: DataView, at: number, length: number): number[] {
  const out: number[] = [];
  for (let p = at; p + 4 <= at + length;) {
    const id = view.getUint16(p, true);
    const size = view.getUint16(p + 2, true);
    if (id === 0x0001) {
      for (let q = p + 4; q + 8 <= p + 4 + size; q += 8) out.push(Number(view.getBigUint64(q, true)));
      break;
    }
    p += 4 + size;
  }
  return out;
}

/** Reads every entry's header and stored bytes (no decompression). Throws ZipError. */
export function readZip(bytes: Uint8Array): ZipEntry[] {
  const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  const eocd = findEocd(view);
  if (eocd < 0) throw new ZipError('the file is cut short or damaged: its zip directory is missing');
  let count = view.getUint16(eocd + 10, true);
  let at = view.getUint32(eocd + 16, true);
  if ((count === 0xffff || at === 0xffffffff) && eocd >= 20 && view.getUint32(eocd - 20, true) === EOCD64_LOCATOR) {
    const rec = Number(view.getBigUint64(eocd - 12, true));
    if (rec + 56 > bytes.length || view.getUint32(rec, true) !== EOCD64)
      throw new ZipError('the file is damaged: its zip64 directory is unreadable');
    count = Number(view.getBigUint64(rec + 32, true));
    at = Number(view.getBigUint64(rec + 48, true));
  }
  const decoder = new TextDecoder();
  const entries: ZipEntry[] = [];
  for (let n = 0; n < count; n++) {
    if (at + 46 > bytes.length || view.getUint32(at, true) !== CENTRAL)
      throw new ZipError('the file is damaged: its zip directory ends early');
    const flags = view.getUint16(at + 8, true);
    const method = view.getUint16(at + 10, true);
    const time = view.getUint16(at + 12, true);
    const date = view.getUint16(at + 14, true);
    const crc = view.getUint32(at + 16, true);
    let compressed = view.getUint32(at + 20, true);
    let size = view.getUint32(at + 24, true);
    const nameLength = view.getUint16(at + 28, true);
    const extraLength = view.getUint16(at + 30, true);
    const commentLength = view.getUint16(at + 32, true);
    let local = view.getUint32(at + 42, true);
    const name = decoder.decode(bytes.subarray(at + 46, at + 46 + nameLength));
    if (size === 0xffffffff || compressed === 0xffffffff || local === 0xffffffff) {
      const wide = zip64Values(view, at + 46 + nameLength, extraLength);
      let i = 0;
      if (size === 0xffffffff) size = wide[i++];
      if (compressed === 0xffffffff) compressed = wide[i++];
      if (local === 0xffffffff) local = wide[i++];
    }
    if (flags & 1) throw new ZipError(`the file is encrypted (part ${name}); save an unprotected copy`);
    if (method !== 0 && method !== 8)
      throw new ZipError(`the file uses a compression this reader does not know (method ${method}, part ${name})`);
    if (local + 30 > bytes.length || view.getUint32(local, true) !== LOCAL)
      throw new ZipError(`the file is damaged: part ${name} is missing`);
    const start = local + 30 + view.getUint16(local + 26, true) + view.getUint16(local + 28, true);
    if (start + compressed > bytes.length) throw new ZipError(`the file is cut short: part ${name} is incomplete`);
    entries.push({ name, method, crc32: crc, size, raw: bytes.subarray(start, start + compressed), time, date });
    at += 46 + nameLength + extraLength + commentLength;
  }
  return entries;
}

/** An entry's data, decompressed and checked against its CRC. */
export async function entryData(entry: ZipEntry, codec: Codec): Promise<Uint8Array> {
  const data = entry.method === 8 ? await codec.inflateRaw(entry.raw) : entry.raw;
  if (data.length !== entry.size || codec.crc32(data) !== entry.crc32)
    throw new ZipError(`the file is damaged: part ${entry.name} does not match its checksum`);
  return data;
}

/** 1980-01-01 00:00, the earliest MS-DOS date: new parts carry no clock, so equal runs give equal files. */
export const DOS_DATE = 0x21;

/** A new entry, compressed (small ones are stored: deflate would not pay). */
export async function makeEntry(name: string, data: Uint8Array, codec: Codec): Promise<ZipEntry> {
  const crc = codec.crc32(data);
  const size = data.length; // read first: a codec may hand `data` to another thread
  if (size < STORE_BELOW) return { name, method: 0, crc32: crc, size, raw: data, time: 0, date: DOS_DATE };
  const raw = await codec.deflateRaw(data);
  return { name, method: 8, crc32: crc, size, raw, time: 0, date: DOS_DATE };
}

const encoder = new TextEncoder();

/** The archive's bytes: local headers and data in the given order, then the directory. */
export function writeZip(entries: ZipEntry[]): Uint8Array {
  if (entries.length > 0xffff) throw new ZipError(`too many parts for one workbook (${entries.length})`);
  const names = entries.map((e) => encoder.encode(e.name));
  let total = 22;
  entries.forEach((e, i) => {
    total += 30 + names[i].length + e.raw.length + 46 + names[i].length;
  });
  if (total > 0xffffffff) throw new ZipError('the workbook would be larger than 4 GB');
  const out = new Uint8Array(total);
  const view = new DataView(out.buffer);
  const offsets: number[] = [];
  let at = 0;
  const header = (p: number, e: ZipEntry, name: Uint8Array) => {
    const ascii = name.every((b) => b < 0x80);
    view.setUint16(p, 20, true); // version needed: 2.0 (deflate)
    view.setUint16(p + 2, ascii ? 0 : UTF8_FLAG, true);
    view.setUint16(p + 4, e.method, true);
    view.setUint16(p + 6, e.time, true);
    view.setUint16(p + 8, e.date, true);
    view.setUint32(p + 10, e.crc32, true);
    view.setUint32(p + 14, e.raw.length, true);
    view.setUint32(p + 18, e.size, true);
    view.setUint16(p + 22, name.length, true);
    view.setUint16(p + 24, 0, true);
  };
  entries.forEach((e, i) => {
    offsets.push(at);
    view.setUint32(at, LOCAL, true);
    header(at + 4, e, names[i]);
    out.set(names[i], at + 30);
    at += 30 + names[i].length;
    out.set(e.raw, at);
    at += e.raw.length;
  });
  const directory = at;
  entries.forEach((e, i) => {
    view.setUint32(at, CENTRAL, true);
    view.setUint16(at + 4, 20, true); // made by: MS-DOS attributes, 2.0
    header(at + 6, e, names[i]);
    // +32 comment length, +34 disk, +36 internal attrs, +38 external attrs: all zero.
    view.setUint32(at + 42, offsets[i], true);
    out.set(names[i], at + 46);
    at += 46 + names[i].length;
  });
  view.setUint32(at, EOCD, true);
  view.setUint16(at + 8, entries.length, true);
  view.setUint16(at + 10, entries.length, true);
  view.setUint32(at + 12, at - directory, true);
  view.setUint32(at + 16, directory, true);
  return out;
}
