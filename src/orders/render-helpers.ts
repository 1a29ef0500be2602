/**
 * Value formatting the order templates need beyond src/render's helpers: a Unix time as a UTC date and
 * time, and token units with known decimals. Registered once on the shared Handlebars instance; like
 * all helpers they return numbers and dates formatted by Intl for the locale, never words of their own.
 */
import { formatUnits } from 'ethers';
import type Handlebars from 'handlebars';
import { handlebars } from '../render/engine.ts';
import { type RenderData, renderPartial, squash } from '../render/render-data.ts';
import type { ArgumentNode } from './model.ts';
import { joinParts, placeholder } from './render-cache.ts';
import { wrapLines } from '../render/wrap.ts';

/** The largest time a JavaScript Date holds, in seconds (±8.64e15 ms). */
const MAX_DATE_SECONDS = 8_640_000_000_000n;
const dateFormats = new Map<string, Intl.DateTimeFormat>();
let registered = false;
let valueToken: ReturnType<typeof handlebars.compile> | undefined;

/**
 * The `order/value` partial of the placeholder bundle: the value's placeholder instead of its words
 * (a constant of the code is the same in every order of a shape, so it is worded in place).
 */
export function VALUE_TOKEN_TEMPLATE(): ReturnType<typeof handlebars.compile> {
  valueToken ??= handlebars.compile('{{#if (eq role "constant")}}{{> (concat "order/value/" format.kind)}}{{else}}{{valuePlaceholder this short}}{{/if}}', {
    strict: true,
    noEscape: true,
  });
  return valueToken;
}

/**
 * Dates and numbers worded recently, by locale and value: Intl takes microseconds for each, and an
 * order often shows a value twice (in its short and long form), and orders often share amounts and dates.
 */
const MAX_WORDED = 1000;
const datesWorded = new Map<string, string | null>();
const numbersWorded = new Map<string, string>();

function remember<T>(worded: Map<string, T>, locale: string, value: string, word: (value: string, locale: string) => T): T {
  const key = `${locale}\u0000${value}`;
  let found = worded.get(key);
  if (found === undefined) {
    found = word(value, locale);
    if (worded.size >= MAX_WORDED) worded.clear();
    worded.set(key, found);
  }
  return found;
}

/** Unix seconds as a UTC date and time for the locale ('1 December 2026 at 00:00:00 UTC'), or null when out of range. */
export function formatUtcDateTime(seconds: string, locale: string): string | null {
  return remember(datesWorded, locale, seconds, wordUtcDateTime);
}

function wordUtcDateTime(seconds: string, locale: string): string | null {
  const value = BigInt(seconds);
  if (value < 0n || value > MAX_DATE_SECONDS) return null;
  let format = dateFormats.get(locale);
  if (!format) {
    format = new Intl.DateTimeFormat(locale, { timeZone: 'UTC', dateStyle: 'long', timeStyle: 'long', hourCycle: 'h23' });
    dateFormats.set(locale, format);
  }
  return format.format(new Date(Number(value) * 1000));
}

const numberFormats = new Map<string, Intl.NumberFormat>();

/**
 * A decimal string, exactly, grouped for the locale: as src/render's formatDecimal (same options), with
 * the Intl formatter made once per locale rather than per value.
 */
export function formatExactDecimal(value: string, locale: string): string {
  return remember(numbersWorded, locale, value, wordDecimal);
}

function wordDecimal(value: string, locale: string): string {
  let format = numberFormats.get(locale);
  if (!format) numberFormats.set(locale, (format = new Intl.NumberFormat(locale, { maximumFractionDigits: 20 })));
  return format.format(value as unknown as number);
}

/** Smallest units as whole tokens, exactly: ('250000000', 6) → '250'. */
export function formatTokenUnits(value: string, decimals: number, locale: string): string {
  return formatExactDecimal(formatUnits(BigInt(value), decimals).replace(/\.0$/, ''), locale);
}

const WEI_PER_ETH = 10n ** 18n;

/** Wei as exact ETH, grouped for the locale: '1500000000000000000' → '1.5' (as src/render's formatEthAmount). */
export function formatEth(wei: string, locale: string): string {
  const value = BigInt(wei);
  const sign = value < 0n ? '-' : '';
  const magnitude = value < 0n ? -value : value;
  const fraction = (magnitude % WEI_PER_ETH).toString().padStart(18, '0').replace(/0+$/, '');
  return formatExactDecimal(`${sign}${magnitude / WEI_PER_ETH}${fraction ? `.${fraction}` : ''}`, locale);
}

/** Adds the order helpers to the shared instance (once). */
export function registerOrderHelpers(hb: typeof Handlebars = handlebars): void {
  if (registered) return;
  registered = true;
  type Options = Handlebars.HelperOptions & { data: { locale: string } };
  hb.registerHelper('utcDateTime', (seconds: string, options: Options) => formatUtcDateTime(String(seconds), options.data.locale));
  hb.registerHelper('orderEth', (wei: string, options: Options) => formatEth(String(wei), options.data.locale));
  hb.registerHelper('orderInteger', (value: string, options: Options) => formatExactDecimal(String(value), options.data.locale));
  hb.registerHelper('tokenUnits', (value: string, decimals: number, options: Options) => formatTokenUnits(String(value), decimals, options.data.locale));
  /** `{{squashed "order/heading" section}}`: a partial rendered as one line, for use as a helper argument. */
  hb.registerHelper('squashed', (name: string, context: unknown, options: Handlebars.HelperOptions & { data: RenderData }) =>
    squash(renderPartial(name, context, options.data)),
  );
  /** `{{orderWrap text indent=2 first="- "}}`: like `wrap`, faster (see wrap.ts). */
  hb.registerHelper('orderWrap', (text: string, options: Handlebars.HelperOptions) => {
    const hash = options.hash as { width?: number; indent?: number; first?: string };
    return wrapLines(String(text), hash.width ?? 100, hash.indent ?? 0, hash.first ?? '');
  });
  /**
   * `{{#orderValues items}}{{> order/value node short=short}}{{/orderValues}}`: words each value of the
   * order once, for `orderFill`; renders nothing itself.
   */
  hb.registerHelper('orderValues', (items: unknown[], options: Handlebars.HelperOptions) => {
    options.data.orderValues = items.map((item) => squash(options.fn(item)));
    return '';
  });
  /** `{{orderFill parts}}`: a statement's text from its parts and the values worded by `orderValues`. */
  hb.registerHelper('orderFill', (parts: (string | number)[], options: Handlebars.HelperOptions) => joinParts(parts, options.data.orderValues ?? []));
  hb.registerHelper('valuePlaceholder', (node: ArgumentNode, short: boolean) => placeholder(node, short === true));
  /** A decoded value that has no plainer form (arrays, tuples), as compact JSON. */
  hb.registerHelper('json', (value: unknown) => JSON.stringify(value));
}
