/**
 * Compiling with bytecode, for the features that need it (checking deployed code, deploying in tests):
 * compileFiles with a wrapped solc that also asks for the creation and runtime bytecode and keeps them.
 * The wrapped solc is the release compileFiles itself would choose (the pragmas, or `--solc`). The
 * standard-JSON input and the import callback are kept, so the same sources can be compiled again with
 * other settings or another release without reading the project again. The output cache is bypassed,
 * since it keeps only ASTs, ABIs and NatSpec. Bytecode costs about twice the compile time, so summaries
 * and orders never ask for it.
 */
import { type Compilation, compileFiles, type CompileOptions, type ImportCallbackResult, loadCompiler, type SolcCompiler } from '../compile/index.ts';
import { type CompilerSettings } from './compiler-settings.ts';
import { loadRelease, shortVersion } from './compilers.ts';

export type { CompilerSettings } from './compiler-settings.ts';

export interface ContractBytecode {
  /** Creation bytecode, 0x hex (what a deployment sends). */
  creation: string;
  /** Runtime bytecode, 0x hex, with zeros where immutables go. */
  runtime: string;
  /** Immutable variable AST id → the byte ranges of the runtime code that hold its value. */
  immutableReferences: Record<string, { start: number; length: number }[]>;
}

/** unit name → contract name → bytecode. */
export type BytecodeByUnit = Record<string, Record<string, ContractBytecode>>;

/** Bytecode compiled again, or solc's first error message when it refused (a pragma, "stack too deep"). */
export type Recompiled = { bytecode: BytecodeByUnit; error: null } | { bytecode: null; error: string };

export interface CompilationWithBytecode {
  compilation: Compilation;
  bytecode: BytecodeByUnit;
  /** The same input compiled with other settings, by the same solc or the one given. */
  recompile(settings: CompilerSettings, compiler?: SolcCompiler): Recompiled;
}

const EVM_OUTPUTS = ['evm.bytecode.object', 'evm.deployedBytecode.object', 'evm.deployedBytecode.immutableReferences'];

interface EvmOutput {
  evm?: { bytecode?: { object?: string }; deployedBytecode?: { object?: string; immutableReferences?: ContractBytecode['immutableReferences'] } };
}

interface SolcOutput {
  contracts?: Record<string, Record<string, EvmOutput>>;
  errors?: { severity?: string; message?: string; formattedMessage?: string }[];
}

/**
 * Compiles like compileFiles and also returns each contract's bytecode. `settings` must match the
 * deployment's (optimizer, EVM version, via-IR) for a byte-for-byte comparison.
 */
export async function compileWithBytecode(files: string[], options: CompileOptions & { settings?: CompilerSettings } = {}): Promise<CompilationWithBytecode> {
  const { settings = {}, ...compileOptions } = options;
  const base = compileOptions.compiler ?? (await chooseRelease(files, compileOptions));
  const bytecode: BytecodeByUnit = {};
  let kept: { input: Record<string, any>; callbacks: { import: (unitName: string) => ImportCallbackResult } } | null = null;
  const wrapped: SolcCompiler = {
    version: () => base.version(),
    compile(input, callbacks) {
      const parsed = JSON.parse(input) as Record<string, any>;
      kept = { input: parsed, callbacks };
      const output = base.compile(JSON.stringify(withSettings(parsed, settings, true)), callbacks);
      Object.assign(bytecode, collectBytecode(JSON.parse(output) as SolcOutput));
      return output;
    },
  };
  const compilation = await compileFiles(files, { ...compileOptions, compiler: wrapped, cache: false });
  return {
    compilation,
    bytecode,
    recompile(other, compiler = base) {
      if (kept === null) return { bytecode: null, error: 'the input was not compiled (a build output was read instead)' };
      return compileForBytecode(compiler, withSettings(kept.input, other, false), kept.callbacks);
    },
  };
}

/** Compiles a standard-JSON input for bytecode only. */
export function compileForBytecode(compiler: SolcCompiler, input: Record<string, any>, callbacks: { import: (unitName: string) => ImportCallbackResult }): Recompiled {
  const evmOnly = { ...input, settings: { ...input.settings, outputSelection: { '*': { '*': EVM_OUTPUTS } } } };
  const output = JSON.parse(compiler.compile(JSON.stringify(evmOnly), callbacks)) as SolcOutput;
  const error = (output.errors ?? []).find((entry) => entry.severity === 'error');
  if (error) return { bytecode: null, error: error.message ?? error.formattedMessage ?? 'solc reported an error' };
  return { bytecode: collectBytecode(output), error: null };
}

/**
 * The input with these settings. `merge` keeps what the input already sets (a standard-JSON file's own
 * settings) under the given ones; otherwise the optimizer and via-IR are set exactly as given.
 */
export function withSettings(input: Record<string, any>, settings: CompilerSettings, merge: boolean): Record<string, any> {
  const current = (input.settings ?? {}) as Record<string, unknown>;
  const next: Record<string, unknown> = merge ? { ...current, ...settings } : { ...current, optimizer: settings.optimizer ?? { enabled: false }, viaIR: settings.viaIR === true };
  if (!merge) {
    if (settings.evmVersion === undefined) delete next.evmVersion;
    else next.evmVersion = settings.evmVersion;
  }
  if (next.viaIR === false) delete next.viaIR;
  const selection = JSON.parse(JSON.stringify(next.outputSelection ?? { '*': { '*': [] } })) as Record<string, Record<string, string[]>>;
  selection['*'] ??= {};
  selection['*']['*'] = [...new Set([...(selection['*']['*'] ?? []), ...EVM_OUTPUTS])];
  return { ...input, settings: { ...next, outputSelection: selection } };
}

/** The release compileFiles would choose for these files: learnt from a first, usually cached, compile. */
async function chooseRelease(files: string[], options: CompileOptions): Promise<SolcCompiler> {
  const { compiler } = await compileFiles(files, options);
  return (await loadRelease(shortVersion(compiler.version), options)) ?? loadCompiler();
}

export function collectBytecode(output: SolcOutput): BytecodeByUnit {
  const into: BytecodeByUnit = {};
  for (const [unitName, byName] of Object.entries(output.contracts ?? {})) {
    into[unitName] = {};
    for (const [name, { evm }] of Object.entries(byName)) {
      into[unitName][name] = {
        creation: `0x${evm?.bytecode?.object ?? ''}`,
        runtime: `0x${evm?.deployedBytecode?.object ?? ''}`,
        immutableReferences: evm?.deployedBytecode?.immutableReferences ?? {},
      };
    }
  }
  return into;
}

/** The bytecode of a contract by name: in the given source unit when known, else wherever it is defined. */
export function findBytecode(compiled: { bytecode: BytecodeByUnit }, contract: string, unitName: string | null = null): ContractBytecode | null {
  if (unitName !== null && compiled.bytecode[unitName]?.[contract]) return compiled.bytecode[unitName][contract];
  for (const byName of Object.values(compiled.bytecode)) if (byName[contract]) return byName[contract];
  return null;
}
