/**
 * Template helpers. They format values, compare, look things up in the model and render partials; they
 * never return words of their own — every word comes from the templates or from Intl for the locale.
 */
import { markdownSafe, showInvisible } from './safe-text.ts';
import type Handlebars from 'handlebars';
import {
  checksumAddress,
  formatBps,
  formatDecimal,
  formatDuration,
  formatEthAmount,
  formatInteger,
  formatList,
  formatPercent,
  formatSourceRef,
  isRoundEth,
  type ListType,
  pluralCategory,
  roughBlockSeconds,
  sharePercent,
} from './format.ts';
import { registerExprHelpers } from './expr-helpers.ts';
import { registerTextHelpers } from './text-helpers.ts';
import { registerZhNameHelpers } from './zh-names.ts';
import type { RenderData } from './render-data.ts';
import type { SourceRef, Unit } from '../terms/index.ts';

type HelperOptions = Omit<Handlebars.HelperOptions, 'data'> & { data: RenderData };

/** Drops the trailing options argument Handlebars passes to every helper. */
export function argsOf(args: unknown[]): { values: unknown[]; options: HelperOptions } {
  return { values: args.slice(0, -1), options: args[args.length - 1] as HelperOptions };
}

export function registerHelpers(hb: typeof Handlebars): void {
  registerFormatHelpers(hb);
  registerLogicHelpers(hb);
  registerExprHelpers(hb);
  registerTextHelpers(hb);
  registerZhNameHelpers(hb);
}

function registerFormatHelpers(hb: typeof Handlebars): void {
  hb.registerHelper('integer', (value: string, options: HelperOptions) => formatInteger(String(value), options.data.locale));
  hb.registerHelper('decimal', (value: string, options: HelperOptions) => formatDecimal(String(value), options.data.locale));
  hb.registerHelper('eth', (wei: string, options: HelperOptions) => formatEthAmount(wei, options.data.locale));
  hb.registerHelper('isRoundEth', (wei: string) => isRoundEth(wei));
  hb.registerHelper('pct', (value: string, options: HelperOptions) => formatPercent(value, options.data.locale));
  hb.registerHelper('bps', (value: string, options: HelperOptions) => formatBps(value, options.data.locale));
  hb.registerHelper('share', (rate: string, scale: string, options: HelperOptions) =>
    formatPercent(sharePercent(rate, scale), options.data.locale),
  );
  hb.registerHelper('duration', (...args: unknown[]) => {
    const { values, options } = argsOf(args);
    return formatDuration(String(values[0]), options.data.locale, (values[1] as Unit | null | undefined) ?? null);
  });
  /** `{{blockSeconds value}}`: about how many seconds a number of blocks lasts. */
  hb.registerHelper('blockSeconds', (blocks: string) => roughBlockSeconds(String(blocks)));
  /** `{{percentList values "disjunction"}}`: exact percentages ('1.5') as a list: '1.5% or 2%'. */
  hb.registerHelper('percentList', (values: string[], type: ListType, options: HelperOptions) =>
    formatList(values.map((value) => formatPercent(value, options.data.locale)), options.data.locale, type),
  );
  /** `{{integerList "1,255" "disjunction"}}`: whole numbers written with commas between them, as a list: '1 or 255'. */
  hb.registerHelper('integerList', (values: string, type: ListType, options: HelperOptions) =>
    formatList(String(values).split(',').map((value) => formatInteger(value, options.data.locale)), options.data.locale, type),
  );
  /** `{{durationList seconds "disjunction"}}`: periods in seconds as a list: '7 days or 14 days'. */
  hb.registerHelper('durationList', (values: string[], type: ListType, options: HelperOptions) =>
    formatList(values.map((value) => formatDuration(value, options.data.locale)), options.data.locale, type),
  );
  /** `{{markdownSafe text}}` and `{{plainSafe text}}`: authors' and callers' text made safe to show (safe-text.ts). */
  hb.registerHelper('markdownSafe', (text: string) => markdownSafe(String(text)));
  hb.registerHelper('plainSafe', (text: string) => showInvisible(String(text)));
  hb.registerHelper('address', (value: string) => checksumAddress(value));
  hb.registerHelper('source', (source: SourceRef | null) => (source ? formatSourceRef(source) : ''));
  hb.registerHelper('list', (...args: unknown[]) => {
    const { values, options } = argsOf(args);
    const items = (values[0] as unknown[]).map(String);
    return formatList(items, options.data.locale, (values[1] as ListType | undefined) ?? 'conjunction');
  });
  /** `{{plural n one="day" other="days"}}`: the template's word for the count's plural category. */
  hb.registerHelper('plural', (count: number | string, options: HelperOptions) => {
    const hash = options.hash as Record<string, string>;
    const word = hash[pluralCategory(count, options.data.locale)] ?? hash.other;
    if (word === undefined) throw new Error('plural needs at least other="…"');
    return word;
  });
}

function registerLogicHelpers(hb: typeof Handlebars): void {
  hb.registerHelper('eq', (a: unknown, b: unknown) => a === b);
  hb.registerHelper('ne', (a: unknown, b: unknown) => a !== b);
  hb.registerHelper('gt', (a: unknown, b: unknown) => Number(a) > Number(b));
  hb.registerHelper('not', (a: unknown) => !truthy(a));
  hb.registerHelper('and', (...args: unknown[]) => argsOf(args).values.every(truthy));
  hb.registerHelper('or', (...args: unknown[]) => argsOf(args).values.some(truthy));
  hb.registerHelper('oneOf', (...args: unknown[]) => {
    const [value, ...choices] = argsOf(args).values;
    return choices.includes(value);
  });
  hb.registerHelper('isEmpty', (value: unknown) => !truthy(value));
  hb.registerHelper('count', (value: unknown[]) => value.length);
  hb.registerHelper('first', (value: unknown[]) => value[0] ?? null);
  /** `{{#capitalize}}the Buyer …{{/capitalize}}`: the first letter upper-cased, for words that start a sentence. */
  hb.registerHelper('capitalize', function (this: unknown, options: HelperOptions) {
    const text = options.fn(this);
    const index = text.search(/\S/);
    if (index < 0 || text[index] === '`') return text;
    return text.slice(0, index) + text.charAt(index).toLocaleUpperCase(options.data.locale) + text.slice(index + 1);
  });
  /** `{{#midSentence}}If the Buyer …{{/midSentence}}`: a clause written to start a sentence, placed after a semicolon: 'If' becomes 'if'. */
  hb.registerHelper('midSentence', function (this: unknown, options: HelperOptions) {
    return options.fn(this).replace(/^(\s*)If /, '$1if ');
  });
  hb.registerHelper('concat', (...args: unknown[]) => argsOf(args).values.map(String).join(''));
  /** True when the text's last word is one of the given words (case-insensitive). */
  hb.registerHelper('endsWithWord', (...args: unknown[]) => {
    const [text, ...words] = argsOf(args).values.map(String);
    const last = (text ?? '').trim().split(/\s+/).pop()?.toLowerCase() ?? '';
    return words.some((word) => word.toLowerCase() === last);
  });
}

function truthy(value: unknown): boolean {
  return Array.isArray(value) ? value.length > 0 : Boolean(value);
}
