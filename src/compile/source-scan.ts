/**
 * A quick look at a source before compiling it: its `pragma solidity` ranges and its import paths.
 * Used to choose the compiler version (solc itself only says a pragma does not match), so it need not
 * be a parser: comments and string contents are blanked, then two patterns are matched.
 */
import path from 'node:path';
import { parseRemapping } from './remappings.ts';

export interface ScannedSource {
  /** Each `pragma solidity …;` as written after the keyword. */
  pragmas: string[];
  /** Each imported path as written. */
  imports: string[];
}

const PRAGMA = /\bpragma\s+solidity\s+([^;]+);/g;
const IMPORT = /\bimport\s+(?:[^;"']*?\bfrom\s+)?(["'])((?:\\.|(?!\1).)*)\1/g;

export function scanSource(content: string): ScannedSource {
  const code = blankComments(content);
  return {
    pragmas: [...code.matchAll(PRAGMA)].map((match) => match[1].trim()),
    imports: [...code.matchAll(IMPORT)].map((match) => match[2]),
  };
}

/** The source with comments replaced by spaces; string literals are kept as written. */
export function blankComments(content: string): string {
  let out = '';
  let i = 0;
  while (i < content.length) {
    const two = content.slice(i, i + 2);
    if (two === '//' || two === '/*') {
      const end = two === '//' ? content.indexOf('\n', i) : content.indexOf('*/', i + 2);
      const stop = end === -1 ? content.length : two === '//' ? end : end + 2;
      out += content.slice(i, stop).replace(/[^\n]/g, ' ');
      i = stop;
    } else if (content[i] === '"' || content[i] === "'") {
      const stop = findStringEnd(content, i);
      out += content.slice(i, stop);
      i = stop;
    } else {
      out += content[i];
      i += 1;
    }
  }
  return out;
}

function findStringEnd(content: string, start: number): number {
  const quote = content[start];
  for (let i = start + 1; i < content.length; i += 1) {
    if (content[i] === '\\') i += 1;
    else if (content[i] === quote || content[i] === '\n') return i + 1;
  }
  return content.length;
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
