/**
 * Does the code at an address come from this source? The deployed runtime bytecode is compared with the
 * compiled runtime bytecode, leaving out the CBOR metadata at the end (it hashes the source files and
 * settings, so comments or paths change it) and the bytes where immutables are filled in at deployment,
 * whose deployed values are returned. The metadata hashes are compared separately: equal hashes mean
 * the same source files, paths and settings.
 */
import { dataSlice, getBytes } from 'ethers';
import { metadataLength, readCodeMetadata, stripMetadata } from './cbor-metadata.ts';
import type { ContractBytecode } from './compile-bytecode.ts';

export { stripMetadata } from './cbor-metadata.ts';

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
  /** The metadata hashes (ipfs or bzzr), 0x hex, when the code carries one. */
  metadataHash: { deployed: string | null; compiled: string | null };
}

/** Immutable AST id → its 32-byte value as deployed, 0x hex. */
export type ImmutableValues = Record<string, string>;

export function checkBytecode(deployedHex: string, compiled: ContractBytecode): { check: BytecodeCheck; immutables: ImmutableValues } {
  const deployed = getBytes(deployedHex);
  // Library addresses are linked at deployment: solc leaves `__$…$__` placeholders of 20 bytes.
  const links = [...compiled.runtime.slice(2).matchAll(/__\$[0-9a-fA-F]{34}\$__/g)].map((match) => ({ start: match.index / 2, length: 20 }));
  const expected = getBytes(`0x${compiled.runtime.slice(2).replace(/__\$[0-9a-fA-F]{34}\$__/g, '0'.repeat(40))}`);
  const immutables = readImmutables(deployed, compiled);
  const masked = new Uint8Array(expected);
  for (const { start, length } of links) if (start + length <= deployed.length) masked.set(deployed.subarray(start, start + length), start);
  for (const ranges of Object.values(compiled.immutableReferences)) {
    for (const { start, length } of ranges) if (start + length <= deployed.length && start + length <= masked.length) masked.set(deployed.subarray(start, start + length), start);
  }
  const deployedCode = stripMetadata(deployed);
  const compiledCode = stripMetadata(masked);
  const matches = deployedCode.length === compiledCode.length && deployedCode.every((byte, index) => byte === compiledCode[index]);
  const deployedMetadata = readCodeMetadata(deployed);
  const compiledMetadata = readCodeMetadata(expected);
  const metadataMatches = matches && metadataLength(deployed) !== null && deployed.length === masked.length && deployed.every((byte, index) => byte === masked[index]);
  return {
    check: {
      matches,
      metadataMatches,
      deployedSolc: deployedMetadata?.solc ?? null,
      deployedLength: deployedCode.length,
      compiledLength: compiledCode.length,
      metadataHash: { deployed: deployedMetadata?.hash?.hex ?? null, compiled: compiledMetadata?.hash?.hex ?? null },
    },
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

/** The `solc` entry of the metadata, e.g. '0.8.37'. */
export function readSolcVersion(code: Uint8Array): string | null {
  return readCodeMetadata(code)?.solc ?? null;
}
