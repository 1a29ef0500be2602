/**
 * One run of solc on a standard-JSON input, or its cached output: choose nothing, decide nothing,
 * just compile (or read the cache), turn errors into one PlaintermsError, bring old ASTs into the 0.8
 * shape, and build the Compilation. Shared by every kind of input that needs compiling.
 */
import { fail } from '../errors.ts';
import { buildCompilation, type SolcOutput } from './compilation.ts';
import { loadChosenCompiler, type CompilerChoice } from './choose-compiler.ts';
import { readCompilerVersion } from './compiler.ts';
import { indexLines } from './lines.ts';
import { normaliseSources } from './normalise-ast.ts';
import { hashText, makeCacheKey, readCacheEntry, writeCacheEntry, type CachedFile } from './output-cache.ts';
import { toDisplayPath } from './paths.ts';
import type { ImportResolver, LoadedSource } from './resolver.ts';
import { throwOnSolcErrors, type ErrorSource, type SolcError } from './solc-errors.ts';
import type { Compilation } from './types.ts';

export interface StandardInput {
  language: 'Solidity';
  sources: Record<string, { content: string }>;
  settings: Record<string, unknown>;
}

export interface SolcJob {
  input: StandardInput;
  /** Answers solc's import callback; holds every source read (the inputs first). */
  resolver: ImportResolver;
  /** Unit names of the files the user asked for. */
  inputs: string[];
  cwd: string;
  choice: CompilerChoice;
  /** What else the output depends on: how imports are looked up (base path, include paths, roots). */
  lookup: unknown;
  /** The output cache folder, or null for no cache. */
  cacheFolder: string | null;
}

export async function runSolcJob(job: SolcJob): Promise<Compilation> {
  const key = job.cacheFolder === null ? null : makeCacheKey({ compiler: describeCompiler(job.choice), input: hashText(JSON.stringify(job.input)), lookup: job.lookup });
  if (key !== null) {
    const hit = readCacheEntry<SolcOutput>(job.cacheFolder!, key);
    if (hit !== null) {
      for (const file of hit.files) job.resolver.loaded.set(file.unitName, file);
      return finish(job, hit.entry.version, hit.entry.output, true, hit.entry.keccak256);
    }
  }
  const compiler = await loadChosenCompiler(job.choice);
  const raw = JSON.parse(compiler.compile(JSON.stringify(job.input), { import: job.resolver.resolveImport })) as SolcOutput & { errors?: SolcError[] };
  throwOnSolcErrors(raw.errors ?? [], { cwd: job.cwd, inputs: job.inputs, resolver: job.resolver, findSource: createSourceFinder(job.resolver.loaded, job.cwd) });
  const version = readCompilerVersion(compiler);
  const output = keepWhatIsRead(raw, version);
  const compilation = finish(job, version, output, false);
  if (key !== null) {
    const keccak256 = Object.fromEntries(compilation.sources.map((source) => [source.unitName, source.keccak256]));
    writeCacheEntry(job.cacheFolder!, key, { version, files: listImportedFiles(output, job), keccak256, output });
  }
  return compilation;
}

function finish(job: SolcJob, version: string, output: SolcOutput, fromCache: boolean, keccak256?: Record<string, string>): Compilation {
  const { loaded } = job.resolver;
  const evmVersion = typeof job.input.settings.evmVersion === 'string' ? job.input.settings.evmVersion : null;
  const compilation = buildCompilation({ version, output: normaliseSources(output, version), loaded, inputs: job.inputs, cwd: job.cwd, keccak256, evmVersion });
  return { ...compilation, fromCache };
}

/** The compiler as far as its output goes: npm releases are immutable, so the release names it. */
function describeCompiler(choice: CompilerChoice): string {
  return choice.kind === 'given' ? `given:${choice.compiler.version()}` : `solc@${choice.version}`;
}

/** Only the ASTs, ABIs and NatSpec: old releases ignore parts of outputSelection and add more. */
function keepWhatIsRead(raw: SolcOutput, version: string): SolcOutput {
  const sources: NonNullable<SolcOutput['sources']> = {};
  for (const [unitName, source] of Object.entries(raw.sources ?? {})) {
    if (source.ast === undefined) {
      fail('BAD_INPUT', `solc ${version} writes only the legacy AST, which plainterms does not read`, {
        hint: 'choose solc 0.4.13 or later with --solc <version>',
      });
    }
    sources[unitName] = { id: source.id, ast: source.ast };
  }
  const contracts: NonNullable<SolcOutput['contracts']> = {};
  for (const [unitName, byName] of Object.entries(raw.contracts ?? {})) {
    contracts[unitName] = {};
    for (const [name, { abi, devdoc, userdoc }] of Object.entries(byName)) contracts[unitName][name] = { abi, devdoc, userdoc };
  }
  return { sources, contracts };
}

function listImportedFiles(output: SolcOutput, job: SolcJob): CachedFile[] {
  return Object.keys(output.sources ?? {})
    .filter((unitName) => job.input.sources[unitName] === undefined)
    .map((unitName) => {
      const { absolutePath, content } = job.resolver.loaded.get(unitName)!;
      return { unitName, absolutePath, sha256: hashText(content) };
    });
}

/** Sources as error reporting needs them, each line index built once. */
function createSourceFinder(loaded: Map<string, LoadedSource>, cwd: string): (unitName: string) => ErrorSource | null {
  const found = new Map<string, ErrorSource>();
  return (unitName) => {
    const file = loaded.get(unitName);
    if (file === undefined) return null;
    if (!found.has(unitName)) {
      const { absolutePath, content } = file;
      found.set(unitName, { path: file.path ?? toDisplayPath(absolutePath, unitName, cwd), absolutePath, content, lines: indexLines(content) });
    }
    return found.get(unitName)!;
  };
}
