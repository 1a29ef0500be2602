/**
 * Bundled contracts compiled and extracted once per test file, with their ABI, and calldata built with
 * ethers from the same ABI.
 */
import { fileURLToPath } from 'node:url';
import { Interface, type InterfaceAbi } from 'ethers';
import { compileFiles } from '../../src/compile/index.ts';
import { extractContracts } from '../../src/extract/index.ts';
import type { OrderContract } from '../../src/orders/model.ts';

export const repo = fileURLToPath(new URL('../..', import.meta.url));

export const BUNDLED = ['FobSale', 'ArbiterEscrow', 'LetterOfCredit', 'MilestoneEscrow', 'ConsignmentAuction', 'MarketplaceOrder'] as const;

export const BUYER = '0x1111111111111111111111111111111111111111';
export const SELLER = '0x2222222222222222222222222222222222222222';
export const STRANGER = '0x3333333333333333333333333333333333333333';

export interface Bundled extends OrderContract {
  file: string;
  iface: Interface;
  encode(fn: string, args?: unknown[]): string;
}

const cache = new Map<string, Promise<Bundled>>();

/** contracts/<name>.sol compiled, its contract <name> extracted; cached per name. */
export function bundled(name: string, file = `contracts/${name}.sol`): Promise<Bundled> {
  let found = cache.get(name);
  if (!found) {
    found = (async () => {
      const compilation = await compileFiles([file], { cwd: repo });
      const [terms] = extractContracts(compilation, { contracts: [name] });
      const abi = compilation.contracts[file][name].abi;
      const iface = new Interface(abi as InterfaceAbi);
      return { file, terms, abi, iface, encode: (fn: string, args: unknown[] = []) => iface.encodeFunctionData(fn, args) };
    })();
    cache.set(name, found);
  }
  return found;
}
