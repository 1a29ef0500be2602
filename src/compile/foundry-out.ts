/**
 * A Foundry `out/` folder (or Hardhat `artifacts/`). Output that one solc run wrote is read as it is: a
 * single build-info file holding input and output, or Foundry artifacts (`out/<File>.sol/<Contract>.json`)
 * that carry each source's AST (built with `--ast` or `ast = true`; files without contracts get one with
 * only the AST), their source text read from the project, checked against the hashes the build recorded.
 * Otherwise the build is compiled again from what it recorded (rebuild.ts): several build-info files
 * (an incremental build), or artifacts whose metadata names their sources and settings (a plain
 * `forge build`, whose build-info holds neither input nor output).
 */
import { lstatSync, readdirSync } from 'node:fs';
import path from 'node:path';
import { fail } from '../errors.ts';
import { isJsonObject } from '../json-shape.ts';
import type { SolcOutput } from './compilation.ts';
import { isBuildInfo, readBuildInfo, recordBuildInfo } from './build-info.ts';
import { isDirectory, relativeInside, toSlashes } from './paths.ts';
import { chooseOwnSources, cleanVersion, compilationFromOutput, readJsonFile, readProjectSource } from './prebuilt.ts';
import { findProjectRoot } from './project.ts';
import { readWriteTime, recompileBuilds, type RebuildJob, type RecordedBuild } from './rebuild.ts';
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
    .map((name) => path.join(buildInfo, name))
    .sort();
}

/** What compiling a build again needs besides the build: see rebuild.ts. */
export type BuildJob = Omit<RebuildJob, 'shown' | 'projectRoot' | 'cwd'>;

export async function readBuildFolder(folder: string, cwd: string, shown: string, job: BuildJob): Promise<Compilation> {
  const buildInfos = listBuildInfoFiles(folder).map((file) => ({ file, json: readJsonFile(file, file) }));
  // Foundry writes a build-info with only the source ids and paths unless build_info = true.
  const full = buildInfos.filter(({ json }) => isBuildInfo(json));
  if (buildInfos.length === 1 && full.length === 1) return readBuildInfo(full[0].file, full[0].json, cwd, full[0].file);
  const rebuild: RebuildJob = { ...job, shown, projectRoot: projectRootOf(folder), cwd };
  if (full.length > 1) {
    const current = readDebugReferences(folder);
    const builds = full.map(({ file, json }) => ({ ...recordBuildInfo(file, json, relativeInside(file, cwd) ?? file), current: current.get(file) ?? [] }));
    return recompileBuilds(builds, rebuild);
  }
  const artifacts = listArtifactFiles(folder).map((file) => ({ file, artifact: readJsonFile(file, file) }));
  const withAst = artifacts.filter(({ artifact }) => isJsonObject(artifact) && artifact.ast !== undefined).map(({ file, artifact }) => checkArtifactAst(file, artifact, cwd));
  const recorded = artifacts.map(({ file, artifact }) => recordArtifact(file, artifact)).filter((build) => build !== null);
  // Artifacts of one build carry syntax trees that fit together; those of several builds do not.
  if (withAst.length > 0 && buildInfos.length <= 1) {
    const read = readArtifacts(withAst, folder, cwd, shown);
    if ('compilation' in read) return read.compilation;
    if (recorded.length === 0) fail('BAD_INPUT', read.problem.message, { hint: read.problem.hint });
  }
  if (recorded.length > 0) return recompileBuilds(recorded, rebuild);
  fail('BAD_INPUT', `${shown}: the artifacts name neither their sources nor a build-info`, {
    hint: 'build again (forge build, npx hardhat compile), or give the sources',
  });
}

/**
 * A Foundry artifact as one build of its contract: its metadata names every source it was compiled
 * from (with its hash), the compiler release and the settings. Null for an artifact without metadata.
 */
export function recordArtifact(file: string, artifact: any): RecordedBuild | null {
  const metadata = readArtifactMetadata(artifact);
  const target = Object.keys(isJsonObject(metadata?.settings?.compilationTarget) ? metadata.settings.compilationTarget : {})[0];
  if (!isJsonObject(metadata?.sources) || target === undefined) return null;
  const sources: RecordedBuild['sources'] = {};
  for (const [unitName, entry] of Object.entries<any>(metadata.sources)) {
    sources[unitName] = typeof entry?.content === 'string' ? { content: entry.content } : { keccak256: typeof entry?.keccak256 === 'string' ? entry.keccak256 : undefined };
  }
  return {
    file,
    time: readWriteTime(file),
    version: cleanVersion(metadata.compiler?.version),
    settings: metadata.settings,
    sources,
    targets: [target],
    imports: { [target]: Object.keys(sources) },
  };
}

/** The metadata object, or the JSON text forge and solc also write (`rawMetadata`, `metadata` as a string). */
function readArtifactMetadata(artifact: any): any {
  for (const candidate of [artifact?.metadata, artifact?.rawMetadata]) {
    if (isJsonObject(candidate)) return candidate;
    if (typeof candidate !== 'string') continue;
    try {
      return JSON.parse(candidate);
    } catch {
      // the next form
    }
  }
  return null;
}

