/**
 * A Foundry `out/` folder (or Hardhat `artifacts/`): the compiler output already there, never a new
 * compilation. A single build-info file holds a whole solc run; otherwise Foundry's artifacts
 * (`out/<File>.sol/<Contract>.json`) carry each source's AST when built with `--ast` or `ast = true`,
 * (files without contracts get one with only the AST), and the source text is read from the project,
 * checked against the hashes the build recorded.
 */
import { lstatSync, readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { keccak256Hex } from '../hashing.ts';
import { fail } from '../errors.ts';
import { isJsonObject } from '../json-shape.ts';
import type { SolcOutput } from './compilation.ts';
import { readBuildInfo } from './build-info.ts';
import { checkWithinRoots } from './path-policy.ts';
import { isDirectory, isFile, isInside, relativeInside } from './paths.ts';
import { chooseOwnSources, cleanVersion, compilationFromOutput, readJsonFile } from './prebuilt.ts';
import { findNodeModulesFolders, findProjectRoot } from './project.ts';
import type { LoadedSource } from './resolver.ts';
import type { Compilation } from './types.ts';

/** True for a folder that holds build-info files or Foundry artifacts. */
export function isBuildFolder(folder: string): boolean {
  return listBuildInfoFiles(folder).length > 0 || listArtifactFiles(folder).length > 0;
}

/** `<folder>/build-info/*.json`, without Hardhat 3's separate output files. */
export function listBuildInfoFiles(folder: string): string[] {
  const buildInfo = path.join(folder, 'build-info');
  if (!isDirectory(buildInfo)) return [];
  return readdirSync(buildInfo)
    .filter((name) => name.endsWith('.json') && !name.endsWith('.output.json'))
    .map((name) => path.join(buildInfo, name));
}

export function readBuildFolder(folder: string, cwd: string, shown: string): Compilation {
  const buildInfos = listBuildInfoFiles(folder);
  if (buildInfos.length === 1) return readBuildInfo(buildInfos[0], readJsonFile(buildInfos[0], buildInfos[0]), cwd, buildInfos[0]);
  const artifacts = listArtifactFiles(folder)
    .map((file) => ({ file, artifact: readJsonFile(file, file) }))
    .filter(({ artifact }) => isJsonObject(artifact) && artifact.ast !== undefined)
    .map(({ file, artifact }) => {
      if (!isJsonObject(artifact.ast) || typeof artifact.ast.absolutePath !== 'string' || artifact.ast.absolutePath === '') {
        fail('BAD_INPUT', `${relativeInside(file, cwd) ?? file}: not a Foundry artifact (its AST names no source file)`, { hint: 'build again with forge build --ast, or give the sources' });
      }
      return artifact;
    });
  if (artifacts.length > 0) return readArtifacts(artifacts, folder, cwd, shown);
  if (buildInfos.length > 1) {
    fail('BAD_INPUT', `${shown}: holds ${buildInfos.length} builds`, {
      hint: `give one build-info file (${buildInfos.map((file) => relativeInside(file, cwd) ?? file).join(', ')}), or rebuild from clean`,
    });
  }
  fail('BAD_INPUT', `${shown}: the artifacts carry no AST and there is no build-info`, {
    hint: 'build with `forge build --ast` (or set `ast = true` or `build_info = true` in foundry.toml), or give the sources',
  });
}

/** `<folder>/<File>.sol/<Contract>.json` (Foundry) and deeper (Hardhat), outside build-info. */
function listArtifactFiles(folder: string): string[] {
  const found: string[] = [];
  const visit = (dir: string, depth: number) => {
    for (const name of readdirSync(dir)) {
      const full = path.join(dir, name);
      if (name === 'build-info' || name.startsWith('.')) continue;
      // Build output is never a symbolic link: one is not followed (it could lead anywhere, or nowhere).
      if (isSymbolicLink(full)) continue;
      if (isDirectory(full)) {
        if (depth < 8) visit(full, depth + 1);
      } else if (name.endsWith('.json') && !name.endsWith('.dbg.json') && path.basename(dir).endsWith('.sol')) found.push(full);
    }
  };
  if (isDirectory(folder)) visit(folder, 0);
  return found.sort();
}

interface ArtifactSource {
  id: number;
  ast: any;
  contracts: Record<string, { abi: unknown[]; devdoc: unknown; userdoc: unknown }>;
}

function readArtifacts(artifacts: any[], folder: string, cwd: string, shown: string): Compilation {
  // Sources without contracts get an artifact with only the AST and id: no compiler named there.
  const versions = [...new Set(artifacts.filter((a) => a.metadata?.compiler?.version).map((a) => cleanVersion(a.metadata.compiler.version)))];
  if (versions.length > 1) {
    fail('BAD_INPUT', `${shown}: holds output of several compilers (${versions.join(', ')})`, { hint: 'build with one compiler, or with `build_info = true` and give one build-info file' });
  }
  const byUnit = new Map<string, ArtifactSource>();
  const hashes = new Map<string, string>();
  for (const artifact of artifacts) {
    const unitName: string = artifact.ast.absolutePath;
    const source: ArtifactSource = byUnit.get(unitName) ?? { id: artifact.id ?? Number(artifact.ast.src?.split(":")[2]), ast: artifact.ast, contracts: {} };
    byUnit.set(unitName, source);
    const name = Object.values<string>(artifact.metadata?.settings?.compilationTarget ?? {})[0];
    const output = artifact.metadata?.output ?? {};
    if (name !== undefined) source.contracts[name] = { abi: artifact.abi ?? [], devdoc: artifact.devdoc ?? output.devdoc ?? {}, userdoc: artifact.userdoc ?? output.userdoc ?? {} };
    for (const [unit, entry] of Object.entries<any>(artifact.metadata?.sources ?? {})) if (entry?.keccak256) hashes.set(unit, entry.keccak256);
  }
  checkOneBuild(byUnit, shown);
  const projectRoot = findProjectRoot(path.join(path.resolve(folder), 'x')) ?? path.dirname(path.resolve(folder));
  const sources = [...byUnit.keys()].map((unitName) => readProjectSource(unitName, projectRoot, hashes.get(unitName), cwd));
  const output: SolcOutput = {
    sources: Object.fromEntries([...byUnit].map(([unitName, { id, ast }]) => [unitName, { id: Number(id), ast }])),
    contracts: Object.fromEntries([...byUnit].map(([unitName, { contracts }]) => [unitName, contracts])),
  };
  return compilationFromOutput({ version: versions[0], output, sources, inputs: chooseOwnSources([...byUnit.keys()]), cwd });
}

/** Every imported source is there, and no two sources share an id (artifacts of several builds). */
function checkOneBuild(byUnit: Map<string, ArtifactSource>, shown: string): void {
  const ids = new Map<number, string>();
  for (const [unitName, { id, ast }] of byUnit) {
    const other = ids.get(Number(id));
    if (other !== undefined) fail('BAD_INPUT', `${shown}: ${other} and ${unitName} come from different builds`, { hint: 'rebuild from clean (forge build --force)' });
    ids.set(Number(id), unitName);
    for (const node of Array.isArray(ast.nodes) ? ast.nodes : []) {
      if (node.nodeType === 'ImportDirective' && !byUnit.has(node.absolutePath)) {
        fail('BAD_INPUT', `${shown}: no artifact carries ${node.absolutePath}, imported by ${unitName}`, { hint: 'set `build_info = true` in foundry.toml and build again' });
      }
    }
  }
}

/**
 * The source an artifact names, read from the project or its packages, never from a path the artifact
 * alone points to: a name that leads outside them (`/etc/passwd`, `../../x.sol`) is refused unread.
 */
function readProjectSource(unitName: string, projectRoot: string, recorded: string | undefined, cwd: string): LoadedSource {
  const nodeModules = findNodeModulesFolders([projectRoot]);
  const roots = { folders: [projectRoot, ...nodeModules] };
  const candidates = [path.resolve(projectRoot, unitName), ...nodeModules.map((folder) => path.resolve(folder, unitName))];
  const inside = candidates.filter((candidate) => isInside(candidate, projectRoot) || nodeModules.some((folder) => isInside(candidate, folder)));
  if (inside.length === 0) {
    fail('PATH_OUTSIDE_ROOTS', `${unitName}: a build artifact names this source, which lies outside the project (${projectRoot}); plainterms does not read it`, {
      hint: 'build the project again (forge build --ast) from its own folder, or give the sources',
    });
  }
  const absolutePath = inside.find(isFile) ?? inside[0];
  if (!isFile(absolutePath)) fail('FILE_NOT_FOUND', `${unitName}: the source of this build is not in ${projectRoot}`, { hint: 'run plainterms from the project, or give a build-info file, which holds the sources' });
  // A package may be linked into node_modules from elsewhere (npm workspaces, pnpm), as the import resolver allows.
  if (!nodeModules.some((folder) => isInside(absolutePath, folder))) checkWithinRoots(absolutePath, roots, unitName);
  const content = readFileSync(absolutePath, 'utf8');
  if (recorded !== undefined && keccak256Hex(content) !== recorded) {
    fail('BAD_INPUT', `${relativeInside(absolutePath, cwd) ?? unitName}: changed since it was built`, { hint: 'build again (forge build) so the output matches the sources' });
  }
  return { unitName, absolutePath, content };
}

function isSymbolicLink(file: string): boolean {
  try {
    return lstatSync(file).isSymbolicLink();
  } catch {
    return false;
  }
}
