/**
 * The compile layer: Solidity files in, solc's typed AST, ABIs and NatSpec out, with imports resolved
 * like the solc CLI, Hardhat and Foundry, and solc errors turned into located diagnostics.
 */
export { compileFiles } from './compile-files.ts';
export { loadCompiler, type SolcCompiler, type ImportCallbackResult } from './compiler.ts';
export { formatDiagnostic } from './diagnostics.ts';
export { indexLines, type LineIndex, type Position } from './lines.ts';
export type { Compilation, CompileOptions, ContractOutput, SourceFile, SourceLocation } from './types.ts';
