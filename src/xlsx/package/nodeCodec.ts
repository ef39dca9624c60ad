/**
 * The Codec on Node's zlib. Small parts are compressed synchronously: a workbook is thousands of
 * them, and the thread pool's per-call cost (a zlib stream and ~300 KB of state each, thousands
 * at once) was larger than the compression itself (1,000 parts of 54 KB: 70 ms sync, 190 ms
 * async). Large parts (a findings or overview sheet of several MB) go to the thread pool, so
 * they compress on the other core while the main thread writes the next sheets.
 */
import * as zlib from 'zlib';
import { promisify } from 'util';
import { crc32 as jsCrc32, type Codec } from './codec';

const deflateRawAsync = promisify(zlib.deflateRaw);
const LARGE = 1 << 20;
const nativeCrc = (zlib as unknown as { crc32?: (d: Uint8Array) => number }).crc32;

/** Level 3: within a few percent of the default's size on sheet XML, at about twice its speed. */
const LEVEL = 3;

export const nodeCodec: Codec = {
  async inflateRaw(data) {
    const out = zlib.inflateRawSync(data);
    return new Uint8Array(out.buffer, out.byteOffset, out.byteLength);
  },
  async deflateRaw(data) {
    const out =
      data.length >= LARGE
        ? await deflateRawAsync(data, { level: LEVEL })
        : zlib.deflateRawSync(data, { level: LEVEL });
    return new Uint8Array(out.buffer, out.byteOffset, out.byteLength);
  },
  crc32: (data) => (nativeCrc ? nativeCrc(data) >>> 0 : jsCrc32(data)),
};
