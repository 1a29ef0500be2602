/**
 * readImplementation: which code a deployment runs, for binding an ERC-7730 descriptor to it. The
 * address's ERC-1967 implementation slot is read; when it holds an address, the deployment is a proxy
 * and the code is the implementation's. The code hash is keccak256 of that runtime code. All reads are
 * at one block. Beacon proxies and other proxy kinds (EIP-1167 clones, diamonds) are not followed: the
 * address's own code is then hashed, and `proxy` is false.
 */
import { dataSlice, getAddress, keccak256, ZeroAddress } from 'ethers';
import { fail } from '../errors.ts';
import { readAddress } from '../orders/decode.ts';
import type { Erc7730Implementation } from '../orders/erc7730.ts';
import { type ChainSource, connect, onChain } from './provider.ts';

/** bytes32(uint256(keccak256('eip1967.proxy.implementation')) - 1). */
export const ERC1967_IMPLEMENTATION_SLOT = '0x360894a13ba1a3210667c828492db98dca3e2076cc3735a920a3ca505d382bbc';

export interface ImplementationFacts extends Omit<Erc7730Implementation, 'matchesSource'> {
  chainId: number;
  /** The implementation's runtime code, 0x hex. */
  code: string;
}

export async function readImplementation(source: ChainSource, address: string): Promise<ImplementationFacts> {
  const provider = await connect(source);
  const target = readAddress(address, '--address') ?? fail('USAGE', 'give the contract’s --address');
  const network = await onChain('read the chain id', provider, () => provider.getNetwork());
  const block = await onChain('read the block number', provider, () => provider.getBlockNumber());
  const own = await onChain('read the code', provider, () => provider.getCode(target, block));
  if (own === '0x') fail('CHAIN_ERROR', `there is no contract at ${target} on chain ${network.chainId} at block ${block}`, { hint: 'check the address and the network of --rpc' });
  const slot = await onChain('read the ERC-1967 implementation slot', provider, () => provider.getStorage(target, ERC1967_IMPLEMENTATION_SLOT, block));
  const stored = getAddress(dataSlice(slot, 12));
  const proxy = stored !== ZeroAddress;
  const code = proxy ? await onChain('read the implementation’s code', provider, () => provider.getCode(stored, block)) : own;
  if (code === '0x') fail('CHAIN_ERROR', `${target} is an ERC-1967 proxy whose implementation ${stored} holds no code at block ${block}`);
  return { chainId: Number(network.chainId), address: target, implementation: proxy ? stored : target, proxy, codeHash: keccak256(code), block, code };
}
