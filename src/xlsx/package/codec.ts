/**
 * What the package reader and writer need from a compression library, injected so the same code
 * runs in Node (zlib, with a worker thread) and in the browser task pane
 * (CompressionStream). Raw deflate, as zip stores it.
 */
export interface Codec {
  inflateRaw(data: Uint8Array): Promise<Uint8Array>;
  deflateRaw(data: Uint8Array): Promise<Uint8Array>;
  crc32(data: Uint8Array): number;
  /**
   * Optional: a part's text made into a zip entry's data (UTF-8 encoded, checksummed and, from 64
   * bytes, deflated) off the calling thread, so the caller's thread only hands the text over.
   * Undefined when it cannot be done there: the caller then packs the part with the calls above.
   */
  packText?(text: string): Promise<PackedText | undefined>;
  /**
   * Optional, the same for a part already encoded (chunks in order, each owning its buffer). The
   * chunks may be handed to another thread: the caller must not use them afterwards.
   */
  packBytes?(chunks: Uint8Array[]): Promise<PackedText | undefined>;
}

/** A part's data as a zip entry stores it. */
export interface PackedText {
  /** 8 deflate, 0 stored (parts under 64 bytes: deflate would not pay). */
  method: 0 | 8;
  raw: Uint8Array;
  crc32: number;
  /** Uncompressed size in bytes. */
  size: number;
}

/** Entries under this many bytes are stored: deflate would not pay. */
export const STORE_BELOW = 64;

let table: Uint32Array | undefined;

/** CRC-32 (zip's polynomial) in plain JS, for hosts without a native one. */
export function crc32(data: Uint8Array): number {
  if (!table) {
    table = new Uint32Array(256);
    for (let n = 0; n < 256; n++) {
      let c = n;
      for (let k = 0; k < 8; k++) c = c & 1 ? 0xedb88320 ^ (c >>> 1) : c >>> 1;
      table[n] = c >>> 0;
    }
  }
  let crc = 0xffffffff;
  for (let i = 0; i < data.length; i++) crc = table[(crc ^ data[i]) & 0xff] ^ (crc >>> 8);
  return (crc ^ 0xffffffff) >>> 0;
}
