/**
 * Wording one order: each sentence from a template in templates/<locale>/order/statements/, laid out
 * as text or Markdown by templates/<locale>/order/{text,md}.hbs. Expressions render through the
 * summary's per-locale partials; this order's values render through `order/value` (as the
 * `expr/argument` partial inside expressions), in a bundle derived from the locale's, which is not changed.
 *
 * Orders of the same shape (see order-shape.ts) share their sentences: they are worded once with a
 * placeholder for each value, and each order only has its values worded and put in (render-cache.ts).
 */
import { fail } from '../errors.ts';
import { loadLocale } from '../render/engine.ts';
import { formatSourceRef } from '../render/format.ts';
import { createRenderData, type LocaleBundle, renderPartial, renderTemplate, squash } from '../render/render-data.ts';
import type { Basis, ContractTerms, SourceRef } from '../terms/index.ts';
import type { ConditionStatus, OrderTerms } from './model.ts';
import { collectOrderSpecs, ORDER_SECTIONS, type OrderSection, type OrderSpec } from './order-specs.ts';
import { shapeOf } from './order-shape.ts';
import { fillValues, type Skeleton, skeletonFor, type ValueItem, valueItems } from './render-cache.ts';
import { registerOrderHelpers, VALUE_TOKEN_TEMPLATE } from './render-helpers.ts';

export interface OrderStatement {
  id: string;
  section: OrderSection;
  text: string;
  /** For conditions: whether this order meets it. */
  status: ConditionStatus | null;
  basis: Basis;
  source: SourceRef | null;
}

export interface RenderOrderOptions {
  format?: 'text' | 'md';
  /** Default 'en'. */
  lang?: string;
  /** The order's terms hash, shown at the end (see termsHash). */
  hash?: string | null;
  /** More statements to show, e.g. what was read from chain (section 'deployment'). */
  extra?: OrderStatement[];
}

/** A statement to word: its template is `order/<template>`; `context` is what the template reads. */
export interface TemplateSpec {
  id: string;
  section: OrderSection;
  template: string;
  context: unknown;
  status?: ConditionStatus | null;
  basis: Basis;
  source: SourceRef | null;
}

const ORDER_PREFIX = 'order/';
const bundles = new Map<string, { plain: LocaleBundle; skeleton: LocaleBundle; layout: LocaleBundle; headings: Map<string, string> }>();
/** The partials the document layout uses (Handlebars copies the partials given to every template call). */
const LAYOUT_PARTIALS = /^order\/value(\/|$)/;

/** Every sentence of an order, in document order, in the given language. */
export function buildOrderStatements(order: OrderTerms, terms: ContractTerms, lang = 'en'): OrderStatement[] {
  const shape = shapeOf(order);
  if (shape === undefined) return wordDirectly(order, terms, lang);
  return fillValues(skeletonOf(order, terms, lang, shape), order, (items) => renderValues(items, terms, lang));
}

/** The sentences worded from the order itself, values included: for orders whose shape is unknown. */
export function wordDirectly(order: OrderTerms, terms: ContractTerms, lang = 'en'): OrderStatement[] {
  return renderSpecs(collectOrderSpecs(order, terms), terms, lang, order.action.kind);
}

/**
 * The order as a text or Markdown document: its statements under headings, with the terms hash. The
 * order's values are worded in the same template call as the layout (one call per order).
 */
export function renderOrder(order: OrderTerms, terms: ContractTerms, options: RenderOrderOptions = {}): string {
  const lang = options.lang ?? 'en';
  const extra = (options.extra ?? []).map((statement) => ({ statement, parts: [statement.text] as (string | number)[] }));
  const shape = shapeOf(order);
  const bundles = localeBundles(lang);
  let items: ValueItem[] = [];
  let page: Page;
  if (shape === undefined) {
    page = pageOf([...extra, ...wordDirectly(order, terms, lang).map((statement) => ({ statement, parts: [statement.text] }))], bundles.headings);
  } else {
    const skeleton = skeletonOf(order, terms, lang, shape);
    items = valueItems(skeleton, order);
    if (extra.length > 0) page = pageOf([...extra, ...skeletonEntries(skeleton)], bundles.headings);
    else {
      page = pages.get(skeleton) as Page;
      if (!page) pages.set(skeleton, (page = pageOf(skeletonEntries(skeleton), bundles.headings)));
    }
  }
  const context = { title: page.title, sections: page.sections, items, order, hash: options.hash ?? null };
  return renderTemplate(`order/${options.format ?? 'text'}`, context, createRenderData(bundles.layout, terms));
}

/** What the document layout shows besides the values: the title, and the statements by section. */
interface Page {
  title: string;
  sections: { section: OrderSection; heading: string | null; statements: ReturnType<typeof layOut>[] }[];
}

