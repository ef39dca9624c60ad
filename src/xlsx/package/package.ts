/**
 * An .xlsx as its parts. Parts nobody changes are copied into the output with their stored
 * bytes; a changed or new part starts compressing as soon as it is set (on the codec's worker
 * thread where it has one), while the caller goes on building the next one.
 */
import type { Codec, PackedText } from './codec';
import { joinChunks } from './byteSink';
import { DOS_DATE, entryData, makeEntry, readZip, writeZip, type ZipEntry } from './zip';
import { attr, elements } from './xml';

export interface Relationship {
  id: string;
  type: string;
  /** The target as written (relative to the source part's folder, or absolute from `/`). */
  target: string;
  /** The target as a part name (no leading `/`), or undefined for an external target. */
  part?: string;
  external: boolean;
}

const decoder = new TextDecoder();
const encoder = new TextEncoder();

/** `xl/worksheets/sheet1.xml` → `xl/worksheets/_rels/sheet1.xml.rels`; `''` → `_rels/.rels`. */
export function relsPartOf(part: string): string {
  const slash = part.lastIndexOf('/');
  return `${part.slice(0, slash + 1)}_rels/${part.slice(slash + 1)}.rels`;
}

/** A relationship target resolved against its source part, as a part name. */
export function resolveTarget(sourcePart: string, target: string): string {
  const path = target.split('#')[0];
  const base = path.startsWith('/') ? [] : sourcePart.split('/').slice(0, -1);
  for (const seg of path.split('/')) {
    if (seg === '' || seg === '.') continue;
    if (seg === '..') base.pop();
    else base.push(decodeURIComponent(seg));
  }
  return base.join('/');
}

/** The target of `part` as written from `sourcePart` (relative, in the same folder or below). */
export function relativeTarget(sourcePart: string, part: string): string {
  const dir = sourcePart.slice(0, sourcePart.lastIndexOf('/') + 1);
  return part.startsWith(dir) ? part.slice(dir.length) : `/${part}`;
}

export class Package {
  private readonly entries = new Map<string, ZipEntry>();
  /** Lower-case part name → name as stored: OPC part names compare without case. */
  private readonly folded = new Map<string, string>();
  private readonly pending = new Map<string, Promise<ZipEntry>>();
  private readonly texts = new Map<string, string>();
  /** Part names in archive order (a Set keeps insertion order and removes in O(1)). */
  private readonly order = new Set<string>();

  private constructor(readonly codec: Codec) {}

  /** Throws ZipError (one line) when the bytes are not a readable zip. */
  static open(bytes: Uint8Array, codec: Codec): Package {
    const pkg = new Package(codec);
    for (const e of readZip(bytes)) {
      if (e.name.endsWith('/')) continue; // folder entries carry nothing
      pkg.entries.set(e.name, e);
      pkg.folded.set(e.name.toLowerCase(), e.name);
      pkg.order.add(e.name);
    }
    return pkg;
  }

  /** The part's stored name, matching without case; undefined when absent. */
  find(part: string): string | undefined {
    const name = part.replace(/^\//, '');
    if (this.entries.has(name) || this.pending.has(name)) return name;
    return this.folded.get(name.toLowerCase());
  }

  has(part: string): boolean {
    return this.find(part) !== undefined;
  }

  names(): string[] {
    return [...this.order];
  }

  /** The part's text (UTF-8), or undefined when it is not in the package. */
  async text(part: string): Promise<string | undefined> {
    const name = this.find(part);
    if (name === undefined) return undefined;
    const cached = this.texts.get(name);
    if (cached !== undefined) return cached;
    const entry = this.entries.get(name) ?? (await this.pending.get(name));
    if (!entry) return undefined;
    let s = decoder.decode(await entryData(entry, this.codec));
    if (s.charCodeAt(0) === 0xfeff) s = s.slice(1);
    this.texts.set(name, s);
    return s;
  }

  /** Sets a part's text (new or replacing); it is compressed now, so the text can be let go. */
  setText(part: string, xml: string): void {
    const packed = this.codec.packText ? this.codec.packText(xml) : Promise.resolve(undefined);
    this.setPacked(part, packed, () => encoder.encode(xml));
  }

  /**
   * Sets a part from its UTF-8 bytes in chunks (a ByteSink's), which the codec may move to
   * another thread: the caller lets go of them.
   */
  setBytes(part: string, chunks: Uint8Array[]): void {
    // A codec that answers undefined has not moved the chunks, so they are still ours to pack.
    const packed = this.codec.packBytes ? this.codec.packBytes(chunks) : Promise.resolve(undefined);
    this.setPacked(part, packed, () => joinChunks(chunks));
  }

  /** Records a part being packed; `bytes` gives its data when the codec packs it nowhere else. */
  private setPacked(part: string, packed: Promise<PackedText | undefined>, bytes: () => Uint8Array): void {
    const name = this.find(part) ?? part.replace(/^\//, '');
    if (!this.entries.has(name) && !this.pending.has(name)) {
      this.order.add(name);
      this.folded.set(name.toLowerCase(), name);
    }
    this.entries.delete(name);
    this.texts.delete(name); // read back (rarely) from the compressed entry: big parts are not kept twice
    const entry = packed.then((p) =>
      p ? { name, ...p, time: 0, date: DOS_DATE } : makeEntry(name, bytes(), this.codec),
    );
    entry.catch(() => undefined); // awaited in toBytes; avoid an unhandled rejection meanwhile
    this.pending.set(name, entry);
  }

  remove(part: string): void {
    const name = this.find(part);
    if (name === undefined) return;
    this.entries.delete(name);
    this.pending.delete(name);
    this.texts.delete(name);
    this.folded.delete(name.toLowerCase());
    this.order.delete(name);
  }

  /** The relationships of a part (from its `_rels` part), in order; [] when it has none. */
  async relationships(part: string): Promise<Relationship[]> {
    const xml = await this.text(relsPartOf(part));
    if (!xml) return [];
    return elements(xml, 'Relationship').map((r) => {
      const target = attr(r.attrs, 'Target') ?? '';
      const external = attr(r.attrs, 'TargetMode') === 'External';
      return {
        id: attr(r.attrs, 'Id') ?? '',
        type: attr(r.attrs, 'Type') ?? '',
        target,
        external,
        ...(external ? {} : { part: resolveTarget(part, target) }),
      };
    });
  }

  /** The zip bytes: untouched parts as stored, the rest once compressed. */
  async toBytes(): Promise<Uint8Array> {
    const out: ZipEntry[] = [];
    for (const name of this.order) {
      const e = this.entries.get(name) ?? (await this.pending.get(name));
      if (e) out.push(e);
    }
    return writeZip(out);
  }
}
