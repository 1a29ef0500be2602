/** A contract compiled with its bytecode and extracted, ready to be checked against a deployment. */
import type { CompileOptions } from '../compile/index.ts';
import { fail } from '../errors.ts';
import { extractContracts } from '../extract/index.ts';
import type { CompiledContract } from '../orders/order-document.ts';
import { type CompilerSettings, compileWithBytecode, type ContractBytecode, findBytecode } from './compile-bytecode.ts';

export interface ContractWithBytecode extends CompiledContract {
  bytecode: ContractBytecode | null;
}

export async function loadContractWithBytecode(
  files: string[],
  contract: string | null,
  options: CompileOptions & { settings?: CompilerSettings } = {},
): Promise<ContractWithBytecode> {
  const compiled = await compileWithBytecode(files, options);
  const { compilation } = compiled;
  const all = extractContracts(compilation, contract ? { contracts: [contract] } : {});
  if (all.length > 1) {
    fail('USAGE', `the files define ${all.length} contracts; choose one with --contract`, { hint: `contracts: ${all.map((t) => t.name).join(', ')}` });
  }
  const terms = all[0];
  const unitName = compilation.sources.find((source) => source.path === terms.source.path)?.unitName ?? Object.keys(compilation.contracts).find((unit) => compilation.contracts[unit][terms.name]) ?? '';
  return { compilation, terms, abi: compilation.contracts[unitName]?.[terms.name]?.abi ?? [], unitName, bytecode: findBytecode(compiled, terms.name, unitName) };
}
