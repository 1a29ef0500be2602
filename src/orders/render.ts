/**
 * Wording one order: each sentence from a template in templates/<locale>/order/statements/, laid out
 * as text or Markdown by templates/<locale>/order/{text,md}.hbs. Expressions render through the
 * summary's per-locale partials; this order's values render through `order/expr-argument`, added as
 * the `expr/argument` partial of a bundle derived from the locale's (the shared bundle is not changed).
 */
import { fail } from '../errors.ts';
import { loadLocale } from '../render/engine.ts';
import { createRenderData, type LocaleBundle, renderTemplate, squash } from '../render/render-data.ts';
import type { Basis, ContractTerms, SourceRef } from '../terms/index.ts';
import type { ConditionStatus, OrderTerms } from './model.ts';
import { registerOrderHelpers } from './render-helpers.ts';
import { collectOrderSpecs, ORDER_SECTIONS, type OrderSection, type OrderSpec } from './order-specs.ts';

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

const ORDER_PREFIX = 'order/';
const bundles = new Map<string, LocaleBundle>();

/** Every sentence of an order, in document order, in the given language. */
export function buildOrderStatements(order: OrderTerms, terms: ContractTerms, lang = 'en'): OrderStatement[] {
  return renderSpecs(collectOrderSpecs(order, terms), terms, lang, order.action.kind);
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

/** Words statements through the order templates, in order (so code names are introduced once). */
export function renderSpecs(specs: readonly (TemplateSpec | OrderSpec)[], terms: ContractTerms | null, lang = 'en', actionKind: string | null = null): OrderStatement[] {
  const data = createRenderData(orderBundle(lang), terms);
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

/** The order as a text or Markdown document: its statements under headings, with the terms hash. */
export function renderOrder(order: OrderTerms, terms: ContractTerms, options: RenderOrderOptions = {}): string {
  const lang = options.lang ?? 'en';
  const statements = [...(options.extra ?? []), ...buildOrderStatements(order, terms, lang)];
  const sections = ORDER_SECTIONS.map((section) => ({ section, statements: statements.filter((s) => s.section === section) })).filter(
    (group) => group.statements.length > 0,
  );
  const data = createRenderData(orderBundle(lang), terms);
  const title = statements.find((statement) => statement.id === 'order:title')?.text ?? '';
  return renderTemplate(`order/${options.format ?? 'text'}`, { title, sections, order, hash: options.hash ?? null }, data);
}

/** One order template (`order/<name>`) rendered as a single line: ERC-7730 intents and labels. */
export function renderOrderText(name: string, context: unknown, lang: string, terms: ContractTerms | null): string {
  return squash(renderTemplate(`order/${name}`, context, createRenderData(orderBundle(lang), terms)));
}

/** The locale's bundle plus the order templates as partials (`order/…`) and `expr/argument`. */
function orderBundle(lang: string): LocaleBundle {
  const cached = bundles.get(lang);
  if (cached) return cached;
  registerOrderHelpers();
  const base = loadLocale(lang);
  const argument = base.templates['order/expr-argument'];
  if (!argument) fail('BAD_INPUT', `No order templates for language '${lang}'.`, { hint: 'order terms are available in: en' });
  const partials: LocaleBundle['partials'] = { ...base.partials, 'expr/argument': argument };
  for (const [name, template] of Object.entries(base.templates)) {
    if (name.startsWith(ORDER_PREFIX)) partials[name] = template;
  }
  const bundle: LocaleBundle = { ...base, partials };
  bundles.set(lang, bundle);
  return bundle;
}
