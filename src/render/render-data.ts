/**
 * What a render call carries: the locale's compiled templates and partials, and @data for templates.
 */
import type Handlebars from 'handlebars';
import type { ContractTerms } from '../terms/index.ts';
import type { Naming } from './named-values.ts';

export type Template = Handlebars.TemplateDelegate;

export interface LocaleBundle {
  locale: string;
  /** Statement and document templates by path without extension: 'statements/party', 'md/summary'. */
  templates: Record<string, Template>;
  /** Partials by path below partials/: 'expr/compare', 'risk/no-deadline'. */
  partials: Record<string, Template>;
}

/** What every template can read as @data: the locale, the contract being described, and state for first mentions. */
export interface RenderData {
  bundle: LocaleBundle;
  locale: string;
  terms: ContractTerms | null;
  /** Code names already shown beside their defined term, so each is shown once. */
  introduced: Set<string>;
  /** Names whose English has been given beside their Chinese rendering: once per document, unlike `introduced`. */
  explained: Set<string>;
  /** The kind of action being described ('constructor' makes `now` read as the time of deployment). */
  actionKind: string | null;
  /** In an action's block: the computed values named rather than spelled out (named-values.ts). */
  naming?: Naming | null;
}

export function createRenderData(bundle: LocaleBundle, terms: ContractTerms | null): RenderData {
  return { bundle, locale: bundle.locale, terms, introduced: new Set(), explained: new Set(), actionKind: null };
}

/** Renders a named template of the bundle; throws when it does not exist. */
export function renderTemplate(name: string, context: unknown, data: RenderData): string {
  const template = data.bundle.templates[name];
  if (!template) throw new Error(`Missing template '${name}' for locale '${data.bundle.locale}'`);
  return run(template, context, data);
}

/** Renders partial `<prefix>/<kind>`; a missing partial throws rather than rendering nothing. */
export function renderPartial(name: string, context: unknown, data: RenderData): string {
  const partial = data.bundle.partials[name];
  if (!partial) throw new Error(`Missing partial '${name}' for locale '${data.bundle.locale}'`);
  return run(partial, context, data);
}

/**
 * What Handlebars prepares for each top-level template call: the helpers (each wrapped anew), the
 * decorators, the hooks that take helperMissing and blockHelperMissing, and the prototype access
 * rules. They depend only on the instance's helpers, so they are prepared once (again after a helper
 * is registered) and each call runs the template the way Handlebars runs a partial, with them given.
 * Handlebars' wrapper only adds options.lookupProperty, which no helper here reads (of the built-in
 * ones only `lookup` does), so the helpers are called directly; one whose code mentions it keeps it.
 */
interface Runtime {
  helpers: Record<string, unknown>;
  decorators: Record<string, unknown>;
  hooks: Record<string, unknown>;
  protoAccessControl: unknown;
}

let instance: typeof Handlebars | null = null;
let runtime: Runtime | null = null;
let probe: Template | null = null;

/**
 * The Handlebars instance the bundles' templates are compiled with (engine.ts). Registering or
 * removing a helper on it afterwards makes the next call prepare the runtime again.
 */
export function useHandlebars(hb: typeof Handlebars): void {
  instance = hb;
  runtime = null;
  probe = null;
  const register = hb.registerHelper.bind(hb);
  const unregister = hb.unregisterHelper.bind(hb);
  hb.registerHelper = ((...args: Parameters<typeof register>) => {
    runtime = null;
    return register(...args);
  }) as typeof hb.registerHelper;
  hb.unregisterHelper = (name: string) => {
    runtime = null;
    unregister(name);
  };
}

/** The options Handlebars gives a partial, read once from a partial called by a top-level template. */
function prepareRuntime(hb: typeof Handlebars): Runtime {
  let captured: Runtime | null = null;
  probe ??= hb.compile('{{> probe}}', { strict: true, noEscape: true });
  const capture = (_context: unknown, options: Runtime) => {
    captured = options;
    return '';
  };
  probe({}, { partials: { probe: capture as unknown as Template } });
  const { helpers, decorators, hooks, protoAccessControl } = captured as unknown as Runtime;
  const direct: Record<string, unknown> = {};
  for (const [name, wrapped] of Object.entries(helpers)) {
    const helper: unknown = hb.helpers[name];
    direct[name] = typeof helper === 'function' && !String(helper).includes('lookupProperty') ? helper : wrapped;
  }
  return { helpers: direct, decorators, hooks, protoAccessControl };
}

/**
 * One template call with the prepared runtime; @data is a frame with `root` set to the context,
 * as Handlebars makes for a top-level call (a nested call from a helper passes its frame on).
 */
function run(template: Template, context: unknown, data: RenderData): string {
  if (instance === null) return template(context, { data, partials: data.bundle.partials });
  runtime ??= prepareRuntime(instance);
  let frame: object = data;
  if (!('root' in data)) {
    frame = instance.createFrame(data);
    (frame as { root: unknown }).root = context;
  }
  const { helpers, decorators, hooks, protoAccessControl } = runtime;
  const options = { helpers, decorators, hooks, protoAccessControl, data: frame, partials: data.bundle.partials, partial: true };
  return template(context, options as Handlebars.RuntimeOptions);
}

/**
 * One line of prose from a template written over several lines: whitespace runs become one space, and
 * no space is left before closing punctuation. Code in backticks keeps its spacing.
 */
export function squash(text: string): string {
  // White space at either end goes in any case (templates end with a line break).
  const trimmed = text.trim();
  if (!UNTIDY.test(trimmed)) return trimmed;
  return text
    .split(/(`[^`]*`)/)
    .map((part, index) => (index % 2 === 1 ? part.replace(/\s*\n\s*/g, ' ') : tidySpaces(part)))
    .join('')
    .trim();
}

/**
 * Anything squash would change in trimmed text: white space other than single spaces, space before
 * closing or after opening punctuation, a comma before other punctuation. Text without any is already
 * one tidy line (code in backticks included, as it has no line break).
 */
const UNTIDY = /[^\S ]|  | [,.;:!?)\]]|[(\[] |,[.;:,)]/;

function tidySpaces(text: string): string {
  return text
    .replace(/\s+/g, ' ')
    .replace(/ ([,.;:!?)\]])/g, '$1')
    .replace(/([(\[]) /g, '$1')
    .replace(/,([.;:,)])/g, '$1');
}
