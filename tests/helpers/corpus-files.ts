/**
 * The Solidity files of a corpus folder that are summarised on their own: every `.sol` file except those that
 * another file of the same folder imports (a library, an interface or a base contract kept beside the
 * contract that uses it). The imported ones are still read, through the files that import them.
 */
import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { repo } from './extract.ts';

const IMPORT = /^\s*import\s+(?:[^'"]*\bfrom\s+)?["']([^"']+)["']/gm;

export function entryFiles(folder: string): string[] {
  const absolute = path.join(repo, folder);
  const files = readdirSync(absolute).filter((file) => file.endsWith('.sol')).sort();
  const imported = new Set<string>();
  for (const file of files) {
    const text = readFileSync(path.join(absolute, file), 'utf8');
    for (const match of text.matchAll(IMPORT)) {
      const target = match[1]!;
      if (target.startsWith('.')) imported.add(path.basename(target));
    }
  }
  return files.filter((file) => !imported.has(file)).map((file) => `${folder}/${file}`);
}