/** The page of a shape without extra statements, laid out once (the skeleton is per language and shape). */
const pages = new WeakMap<Skeleton, Page>();

function skeletonEntries(skeleton: Skeleton): { statement: OrderStatement; parts: (string | number)[] }[] {
  return skeleton.statements.map((statement, index) => ({ statement, parts: skeleton.parts[index] }));
}

function pageOf(all: { statement: OrderStatement; parts: (string | number)[] }[], headings: Map<string, string>): Page {
  const sections = ORDER_SECTIONS.flatMap((section) => {
    const shown = all.filter(({ statement }) => statement.section === section && statement.id !== 'order:title').map((entry) => layOut(entry, section !== 'order'));
    return shown.length === 0 ? [] : [{ section, heading: section === 'order' ? null : headings.get(section) ?? section, statements: shown }];
  });
  const title = all.find(({ statement }) => statement.id === 'order:title')?.statement.text ?? '';
  return { title, sections };
}

/** A statement as the layout shows it: as a list item with its source lines, or as a paragraph. */
function layOut({ statement, parts }: { statement: OrderStatement; parts: (string | number)[] }, bullet: boolean) {
  const tag = statement.source && bullet ? ` [${formatSourceRef(statement.source)}]` : '';
  return { parts: tag ? [...parts, tag] : parts, bullet };
}

function skeletonOf(order: OrderTerms, terms: ContractTerms, lang: string, shape: string): Skeleton {
  return skeletonFor(terms, `${lang}\u0000${shape}`, () => renderSpecs(collectOrderSpecs(order, terms), terms, lang, order.action.kind, true));
}

/** One order template (`order/<name>`) rendered as a single line: ERC-7730 intents and labels. */
export function renderOrderText(name: string, context: unknown, lang: string, terms: ContractTerms | null): string {
  return squash(renderTemplate(`order/${name}`, context, createRenderData(localeBundles(lang).plain, terms)));
}

/**
 * Words statements through the order templates, in order (so code names are introduced once). With
 * `placeholders`, each value of the order is left as a placeholder (see render-cache.ts).
 */
export function renderSpecs(
  specs: readonly (TemplateSpec | OrderSpec)[],
  terms: ContractTerms | null,
  lang = 'en',
  actionKind: string | null = null,
  placeholders = false,
): OrderStatement[] {
  const bundle = localeBundles(lang);
  const data = createRenderData(placeholders ? bundle.skeleton : bundle.plain, terms);
  data.actionKind = actionKind;
  return specs.map((spec) => ({
    id: spec.id,
    section: spec.section,
    text: squash(renderTemplate(`order/${'template' in spec ? spec.template : `statements/${spec.kind}`}`, spec.context, data)),
    status: spec.status ?? null,
    basis: spec.basis,
    source: spec.source,
  }));
}

/** The values of an order, worded in one template call, in the order asked. */
function renderValues(items: { node: unknown; short: boolean }[], terms: ContractTerms, lang: string): string[] {
  const separator = '\u0003';
  const data = createRenderData(localeBundles(lang).plain, terms);
  return renderTemplate('order/values', { items, separator }, data).split(separator).slice(0, items.length).map(squash);
}

/**
 * The locale's bundle with the order templates as partials (`order/…`) and `expr/argument`; the same
 * with placeholders for values; and the section headings, worded once.
 */
function localeBundles(lang: string) {
  const cached = bundles.get(lang);
  if (cached) return cached;
  registerOrderHelpers();
  const base = loadLocale(lang);
  const argument = base.templates['order/expr-argument'];
  if (!argument) fail('BAD_INPUT', `No order templates for language '${lang}'.`, { hint: 'order terms are available in: en, zh' });
  const partials: LocaleBundle['partials'] = { ...base.partials, 'expr/argument': argument };
  for (const [name, template] of Object.entries(base.templates)) {
    if (name.startsWith(ORDER_PREFIX)) partials[name] = template;
  }
  const plain: LocaleBundle = { ...base, partials };
  const skeleton: LocaleBundle = { ...base, partials: { ...partials, 'order/value': VALUE_TOKEN_TEMPLATE() } };
  const data = createRenderData(plain, null);
  const headings = new Map(ORDER_SECTIONS.map((section) => [section, squash(renderPartial('order/heading', section, data))]));
  const layout: LocaleBundle = { ...base, partials: Object.fromEntries(Object.entries(partials).filter(([name]) => LAYOUT_PARTIALS.test(name))) };
  const entry = { plain, skeleton, layout, headings };
  bundles.set(lang, entry);
  return entry;
}
