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
