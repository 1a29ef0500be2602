/**
 * The version pragmas of the input files and of everything they import, found before compiling by
 * following imports the way solc will (through the same resolver), so the compiler can be chosen.
 * An import this quick reading cannot follow is skipped: solc reports it properly afterwards.
 */
import { toDisplayPath } from './paths.ts';
import type { ImportResolver } from './resolver.ts';
import { readSourcePragmas, type SourcePragmas } from './choose-compiler.ts';
import { importedUnitName, scanSource } from './source-scan.ts';

export function collectPragmas(inputs: string[], resolver: ImportResolver, remappings: readonly string[], cwd: string): SourcePragmas[] {
  const seen = new Set<string>();
  const queue = [...inputs];
  const found: SourcePragmas[] = [];
  while (queue.length > 0) {
    const unitName = queue.shift()!;
    if (seen.has(unitName)) continue;
    seen.add(unitName);
    if (!resolver.loaded.has(unitName) && 'error' in resolver.resolveImport(unitName)) continue;
    const { absolutePath, content, path } = resolver.loaded.get(unitName)!;
    const pragmas = readSourcePragmas(path ?? toDisplayPath(absolutePath, unitName, cwd), content);
    if (pragmas.pragmas.length > 0) found.push(pragmas);
    const { imports } = scanSource(content);
    for (const written of imports) queue.push(importedUnitName(written, unitName, remappings));
  }
  return found;
}
