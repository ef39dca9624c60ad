/** Adding a workbook's own words to a lexicon, without changing the original. */
import type { Lexicon, LexiconKey } from './types';

export function extendLexicon(base: Lexicon, additions: Partial<Record<LexiconKey, string[]>>): Lexicon {
  const out = { ...base } as Lexicon;
  for (const key of Object.keys(additions) as LexiconKey[]) {
    if (!(key in base)) {
      throw new Error(`Unknown lexicon list "${key}". Known lists: ${Object.keys(base).join(', ')}.`);
    }
    const words = additions[key];
    if (words === undefined) continue;
    if (!Array.isArray(words) || words.some((w) => typeof w !== 'string')) {
      throw new Error(`Lexicon list "${key}" must be a list of words.`);
    }
    const seen = new Set(base[key].map((w) => w.toLowerCase()));
    const merged = base[key].slice();
    for (const w of words) {
      const clean = w.trim().toLowerCase().replace(/\s+/g, ' ');
      if (clean && !seen.has(clean)) {
        seen.add(clean);
        merged.push(clean);
      }
    }
    out[key] = merged;
  }
  return out;
}
