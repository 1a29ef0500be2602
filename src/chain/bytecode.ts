/**
 * Does the code at an address come from this source? The deployed runtime bytecode is compared with the
 * compiled runtime bytecode, leaving out the CBOR metadata at the end (it hashes the source files and
 * settings, so comments or paths change it) and the bytes where immutables are filled in at deployment,
 * whose deployed values are returned. The metadata's solc version is read to explain a mismatch.
 */
import { dataSlice, getBytes, hexlify } from 'ethers';
import type { ContractBytecode } from './compile-bytecode.ts';

export interface BytecodeCheck {
  /** True when the code, without metadata and immutables, is identical to the compiled code. */
  matches: boolean;
  /** True when even the metadata is identical: the same source files, byte for byte, and settings. */
  metadataMatches: boolean;
  /** The solc version named in the deployed code's metadata, e.g. '0.8.37', when present. */
  deployedSolc: string | null;
  /** Byte length of the deployed and the compiled runtime code, without metadata. */
  deployedLength: number;
  compiledLength: number;
}

/** Immutable AST id → its 32-byte value as deployed, 0x hex. */
export type ImmutableValues = Record<string, string>;

export function checkBytecode(deployedHex: string, compiled: ContractBytecode): { check: BytecodeCheck; immutables: ImmutableValues } {
  const deployed = getBytes(deployedHex);
  const expected = getBytes(compiled.runtime);
  const immutables = readImmutables(deployed, compiled);
  const masked = new Uint8Array(expected);
  for (const ranges of Object.values(compiled.immutableReferences)) {
    for (const { start, length } of ranges) if (start + length <= deployed.length) masked.set(deployed.subarray(start, start + length), start);
  }
  const deployedCode = stripMetadata(deployed);
  const compiledCode = stripMetadata(masked);
  const matches = deployedCode.length === compiledCode.length && deployedCode.every((byte, index) => byte === compiledCode[index]);
  const metadataMatches = matches && deployed.length === masked.length && deployed.every((byte, index) => byte === masked[index]);
  return {
    check: { matches, metadataMatches, deployedSolc: readSolcVersion(deployed), deployedLength: deployedCode.length, compiledLength: compiledCode.length },
    immutables,
  };
}

function readImmutables(deployed: Uint8Array, compiled: ContractBytecode): ImmutableValues {
  const values: ImmutableValues = {};
  for (const [id, ranges] of Object.entries(compiled.immutableReferences)) {
    const first = ranges[0];
    if (first && first.start + first.length <= deployed.length) values[id] = dataSlice(deployed, first.start, first.start + first.length);
  }
  return values;
}

/** The code without its trailing CBOR metadata (its length is in the last two bytes), when it has one. */
export function stripMetadata(code: Uint8Array): Uint8Array {
  const length = metadataLength(code);
  return length === null ? code : code.subarray(0, code.length - length - 2);
}

function metadataLength(code: Uint8Array): number | null {
  if (code.length < 2) return null;
  const length = (code[code.length - 2] << 8) | code[code.length - 1];
  if (length === 0 || length + 2 > code.length) return null;
  const first = code[code.length - length - 2];
  // A CBOR map of 1 to 23 entries starts with 0xa1…0xb7.
  return first >= 0xa1 && first <= 0xb7 ? length : null;
}

/** The `solc` entry of the metadata: three bytes, major.minor.patch (release builds only). */
export function readSolcVersion(code: Uint8Array): string | null {
  const length = metadataLength(code);
  if (length === null) return null;
  const metadata = code.subarray(code.length - length - 2, code.length - 2);
  const key = hexlify(metadata).indexOf('64736f6c6343'); // text(4) "solc", bytes(3)
  if (key < 0 || key % 2 !== 0) return null;
  const at = (key - 2) / 2 + 6;
  if (at + 3 > metadata.length) return null;
  return `${metadata[at]}.${metadata[at + 1]}.${metadata[at + 2]}`;
}
