/**
 * The one call `summarize --rpc URL --address 0x…` needs: compile the files with bytecode, read the
 * deployment of the chosen contract, and word what was read as statements (basis `deployment`).
 */
import type { CompileOptions } from '../compile/index.ts';
import type { OrderStatement } from '../orders/render.ts';
import type { CompilerSettings } from './compile-bytecode.ts';
import { buildDeploymentStatements } from './deployment-statements.ts';
import { loadContractWithBytecode } from './load-contract.ts';
import type { DeploymentFacts } from './model.ts';
import { type ChainSource } from './provider.ts';
import { readDeployment } from './read-deployment.ts';

export interface DeploymentOfFilesOptions extends CompileOptions {
  rpc: ChainSource;
  address: string;
  /** The contract deployed there; needed when the files define several. */
  contract?: string | null;
  lang?: string;
  blockTag?: number | 'latest';
  /** The deployment's compiler settings, when it was compiled with the optimizer or via IR. */
  settings?: CompilerSettings;
}

export async function readDeploymentOfFiles(files: string[], options: DeploymentOfFilesOptions): Promise<{ deployment: DeploymentFacts; statements: OrderStatement[] }> {
  const { rpc, address, contract: name = null, lang = 'en', blockTag = 'latest', ...compileOptions } = options;
  const contract = await loadContractWithBytecode(files, name, compileOptions);
  const deployment = await readDeployment(rpc, address, contract, { blockTag, bytecode: contract.bytecode, compiledSolc: contract.compilation.compiler.version });
  return { deployment, statements: buildDeploymentStatements(deployment, contract.terms, lang) };
}
