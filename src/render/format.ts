/**
 * Value formatting for templates: exact decimal arithmetic on strings (BigInt, ethers units) and Intl
 * for numbers, units, lists and plurals. Nothing here returns a word of any language except what Intl
 * produces for the given locale.
 */
import path from 'node:path';
import { checksumAddress as toChecksum } from '../address.ts';
import type { Unit } from '../terms/index.ts';
import type { SourceRef } from '../terms/index.ts';

const MAX_FRACTION_DIGITS = 20;
/** Wei amounts with at most this many decimals in ETH read as round; others also show the exact wei. */
const ROUND_ETH_DECIMALS = 6;

const DURATION_UNITS: readonly { unit: string; seconds: bigint }[] = [
  { unit: 'week', seconds: 604_800n },
  { unit: 'day', seconds: 86_400n },
  { unit: 'hour', seconds: 3_600n },
  { unit: 'minute', seconds: 60n },
  { unit: 'second', seconds: 1n },
];

const formatters = new Map<string, { format(value: unknown): string }>();
const pluralRules = new Map<string, Intl.PluralRules>();

/** Intl formatters are slow to build: one per locale and options, kept for the process. */
function cached<T extends { format(value: never): string }>(key: string, build: () => T): T {
  let found = formatters.get(key) as T | undefined;
  if (!found) {
    found = build();
    formatters.set(key, found as unknown as { format(value: unknown): string });
  }
  return found;
}

function numberFormat(locale: string, options: Intl.NumberFormatOptions): Intl.NumberFormat {
  return cached(`number:${locale}:${JSON.stringify(options)}`, () => new Intl.NumberFormat(locale, options));
}

/** An integer as a decimal string, grouped for the locale: '2592000' → '2,592,000'. */
export function formatInteger(value: string, locale: string): string {
  return numberFormat(locale, { maximumFractionDigits: 0 }).format(BigInt(value));
}

/** A decimal string, exactly, grouped for the locale: '1234.5' → '1,234.5'. */
export function formatDecimal(value: string, locale: string): string {
  return numberFormat(locale, { maximumFractionDigits: MAX_FRACTION_DIGITS }).format(value as unknown as number);
}

/** Wei as an exact ETH figure without the unit: '1500000000000000000' → '1.5'. */
export function formatEthAmount(wei: string, locale: string): string {
  return formatDecimal(weiToEther(BigInt(wei)), locale);
}

/** True when the ETH figure has few enough decimals to read without the exact wei beside it. */
export function isRoundEth(wei: string): boolean {
  return BigInt(wei) % 10n ** BigInt(18 - ROUND_ETH_DECIMALS) === 0n;
}

/** rate / scale as an exact percentage decimal string: (250, 10000) → '2.5'. */
export function sharePercent(rate: string, scale: string): string {
  const divisor = BigInt(scale);
  let numerator = BigInt(rate) * 100n;
  const negative = numerator < 0n;
  if (negative) numerator = -numerator;
  const whole = numerator / divisor;
  let remainder = numerator % divisor;
  let fraction = '';
  while (remainder !== 0n && fraction.length < MAX_FRACTION_DIGITS) {
    remainder *= 10n;
    fraction += (remainder / divisor).toString();
    remainder %= divisor;
  }
  return `${negative ? '-' : ''}${whole}${fraction ? `.${fraction}` : ''}`;
}

/** A percentage given as a decimal string, in the locale's percent style: '2.5' → '2.5%'. */
export function formatPercent(percent: string, locale: string): string {
  return numberFormat(locale, { style: 'percent', maximumFractionDigits: MAX_FRACTION_DIGITS }).format(`${percent}E-2` as unknown as number);
}

/** Basis points as a percentage: '3000' → '30%', '250' → '2.5%'. */
export function formatBps(bps: string, locale: string): string {
  return formatPercent(sharePercent(bps, '10000'), locale);
}

/**
 * Seconds as the largest exact unit(s): 2592000 → '30 days', 90000 → '1 day, 1 hour'. Weeks are used
 * only when the code wrote weeks (`preferred`), since contracts and lawyers count deadlines in days.
 */
/** About how long a run of blocks lasts: 12 seconds a block (Ethereum since the Merge), in seconds. */
export function roughBlockSeconds(blocks: string): string | null {
  return /^\d+$/.test(blocks) ? (BigInt(blocks) * 12n).toString() : null;
}

export function formatDuration(seconds: string, locale: string, preferred: Unit | null = null): string {
  let rest = BigInt(seconds);
  const units = DURATION_UNITS.filter((entry) => entry.unit !== 'week' || preferred === 'weeks');
  if (rest === 0n) return formatUnit(0n, 'second', locale);
  const parts: string[] = [];
  for (const { unit, seconds: size } of units) {
    if (rest >= size) {
      parts.push(formatUnit(rest / size, unit, locale));
      rest %= size;
    }
  }
  return formatList(parts, locale, 'unit');
}

function formatUnit(count: bigint, unit: string, locale: string): string {
  return numberFormat(locale, { style: 'unit', unit, unitDisplay: 'long' }).format(count);
}

export type ListType = 'conjunction' | 'disjunction' | 'unit';

/** Items joined for the locale: ['A', 'B', 'C'] → 'A, B, and C' (conjunction) or 'A, B, or C'. */
export function formatList(items: string[], locale: string, type: ListType = 'conjunction'): string {
  return cached(`list:${locale}:${type}`, () => new Intl.ListFormat(locale, { type, style: 'long' })).format(items);
}

/** The plural category of a count for the locale ('one', 'other', …). */
export function pluralCategory(count: number | string, locale: string): Intl.LDMLPluralRule {
  let rules = pluralRules.get(locale);
  if (!rules) {
    rules = new Intl.PluralRules(locale);
    pluralRules.set(locale, rules);
  }
  return rules.select(Number(count));
}

/** An address in EIP-55 checksummed form; left as written when it is not a valid address. */
export function checksumAddress(address: string): string {
  try {
    return toChecksum(address);
  } catch {
    return address;
  }
}

/** A source reference for display: 'FobSale.sol:110-114', or 'FobSale.sol:110' for one line. */
export function formatSourceRef(source: SourceRef): string {
  const lines = source.endLine > source.line ? `${source.line}-${source.endLine}` : `${source.line}`;
  return `${path.posix.basename(source.path.replace(/\\/g, '/'))}:${lines}`;
}

/** Wei as an exact decimal number of ether: 1500000000000000000 → '1.5'. */
function weiToEther(wei: bigint): string {
  const sign = wei < 0n ? '-' : '';
  const value = wei < 0n ? -wei : wei;
  const whole = value / 10n ** 18n;
  const fraction = (value % 10n ** 18n).toString().padStart(18, '0').replace(/0+$/, '');
  return `${sign}${whole}${fraction ? `.${fraction}` : ''}`;
}
