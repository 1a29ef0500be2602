/**
 * What the user pointed at: Solidity files and folders of them (compiled), a build-info file, a
 * contract artifact or a Foundry out/ / Hardhat artifacts/ folder (read as they are where they can be,
 * else compiled again as they were built), or a standard-JSON input (compiled as it stands).
 */
import { existsSync, lstatSync, readdirSync, statSync } from 'node:fs';
import path from 'node:path';
import { fail } from '../errors.ts';
import { isArtifact } from './artifact-file.ts';
import { isBuildInfo } from './build-info.ts';
import { isBuildFolder } from './foundry-out.ts';
import { readJsonFile } from './prebuilt.ts';
import { checkWithinRoots, realPathOf } from './path-policy.ts';
import { findNodeModulesFolders, findProjectRoot } from './project.ts';
import { isStandardJsonInput } from './standard-json.ts';

export type InputKind =
  | { kind: 'sources'; files: string[] }
  | { kind: 'build-folder'; folder: string; shown: string }
  | { kind: 'build-info'; file: string; json: any; shown: string }
  | { kind: 'artifact'; file: string; json: any; shown: string }
  | { kind: 'standard-json'; file: string; json: any; shown: string };

/** Folders never searched for sources: packages, build output, hidden folders. */
const SKIPPED_FOLDERS = new Set(['node_modules', 'out', 'artifacts', 'cache', 'cache_hardhat', 'build']);

export function classifyInputs(given: string[], cwd: string): InputKind {
  const entries = given.map((shown) => ({ shown, absolutePath: path.resolve(cwd, shown), isFolder: checkExists(shown, cwd) }));
  if (entries.length === 1) {
    const [{ shown, absolutePath, isFolder }] = entries;
    if (isFolder && isBuildFolder(absolutePath)) return { kind: 'build-folder', folder: absolutePath, shown };
    if (!isFolder && absolutePath.toLowerCase().endsWith('.json')) return classifyJson(absolutePath, shown);
  }
  const json = entries.find((entry) => !entry.isFolder && entry.absolutePath.toLowerCase().endsWith('.json'));
  if (json) fail('BAD_INPUT', `${json.shown}: a JSON input is read on its own`, { hint: 'give one build-info or standard-JSON file per run' });
  const files = entries.flatMap((entry) => (entry.isFolder ? listSolidityFiles(entry.absolutePath, entry.shown) : [entry.absolutePath]));
  return { kind: 'sources', files: [...new Set(files)] };
}

/**
 * The .sol files in a folder and below it, in a stable order; BAD_INPUT when there are none. A symbolic
 * link is followed only when it leads inside the folder's project (or the folder itself, outside any
 * project) or a node_modules folder around it; one that leads outside, nowhere or in a loop is refused
 * by name (path-policy.ts).
 */
export function listSolidityFiles(folder: string, shown: string = folder): string[] {
  const found: string[] = [];
  const roots = { folders: [findProjectRoot(path.join(folder, 'x')) ?? folder, ...findNodeModulesFolders([folder])] };
  const seen = new Set<string>();
  const entryName = (full: string) => path.join(shown, path.relative(folder, full));
  const visit = (dir: string) => {
    const real = realPathOf(dir);
    if ('real' in real) {
      if (seen.has(real.real)) return;
      seen.add(real.real);
    }
    for (const name of readdirSync(dir).sort()) {
      const full = path.join(dir, name);
      const isLink = lstatSync(full).isSymbolicLink();
      if (isLink && (name.endsWith('.sol') || !name.startsWith('.'))) checkWithinRoots(full, roots, entryName(full));
      if (isLink && !existsSync(full)) continue;
      if (statSync(full).isDirectory()) {
        if (!name.startsWith('.') && !SKIPPED_FOLDERS.has(name)) visit(full);
      } else if (name.endsWith('.sol')) found.push(full);
    }
  };
  visit(folder);
  if (found.length === 0) fail('BAD_INPUT', `${shown}: no .sol files in this folder`, { hint: 'give a folder of Solidity sources, a Foundry out/ folder or Hardhat artifacts/ folder' });
  return found;
}

function classifyJson(file: string, shown: string): InputKind {
  const json = readJsonFile(file, shown);
  if (isBuildInfo(json)) return { kind: 'build-info', file, json, shown };
  if (isStandardJsonInput(json)) return { kind: 'standard-json', file, json, shown };
  if (isArtifact(json)) return { kind: 'artifact', file, json, shown };
  fail('BAD_INPUT', `${shown}: neither a build-info file, a contract artifact nor a solc standard-JSON input`, {
    hint: 'give a Hardhat or Foundry build-info file (artifacts/build-info/*.json, out/build-info/*.json), a contract artifact (artifacts/contracts/Sale.sol/Sale.json, out/Sale.sol/Sale.json) or a standard-JSON input ({"language": "Solidity", "sources": …})',
  });
}

/** True for a folder; FILE_NOT_FOUND when nothing is there. */
function checkExists(shown: string, cwd: string): boolean {
  try {
    return statSync(path.resolve(cwd, shown)).isDirectory();
  } catch {
    fail('FILE_NOT_FOUND', `${shown}: no such file`, { hint: `check the path; relative paths are read from ${cwd}` });
  }
}
