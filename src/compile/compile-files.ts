/**
 * compileFiles: read the user's files (or folders of them), find the project around them, choose the
 * compiler from the version pragmas of everything they import, and let solc pull in their imports
 * through the resolver (or reuse the cached output), giving a Compilation or one PlaintermsError.
 * A build-info file, a contract artifact, a Foundry out/ or Hardhat artifacts/ folder, or a
 * standard-JSON input given alone is read by its own module (see input-kinds.ts).
 */
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { fail } from '../errors.ts';
import { findOutputCacheFolder } from './cache-dir.ts';
import { readArtifactFile } from './artifact-file.ts';
import { readBuildInfo } from './build-info.ts';
import { chooseCompiler } from './choose-compiler.ts';
import { readBuildFolder } from './foundry-out.ts';
import { classifyInputs } from './input-kinds.ts';
import { relativeInside, toDisplayPath, toSlashes } from './paths.ts';
import { findDisplayRoot, findNodeModulesFolders, findProjectRoot } from './project.ts';
import { isWithinRoots } from './path-policy.ts';
import { readProjectRemappings, resolveRemappings } from './remappings.ts';
import { createImportResolver, type LoadedSource } from './resolver.ts';
import { runSolcJob, type StandardInput } from './solc-job.ts';
import { collectPragmas } from './source-graph.ts';
import { compileStandardJson } from './standard-json.ts';
import type { Compilation, CompileOptions } from './types.ts';
import { checkSourceSize } from './limits.ts';

export const OUTPUT_SELECTION = { '*': { '': ['ast'], '*': ['abi', 'devdoc', 'userdoc'] } };

export async function compileFiles(files: string[], options: CompileOptions = {}): Promise<Compilation> {
  if (files.length === 0) fail('BAD_INPUT', 'no Solidity files given');
  const cwd = path.resolve(options.cwd ?? process.cwd());
  const given = classifyInputs(files, cwd);
  const rebuild = { options, outputSelection: OUTPUT_SELECTION, cacheFolder: chooseCacheFolder(options) };
  if (given.kind === 'build-folder') return readBuildFolder(given.folder, findDisplayRoot(path.join(given.folder, 'x'), cwd), given.shown, rebuild);
  if (given.kind === 'build-info') return readBuildInfo(given.file, given.json, findDisplayRoot(given.file, cwd), given.shown);
  if (given.kind === 'artifact') return readArtifactFile(given.file, given.json, findDisplayRoot(given.file, cwd), given.shown, rebuild);
  if (given.kind === 'standard-json') {
    return compileStandardJson({ ...given, cwd: findDisplayRoot(given.file, cwd), options, outputSelection: OUTPUT_SELECTION, cacheFolder: chooseCacheFolder(options) });
  }
  const absoluteFiles = given.files;
  const { basePath, includePaths, remappings, resolver } = layOutProject(absoluteFiles, options, cwd);
  const shownFrom = findDisplayRoot(absoluteFiles[0], cwd);
  const inputs = absoluteFiles.map((file) => readInput(file, nameUnit(file, basePath, includePaths), resolver.loaded, shownFrom));
  const pragmas = collectPragmas(inputs, resolver, remappings, shownFrom);
  checkSourceSize([...resolver.loaded.values()].map((source) => source.content), options);
  const choice = chooseCompiler(pragmas, options);
  const input: StandardInput = {
    language: 'Solidity',
    sources: Object.fromEntries(inputs.map((unitName) => [unitName, { content: resolver.loaded.get(unitName)!.content }])),
    settings: { remappings, outputSelection: OUTPUT_SELECTION },
  };
  return runSolcJob({
    input,
    resolver,
    inputs,
    cwd: shownFrom,
    choice,
    lookup: { basePath, includePaths, roots: resolver.listRoots() },
    cacheFolder: chooseCacheFolder(options),
  });
}

/** The output cache folder, or null when the cache is off. */
export function chooseCacheFolder(options: CompileOptions): string | null {
  return options.cache === false ? null : options.cacheFolder ?? findOutputCacheFolder();
}

/**
 * The project around the files: base path (default the project root, else cwd), include paths,
 * remappings (the project's own, then the options, so the options win a tie), and the resolver
 * that may read from those folders, the inputs' folders and the node_modules folders above them.
 */
function layOutProject(absoluteFiles: string[], options: CompileOptions, cwd: string) {
  const projectRoot = findProjectRoot(absoluteFiles[0]);
  const basePath = options.basePath === undefined ? projectRoot ?? cwd : path.resolve(cwd, options.basePath);
  const includePaths = (options.includePaths ?? []).map((folder) => path.resolve(cwd, folder));
  const fromFile = resolveRemappings(projectRoot === null ? [] : readProjectRemappings(projectRoot), projectRoot ?? cwd, basePath);
  const fromOptions = resolveRemappings(options.remappings ?? [], cwd, basePath);
  const inputFolders = absoluteFiles.map((file) => path.dirname(file));
  const nodeModules = findNodeModulesFolders([...inputFolders, projectRoot ?? basePath, basePath]);
  // The project's own remappings (remappings.txt, foundry.toml) open no folder outside what the user gave (the project, the base
  // and include paths, the packages): an import through such a remapping is refused like any import
  // outside the roots, without reading it. Remappings given as options are the user's own choice.
  const allowed = { folders: [projectRoot ?? basePath, basePath, ...includePaths, ...nodeModules] };
  const resolver = createImportResolver({
    basePath,
    includePaths,
    nodeModules,
    extraRoots: [
      ...inputFolders,
      ...fromFile.targets.filter((target) => isWithinRoots(target.folder, allowed)).map((target) => target.folder),
      ...fromOptions.targets.map((target) => target.folder),
    ],
  });
  return { basePath, includePaths, remappings: [...fromFile.settings, ...fromOptions.settings], resolver };
}

/** Like the solc CLI: relative to the base path, else to an include path, else the absolute path. */
function nameUnit(absolutePath: string, basePath: string, includePaths: string[]): string {
  for (const root of [basePath, ...includePaths]) {
    const relative = relativeInside(absolutePath, root);
    if (relative !== null && relative !== '') return relative;
  }
  return toSlashes(absolutePath);
}

function readInput(absolutePath: string, unitName: string, loaded: Map<string, LoadedSource>, cwd: string): string {
  let content: string;
  try {
    content = readFileSync(absolutePath, 'utf8');
  } catch (error) {
    const reason = (error as NodeJS.ErrnoException).code ?? 'unknown error';
    fail('BAD_INPUT', `${toDisplayPath(absolutePath, unitName, cwd)}: cannot be read (${reason})`);
  }
  loaded.set(unitName, { unitName, absolutePath, content });
  return unitName;
}
