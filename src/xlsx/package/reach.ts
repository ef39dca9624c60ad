/**
 * Which parts of a package are in use. In OPC a part is in use when a chain of relationships
 * leads to it from the package root (`_rels/.rels`); [Content_Types].xml and `_rels` parts are
 * the index, not parts in that sense.
 */
import type { Package } from './package';

/**
 * The parts reached by following internal relationships from `sources` (`''` is the package
 * root), as stored names keyed by their lower-case form (part names compare without case).
 * A source is in the result only when some relationship leads back to it; a target that is
 * not in the package is left out.
 */
export async function reachableParts(pkg: Package, sources: string[] = ['']): Promise<Map<string, string>> {
  const found = new Map<string, string>();
  const queue = [...sources];
  while (queue.length > 0) {
    const from = queue.pop()!;
    for (const rel of await pkg.relationships(from)) {
      if (rel.external || !rel.part) continue;
      const name = pkg.find(rel.part);
      if (name === undefined || found.has(name.toLowerCase())) continue;
      found.set(name.toLowerCase(), name);
      queue.push(name);
    }
  }
  return found;
}
