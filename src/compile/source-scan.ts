/**
 * A quick look at a source before compiling it: its `pragma solidity` ranges and its import paths.
 * Used to choose the compiler version (solc itself only says a pragma does not match), so it need not
 * be a parser: one regular expression skips comments and strings and picks out the two statements.
 */
import path from 'node:path';
import { parseRemapping } from './remappings.ts';

export interface ScannedSource {
  /** Each `pragma solidity …;` as written after the keyword. */
  pragmas: string[];
  /** Each imported path as written. */
  imports: string[];
  /** The 1-based line of the first pragma, or null. */
  pragmaLine: number | null;
}

/**
 * One pass over the text: comments and string literals are matched (and so skipped) where they start,
 * so a pragma or import inside them is never seen; group 1 is a pragma's range, group 3 an import path.
 */
const TOKENS = new RegExp(
  [
    String.raw`\/\/[^\n]*`,
    String.raw`\/\*[\s\S]*?(?:\*\/|$)`,
    String.raw`"(?:\\.|[^"\\\n])*"?`,
    String.raw`'(?:\\.|[^'\\\n])*'?`,
    String.raw`\bpragma\s+solidity\s+([^;]+);`,
    String.raw`\bimport\s+(?:[^;"']*?\bfrom\s+)?(["'])((?:\\.|(?!\2).)*)\2`,
  ].join('|'),
  'g',
);

export function scanSource(content: string): ScannedSource {
  const pragmas: string[] = [];
  const imports: string[] = [];
  let pragmaLine: number | null = null;
  for (const match of content.matchAll(TOKENS)) {
    if (match[1] !== undefined) {
      pragmas.push(match[1].trim());
      pragmaLine ??= content.slice(0, match.index).split('\n').length;
    } else if (match[3] !== undefined) imports.push(match[3]);
  }
  return { pragmas, imports, pragmaLine };
}

/**
 * The source unit name solc gives an import: relative paths resolved against the importing unit's
 * folder ('..' above the root dropped), then the remapping with the longest context and prefix applied.
 */
export function importedUnitName(importPath: string, importer: string, remappings: readonly string[]): string {
  let unitName = importPath;
  if (importPath.startsWith('./') || importPath.startsWith('../')) {
    unitName = path.posix.normalize(path.posix.join(path.posix.dirname(importer), importPath)).replace(/^(\.\.\/)+/, '');
  }
  let best: { context: string; prefix: string; target: string } | null = null;
  for (const text of remappings) {
    const remapping = parseRemapping(text);
    if (!importer.startsWith(remapping.context) || !unitName.startsWith(remapping.prefix)) continue;
    const longer =
      best === null ||
      remapping.context.length > best.context.length ||
      (remapping.context.length === best.context.length && remapping.prefix.length >= best.prefix.length);
    if (longer) best = remapping;
  }
  return best === null ? unitName : best.target + unitName.slice(best.prefix.length);
}
