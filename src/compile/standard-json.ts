/**
 * A solc standard-JSON input file, as block explorers publish verified sources: every source is in
 * the file, so it is compiled as it stands (no import is read from disk), with its own settings but
 * plainterms' output selection. The compiler is the one asked for (`--solc`), else the one the
 * pragmas choose; explorers name the release beside the file, not in it.
 */
import path from 'node:path';
import { fail } from '../errors.ts';
import { chooseCompiler, readSourcePragmas } from './choose-compiler.ts';
import { checkSourceSize } from './limits.ts';
import { chooseOwnSources, loadEmbeddedSource } from './prebuilt.ts';
import { findProjectRoot } from './project.ts';
import type { ImportResolver, LoadedSource } from './resolver.ts';
import { runSolcJob, type StandardInput } from './solc-job.ts';
import type { Compilation, CompileOptions } from './types.ts';

/** A standard-JSON input: a language and sources, and no output. */
export function isStandardJsonInput(json: any): boolean {
  return typeof json?.language === 'string' && typeof json.sources === 'object' && json.sources !== null && json.output === undefined && json._format === undefined;
}

export interface StandardJsonJob {
  file: string;
  json: any;
  shown: string;
  cwd: string;
  options: CompileOptions;
  outputSelection: unknown;
  cacheFolder: string | null;
}

export async function compileStandardJson({ file, json, shown, cwd, options, outputSelection, cacheFolder }: StandardJsonJob): Promise<Compilation> {
  if (json.language !== 'Solidity') fail('BAD_INPUT', `${shown}: the language is ${json.language}; plainterms reads Solidity`);
  const projectRoot = findProjectRoot(path.resolve(file));
  const sources = Object.entries<{ content?: unknown } | null>(json.sources).map(([unitName, source]) => {
    if (typeof source?.content !== 'string') {
      fail('BAD_INPUT', `${shown}: ${unitName} has no content`, { hint: 'give a standard-JSON input with the source text in each "content" (as explorers publish it)' });
    }
    return loadEmbeddedSource(unitName, source.content as string, projectRoot, cwd);
  });
  checkSourceSize(sources.map((source) => source.content), options);
  const resolver = createEmbeddedResolver(sources);
  const choice = chooseCompiler(sources.map((source) => readSourcePragmas(source.path ?? source.unitName, source.content)), options);
  const { outputSelection: _ignored, modelChecker: _notRun, ...settings } = json.settings ?? {};
  const input: StandardInput = {
    language: 'Solidity',
    sources: Object.fromEntries(sources.map((source) => [source.unitName, { content: source.content }])),
    settings: { ...settings, outputSelection },
  };
  const inputs = chooseOwnSources(sources.map((source) => source.unitName));
  return runSolcJob({ input, resolver, inputs, cwd, choice, lookup: 'standard-json', cacheFolder });
}

/** Imports answered from the given sources only: nothing is read from disk. */
export function createEmbeddedResolver(sources: LoadedSource[]): ImportResolver {
  const loaded = new Map(sources.map((source) => [source.unitName, source]));
  const failures: ImportResolver['failures'] = new Map();
  return {
    loaded,
    failures,
    resolveImport(unitName) {
      const source = loaded.get(unitName);
      if (source !== undefined) return { contents: source.content };
      failures.set(unitName, { unitName, kind: 'not-found', refusedPath: null });
      return { error: 'not among the sources given' };
    },
    isAllowed: () => false,
    listSearchFolders: () => [],
    listRoots: () => [],
  };
}
