/** Deploying bundled contracts to the test chain with ethers, from bytecode compiled by solc. */
import { ContractFactory, type InterfaceAbi, type JsonRpcProvider, type JsonRpcSigner } from 'ethers';
import { type CompilationWithBytecode, type CompilerSettings, compileWithBytecode, findBytecode } from '../../src/chain/compile-bytecode.ts';
import { extractContracts } from '../../src/extract/index.ts';
import type { OrderContract } from '../../src/orders/model.ts';
import { repo } from '../orders/contracts.ts';

export interface Compiled extends OrderContract {
  compiled: CompilationWithBytecode;
  name: string;
}

/** Compiled as a deployment would be: with solc's defaults, or the settings and release given. */
export async function compileContract(file: string, name: string, cwd = repo, options: { settings?: CompilerSettings; solcVersion?: string } = {}): Promise<Compiled> {
  const compiled = await compileWithBytecode([file], { cwd, ...options });
  const unit = Object.keys(compiled.compilation.contracts).find((candidate) => compiled.compilation.contracts[candidate][name]);
  if (!unit) throw new Error(`${name} not in ${file}`);
  const [terms] = extractContracts(compiled.compilation, { contracts: [name] });
  return { compiled, name, terms, abi: compiled.compilation.contracts[unit][name].abi };
}

/** Deploys and waits for the deployment to be mined; returns the address. */
export async function deploy(contract: Compiled, signer: JsonRpcSigner, args: unknown[] = []): Promise<string> {
  const bytecode = findBytecode(contract.compiled, contract.name);
  if (!bytecode) throw new Error(`no bytecode for ${contract.name}`);
  const factory = new ContractFactory(contract.abi as InterfaceAbi, bytecode.creation, signer);
  const deployed = await factory.deploy(...args);
  await deployed.waitForDeployment();
  return deployed.getAddress();
}

export async function signers(provider: JsonRpcProvider, count: number): Promise<JsonRpcSigner[]> {
  return Promise.all(Array.from({ length: count }, (_, index) => provider.getSigner(index)));
}
