/**
 * The import callback: turns a source unit name (already made absolute and remapped by solc) into a
 * file, the way the solc CLI, Hardhat and Foundry do: an absolute unit name is the file itself; any
 * other is looked up under the base path, then each include path, then each node_modules folder.
 * Nothing outside the allowed roots is read; a symbolic link that leads outside them is refused too,
 * except for packages linked into a node_modules folder (npm workspaces, pnpm).
 */
import { readFileSync, realpathSync } from 'node:fs';
import path from 'node:path';
import type { ImportCallbackResult } from './compiler.ts';
import { isFile, isInside } from './paths.ts';
import { findNodeModulesFolders } from './project.ts';

export interface LoadedSource {
  unitName: string;
  absolutePath: string;
  content: string;
  /** What users see, when it is not derived from the absolute path (sources read from a JSON file). */
  path?: string;
}

export interface ImportFailure {
  unitName: string;
  kind: 'not-found' | 'outside-roots';
  /** For 'outside-roots': the file that would have been read. */
  refusedPath: string | null;
}

export interface ResolverConfig {
  basePath: string;
  includePaths: string[];
  /** node_modules folders to search, nearest to the inputs first. */
  nodeModules: string[];
  /** Other folders that may be read: the inputs' folders and remapping targets. */
  extraRoots: string[];
}

export interface ImportResolver {
  readonly loaded: Map<string, LoadedSource>;
  readonly failures: Map<string, ImportFailure>;
  resolveImport(unitName: string): ImportCallbackResult;
  isAllowed(absolutePath: string): boolean;
  /** Folders searched for non-absolute unit names, in order. */
  listSearchFolders(): string[];
  /** Every folder imports may be read from. */
  listRoots(): string[];
}

export function createImportResolver(config: ResolverConfig): ImportResolver {
  const loaded = new Map<string, LoadedSource>();
  const failures = new Map<string, ImportFailure>();
  const nodeModules = [...config.nodeModules];
  const listSearchFolders = () => [config.basePath, ...config.includePaths, ...nodeModules];
  const listRoots = () => unique([...listSearchFolders(), ...config.extraRoots]);

  const isAllowed = (absolutePath: string): boolean => {
    const roots = listRoots();
    if (!isInsideAnyRoot(absolutePath, roots)) return false;
    if (nodeModules.some((folder) => isInside(absolutePath, folder))) return true;
    const real = toRealPath(absolutePath);
    return roots.some((root) => isInside(real, toRealPath(root)));
  };

  const readSource = (unitName: string, absolutePath: string): ImportCallbackResult | null => {
    let content: string;
    try {
      content = readFileSync(absolutePath, 'utf8');
    } catch {
      return null;
    }
    loaded.set(unitName, { unitName, absolutePath, content });
    for (const folder of findNodeModulesFolders([path.dirname(absolutePath)])) {
      if (!nodeModules.includes(folder)) nodeModules.push(folder);
    }
    return { contents: content };
  };

  const resolveImport = (unitName: string): ImportCallbackResult => {
    const candidates = path.posix.isAbsolute(unitName)
      ? [path.resolve(unitName)]
      : listSearchFolders().map((folder) => path.resolve(folder, unitName));
    let refusedPath: string | null = null;
    for (const candidate of candidates) {
      if (!isInsideAnyRoot(candidate, listRoots())) {
        refusedPath ??= candidate;
        continue;
      }
      if (!isFile(candidate)) continue;
      if (!isAllowed(candidate)) {
        refusedPath ??= candidate;
        continue;
      }
      const result = readSource(unitName, candidate);
      if (result !== null) return result;
    }
    const kind = refusedPath === null ? 'not-found' : 'outside-roots';
    failures.set(unitName, { unitName, kind, refusedPath });
    return { error: kind === 'not-found' ? 'file not found' : 'outside the allowed folders' };
  };

  return { loaded, failures, resolveImport, isAllowed, listSearchFolders, listRoots };
}

function isInsideAnyRoot(absolutePath: string, roots: string[]): boolean {
  return roots.some((root) => isInside(absolutePath, root));
}

function toRealPath(absolutePath: string): string {
  try {
    return realpathSync(absolutePath);
  } catch {
    return absolutePath;
  }
}

function unique(folders: string[]): string[] {
  return [...new Set(folders)];
}
