/**
 * The compile layer's public types: what goes in (files and options) and what comes out (a
 * Compilation: sources with their ASTs, ABIs and NatSpec, and ways to map `src` strings to lines).
 */
import type { SourceUnit } from 'solidity-ast';
import type { ASTDereferencer } from 'solidity-ast/utils.js';
import type { SolcCompiler } from './compiler.ts';

export interface CompileOptions {
  /** Default process.cwd(); display paths are relative to it. */
  cwd?: string;
  /** Like solc --base-path. Default: the project root above the first file, else cwd. */
  basePath?: string;
  /** Like solc --include-path. */
  includePaths?: string[];
  /** `[context:]prefix=target`, like solc and Foundry; targets relative to cwd. Added after remappings.txt. */
  remappings?: string[];
  /**
   * The solc module to use; default: chosen from the version pragmas (see chooseCompiler). Its output
   * is cached under its version() string: pass `cache: false` for a module whose output differs from
   * the release it names (a wrapper that changes the input, a test double).
   */
  compiler?: SolcCompiler;
  /** An exact solc release to use instead of choosing one from the pragmas, e.g. '0.6.12'. */
  solcVersion?: string;
  /** Where installed releases live; default `<cache>/compilers`. */
  compilersFolder?: string;
  /** Reuse and keep compiler output on disk, by content hash; default true. */
  cache?: boolean;
  /** Where compiler output is kept; default `<cache>/output`. */
  cacheFolder?: string;
  /** The most Solidity source, in bytes, imports included, that one run compiles; default 5,000,000. */
  maxSourceBytes?: number;
}

export const DEFAULT_MAX_SOURCE_BYTES = 5_000_000;

export interface SourceFile {
  /** solc source unit name. */
  unitName: string;
  /**
   * What users see: a file in node_modules as its package path (`@openzeppelin/contracts/access/Ownable.sol`),
   * the user's files relative to cwd with '/' separators, else the unit name.
   */
  path: string;
  absolutePath: string;
  content: string;
  /** keccak256 of the content's UTF-8 bytes, 0x-prefixed. */
  keccak256: string;
  /** solc source id: the third number in a node's `src`. */
  id: number;
  ast: SourceUnit;
}

export interface ContractOutput {
  abi: unknown[];
  devdoc: any;
  userdoc: any;
}

export interface SourceLocation {
  path: string;
  line: number;
  endLine: number;
  column: number;
}

export interface Compilation {
  compiler: { name: 'solc'; version: string };
  /** The EVM version the code was compiled for (the settings', else the release's default); null when not known. */
  evmVersion: string | null;
  /** Every source solc saw, ordered by id. */
  sources: SourceFile[];
  /** Unit names of the files the user asked for, in the order given. */
  inputs: string[];
  /** unitName → contractName → output. */
  contracts: Record<string, Record<string, ContractOutput>>;
  /** Map a solc `src` string ('start:length:sourceId', offsets in UTF-8 bytes) to a location. */
  locate(src: string): SourceLocation;
  /** All AST nodes by id. */
  deref: ASTDereferencer;
  sourceById(id: number): SourceFile;
  /** True when the output came from the on-disk cache and solc did not run. */
  fromCache?: boolean;
}
