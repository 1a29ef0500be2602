/**
 * Value formatting the order templates need beyond src/render's helpers: a Unix time as a UTC date and
 * time, and token units with known decimals. Registered once on the shared Handlebars instance; like
 * all helpers they return numbers and dates formatted by Intl for the locale, never words of their own.
 */
import { formatUnits } from 'ethers';
import type Handlebars from 'handlebars';
import { handlebars } from '../render/engine.ts';
import { formatDecimal } from '../render/format.ts';
import { type RenderData, renderPartial, squash } from '../render/render-data.ts';

/** The largest time a JavaScript Date holds, in seconds (±8.64e15 ms). */
const MAX_DATE_SECONDS = 8_640_000_000_000n;
const dateFormats = new Map<string, Intl.DateTimeFormat>();
let registered = false;

/** Unix seconds as a UTC date and time for the locale ('1 December 2026 at 00:00:00 UTC'), or null when out of range. */
export function formatUtcDateTime(seconds: string, locale: string): string | null {
  const value = BigInt(seconds);
  if (value < 0n || value > MAX_DATE_SECONDS) return null;
  let format = dateFormats.get(locale);
  if (!format) {
    format = new Intl.DateTimeFormat(locale, { timeZone: 'UTC', dateStyle: 'long', timeStyle: 'long', hourCycle: 'h23' });
    dateFormats.set(locale, format);
  }
  return format.format(new Date(Number(value) * 1000));
}

/** Smallest units as whole tokens, exactly: ('250000000', 6) → '250'. */
export function formatTokenUnits(value: string, decimals: number, locale: string): string {
  return formatDecimal(formatUnits(BigInt(value), decimals).replace(/\.0$/, ''), locale);
}

/** Adds the order helpers to the shared instance (once). */
export function registerOrderHelpers(hb: typeof Handlebars = handlebars): void {
  if (registered) return;
  registered = true;
  type Options = Handlebars.HelperOptions & { data: { locale: string } };
  hb.registerHelper('utcDateTime', (seconds: string, options: Options) => formatUtcDateTime(String(seconds), options.data.locale));
  hb.registerHelper('tokenUnits', (value: string, decimals: number, options: Options) => formatTokenUnits(String(value), decimals, options.data.locale));
  /** `{{squashed "order/heading" section}}`: a partial rendered as one line, for use as a helper argument. */
  hb.registerHelper('squashed', (name: string, context: unknown, options: Handlebars.HelperOptions & { data: RenderData }) =>
    squash(renderPartial(name, context, options.data)),
  );
  /** A decoded value that has no plainer form (arrays, tuples), as compact JSON. */
  hb.registerHelper('json', (value: unknown) => JSON.stringify(value));
}
