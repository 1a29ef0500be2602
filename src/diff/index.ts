/** Redlines: what changed between two versions of a contract, as changes of terms. */
export { compareTerms } from './compare-terms.ts';
export { CHANGE_KINDS, type ChangeKind, type Importance, type TermChange } from './types.ts';
export { diffFiles, type DiffDocument, type DiffOptions } from './diff-files.ts';
export { renderDiff, renderDiffDocx, type DiffFormat, type TextDiffFormat } from './render-diff.ts';
