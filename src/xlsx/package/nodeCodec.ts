/**
 * The Codec on Node's zlib. Compression runs on a worker thread, so it happens on the other core
 * while the main thread writes the next sheets (a 1,005-sheet plan is ~60 MB of XML: ~200 ms of
 * deflate). Not zlib's async API: it costs a stream and ~300 KB of state per call, and a workbook
 * is thousands of small parts (1,000 parts of 54 KB: 190 ms async against 70 ms sync). Where
 * no worker can start, parts compress synchronously.
 */
import * as zlib from 'zlib';
import { Worker } from 'worker_threads';
import { crc32 as jsCrc32, type Codec } from './codec';

/** Level 3: within a few percent of the default's size on sheet XML, at about twice its speed. */
const LEVEL = 3;

/** Below this, a part is compressed in place: the round trip to the worker would cost more. */
const SMALL = 4096;

const WORKER_SOURCE = `
const { parentPort } = require('worker_threads');
const zlib = require('zlib');
parentPort.on('message', ({ id, data, level }) => {
  try {
    const out = zlib.deflateRawSync(data, { level });
    parentPort.postMessage({ id, out });
  } catch (e) {
    parentPort.postMessage({ id, error: String((e && e.message) || e) });
  }
});
`;

type Pending = { resolve: (b: Uint8Array) => void; reject: (e: Error) => void };

/** One deflate worker per process, started on first use; it keeps the process alive only while busy. */
class DeflateWorker {
  private worker: Worker | undefined;
  private failed = false;
  private next = 0;
  private readonly pending = new Map<number, Pending>();

  private start(): Worker | undefined {
    if (this.worker || this.failed) return this.worker;
    try {
      const w = new Worker(WORKER_SOURCE, { eval: true });
      w.on('message', (m: { id: number; out?: Uint8Array; error?: string }) => {
        const p = this.pending.get(m.id);
        this.pending.delete(m.id);
        if (this.pending.size === 0) w.unref();
        if (!p) return;
        if (m.out) p.resolve(new Uint8Array(m.out.buffer, m.out.byteOffset, m.out.byteLength));
        else p.reject(new Error(`compression failed: ${m.error}`));
      });
      w.on('error', (e) => this.fail(e));
      w.on('exit', () => this.fail(new Error('the compression worker stopped')));
      w.unref();
      this.worker = w;
    } catch {
      this.failed = true;
    }
    return this.worker;
  }

  private fail(e: Error): void {
    this.failed = true;
    this.worker = undefined;
    for (const p of this.pending.values()) p.reject(e);
    this.pending.clear();
  }

  deflate(data: Uint8Array): Promise<Uint8Array> | undefined {
    const w = this.start();
    if (!w) return undefined;
    const id = this.next++;
    if (this.pending.size === 0) w.ref();
    return new Promise((resolve, reject) => {
      this.pending.set(id, { resolve, reject });
      // A part that owns its buffer moves to the worker instead of being copied.
      const owns = data.byteOffset === 0 && data.byteLength === data.buffer.byteLength;
      w.postMessage({ id, data, level: LEVEL }, owns ? [data.buffer as ArrayBuffer] : []);
    });
  }
}

const worker = new DeflateWorker();
const nativeCrc = (zlib as unknown as { crc32?: (d: Uint8Array) => number }).crc32;

function deflateHere(data: Uint8Array): Uint8Array {
  const out = zlib.deflateRawSync(data, { level: LEVEL });
  return new Uint8Array(out.buffer, out.byteOffset, out.byteLength);
}

export const nodeCodec: Codec = {
  async inflateRaw(data) {
    const out = zlib.inflateRawSync(data);
    return new Uint8Array(out.buffer, out.byteOffset, out.byteLength);
  },
  /** Large parts may be handed over to the worker: `data` must not be used after the call. */
  async deflateRaw(data) {
    if (data.length < SMALL) return deflateHere(data);
    return (await worker.deflate(data)) ?? deflateHere(data);
  },
  crc32: (data) => (nativeCrc ? nativeCrc(data) >>> 0 : jsCrc32(data)),
};
