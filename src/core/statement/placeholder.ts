/**
 * Cells that say nothing yet: blank, declared empty ("n/a", "-", "—"), or a placeholder ("TBD",
 * "see above", "X%", "[n]"), whole or inside a sentence ("grow ARR by X%").
 */
import type { Ctx } from './context';
import type { CompiledLexicon } from './lexicon/compile';
import { matchList } from './lexicon/compile';

export function normalise(text: string): string {
  return text.trim().toLowerCase().replace(/\s+/g, ' ');
}

export function isDeclaredEmpty(norm: string, lex: CompiledLexicon): boolean {
  return lex.source.declaredEmpty.includes(norm);
}

/** The whole cell is a placeholder ("TBD", "See above.", "??"). */
export function isWholePlaceholder(norm: string, lex: CompiledLexicon): boolean {
  const bare = norm.replace(/[.!:;,]+$/, '').trim();
  return lex.source.placeholders.includes(bare) || /^(\?+|\.{3,}|…+|x+%?|n%?|\[[a-z]+\])$/.test(bare);
}

const EMBEDDED_WORDS = /^(tbd|tbc|tba|xxx?|tk)$/;

/** Placeholders inside a statement, as written ("TBD", "X%", "[n]", "to be confirmed"). */
export function embeddedPlaceholders(ctx: Ctx): string[] {
  const { toks } = ctx;
  const out: string[] = [];
  for (let i = 0; i < toks.length; i++) {
    const t = toks[i];
    if (t.kind === 'w') {
      const w = t.lower;
      // TBD written as an abbreviation, not a word that happens to be spelled so.
      if (EMBEDDED_WORDS.test(w) && t.text === t.text.toUpperCase()) {
        out.push(t.text);
        continue;
      }
      // X%, N%, $Xm, "by X", "[n]".
      if ((w === 'x' || w === 'n' || w === 'xx') && t.text !== 'n') {
        const next = toks[i + 1];
        const prev = toks[i - 1];
        if (
          (next && !next.gap && (next.text === '%' || next.lower === 'm' || next.lower === 'k')) ||
          (prev && !t.gap && /^[$€£[<]$/.test(prev.text)) ||
          (prev && /^(by|to|from|of|reach|at)$/.test(prev.lower) && (!next || next.kind === 's' || next.gap))
        ) {
          const end =
            next && !next.gap && (next.text === '%' || next.text === ']' || next.text === '>') ? next.end : t.end;
          const start = prev && !t.gap && /^[$€£[<]$/.test(prev.text) ? prev.start : t.start;
          out.push(ctx.text.slice(start, end));
          continue;
        }
      }
      if (w === 'to' && toks[i + 1]?.lower === 'be') {
        const len = matchList(ctx.lex.list.placeholders, toks, i);
        if (len) {
          out.push(ctx.text.slice(t.start, toks[i + len - 1].end));
          i += len - 1;
        }
      }
    } else if (t.text === '?' && toks[i + 1]?.text === '?' && !toks[i + 1].gap) {
      out.push('??');
      while (toks[i + 1]?.text === '?') i++;
    }
  }
  return out;
}
