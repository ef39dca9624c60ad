import { readFileSync } from 'fs';
import { join } from 'path';
import { crc32 } from '../../../src/xlsx/package/codec';
import { nodeCodec } from '../../../src/xlsx/package/nodeCodec';
import { ByteSink, joinChunks } from '../../../src/xlsx/package/byteSink';
import { Package, relativeTarget, relsPartOf, resolveTarget } from '../../../src/xlsx/package/package';
import { entryData, makeEntry, readZip, writeZip, ZipError } from '../../../src/xlsx/package/zip';

const SAMPLE = join(__dirname, '../../../examples/sample-matrix.xlsx');
const bytes = (s: string) => new TextEncoder().encode(s);

describe('zip', () => {
  it('reads back what it writes, stored and deflated', async () => {
    const small = await makeEntry('a.txt', bytes('hi'), nodeCodec);
    const big = await makeEntry('dir/b.xml', bytes('<x>'.repeat(1000)), nodeCodec);
    expect(small.method).toBe(0);
    expect(big.method).toBe(8);
    const entries = readZip(writeZip([small, big]));
    expect(entries.map((e) => e.name)).toEqual(['a.txt', 'dir/b.xml']);
    expect(new TextDecoder().decode(await entryData(entries[1], nodeCodec))).toBe('<x>'.repeat(1000));
  });

  it('copies an untouched entry byte for byte', () => {
    const input = new Uint8Array(readFileSync(SAMPLE));
    const entries = readZip(input);
    const again = readZip(writeZip(entries));
    expect(again.map((e) => [e.name, e.crc32, e.size])).toEqual(entries.map((e) => [e.name, e.crc32, e.size]));
    again.forEach((e, i) => expect(Buffer.compare(e.raw, entries[i].raw)).toBe(0));
  });

  it('keeps non-ASCII part names', async () => {
    const e = await makeEntry('xl/média/é.xml', bytes('x'), nodeCodec);
    expect(readZip(writeZip([e]))[0].name).toBe('xl/média/é.xml');
  });

  it('refuses a truncated archive and a corrupted entry in one line', async () => {
    const input = new Uint8Array(readFileSync(SAMPLE));
    expect(() => readZip(input.subarray(0, input.length - 100))).toThrow(ZipError);
    const e = await makeEntry('a.xml', bytes('<a>'.repeat(100)), nodeCodec);
    await expect(entryData({ ...e, crc32: e.crc32 ^ 1 }, nodeCodec)).rejects.toThrow(/checksum/);
  });

  it('packs texts on the worker as zip entries: small ones stored, large ones deflated, in order', async () => {
    // Many at once, so they travel in several batches; sizes around the stored/deflated line.
    const texts = Array.from({ length: 300 }, (_, i) => `<r n="${i}">é€😀 ${'x'.repeat(i * 97)}</r>`);
    texts.push('');
    const packed = (await Promise.all(texts.map((t) => nodeCodec.packText!(t)))).map((p) => p!);
    for (const [i, p] of packed.entries()) {
      const data = bytes(texts[i]);
      expect(p.size).toBe(data.length);
      expect(p.method).toBe(data.length < 64 ? 0 : 8);
      const entry = { name: `p${i}.xml`, ...p, time: 0, date: 0x21 };
      expect(new TextDecoder().decode(await entryData(readZip(writeZip([entry]))[0], nodeCodec))).toBe(texts[i]);
    }
  });

  it('packs parts given as UTF-8 chunks on the worker, the chunks moving there without a copy', async () => {
    const texts = Array.from({ length: 120 }, (_, i) => `<r n="${i}">é€😀 ${'y'.repeat(i * 211)}</r>`);
    const sinks = texts.map((t) => {
      const sink = new ByteSink(16); // small chunks: a part spans many
      sink.add(t);
      return sink.chunks();
    });
    const packed = (await Promise.all(sinks.map((c) => nodeCodec.packBytes!(c)))).map((p) => p!);
    for (const [i, p] of packed.entries()) {
      expect(p.size).toBe(bytes(texts[i]).length);
      const entry = { name: `p${i}.xml`, ...p, time: 0, date: 0x21 };
      expect(new TextDecoder().decode(await entryData(readZip(writeZip([entry]))[0], nodeCodec))).toBe(texts[i]);
    }
    // Transferred: the sender's buffers are detached.
    expect(sinks[119][0].byteLength).toBe(0);
  });

  it('packs a part on the calling thread when the codec cannot pack it elsewhere', async () => {
    // As on a Node without zlib.crc32: the codec answers undefined and the package packs the part.
    const here = { ...nodeCodec, packText: async () => undefined, packBytes: async () => undefined };
    const pkg = Package.open(new Uint8Array(readFileSync(SAMPLE)), here);
    pkg.setText('xl/new.xml', '<a>é</a>'.repeat(50));
    pkg.setText('xl/tiny.xml', '<a/>');
    const sink = new ByteSink(16);
    sink.add('<b>€</b>'.repeat(40));
    pkg.setBytes('xl/bytes.xml', sink.chunks());
    // A codec with no thread at all (the browser's).
    const { packText: _t, packBytes: _b, ...plain } = nodeCodec;
    const bare = Package.open(await pkg.toBytes(), plain);
    bare.setBytes('xl/bare.xml', [bytes('<c>'), bytes('ü</c>')]);
    const out = Package.open(await bare.toBytes(), nodeCodec);
    expect(await out.text('xl/new.xml')).toBe('<a>é</a>'.repeat(50));
    expect(await out.text('xl/tiny.xml')).toBe('<a/>');
    expect(await out.text('xl/bytes.xml')).toBe('<b>€</b>'.repeat(40));
    expect(await out.text('xl/bare.xml')).toBe('<c>ü</c>');
  });

  it('computes the same CRC-32 in JS as zlib', () => {
    const data = bytes('The quick brown fox jumps over the lazy dog');
    expect(crc32(data)).toBe(0x414fa339);
    expect(nodeCodec.crc32(data)).toBe(0x414fa339);
  });
});

