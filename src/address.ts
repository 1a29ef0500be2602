/**
 * EIP-55 checksummed addresses, the same strings as ethers' getAddress, with keccak256 from js-sha3
 * (several times faster than the pure-JavaScript keccak ethers uses). The addresses seen most recently
 * are kept, since senders and counterparties repeat from order to order.
 */
import sha3 from 'js-sha3';

const HEX_ADDRESS = /^(?:0x)?[0-9a-f]{40}$/;
const MAX_KEPT = 10_000;
const kept = new Map<string, string>();

/** 40 lower-case hex digits (no 0x) as a checksummed address: a letter is upper-case where the hash's digit is 8 or more. */
export function checksumHex(hex: string): string {
  const known = kept.get(hex);
  if (known !== undefined) return known;
  const hash = sha3.keccak256(hex);
  let result = '0x';
  for (let index = 0; index < 40; index++) {
    const char = hex[index];
    result += char >= 'a' && parseInt(hash[index], 16) >= 8 ? char.toUpperCase() : char;
  }
  if (kept.size >= MAX_KEPT) kept.clear();
  kept.set(hex, result);
  return result;
}

/**
 * An address given as 40 hex digits (with or without 0x, any case) in checksummed form, as
 * getAddress(address.toLowerCase()) gives it; throws TypeError when it is not one.
 */
export function checksumAddress(address: string): string {
  const lower = address.toLowerCase();
  if (!HEX_ADDRESS.test(lower)) throw new TypeError(`not an address: ${address}`);
  return checksumHex(lower.length === 42 ? lower.slice(2) : lower);
}
