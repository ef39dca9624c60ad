/**
 * Text gathered straight as UTF-8 bytes, in chunks that each own their ArrayBuffer. A big sheet
 * part is tens of MB of XML: kept as one string it is copied when joined, again when posted to
 * the compression thread and again when encoded there. Bytes are encoded once, here, and the
 * chunks move to that thread without a copy.
 */

const encoder = new TextEncoder();

/** Chunks start small (most parts are a few KB) and double up to this size. */
const MAX_CHUNK = 1 << 20;

export class ByteSink {
  private readonly done: Uint8Array[] = [];
  private chunk: Uint8Array;
  private at = 0;
  private total = 0;

  constructor(firstChunk = 16 * 1024) {
    this.chunk = new Uint8Array(Math.max(16, Math.min(firstChunk, MAX_CHUNK)));
  }

  add(s: string): void {
    let rest = s;
    for (;;) {
      // encodeInto never splits a character: what does not fit is left in `read`'s tail.
      const { read, written } = encoder.encodeInto(rest, this.at === 0 ? this.chunk : this.chunk.subarray(this.at));
      this.at += written;
      this.total += written;
      if (read === rest.length) return;
      rest = rest.slice(read);
      this.next();
    }
  }

  private next(): void {
    this.done.push(this.chunk.subarray(0, this.at));
    this.chunk = new Uint8Array(Math.min(this.chunk.length * 2, MAX_CHUNK));
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
