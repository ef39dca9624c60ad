/**
 * Which departments a text names: whole words, case-insensitive except short all-caps names
 * (IT, HR), any run of spaces for a space, and `&` or "and" alike. Each name is one regular
 * expression; an index of the words in the names picks the few worth running on a text, so a
 * matrix of 1,000 departments does not run 1,000 expressions over every cell.
 */
import type { Department } from './types';

/** A name as an expression without its word boundaries, and the flags it is matched with. */
function nameExpression(name: string): { core: string; flags: string } {
  const core = name
    .replace(/[.*+?^${}()|[\]\\]/g, '\\$&')
    .replace(/\s+/g, '\\s+')
    .replace(/\\s\+&\\s\+|&/g, '\\s*(?:&|and)\\s*');
  const caseSensitive = name.length <= 3 && name === name.toUpperCase();
  return { core, flags: caseSensitive ? 'u' : 'iu' };
}

/** The expression that finds a department's name in a text: the definition of a mention. */
export function departmentPattern(name: string): RegExp {
  const { core, flags } = nameExpression(name);
  return new RegExp(`(?<![\\p{L}\\p{N}])${core}(?![\\p{L}\\p{N}])`, flags);
}

// A letter or digit just before or just after a match, under the flags the name is matched with.
const BEFORE: Record<string, RegExp> = { u: /[\p{L}\p{N}]$/u, iu: /[\p{L}\p{N}]$/iu };
const AFTER: Record<string, RegExp> = { u: /^[\p{L}\p{N}]/u, iu: /^[\p{L}\p{N}]/iu };

/**
 * departmentPattern(name).test, made cheap to build. The word boundaries are what make that
 * expression slow to compile (a third of a millisecond each, under case-insensitive Unicode
 * rules), so for a plain ASCII name ending in a letter, digit or symbol the name alone is
 * matched and the characters on either side are checked with two shared expressions. Such a
 * name matches at most one way from a given start (its quantifiers are all followed by a fixed
 * character), so trying every start gives the same answer as the boundaries would. Any other
 * name uses the full expression.
 */
export function departmentMatcher(name: string): (text: string) => boolean {
  let ascii = name.length > 0;
  for (let i = 0; i < name.length && ascii; i++) ascii = name.charCodeAt(i) <= 0x7f;
  if (!ascii || /[\s&]$/.test(name)) {
    let full: RegExp | undefined;
    return (text) => (full ??= departmentPattern(name)).test(text);
  }
  const { core, flags } = nameExpression(name);
  const re = new RegExp(core, `${flags}g`);
  const before = BEFORE[flags];
  const after = AFTER[flags];
  return (text) => {
    re.lastIndex = 0;
    let m: RegExpExecArray | null;
    while ((m = re.exec(text)) !== null) {
      const start = m.index;
      const end = start + m[0].length;
      // Two code units either side: a character outside the BMP is a surrogate pair.
      if (!before.test(text.slice(Math.max(0, start - 2), start)) && !after.test(text.slice(end, end + 2))) return true;
      re.lastIndex = start + 1;
    }
    return false;
  };
}

/** Departments with a name (a placeholder name such as "(no name, row 7)" is never mentioned). */
export function mentionable(departments: Department[]): Department[] {
  return departments.filter((d) => !d.name.startsWith('(no name'));
}

const WORD = /[\p{L}\p{N}]+/gu;

/**
 * A word of a text as the index compares it. Case-insensitive matching also lets `ſ` (long s) and
 * `K` (the Kelvin sign) stand for s and k; lower case alone does not, so they are mapped too.
 */
function fold(word: string): string {
  const lower = word.toLowerCase();
  return /[\u017f\u212a]/.test(lower) ? lower.replace(/\u017f/g, 's').replace(/\u212a/g, 'k') : lower;
}

/**
 * The word of a name that any text naming it must contain as a whole word, or null when no word
 * is sure to be one. Only plain ASCII names are indexed (for them the rule above is exact), and
 * only words not beside `&`, which may be written "and" with no space ("RandD" names "R&D").
 * Of the candidates, the one fewest names share, so a text saying "Marketing" does not wake
 * every "Marketing …" department.
 */
function keyWords(name: string): string[] | null {
  for (let i = 0; i < name.length; i++) if (name.charCodeAt(i) > 0x7f) return null;
  const words: string[] = [];
  const re = /[A-Za-z0-9]+/g;
  let m: RegExpExecArray | null;
  while ((m = re.exec(name)) !== null) {
    const before = name.slice(0, m.index).trimEnd();
    const after = name.slice(m.index + m[0].length).trimStart();
    if (before.endsWith('&') || after.startsWith('&')) continue;
    words.push(m[0].toLowerCase());
  }
  return words.length ? words : null;
}

export function mentionFinder(departments: Department[]): (text: string) => Department[] {
  let index:
    | { patterns: ((text: string) => boolean)[]; named: Department[]; byWord: Map<string, number[]>; always: number[] }
    | undefined;
  const build = () => {
    const named = mentionable(departments);
    const patterns = named.map((d) => departmentMatcher(d.name));
    const words = named.map((d) => keyWords(d.name));
    const shared = new Map<string, number>();
    for (const ws of words) for (const w of new Set(ws ?? [])) shared.set(w, (shared.get(w) ?? 0) + 1);
    const byWord = new Map<string, number[]>();
    const always: number[] = [];
    words.forEach((ws, k) => {
      if (!ws) {
        always.push(k);
        return;
      }
      let best = ws[0];
      for (const w of ws) {
        const better =
          shared.get(w)! < shared.get(best)! || (shared.get(w) === shared.get(best) && w.length > best.length);
        if (better) best = w;
      }
      const list = byWord.get(best);
      if (list) list.push(k);
      else byWord.set(best, [k]);
    });
    return { patterns, named, byWord, always };
  };
  const cache = new Map<string, Department[]>();
  return (text) => {
    let found = cache.get(text);
    if (!found) {
      // Built on first use: many matrices have no support rows or dependencies to look at.
      index ??= build();
      const candidates = index.always.slice();
      WORD.lastIndex = 0;
      let m: RegExpExecArray | null;
      const seen = new Set<string>();
      while ((m = WORD.exec(text)) !== null) {
        const w = fold(m[0]);
        if (seen.has(w)) continue;
        seen.add(w);
        const list = index.byWord.get(w);
        if (list) for (const k of list) candidates.push(k);
      }
      // In the order of the matrix, as running every expression would list them.
      candidates.sort((a, b) => a - b);
      found = [];
      for (const k of candidates) if (index.patterns[k](text)) found.push(index.named[k]);
      cache.set(text, found);
    }
    return found;
  };
}
