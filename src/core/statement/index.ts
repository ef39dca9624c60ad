/** The statement checker: is a matrix cell a measurable initiative with a stated impact? */
import { en } from './lexicon/en';
import type { Lexicon } from './lexicon/types';

export { analyzeStatement } from './analyze';
export { cellLabels, type CellLabels } from './labels';
export { extendLexicon } from './lexicon/extend';
export type { Lexicon, LexiconKey } from './lexicon/types';
export * from './types';

/** The English lexicon; extend it with a workbook's own words via `extendLexicon`. */
export const defaultLexicon: Lexicon = en;
