/**
 * keccak256 without loading ethers (whose import costs about 0.3 s): the summary path needs only this;
 * orders and the chain layer use ethers for the rest.
 */
import sha3 from 'js-sha3';

/** keccak256 of a string's UTF-8 bytes (or of raw bytes), 0x-prefixed. */
export function keccak256Hex(data: string | Uint8Array): string {
  return `0x${sha3.keccak_256(data)}`;
}