function checkArtifactAst(file: string, artifact: any, cwd: string): any {
  if (!isJsonObject(artifact.ast) || typeof artifact.ast.absolutePath !== 'string' || artifact.ast.absolutePath === '') {
    fail('BAD_INPUT', `${relativeInside(file, cwd) ?? file}: not a Foundry artifact (its AST names no source file)`, { hint: 'build again with forge build --ast, or give the sources' });
  }
  return artifact;
}

/** The project a build folder or file belongs to: the nearest marked folder above it, else the folder's parent. */
export function projectRootOf(buildPath: string): string {
  return findProjectRoot(path.join(path.resolve(buildPath), 'x')) ?? path.dirname(path.resolve(buildPath));
}

/**
 * Hardhat 2 keeps beside each artifact a `.dbg.json` naming the build-info it was last built in: for each
 * build-info file, the sources whose artifacts name it, whose newest build it is whatever the file times
 * say (a copied folder). Paths are compared, nothing they name is read.
 */
function readDebugReferences(folder: string): Map<string, string[]> {
  const current = new Map<string, string[]>();
  for (const file of listArtifactFiles(folder, true)) {
    const debug = readJsonFile(file, file);
    if (typeof debug?.buildInfo !== 'string') continue;
    const buildInfo = path.resolve(path.dirname(file), debug.buildInfo);
    current.set(buildInfo, [...(current.get(buildInfo) ?? []), toSlashes(path.relative(folder, path.dirname(file)))]);
  }
  return current;
}

/** `<folder>/<File>.sol/<Contract>.json` (Foundry) and deeper (Hardhat), outside build-info; or Hardhat's `.dbg.json` files. */
function listArtifactFiles(folder: string, debug = false): string[] {
  const found: string[] = [];
  const visit = (dir: string, depth: number) => {
    for (const name of readdirSync(dir)) {
      const full = path.join(dir, name);
      if (name === 'build-info' || name.startsWith('.')) continue;
      // Build output is never a symbolic link: one is not followed (it could lead anywhere, or nowhere).
      if (isSymbolicLink(full)) continue;
      if (isDirectory(full)) {
        if (depth < 8) visit(full, depth + 1);
      } else if (name.endsWith('.json') && name.endsWith('.dbg.json') === debug && path.basename(dir).endsWith('.sol')) found.push(full);
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

/** Why artifacts cannot be read as they are. */
interface Problem {
  message: string;
  hint: string;
}

/** The artifacts' output as it is, or why it cannot be read so. */
function readArtifacts(artifacts: any[], folder: string, cwd: string, shown: string): { compilation: Compilation } | { problem: Problem } {
  // Sources without contracts get an artifact with only the AST and id: no compiler named there.
  const versions = [...new Set(artifacts.filter((a) => a.metadata?.compiler?.version).map((a) => cleanVersion(a.metadata.compiler.version)))];
  if (versions.length > 1) {
    return { problem: { message: `${shown}: holds output of several compilers (${versions.join(', ')})`, hint: 'build with one compiler, or with `build_info = true` and give one build-info file' } };
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
  const mixed = findOtherBuild(byUnit, shown);
  if (mixed !== null) return mixed;
  const projectRoot = projectRootOf(folder);
  const sources = [...byUnit.keys()].map((unitName) => readProjectSource(unitName, projectRoot, hashes.get(unitName), cwd));
  const output: SolcOutput = {
    sources: Object.fromEntries([...byUnit].map(([unitName, { id, ast }]) => [unitName, { id: Number(id), ast }])),
    contracts: Object.fromEntries([...byUnit].map(([unitName, { contracts }]) => [unitName, contracts])),
  };
  const evmVersion = artifacts.find((a) => typeof a.metadata?.settings?.evmVersion === 'string')?.metadata.settings.evmVersion;
  return { compilation: compilationFromOutput({ version: versions[0], output, sources, inputs: chooseOwnSources([...byUnit.keys()]), cwd, evmVersion }) };
}

/** Null when every imported source is there and no two sources share an id (artifacts of several builds). */
function findOtherBuild(byUnit: Map<string, ArtifactSource>, shown: string): { problem: Problem } | null {
  const ids = new Map<number, string>();
  for (const [unitName, { id, ast }] of byUnit) {
    const other = ids.get(Number(id));
    if (other !== undefined) return { problem: { message: `${shown}: ${other} and ${unitName} come from different builds`, hint: 'rebuild from clean (forge build --force)' } };
    ids.set(Number(id), unitName);
    for (const node of Array.isArray(ast.nodes) ? ast.nodes : []) {
      if (node.nodeType === 'ImportDirective' && !byUnit.has(node.absolutePath)) {
        return { problem: { message: `${shown}: no artifact carries ${node.absolutePath}, imported by ${unitName}`, hint: 'set `build_info = true` in foundry.toml and build again' } };
      }
    }
  }
  return null;
}

function isSymbolicLink(file: string): boolean {
  try {
    return lstatSync(file).isSymbolicLink();
  } catch {
    return false;
  }
}
