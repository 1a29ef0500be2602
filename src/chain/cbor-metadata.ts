/**
 * The CBOR map solc appends to runtime code: its length is in the last two bytes, and it holds the
 * compiler release (`solc`) and the hash of the metadata JSON (`ipfs`, or `bzzr0`/`bzzr1` before 0.6).
 * The metadata JSON itself, with the settings, is not on chain: its hash only tells whether two
 * compilations had the same sources, paths and settings.
 */
import { hexlify } from 'ethers';

export interface CodeMetadata {
  /** The solc release, e.g. '0.8.37' (a prerelease build writes its whole version string). */
  solc: string | null;
  /** The metadata hash and its kind; null when the code carries none (bytecodeHash "none"). */
  hash: { kind: string; hex: string } | null;
}

/** Byte length of the trailing CBOR map, without the two length bytes; null when the code has none. */
export function metadataLength(code: Uint8Array): number | null {
  if (code.length < 2) return null;
  const length = (code[code.length - 2] << 8) | code[code.length - 1];
  if (length === 0 || length + 2 > code.length) return null;
  const first = code[code.length - length - 2];
  // A CBOR map of 1 to 23 entries starts with 0xa1…0xb7.
  return first >= 0xa1 && first <= 0xb7 ? length : null;
}

/** The code without its trailing CBOR metadata, when it has one. */
export function stripMetadata(code: Uint8Array): Uint8Array {
  const length = metadataLength(code);
  return length === null ? code : code.subarray(0, code.length - length - 2);
}

/** The entries solc writes, read from the map; null when there is no map or it is not one solc writes. */
export function readCodeMetadata(code: Uint8Array): CodeMetadata | null {
  const length = metadataLength(code);
  if (length === null) return null;
  const map = readMap(code.subarray(code.length - length - 2, code.length - 2));
  if (map === null) return null;
  const solc = map.get('solc');
  const hashKind = ['ipfs', 'bzzr1', 'bzzr0'].find((kind) => map.get(kind) instanceof Uint8Array);
  return {
    solc: solc instanceof Uint8Array && solc.length === 3 ? `${solc[0]}.${solc[1]}.${solc[2]}` : typeof solc === 'string' ? solc : null,
    hash: hashKind ? { kind: hashKind, hex: hexlify(map.get(hashKind) as Uint8Array) } : null,
  };
}

/** A CBOR map of text keys to byte strings, text strings or booleans: all solc writes there. */
function readMap(bytes: Uint8Array): Map<string, Uint8Array | string | boolean> | null {
  let at = 0;
  const head = (): { major: number; value: number } | null => {
    if (at >= bytes.length) return null;
    const byte = bytes[at++];
    const info = byte & 0x1f;
    let value = info;
    if (info === 24) value = bytes[at++];
    else if (info === 25) value = (bytes[at++] << 8) | bytes[at++];
    else if (info > 25) return null;
    return { major: byte >> 5, value };
  };
  const map = new Map<string, Uint8Array | string | boolean>();
  const top = head();
  if (top === null || top.major !== 5) return null;
  for (let entry = 0; entry < top.value; entry++) {
    const key = head();
    if (key === null || key.major !== 3 || at + key.value > bytes.length) return null;
    const name = new TextDecoder().decode(bytes.subarray(at, (at += key.value)));
    const item = head();
    if (item === null) return null;
    if (item.major === 2 || item.major === 3) {
      if (at + item.value > bytes.length) return null;
      const data = bytes.subarray(at, (at += item.value));
      map.set(name, item.major === 2 ? data : new TextDecoder().decode(data));
    } else if (item.major === 7 && (item.value === 20 || item.value === 21)) {
      map.set(name, item.value === 21);
    } else {
      return null;
    }
  }
  return map;
}
