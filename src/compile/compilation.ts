/**
 * A Compilation built from solc's standard JSON output and the files the import callback read.
 */
import { keccak256Hex } from '../hashing.ts';
import type { SourceUnit } from 'solidity-ast';
import { astDereferencer } from 'solidity-ast/utils.js';
import { defaultEvmVersion } from './evm-version.ts';
import { indexLines, type LineIndex } from './lines.ts';
import { toDisplayPath } from './paths.ts';
import type { LoadedSource } from './resolver.ts';
import type { Compilation, ContractOutput, SourceFile, SourceLocation } from './types.ts';

export interface SolcOutput {
  sources?: Record<string, { id: number; ast: SourceUnit }>;
  contracts?: Record<string, Record<string, ContractOutput>>;
}

export interface CompilationParts {
  version: string;
  output: SolcOutput;
  loaded: Map<string, LoadedSource>;
  inputs: string[];
  cwd: string;
  /** keccak256 of sources already known (from the output cache), by unit name. */
  keccak256?: Record<string, string>;
  /** The `evmVersion` the settings name, if any; else the release's default. */
  evmVersion?: string | null;
}

export function buildCompilation({ version, output, loaded, inputs, cwd, keccak256: known = {}, evmVersion = null }: CompilationParts): Compilation {
  const solcSources = output.sources ?? {};
  const sources = Object.entries(solcSources)
    .map(([unitName, { id, ast }]) => buildSourceFile(unitName, id, ast, loaded, cwd, known[unitName]))
    .sort((a, b) => a.id - b.id);
  const byId = new Map(sources.map((source) => [source.id, source]));
  const lineIndexes = new Map<number, LineIndex>();

  const sourceById = (id: number): SourceFile => {
    const source = byId.get(id);
    if (source === undefined) throw new Error(`no source with id ${id} in this compilation`);
    return source;
  };

  const locate = (src: string): SourceLocation => {
    const [start, length, id] = parseSrc(src);
    const source = sourceById(id);
    let lines = lineIndexes.get(id);
    if (lines === undefined) lineIndexes.set(id, (lines = indexLines(source.content)));
    const { line, column } = lines.locate(start);
    const endLine = length > 0 ? lines.locate(start + length - 1).line : line;
    return { path: source.path, line, endLine, column };
  };

  return {
    compiler: { name: 'solc', version },
    evmVersion: evmVersion ?? defaultEvmVersion(version),
    sources,
    inputs,
    contracts: selectContractOutputs(output.contracts ?? {}),
    locate,
    deref: astDereferencer({ sources: solcSources }),
    sourceById,
  };
}

function buildSourceFile(unitName: string, id: number, ast: SourceUnit, loaded: Map<string, LoadedSource>, cwd: string, hash: string | undefined): SourceFile {
  const file = loaded.get(unitName);
  if (file === undefined) throw new Error(`solc returned source "${unitName}" that was never read`);
  return {
    unitName,
    path: file.path ?? toDisplayPath(file.absolutePath, unitName, cwd),
    absolutePath: file.absolutePath,
    content: file.content,
    keccak256: hash ?? keccak256Hex(file.content),
    id,
    ast,
  };
}

function selectContractOutputs(contracts: Record<string, Record<string, ContractOutput>>) {
  const selected: Record<string, Record<string, ContractOutput>> = {};
  for (const [unitName, byName] of Object.entries(contracts)) {
    selected[unitName] = {};
    for (const [name, { abi, devdoc, userdoc }] of Object.entries(byName)) {
      selected[unitName][name] = { abi: abi ?? [], devdoc: devdoc ?? {}, userdoc: userdoc ?? {} };
    }
  }
  return selected;
}

function parseSrc(src: string): [number, number, number] {
  const parts = src.split(':').map(Number);
  if (parts.length !== 3 || parts.some((part) => !Number.isInteger(part)) || parts[0] < 0) {
    throw new Error(`not a solc source location: "${src}"`);
  }
  return [parts[0], parts[1], parts[2]];
}
