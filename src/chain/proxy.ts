/**
 * Is the code at an address a proxy that runs another contract's code? Recognised exactly, never by
 * name: an EIP-1167 minimal proxy (the implementation address is in its 45 bytes of code), or an
 * EIP-1967 proxy (the implementation address in its implementation slot, or a beacon in its beacon
 * slot whose implementation() answers it). Other proxy schemes are not recognised.
 */
import { Contract, dataSlice, getAddress, type JsonRpcProvider, ZeroAddress } from 'ethers';
import { onChain } from './provider.ts';

export interface ProxyFacts {
  kind: 'eip-1167' | 'eip-1967' | 'eip-1967-beacon';
  implementation: string;
  /** The beacon, for a beacon proxy. */
  beacon: string | null;
}

/** bytes32(uint256(keccak256('eip1967.proxy.implementation')) - 1) */
const IMPLEMENTATION_SLOT = '0x360894a13ba1a3210667c828492db98dca3e2076cc3735a920a3ca505d382bbc';
/** bytes32(uint256(keccak256('eip1967.proxy.beacon')) - 1) */
const BEACON_SLOT = '0xa3f0ad74e5423aebfd80d3ef4346578335a9a72aeaee59ff6cb3582b35133d50';
const MINIMAL_PROXY = /^0x363d3d373d3d3d363d73([0-9a-f]{40})5af43d82803e903d91602b57fd5bf3$/i;

export async function readProxy(provider: JsonRpcProvider, address: string, code: string, blockTag: number): Promise<ProxyFacts | null> {
  const minimal = MINIMAL_PROXY.exec(code);
  if (minimal) return { kind: 'eip-1167', implementation: getAddress(`0x${minimal[1]}`), beacon: null };
  const implementation = await readAddressSlot(provider, address, IMPLEMENTATION_SLOT, blockTag);
  if (implementation !== null) return { kind: 'eip-1967', implementation, beacon: null };
  const beacon = await readAddressSlot(provider, address, BEACON_SLOT, blockTag);
  if (beacon === null) return null;
  const answer = await (new Contract(beacon, ['function implementation() view returns (address)'], provider).getFunction('implementation')({ blockTag }) as Promise<string>).catch(() => null);
  return answer === null || answer === ZeroAddress ? null : { kind: 'eip-1967-beacon', implementation: getAddress(answer), beacon };
}

async function readAddressSlot(provider: JsonRpcProvider, address: string, slot: string, blockTag: number): Promise<string | null> {
  const word = await onChain('read a proxy slot', provider, () => provider.getStorage(address, slot, blockTag));
  if (BigInt(word) === 0n || BigInt(dataSlice(word, 0, 12)) !== 0n) return null;
  return getAddress(dataSlice(word, 12));
}
