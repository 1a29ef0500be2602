/**
 * The compile layer: Solidity files in, solc's typed AST, ABIs and NatSpec out, with imports resolved
 * like the solc CLI, Hardhat and Foundry, the compiler chosen from the version pragmas, old ASTs in the
 * 0.8 shape, output cached by content hash, and solc errors turned into located diagnostics.
 */
export { compileFiles } from './compile-files.ts';
export { loadCompiler, readBundledVersion, type SolcCompiler, type ImportCallbackResult } from './compiler.ts';
export { findCacheRoot, findCompilersFolder, findOutputCacheFolder } from './cache-dir.ts';
export { installCompiler, type InstallResult } from './install-compiler.ts';
export { listInstalledCompilers, type InstalledCompiler } from './installed-compilers.ts';
export { formatDiagnostic } from './diagnostics.ts';
export { isBuildFolder } from './foundry-out.ts';
export { listSolidityFiles } from './input-kinds.ts';
export { indexLines, type LineIndex, type Position } from './lines.ts';
export type { Compilation, CompileOptions, ContractOutput, SourceFile, SourceLocation } from './types.ts';
