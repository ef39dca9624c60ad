/**
 * Stable IDs for department goals, derived from the department and the objective (never from a
 * position), so re-ordering the matrix keeps every team goal attached to its parent.
 */
import { nameKey } from '../matrix/text';

/** FNV-1a, 32 bits: small, deterministic, good enough to tell a few hundred names apart. */
function fnv1a(s: string, seed = 0x811c9dc5): number {
  let h = seed;
  for (let i = 0; i < s.length; i++) {
    h ^= s.charCodeAt(i);
    h = Math.imul(h, 0x01000193) >>> 0;
  }
  return h >>> 0;
}

/** Up to three letters or digits people can recognise: `Sales` → `SAL`, `R&D` → `RD`. */
function abbreviation(name: string): string {
  const letters = name
    .normalize('NFKD')
    .replace(/[^A-Za-z0-9]/g, '')
    .toUpperCase();
  return letters.slice(0, 3) || 'X';
}

/**
 * A name's key and abbreviation, remembered: a cascade for every department of a large matrix asks
 * for tens of thousands of IDs over a few thousand names. Bounded, so a long session stays small.
 */
interface NameParts {
  key: string;
  abbr: string;
  /** The hash state after `key` and the separator, so a department's IDs hash only the objective. */
  seed: number;
}
const parts = new Map<string, NameParts>();
function partsOf(name: string): NameParts {
  let p = parts.get(name);
  if (!p) {
    if (parts.size >= 20000) parts.clear();
    const key = nameKey(name);
    p = { key, abbr: abbreviation(name), seed: fnv1a('\u0000', fnv1a(key)) };
    parts.set(name, p);
  }
  return p;
}

const DIGITS36 = '0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZ';

/** The last four base-36 digits of `h`, zero-padded, in capitals (`h.toString(36)`'s tail). */
function base36Tail(h: number): string {
  let x = h;
  const d4 = DIGITS36[x % 36];
  x = Math.floor(x / 36);
  const d3 = DIGITS36[x % 36];
  x = Math.floor(x / 36);
  const d2 = DIGITS36[x % 36];
  x = Math.floor(x / 36);
  return DIGITS36[x % 36] + d2 + d3 + d4;
}

/** `SAL-REV-4K2Q`: department, objective, and a hash of both names as people read them. */
export function goalId(department: string, objective: string): string {
  const d = partsOf(department);
  const o = partsOf(objective);
  // The hash of `${d.key}\u0000${o.key}`, continued from the department's part.
  const hash = base36Tail(fnv1a(o.key, d.seed));
  return `${d.abbr}-${o.abbr}-${hash}`;
}

/** True when `id` is the ID Interlock gives (or gave) this department's goal on `objective`. */
export function isGoalIdOf(id: string, department: string, objective: string): boolean {
  const base = goalId(department, objective);
  return id === base || new RegExp(`^${base}-\\d+$`).test(id);
}
