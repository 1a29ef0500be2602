/**
 * Where a Solidity project starts, and which node_modules folders may hold its packages.
 */
import { readdirSync } from 'node:fs';
import path from 'node:path';
import { isDirectory, listAncestors } from './paths.ts';

const MARKER_FILES = ['remappings.txt', 'foundry.toml', 'package.json', '.git'];
const MARKER_PATTERN = /^hardhat\.config\.[cm]?[jt]s$/;

/**
 * The nearest folder at or above the file's folder that has remappings.txt, foundry.toml,
 * hardhat.config.*, package.json or .git; null when there is none.
 */
export function findProjectRoot(filePath: string): string | null {
  for (const folder of listAncestors(path.dirname(path.resolve(filePath)))) {
    if (hasMarker(folder)) return folder;
  }
  return null;
}

/**
 * The folder paths are shown relative to, so that a document does not depend on where plainterms was
 * run from: the project root of the first input, else the working directory.
 */
export function findDisplayRoot(absolutePath: string, cwd: string): string {
  const root = findProjectRoot(absolutePath);
  if (root === null) return cwd;
  // A package's own file is shown as the package path (`@openzeppelin/contracts/…`), from the folder that
  // holds the node_modules it was installed in.
  const segments = root.split(path.sep);
  const installed = segments.lastIndexOf('node_modules');
  return installed > 0 ? segments.slice(0, installed).join(path.sep) || path.sep : root;
}

function hasMarker(folder: string): boolean {
  let names: string[];
  try {
    names = readdirSync(folder);
  } catch {
    return false;
  }
  return names.some((name) => MARKER_FILES.includes(name) || MARKER_PATTERN.test(name));
}

/** Existing node_modules folders at and above each start folder, nearest first, without repeats. */
export function findNodeModulesFolders(startFolders: string[]): string[] {
  const found = new Set<string>();
  for (const start of startFolders) {
    for (const folder of listAncestors(start)) {
      if (path.basename(folder) === 'node_modules') continue;
      const candidate = path.join(folder, 'node_modules');
      if (!found.has(candidate) && isDirectory(candidate)) found.add(candidate);
    }
  }
  return [...found];
}
