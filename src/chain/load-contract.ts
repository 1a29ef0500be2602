/**
 * A contract compiled with its bytecode and extracted, ready to be checked against a deployment: the
 * terms, and the compiled side of the deployed-code check (check-code.ts). A build-info's own bytecode
 * and settings are used as they are; a standard-JSON input's settings are its own; Solidity sources
 * are compiled with the settings given, or solc's defaults first.
 */
import path from 'node:path';
import { findAll } from 'solidity-ast/utils.js';
import { compileFiles, type Compilation, type CompileOptions, type SolcCompiler } from '../compile/index.ts';
import { fail } from '../errors.ts';
import { extractContracts } from '../extract/index.ts';
import type { CompiledContract } from '../orders/order-document.ts';
import type { CodeSource } from './check-code.ts';
import { type BytecodeByUnit, compileForBytecode, compileWithBytecode, type ContractBytecode, findBytecode, withSettings } from './compile-bytecode.ts';
import type { CompilerSettings } from './compiler-settings.ts';
import { loadRelease, shortVersion } from './compilers.ts';
import { readGivenInput } from './given-input.ts';

export interface ContractWithBytecode extends CompiledContract {
  /** The runtime bytecode at hand (compiled, or the build-info's own); null when there is none. */
  bytecode: ContractBytecode | null;
  /** The compiled side of the deployed-code check. */
  codeSource: CodeSource;
}

export async function loadContractWithBytecode(
  files: string[],
  contract: string | null,
  options: CompileOptions & { settings?: CompilerSettings | null } = {},
): Promise<ContractWithBytecode> {
  const { settings = null, ...compileOptions } = options;
  const given = readGivenInput(files, path.resolve(compileOptions.cwd ?? process.cwd()));
  if (given !== null && settings !== null) {
    const what = { 'build-info': 'build-info', artifacts: 'build folder', 'standard-json': 'standard-JSON input' }[given.kind];
    fail('USAGE', `the ${what} gives its own compiler settings; compiler options do not apply to it`, {
      hint: 'leave out --optimizer-runs, --no-optimizer, --evm-version and --via-ir, or give the Solidity sources instead',
    });
  }
  if (given?.kind === 'build-info' || given?.kind === 'artifacts') {
    const compilation = await compileFiles(files, compileOptions);
    const found = chooseContract(compilation, contract);
    const bytecode = findBytecode({ bytecode: given.bytecode }, found.terms.name, found.unitName);
    const recorded = given.kind === 'build-info' ? given : findRecorded(given.contracts, found.terms.name, found.unitName);
    const release = shortVersion(recorded?.version ?? compilation.compiler.version);
    const codeSource: CodeSource = {
      ...commonSource(compilation, found.abi, compileOptions),
      version: recorded?.version || compilation.compiler.version,
      releaseChosen: true,
      given: recorded ? { origin: given.kind, settings: recorded.settings } : null,
      initial: bytecode && recorded ? { settings: recorded.settings, bytecode, from: given.kind } : null,
      async compile(other, compiler) {
        // Foundry's artifacts hold no standard-JSON input to compile again.
        if (given.kind !== 'build-info') return { error: 'a build folder holds no input to compile again' };
        const solc = compiler ?? (await loadRelease(release, compileOptions));
        if (solc === null) return { error: `solc ${release} is not installed` };
        return pick(compileForBytecode(solc, withSettings(given.input, other, false), { import: () => ({ error: 'not in the build-info' }) }), found);
      },
    };
    return { ...found, compilation, bytecode, codeSource };
  }
  const compiled = await compileWithBytecode(files, { ...compileOptions, settings: settings ?? {} });
  const { compilation } = compiled;
  const found = chooseContract(compilation, contract);
  const bytecode = findBytecode(compiled, found.terms.name, found.unitName);
  const initialSettings = given?.kind === 'standard-json' ? given.settings : settings ?? {};
  const codeSource: CodeSource = {
    ...commonSource(compilation, found.abi, compileOptions),
    version: compilation.compiler.version,
    releaseChosen: compileOptions.solcVersion !== undefined,
    given: given?.kind === 'standard-json' ? { origin: 'standard-json', settings: given.settings } : settings ? { origin: 'options', settings } : null,
    initial: bytecode ? { settings: initialSettings, bytecode, from: 'compiled' } : null,
    compile: async (other, compiler) => pick(compiled.recompile(other, compiler), found),
  };
  return { ...found, compilation, bytecode, codeSource };
}

function findRecorded<T>(contracts: Record<string, T>, name: string, unitName: string): T | null {
  return contracts[`${unitName}:${name}`] ?? Object.entries(contracts).find(([key]) => key.endsWith(`:${name}`))?.[1] ?? null;
}

function chooseContract(compilation: Compilation, contract: string | null) {
  const all = extractContracts(compilation, contract ? { contracts: [contract] } : {});
  if (all.length > 1) {
    fail('USAGE', `the files define ${all.length} contracts; choose one with --contract`, { hint: `contracts: ${all.map((t) => t.name).join(', ')}` });
  }
  const terms = all[0];
  const unitName = compilation.sources.find((source) => source.path === terms.source.path)?.unitName ?? Object.keys(compilation.contracts).find((unit) => compilation.contracts[unit][terms.name]) ?? '';
  return { compilation, terms, abi: compilation.contracts[unitName]?.[terms.name]?.abi ?? [], unitName };
}

function commonSource(compilation: Compilation, abi: unknown[], options: CompileOptions): Pick<CodeSource, 'abi' | 'immutableName' | 'loadRelease'> {
  const names = new Map<string, string>();
  for (const source of compilation.sources) for (const declaration of findAll('VariableDeclaration', source.ast)) if (declaration.stateVariable) names.set(String(declaration.id), declaration.name);
  return { abi, immutableName: (id) => names.get(id) ?? null, loadRelease: (version): Promise<SolcCompiler | null> => loadRelease(version, options) };
}

function pick(result: { bytecode: BytecodeByUnit | null; error: string | null }, found: { terms: { name: string }; unitName: string }): ContractBytecode | { error: string } {
  if (result.bytecode === null) return { error: result.error ?? 'solc reported an error' };
  return findBytecode({ bytecode: result.bytecode }, found.terms.name, found.unitName) ?? { error: `no bytecode for ${found.terms.name}` };
}
