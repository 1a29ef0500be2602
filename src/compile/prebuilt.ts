/**
 * Helpers for inputs that arrive as JSON (build-info files, Foundry artifacts, standard-JSON inputs):
 * reading the file, naming its sources for people, telling the project's own files from its
 * dependencies, and building a Compilation from output that solc already wrote.
 */
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { fail } from '../errors.ts';
import { isJsonObject } from '../json-shape.ts';
import { buildCompilation, type SolcOutput } from './compilation.ts';
import { normaliseSources } from './normalise-ast.ts';
import { keccak256Hex } from '../hashing.ts';
import { checkWithinRoots, isWithinRoots } from './path-policy.ts';
import { isFile, isInside, relativeInside, toDisplayPath } from './paths.ts';
import { findNodeModulesFolders } from './project.ts';
import type { LoadedSource } from './resolver.ts';
import type { Compilation } from './types.ts';

/** A JSON file, or BAD_INPUT. Block explorers sometimes wrap standard JSON in a second pair of braces. */
export function readJsonFile(file: string, shown: string): any {
  let text: string;
  try {
    text = readFileSync(file, 'utf8');
  } catch (error) {
    fail('FILE_NOT_FOUND', `${shown}: cannot be read (${(error as NodeJS.ErrnoException).code ?? 'unknown error'})`);
  }
  const trimmed = text.trim();
  for (const candidate of [trimmed, trimmed.startsWith('{{') && trimmed.endsWith('}}') ? trimmed.slice(1, -1) : null]) {
    if (candidate === null) continue;
    try {
      return JSON.parse(candidate);
    } catch {
      // try the next form
    }
  }
  fail('BAD_INPUT', `${shown}: not valid JSON`, { hint: 'give a .sol file, a folder, a Hardhat build-info file, a Foundry out/ folder or a solc standard-JSON input' });
}

/**
 * A source held in JSON, shown as the project file it came from when that file is on disk with the
 * same content (relative to cwd, or as a package path), else by its unit name.
 */
export function loadEmbeddedSource(unitName: string, content: string, projectRoot: string | null, cwd: string, localName = unitName): LoadedSource {
  const onDisk = projectRoot === null ? null : path.resolve(projectRoot, localName);
  // Only a file of the project is compared: a unit name must not make plainterms read anything else.
  const inProject = onDisk !== null && isInside(onDisk, projectRoot!) && (!isFile(onDisk) || isWithinRoots(onDisk, { folders: [projectRoot!] }));
  if (inProject && isFile(onDisk) && readFileSync(onDisk, 'utf8') === content) {
    return { unitName, absolutePath: onDisk, content, path: toDisplayPath(onDisk, localName, cwd) };
  }
  return { unitName, absolutePath: inProject ? onDisk : unitName, content, path: localName };
}

/**
 * The source a build artifact names (by its unit name, checked against the hash the build recorded), read from the project or its packages, never from a path the artifact
 * alone points to: a name that leads outside them (`/etc/passwd`, `../../x.sol`) is refused unread.
 */
export function readProjectSource(unitName: string, projectRoot: string, recorded: string | undefined, cwd: string): LoadedSource {
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

/**
 * Hardhat 3 names sources `project/contracts/Sale.sol` and `npm/@openzeppelin/contracts@5.1.0/…`;
 * people know them as `contracts/Sale.sol` and `@openzeppelin/contracts/…`.
 */
export function localNameOf(unitName: string): string {
  if (unitName.startsWith('project/')) return unitName.slice('project/'.length);
  const npm = /^npm\/((?:@[^/]+\/)?[^/@]+)@[^/]+\/(.*)$/.exec(unitName);
  return npm ? `${npm[1]}/${npm[2]}` : unitName;
}

const DEPENDENCY = /^(@|lib\/|node_modules\/|.*\/node_modules\/|hardhat\/|forge-std\/)/;
const TEST_OR_SCRIPT = /(^|\/)(test|tests|script|scripts)\/|\.(t|s)\.sol$/;

/**
 * The project's own contracts among the units of a build: not dependencies (packages, `lib/`), tests
 * or scripts. When that leaves none, every unit.
 */
export function chooseOwnSources(unitNames: string[]): string[] {
  const own = unitNames.filter((unitName) => !DEPENDENCY.test(unitName) && !TEST_OR_SCRIPT.test(unitName));
  return own.length > 0 ? own : unitNames;
}

export interface PrebuiltParts {
  version: string;
  output: SolcOutput;
  sources: LoadedSource[];
  inputs: string[];
  cwd: string;
  /** The `evmVersion` the build's settings or metadata name, if any (else the release's default). */
  evmVersion?: unknown;
}

/** A Compilation from output solc already wrote (old ASTs brought into the 0.8 shape). */
export function compilationFromOutput({ version, output, sources, inputs, cwd, evmVersion }: PrebuiltParts): Compilation {
  checkOutputShape(output);
  const loaded = new Map(sources.map((source) => [source.unitName, source]));
  const compilation = buildCompilation({ version, output: normaliseSources(output, version), loaded, inputs, cwd, evmVersion: typeof evmVersion === 'string' ? evmVersion : null });
  return { ...compilation, fromCache: false };
}

/**
 * Output read from a file is checked for the shape solc writes before anything reads it: each source an
 * AST of a source unit (with its path, its nodes and its location), each contract's ABI a list. A file
 * edited by hand or cut short is then an input error, not a crash.
 */
function checkOutputShape(output: SolcOutput): void {
  const broken = (what: string) => fail('BAD_INPUT', `the build output is malformed: ${what}`, { hint: 'build the project again (forge build --ast, npx hardhat compile), or give the sources' });
  for (const [unitName, source] of Object.entries<any>(output.sources ?? {})) {
    const ast = source?.ast;
    if (!isJsonObject(ast)) broken(`${unitName} has no AST`);
    if (!Array.isArray(ast.nodes) || typeof ast.src !== 'string' || typeof ast.absolutePath !== 'string') broken(`the AST of ${unitName} is not a source unit as solc writes it`);
    if (ast.nodes.some((node: unknown) => typeof node !== 'object' || node === null || typeof (node as { nodeType?: unknown }).nodeType !== 'string')) broken(`the AST of ${unitName} holds a node without a type`);
  }
  for (const [unitName, contracts] of Object.entries<any>(output.contracts ?? {})) {
    if (!isJsonObject(contracts)) broken(`the contracts of ${unitName} are missing`);
    for (const [name, contract] of Object.entries<any>(contracts)) {
      if (!isJsonObject(contract) || (contract.abi !== undefined && !Array.isArray(contract.abi))) broken(`the ABI of ${name} in ${unitName} is not a list`);
    }
  }
}

/** '0.8.24+commit.e11b9ed9' from the forms build tools write ('v0.8.24+commit.e11b9ed9', '0.8.24'). */
export function cleanVersion(written: unknown): string {
  return typeof written === 'string' ? written.replace(/^v/, '').replace(/\.Emscripten.*$|\.Linux.*$|\.Darwin.*$|\.Windows.*$/, '') : 'unknown';
}
