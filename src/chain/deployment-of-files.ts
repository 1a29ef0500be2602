/**
 * The one call `summarize --rpc URL --address 0x…` needs: compile the files with bytecode, read the
 * deployment of the chosen contract, and word what was read as statements (basis `deployment`).
 */
import type { CompileOptions } from '../compile/index.ts';
import type { OrderStatement } from '../orders/render.ts';
import type { ContractTerms } from '../terms/index.ts';
import type { CompilerSettings } from './compiler-settings.ts';
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
  /**
   * The deployment's compiler settings (optimizer, runs, EVM version, via-IR), when known; without them
   * a few common ones are tried. Not for a build-info or standard-JSON input, which hold their own.
   */
  settings?: CompilerSettings | null;
}

/** The deployment read once, and its statements in `lang`; `terms` words them in other languages. */
export async function readDeploymentOfFiles(files: string[], options: DeploymentOfFilesOptions): Promise<{ deployment: DeploymentFacts; statements: OrderStatement[]; terms: ContractTerms }> {
  const { rpc, address, contract: name = null, lang = 'en', blockTag = 'latest', ...compileOptions } = options;
  const contract = await loadContractWithBytecode(files, name, compileOptions);
  const deployment = await readDeployment(rpc, address, contract, { blockTag, codeSource: contract.codeSource });
  return { deployment, statements: buildDeploymentStatements(deployment, contract.terms, lang), terms: contract.terms };
}
