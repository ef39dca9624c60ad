export type { Lexicon, LexiconKey } from './types';
export { en } from './en';
export { extendLexicon } from './extend';
export { compileLexicon } from './compile';
export type { CompiledLexicon } from './compile';
