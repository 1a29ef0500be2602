/**
 * Compiling a build again from what it recorded, when its output cannot be read as it is: a plain
 * `forge build` (artifacts without the AST beside a build-info without input or output) or an
 * incremental build (several builds in one folder, each holding some of the sources, whose syntax
 * trees cannot be joined: their node ids clash). Each source is taken from the newest build that
 * holds it; the sources are compiled together, once, with that build's compiler release and the
 * settings that decide what compiles (remappings, EVM version, optimizer, via-IR).
 */
import { statSync } from 'node:fs';
import { fail } from '../errors.ts';
import { chooseCompiler, chooseRecordedRelease } from './choose-compiler.ts';
import { checkSourceSize } from './limits.ts';
import { chooseOwnSources, loadEmbeddedSource, readProjectSource } from './prebuilt.ts';
import type { LoadedSource } from './resolver.ts';
import { runSolcJob, type StandardInput } from './solc-job.ts';
import { createEmbeddedResolver } from './standard-json.ts';
import type { Compilation, CompileOptions } from './types.ts';

/** A source as a build recorded it: its text, or only its hash (the text is then read from the project). */
export interface RecordedSource {
  content?: string;
  keccak256?: string;
  /** How people name it, when the build names it otherwise (Hardhat 3's `project/…`). */
  localName?: string;
}

export interface RecordedBuild {
  /** The file it was read from, for messages. */
  file: string;
  /** When it was written (ms): the newest build of a source wins. */
  time: number;
  /** Sources whose newest build this is, where the tool keeps a record of it (Hardhat's .dbg.json); they win over the time. */
  current?: string[];
  version: string;
  settings: Record<string, unknown>;
  sources: Record<string, RecordedSource>;
  /** Sources of the project's own contracts built here (not dependencies, tests or scripts). */
  targets: string[];
  /** What each source imports (directly or not), where the build says. */
  imports: Record<string, string[]>;
}

export interface RebuildJob {
  /** How the user named the build, for messages. */
  shown: string;
  /** The project the sources are read from. */
  projectRoot: string;
  cwd: string;
  options: CompileOptions;
  outputSelection: unknown;
  cacheFolder: string | null;
}

/** Settings that change what compiles; the rest (metadata, libraries, output) only changes bytecode. */
const KEPT_SETTINGS = ['remappings', 'optimizer', 'evmVersion', 'viaIR'];

export async function recompileBuilds(builds: RecordedBuild[], job: RebuildJob): Promise<Compilation> {
  const newestFirst = [...builds].sort((a, b) => b.time - a.time || a.file.localeCompare(b.file));
  const holders = (unitName: string) => newestFirst.filter((build) => build.sources[unitName] !== undefined);
  const newestOf = (unitName: string) => holders(unitName).find((build) => build.current?.includes(unitName)) ?? holders(unitName)[0];
  const inputs = chooseOwnSources([...new Set(newestFirst.flatMap((build) => build.targets))].sort());
  const chosen = new Map<string, RecordedBuild>();
  const queue = [...inputs];
  while (queue.length > 0) {
    const unitName = queue.shift()!;
    if (chosen.has(unitName)) continue;
    const build = newestOf(unitName);
    if (build === undefined) fail('BAD_INPUT', `${job.shown}: no build holds ${unitName}`, { hint: 'build again from clean (forge build --force, npx hardhat compile --force)' });
    chosen.set(unitName, build);
    queue.push(...findImports(unitName, build, newestFirst));
  }
  const used = newestFirst.filter((build) => [...chosen.values()].includes(build));
  const versions = [...new Set(used.map((build) => build.version))];
  if (versions.length > 1) {
    fail('BAD_INPUT', `${job.shown}: its sources were built with several compilers (${versions.join(', ')})`, {
      hint: 'give the sources built with one compiler (a build-info file, or the .sol files), or build with one solc release',
    });
  }
  const sources = [...chosen].map(([unitName, build]) => loadRecordedSource(unitName, build, job));
  checkSourceSize(sources.map((source) => source.content), job.options);
  const recorded = used[0].settings;
  const input: StandardInput = {
    language: 'Solidity',
    sources: Object.fromEntries(sources.map((source) => [source.unitName, { content: source.content }])),
    settings: { ...Object.fromEntries(KEPT_SETTINGS.filter((key) => recorded[key] !== undefined).map((key) => [key, recorded[key]])), outputSelection: job.outputSelection },
  };
  const { options } = job;
  const choice = options.compiler !== undefined || options.solcVersion !== undefined ? chooseCompiler([], options) : chooseRecordedRelease(versions[0], job.shown, options.compilersFolder);
  return runSolcJob({ input, resolver: createEmbeddedResolver(sources), inputs, cwd: job.cwd, choice, lookup: 'recorded build', cacheFolder: job.cacheFolder });
}

/**
 * What a source imports: as its build says, else as another build says of the same text (a Foundry
 * artifact knows the imports of its own source only), else every source of its build.
 */
function findImports(unitName: string, build: RecordedBuild, builds: RecordedBuild[]): string[] {
  const source = build.sources[unitName];
  const same = (other: RecordedSource | undefined) => other !== undefined && (other.content ?? other.keccak256) === (source.content ?? source.keccak256);
  const known = [build, ...builds].find((other) => other.imports[unitName] !== undefined && same(other.sources[unitName]));
  return known?.imports[unitName] ?? Object.keys(build.sources);
}

function loadRecordedSource(unitName: string, build: RecordedBuild, job: RebuildJob): LoadedSource {
  const { content, keccak256, localName } = build.sources[unitName];
  if (content !== undefined) return loadEmbeddedSource(unitName, content, job.projectRoot, job.cwd, localName ?? unitName);
  return readProjectSource(unitName, job.projectRoot, keccak256, job.cwd);
}

/** When a build file was written, in ms. */
export function readWriteTime(file: string): number {
  try {
    return statSync(file).mtimeMs;
  } catch {
    return 0;
  }
}

