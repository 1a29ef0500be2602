/**
 * What the contract holds: its ETH balance and its balance of each token the terms use (ERC-20
 * balanceOf), read at the same block as everything else. A token that does not answer balanceOf is
 * left out, not guessed.
 */
import { Contract, type JsonRpcProvider } from 'ethers';
import type { DeploymentFacts } from './model.ts';
import { onChain } from './provider.ts';

export async function readBalances(provider: JsonRpcProvider, address: string, tokens: DeploymentFacts['tokens'], blockTag: number): Promise<NonNullable<DeploymentFacts['balances']>> {
  const eth = await onChain('read the ETH balance', provider, () => provider.getBalance(address, blockTag));
  const read = await Promise.all(
    tokens.map(async (token) => {
      const contract = new Contract(token.address, ['function balanceOf(address) view returns (uint256)'], provider);
      const balance = await (contract.getFunction('balanceOf')(address, { blockTag }) as Promise<bigint>).catch(() => null);
      return balance === null ? null : { variable: token.variable, address: token.address, symbol: token.symbol, decimals: token.decimals, balance: balance.toString() };
    }),
  );
  return { eth: eth.toString(), tokens: read.filter((token) => token !== null) };
}
