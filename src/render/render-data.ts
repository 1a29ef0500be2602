/**
 * What a render call carries: the locale's compiled templates and partials, and @data for templates.
 */
import type Handlebars from 'handlebars';
import type { ContractTerms } from '../terms/index.ts';

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
  /** The kind of action being described ('constructor' makes `now` read as the time of deployment). */
  actionKind: string | null;
}

export function createRenderData(bundle: LocaleBundle, terms: ContractTerms | null): RenderData {
  return { bundle, locale: bundle.locale, terms, introduced: new Set(), actionKind: null };
}

/** Renders a named template of the bundle; throws when it does not exist. */
export function renderTemplate(name: string, context: unknown, data: RenderData): string {
  const template = data.bundle.templates[name];
  if (!template) throw new Error(`Missing template '${name}' for locale '${data.bundle.locale}'`);
  return template(context, { data, partials: data.bundle.partials });
}

/** Renders partial `<prefix>/<kind>`; a missing partial throws rather than rendering nothing. */
export function renderPartial(name: string, context: unknown, data: RenderData): string {
  const partial = data.bundle.partials[name];
  if (!partial) throw new Error(`Missing partial '${name}' for locale '${data.bundle.locale}'`);
  return partial(context, { data, partials: data.bundle.partials });
}

/**
 * One line of prose from a template written over several lines: whitespace runs become one space, and
 * no space is left before closing punctuation. Code in backticks keeps its spacing.
 */
export function squash(text: string): string {
  return text
    .split(/(`[^`]*`)/)
    .map((part, index) => (index % 2 === 1 ? part.replace(/\s*\n\s*/g, ' ') : tidySpaces(part)))
    .join('')
    .trim();
}

function tidySpaces(text: string): string {
  return text
    .replace(/\s+/g, ' ')
    .replace(/ ([,.;:!?)\]])/g, '$1')
    .replace(/([(\[]) /g, '$1')
    .replace(/,([.;:,)])/g, '$1');
}
