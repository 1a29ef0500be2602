/**
 * Which of the source's external functions the deployed code has no entry for. solc's dispatcher
 * compares the call's 4-byte selector with each function's selector, pushed as a constant (PUSH1 to
 * PUSH4: a selector with leading zero bytes is pushed shorter), whatever the optimizer or via-IR
 * settings. So a selector pushed nowhere in the code is a function the code cannot run: the code was
 * compiled from other source. (Constants that happen to equal a selector can hide a missing function,
 * never invent one.)
 */
import { getBytes, Interface, type InterfaceAbi } from 'ethers';
import { stripMetadata } from './cbor-metadata.ts';

/** Signatures of the ABI's functions whose selector the code never pushes, e.g. ['refund()']. */
export function listMissingFunctions(code: string, abi: unknown[]): string[] {
  const pushed = listPushedConstants(stripMetadata(getBytes(code)));
  const missing: string[] = [];
  new Interface(abi as InterfaceAbi).forEachFunction((fragment) => {
    const selector = BigInt(fragment.selector);
    if (selector !== 0n && !pushed.has(selector)) missing.push(fragment.format('sighash'));
  });
  return missing;
}

/** Every value a PUSH1…PUSH4 in the code pushes, skipping push data as the EVM does. */
function listPushedConstants(code: Uint8Array): Set<bigint> {
  const values = new Set<bigint>();
  for (let at = 0; at < code.length; at++) {
    const op = code[at];
    if (op < 0x60 || op > 0x7f) continue;
    const size = op - 0x5f;
    if (size <= 4 && at + size < code.length) {
      let value = 0n;
      for (let i = 1; i <= size; i++) value = (value << 8n) | BigInt(code[at + i]);
      values.add(value);
    }
    at += size;
  }
  return values;
}
