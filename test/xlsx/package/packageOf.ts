/** Test helper: a package made of the given parts (name → text), zipped by the package layer's own writer. */
import { nodeCodec } from '../../../src/xlsx/package/nodeCodec';
import { Package } from '../../../src/xlsx/package/package';
import { makeEntry, writeZip } from '../../../src/xlsx/package/zip';

export async function packageOf(parts: Record<string, string>): Promise<Package> {
  const encoder = new TextEncoder();
  const entries = await Promise.all(
    Object.entries(parts).map(([name, text]) => makeEntry(name, encoder.encode(text), nodeCodec)),
  );
  return Package.open(writeZip(entries), nodeCodec);
}
