/**
 * Compiling with bytecode, for the features that need it (checking deployed code, deploying in tests):
 * compileFiles with a wrapped solc that also asks for the creation and runtime bytecode and keeps them.
 * The output cache is bypassed, since it keeps only ASTs, ABIs and NatSpec. Bytecode costs about twice
 * the compile time, so summaries and orders never ask for it.
 */
import { type Compilation, compileFiles, type CompileOptions, loadCompiler, type SolcCompiler } from '../compile/index.ts';

export interface CompilerSettings {
  optimizer?: { enabled: boolean; runs?: number };
  evmVersion?: string;
  viaIR?: boolean;
}

export interface ContractBytecode {
  /** Creation bytecode, 0x hex (what a deployment sends). */
  creation: string;
  /** Runtime bytecode, 0x hex, with zeros where immutables go. */
  runtime: string;
  /** Immutable variable AST id → the byte ranges of the runtime code that hold its value. */
  immutableReferences: Record<string, { start: number; length: number }[]>;
}

export interface CompilationWithBytecode {
  compilation: Compilation;
  /** unit name → contract name → bytecode. */
  bytecode: Record<string, Record<string, ContractBytecode>>;
}

const EVM_OUTPUTS = ['evm.bytecode.object', 'evm.deployedBytecode.object', 'evm.deployedBytecode.immutableReferences'];

interface EvmOutput {
  evm?: { bytecode?: { object?: string }; deployedBytecode?: { object?: string; immutableReferences?: ContractBytecode['immutableReferences'] } };
}

/**
 * Compiles like compileFiles and also returns each contract's bytecode. `settings` must match the
 * deployment's (optimizer, EVM version, via-IR) for a byte-for-byte comparison.
 */
export async function compileWithBytecode(files: string[], options: CompileOptions & { settings?: CompilerSettings } = {}): Promise<CompilationWithBytecode> {
  const { settings = {}, ...compileOptions } = options;
  const base = compileOptions.compiler ?? (await loadCompiler());
  const bytecode: CompilationWithBytecode['bytecode'] = {};
  const wrapped: SolcCompiler = {
    version: () => base.version(),
    compile(input, callbacks) {
      const parsed = JSON.parse(input) as { settings: Record<string, unknown> & { outputSelection: Record<string, Record<string, string[]>> } };
      parsed.settings = { ...parsed.settings, ...settings };
      const selection = parsed.settings.outputSelection['*'];
      selection['*'] = [...new Set([...(selection['*'] ?? []), ...EVM_OUTPUTS])];
      const output = base.compile(JSON.stringify(parsed), callbacks);
      collectBytecode(JSON.parse(output) as { contracts?: Record<string, Record<string, EvmOutput>> }, bytecode);
      return output;
    },
  };
  const compilation = await compileFiles(files, { ...compileOptions, compiler: wrapped, cache: false });
  return { compilation, bytecode };
}

function collectBytecode(output: { contracts?: Record<string, Record<string, EvmOutput>> }, into: CompilationWithBytecode['bytecode']): void {
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
}

/** The bytecode of a contract by name: in the given source unit when known, else wherever it is defined. */
export function findBytecode(compiled: CompilationWithBytecode, contract: string, unitName: string | null = null): ContractBytecode | null {
  if (unitName !== null && compiled.bytecode[unitName]?.[contract]) return compiled.bytecode[unitName][contract];
  for (const byName of Object.values(compiled.bytecode)) if (byName[contract]) return byName[contract];
  return null;
}
