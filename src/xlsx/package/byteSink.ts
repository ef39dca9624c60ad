/**
 * Text gathered straight as UTF-8 bytes, in chunks that each own their ArrayBuffer. A big sheet
 * part is tens of MB of XML: kept as one string it is copied when joined, again when posted to
 * the compression thread and again when encoded there. Bytes are encoded once, here, and the
 * chunks move to that thread without a copy.
 */

const encoder = new TextEncoder();

/** Chunks start small (most parts are a few KB) and double up to this size. */
const MAX_CHUNK = 1 << 20;

/** Node's Buffer, where there is one: its memory comes unzeroed and its `write` encodes faster. */
interface NodeBuffer extends Uint8Array {
  write(s: string, offset: number): number;
}
const nodeBuffer = (globalThis as unknown as { Buffer?: { allocUnsafeSlow(size: number): NodeBuffer } }).Buffer;

export class ByteSink {
  private readonly done: Uint8Array[] = [];
  private chunk: Uint8Array;
  private at = 0;
  private total = 0;

  constructor(firstChunk = 16 * 1024) {
    this.chunk = alloc(Math.max(16, Math.min(firstChunk, MAX_CHUNK)));
  }

  add(s: string): void {
    // A UTF-16 unit is at most 3 bytes of UTF-8 (a pair, 4 bytes for 2 units): make room for that.
    const room = s.length * 3;
    if (this.chunk.length - this.at < room) this.next(room);
    const written = nodeBuffer
      ? (this.chunk as NodeBuffer).write(s, this.at)
      : encoder.encodeInto(s, this.chunk.subarray(this.at)).written;
    this.at += written;
    this.total += written;
  }

  private next(room: number): void {
    if (this.at > 0) this.done.push(this.chunk.subarray(0, this.at));
    this.chunk = alloc(Math.max(room, Math.min(this.chunk.length * 2, MAX_CHUNK)));
    this.at = 0;
  }

  get byteLength(): number {
    return this.total;
  }

  /** The bytes so far, in order. The sink must not be added to afterwards. */
  chunks(): Uint8Array[] {
    return this.at === 0 ? [...this.done] : [...this.done, this.chunk.subarray(0, this.at)];
  }
}

/** A chunk that owns its memory (so it can move to another thread), unzeroed where Node allows. */
function alloc(size: number): Uint8Array {
  return nodeBuffer ? nodeBuffer.allocUnsafeSlow(size) : new Uint8Array(size);
}

/** One array holding all the chunks' bytes (for hosts that compress a part in one piece). */
export function joinChunks(chunks: Uint8Array[]): Uint8Array {
  if (chunks.length === 1) return chunks[0];
  const out = new Uint8Array(chunks.reduce((n, c) => n + c.length, 0));
  let at = 0;
  for (const c of chunks) {
    out.set(c, at);
    at += c.length;
  }
  return out;
}
