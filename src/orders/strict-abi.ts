/**
 * The checks Solidity's ABI decoder makes on calldata (ABI coder v2, the default since 0.8): a value
 * word with bits its type cannot hold (an address with bytes above its 20, a bool other than 0 or 1, a
 * uint64 above 2^64, an int not sign-extended, a bytes4 with bytes after its 4) makes the call revert.
 * Such calldata is not an order the contract would take, so it is refused rather than masked.
 * Offsets and lengths that lead outside the data are left to the decoder, which reports them.
 */
import type { ParamType } from 'ethers';

export interface DirtyWord {
  /** Where the value is: `seller`, `order.items[2].price`. */
  path: string;
  type: string;
  reason: string;
}

const WORD = 32;
/** No more elements are walked than the data could hold (one word each), so a forged length cannot make this loop. */
const BITS_256 = (1n << 256n) - 1n;

/** The first value word of the arguments (calldata after the selector, as hex without 0x) that the decoder would reject; null when none. */
export function findDirtyWord(inputs: readonly ParamType[], argumentsHex: string): DirtyWord | null {
  const data = new Reader(argumentsHex);
  return walkTuple(inputs.map((input, index) => ({ type: input, path: input.name || `#${index + 1}` })), 0, data);
}

class Reader {
  readonly size: number;
  constructor(private readonly hex: string) {
    this.size = Math.floor(hex.length / 2);
  }

  /** The word at a byte offset, or null past the end. */
  word(at: number): bigint | null {
    if (!Number.isSafeInteger(at) || at < 0 || at + WORD > this.size) return null;
    return BigInt(`0x${this.hex.slice(at * 2, at * 2 + 64)}`);
  }
}

function walkTuple(members: { type: ParamType; path: string }[], base: number, data: Reader): DirtyWord | null {
  let head = base;
  for (const { type, path } of members) {
    let found: DirtyWord | null;
    if (isDynamic(type)) {
      const offset = data.word(head);
      if (offset === null || offset > BigInt(data.size)) return null;
      found = walkValue(type, base + Number(offset), path, data);
      head += WORD;
    } else {
      found = walkValue(type, head, path, data);
      head += staticSize(type);
    }
    if (found) return found;
  }
  return null;
}

function walkValue(type: ParamType, at: number, path: string, data: Reader): DirtyWord | null {
  if (type.baseType === 'tuple') return walkTuple((type.components ?? []).map((component) => ({ type: component, path: `${path}.${component.name}` })), at, data);
  if (type.baseType === 'array') {
    const child = type.arrayChildren!;
    let count = type.arrayLength ?? -1;
    let start = at;
    if (count < 0) {
      const length = data.word(at);
      if (length === null || length > BigInt(data.size)) return null;
      count = Number(length);
      start = at + WORD;
    }
    return walkTuple(Array.from({ length: count }, (_, index) => ({ type: child, path: `${path}[${index}]` })), start, data);
  }
  if (type.baseType === 'bytes' || type.baseType === 'string') return null;
  const word = data.word(at);
  if (word === null) return null;
  const reason = checkWord(type.type, word);
  return reason === null ? null : { path, type: type.type, reason };
}

/** Why the decoder rejects this word for this type; null when it accepts it. */
function checkWord(type: string, word: bigint): string | null {
  if (type === 'address') return word >> 160n === 0n ? null : 'has bits set above its 20 bytes';
  if (type === 'bool') return word <= 1n ? null : 'is neither 0 (false) nor 1 (true)';
  const integer = /^(u?)int(\d*)$/.exec(type);
  if (integer) {
    const bits = BigInt(integer[2] || 256);
    if (bits === 256n) return null;
    if (integer[1] === 'u') return word >> bits === 0n ? null : `is larger than a ${type} can hold`;
    const negative = (word >> (bits - 1n)) & 1n;
    const upper = word >> bits;
    const extended = negative === 1n ? BITS_256 >> bits : 0n;
    return upper === extended ? null : `is not a ${type} (its upper bits do not repeat its sign)`;
  }
  const fixed = /^bytes(\d+)$/.exec(type);
  if (fixed) {
    const unused = 256n - BigInt(fixed[1]) * 8n;
    return (word & ((1n << unused) - 1n)) === 0n ? null : `has bits set after its ${fixed[1]} bytes`;
  }
  return null;
}

function staticSize(type: ParamType): number {
  if (type.baseType === 'tuple') return (type.components ?? []).reduce((sum, component) => sum + staticSize(component), 0);
  if (type.baseType === 'array' && (type.arrayLength ?? -1) >= 0) return type.arrayLength! * staticSize(type.arrayChildren!);
  return WORD;
}

function isDynamic(type: ParamType): boolean {
  if (type.baseType === 'bytes' || type.baseType === 'string') return true;
  if (type.baseType === 'tuple') return (type.components ?? []).some(isDynamic);
  if (type.baseType === 'array') return (type.arrayLength ?? -1) < 0 || isDynamic(type.arrayChildren!);
  return false;
}
