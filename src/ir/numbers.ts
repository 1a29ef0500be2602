/** Exact values of Solidity number literals, as decimal strings (never JS numbers). */
import type { ShareUnit, Unit } from '../terms/index.ts';

/** Solidity's own number units (shares are not written in the code but inferred). */
const UNIT_FACTORS: Record<Exclude<Unit, ShareUnit | 'blocks'>, bigint> = {
  wei: 1n,
  gwei: 10n ** 9n,
  ether: 10n ** 18n,
  seconds: 1n,
  minutes: 60n,
  hours: 3600n,
  days: 86400n,
  weeks: 604800n,
};

export function isUnit(name: string | null | undefined): name is Exclude<Unit, ShareUnit | 'blocks'> {
  return name !== null && name !== undefined && name in UNIT_FACTORS;
}

/**
 * The exact integer value of a literal as written (`10_000`, `0x1F`, `1e18`, `2.5` with `ether`),
 * scaled by its unit; null when it is not an integer after scaling.
 */
export function literalValue(written: string, unit: Exclude<Unit, ShareUnit | 'blocks'> | null): string | null {
  const factor = unit ? UNIT_FACTORS[unit] : 1n;
  const text = written.replace(/_/g, '');
  if (/^0x[0-9a-f]+$/i.test(text)) return (BigInt(text) * factor).toString();
  const match = /^(\d*)(?:\.(\d*))?(?:e(-?\d+))?$/i.exec(text);
  if (!match) return null;
  const [, whole = '', fraction = '', exponentText = '0'] = match;
  let digits = BigInt((whole + fraction) || '0');
  let scale = fraction.length - Number(exponentText);
  digits *= factor;
  while (scale > 0) {
    if (digits % 10n !== 0n) return null;
    digits /= 10n;
    scale--;
  }
  if (scale < 0) digits *= 10n ** BigInt(-scale);
  return digits.toString();
}

/** The value of an integer constant's type string (`int_const 2592000`), when solc prints it whole. */
export function constValueFromType(typeString: string | null | undefined): string | null {
  const match = /^int_const (-?\d+)$/.exec(typeString ?? '');
  return match ? match[1] : null;
}

/** The bits of an integer type (`uint256` → 256, `int` → 256), with its sign; null for any other type. */
function integerType(type: string): { signed: boolean; bits: bigint } | null {
  const match = /^(u?)int(\d*)$/.exec(type);
  return match ? { signed: match[1] === '', bits: BigInt(match[2] || '256') } : null;
}

/** `type(uint256).max`, `type(int8).min`: the bound of an integer type, as a decimal string. */
export function typeBound(type: string, which: 'max' | 'min'): string | null {
  const t = integerType(type);
  if (!t) return null;
  const half = 1n << (t.bits - 1n);
  if (t.signed) return (which === 'max' ? half - 1n : -half).toString();
  return which === 'max' ? ((1n << t.bits) - 1n).toString() : '0';
}

/** A constant converted to an unsigned type, as the EVM keeps it: `uint256(-1)` (before 0.8) is 2^256 − 1. */
export function asUnsigned(type: string, value: string): string | null {
  const t = integerType(type);
  if (!t || t.signed || !/^-?\d+$/.test(value)) return null;
  const size = 1n << t.bits;
  return (((BigInt(value) % size) + size) % size).toString();
}

/** `~x` of a constant in an unsigned type: every bit flipped (`~uint256(0)` is 2^256 − 1). */
export function bitwiseNot(type: string, value: string): string | null {
  const t = integerType(type);
  const unsigned = asUnsigned(type, value);
  return t && unsigned !== null ? (((1n << t.bits) - 1n) ^ BigInt(unsigned)).toString() : null;
}

/** The largest number of an unsigned type (2^8 − 1 … 2^256 − 1): a cast's overflow bound (SafeCast's `type(uint48).max`). */
export function isTypeMax(value: string): boolean {
  if (!/^\d+$/.test(value)) return false;
  const next = BigInt(value) + 1n;
  for (let bits = 8n; bits <= 256n; bits += 8n) if (next === 1n << bits) return true;
  return false;
}