describe('ByteSink', () => {
  /** The sink as the browser has it (TextEncoder), loaded where there is no Buffer. */
  function browserSink(): typeof ByteSink {
    const saved = globalThis.Buffer;
    let Sink: typeof ByteSink | undefined;
    try {
      delete (globalThis as { Buffer?: unknown }).Buffer;
      jest.isolateModules(() => {
        Sink = (jest.requireActual('../../../src/xlsx/package/byteSink') as { ByteSink: typeof ByteSink }).ByteSink;
      });
    } finally {
      globalThis.Buffer = saved;
    }
    return Sink!;
  }

  it.each([
    ['Node', ByteSink],
    ['the browser', browserSink()],
  ])('gives the UTF-8 bytes of what was added, whatever the chunk boundaries cut (%s)', (_, Sink) => {
    // Two-, three- and four-byte characters, and a lone surrogate (encoded as U+FFFD).
    const pieces = ['<a>', 'é', '€', '😀', 'x'.repeat(37), '\uD800', '😀😀😀', 'z'.repeat(5000), ''];
    for (const first of [16, 17, 18, 19, 64, 4096]) {
      const sink = new Sink(first);
      let all = '';
      for (let k = 0; k < 40; k++) {
        const s = pieces[(k * 7) % pieces.length];
        sink.add(s);
        all += s;
      }
      const chunks = sink.chunks();
      const joined = joinChunks(chunks);
      expect(sink.byteLength).toBe(joined.length);
      expect(Buffer.from(joined).equals(Buffer.from(bytes(all)))).toBe(true);
      for (const c of chunks) expect(c.byteLength).toBeGreaterThan(0);
      expect(new Set(chunks.map((c) => c.buffer)).size).toBe(chunks.length);
    }
    expect(new Sink().chunks()).toEqual([]);
  });
});

describe('Package', () => {
  it('resolves relationship targets and rels part names', () => {
    expect(relsPartOf('xl/workbook.xml')).toBe('xl/_rels/workbook.xml.rels');
    expect(relsPartOf('')).toBe('_rels/.rels');
    expect(resolveTarget('xl/worksheets/sheet1.xml', '../tables/table1.xml')).toBe('xl/tables/table1.xml');
    expect(resolveTarget('xl/workbook.xml', '/xl/worksheets/sheet2.xml')).toBe('xl/worksheets/sheet2.xml');
    expect(relativeTarget('xl/workbook.xml', 'xl/worksheets/sheet9.xml')).toBe('worksheets/sheet9.xml');
  });

  it('finds parts without case, sets and removes parts, and writes a readable zip', async () => {
    const pkg = Package.open(new Uint8Array(readFileSync(SAMPLE)), nodeCodec);
    expect(pkg.find('XL/Workbook.xml')).toBe('xl/workbook.xml');
    const rels = await pkg.relationships('xl/workbook.xml');
    expect(rels.find((r) => r.part === 'xl/styles.xml')).toBeDefined();
    pkg.setText('xl/new.xml', '<new/>');
    pkg.remove('docProps/core.xml');
    const out = Package.open(await pkg.toBytes(), nodeCodec);
    expect(await out.text('xl/new.xml')).toBe('<new/>');
    expect(out.has('docProps/core.xml')).toBe(false);
    expect(await out.text('xl/workbook.xml')).toBe(await pkg.text('xl/workbook.xml'));
  });
});
