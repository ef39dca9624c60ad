/**
 * The Codec on Node's zlib. The work of writing a part (UTF-8 encoding, checksum, deflate) runs
 * on a worker thread, so it happens on the other core while the main thread writes the next
 * sheets: a 1,005-sheet plan is ~60 MB of XML. Parts go over in batches: a message per part would
 * cost more than the smaller parts themselves (a plan has a table part per cascade sheet). Not
 * zlib's async API: it costs a stream and ~300 KB of state per call. Where no worker can start
 * (or zlib has no crc32, before Node 20.15), parts are packed on the calling thread instead.
 */
import * as zlib from 'zlib';
import { Worker } from 'worker_threads';
import { crc32 as jsCrc32, STORE_BELOW, type Codec, type PackedText } from './codec';

const nativeCrc = (zlib as unknown as { crc32?: (d: Uint8Array) => number }).crc32;

/** Level 3: within a few percent of the default's size on sheet XML, at about twice its speed. */
const LEVEL = 3;

/** Parts wait for company until a batch holds this many characters or bytes (or the thread idles). */
const BATCH_SIZE = 256 * 1024;

const WORKER_SOURCE = `
const { parentPort } = require('worker_threads');
const zlib = require('zlib');
const crc32 = (d) => zlib.crc32(d) >>> 0;
// A result moves to the main thread; small buffers share Node's pool, so they are copied first.
const own = (b) => (b.byteOffset === 0 && b.byteLength === b.buffer.byteLength && b.byteLength >= 4096 ? b : new Uint8Array(b));
function pack(item, level) {
  // A part comes as text, or as UTF-8 chunks already encoded by the main thread.
  const data = typeof item === 'string' ? Buffer.from(item, 'utf8') : item.length === 1 ? item[0] : Buffer.concat(item);
  const crc = crc32(data);
  if (data.length < ${STORE_BELOW}) return { method: 0, raw: own(data), crc32: crc, size: data.length };
  return { method: 8, raw: own(zlib.deflateRawSync(data, { level })), crc32: crc, size: data.length };
}
parentPort.on('message', (m) => {
  try {
    const out = m.items.map((t) => pack(t, m.level));
    parentPort.postMessage({ id: m.id, packed: out }, out.map((p) => p.raw.buffer));
  } catch (e) {
    parentPort.postMessage({ id: m.id, error: String((e && e.message) || e) });
  }
});
`;

interface Reply {
  id: number;
  packed?: PackedText[];
  error?: string;
}

type Pending = { resolve: (r: Reply) => void; reject: (e: Error) => void };

/** A part for the worker: its text, or its UTF-8 bytes in chunks. */
type Item = string | Uint8Array[];

/** One worker per process, started on first use; it keeps the process alive only while busy. */
class CompressionWorker {
  private worker: Worker | undefined;
  private failed = false;
  private next = 0;
  private readonly pending = new Map<number, Pending>();
  private batch: { item: Item; resolve: (p: PackedText | undefined) => void; reject: (e: Error) => void }[] = [];
  /** Characters or bytes waiting in the batch. */
  private batchSize = 0;
  private flushQueued = false;

  private start(): Worker | undefined {
    if (this.worker || this.failed) return this.worker;
    // The worker checksums with zlib.crc32 (Node 20.15+); without it parts are packed in place.
    if (!nativeCrc) {
      this.failed = true;
      return undefined;
    }
    try {
      const w = new Worker(WORKER_SOURCE, { eval: true });
      w.on('message', (m: Reply) => {
        const p = this.pending.get(m.id);
        this.pending.delete(m.id);
        if (this.pending.size === 0) w.unref();
        if (!p) return;
        if (m.error !== undefined) p.reject(new Error(`compression failed: ${m.error}`));
        else p.resolve(m);
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

  private send(w: Worker, items: Item[]): Promise<Reply> {
    const id = this.next++;
    if (this.pending.size === 0) w.ref();
    // Byte chunks move without a copy; texts are copied as they go.
    const transfer = new Set<ArrayBuffer>();
    for (const item of items) if (typeof item !== 'string') for (const c of item) transfer.add(c.buffer as ArrayBuffer);
    return new Promise((resolve, reject) => {
      this.pending.set(id, { resolve, reject });
      w.postMessage({ id, level: LEVEL, items }, [...transfer]);
    });
  }

  pack(item: Item): Promise<PackedText | undefined> {
    if (!this.start()) return Promise.resolve(undefined);
    return new Promise((resolve, reject) => {
      this.batch.push({ item, resolve, reject });
      this.batchSize += typeof item === 'string' ? item.length : item.reduce((n, c) => n + c.length, 0);
      if (this.batchSize >= BATCH_SIZE) this.flush();
      else if (!this.flushQueued) {
        this.flushQueued = true;
        setImmediate(() => this.flush());
      }
    });
  }

  private flush(): void {
    this.flushQueued = false;
    const batch = this.batch;
    if (batch.length === 0) return;
    this.batch = [];
    this.batchSize = 0;
    const w = this.start();
    const done: Promise<(PackedText | undefined)[]> = w
      ? this.send(
          w,
          batch.map((b) => b.item),
        ).then((r) => r.packed!)
      : Promise.resolve(batch.map(() => undefined));
    done.then(
      (packed) => batch.forEach((b, i) => b.resolve(packed[i])),
      (e: Error) => batch.forEach((b) => b.reject(e)),
    );
  }
}

const worker = new CompressionWorker();

export const nodeCodec: Codec = {
  async inflateRaw(data) {
    const out = zlib.inflateRawSync(data);
    return new Uint8Array(out.buffer, out.byteOffset, out.byteLength);
  },
  async deflateRaw(data) {
    const out = zlib.deflateRawSync(data, { level: LEVEL });
    return new Uint8Array(out.buffer, out.byteOffset, out.byteLength);
  },
  crc32: (data) => (nativeCrc ? nativeCrc(data) >>> 0 : jsCrc32(data)),
  packText: (text) => worker.pack(text),
  packBytes: (chunks) => worker.pack(chunks),
};
