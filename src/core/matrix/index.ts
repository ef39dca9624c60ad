export { findMatrix, isMatrixNotFound, NAMED_RANGE, type FindOptions } from './find';
export { cellText, foldName, nameKey, numberValue } from './text';
export { readDependencies, findDependencySheet } from './dependencies';
export type * from './types';
