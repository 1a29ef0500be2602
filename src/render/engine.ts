/**
 * The one Handlebars instance: strict, no HTML escaping (md and text are not HTML), templates read from
 * templates/<locale>/ and compiled once per locale. Partials live under templates/<locale>/partials/
 * and are passed per call, so locales never see each other's partials.
 */
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { createRequire } from 'node:module';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import Handlebars from 'handlebars';
import { fail } from '../errors.ts';
import { registerHelpers } from './helpers.ts';
import { TEMPLATES_ROOT } from './package-root.ts';
import { type LocaleBundle, useHandlebars } from './render-data.ts';

const COMPILE_OPTIONS = { strict: true, noEscape: true } as const;
const LOCALE_PATTERN = /^[a-z]{2,3}(?:-[A-Za-z0-9]{2,8})*$/;

export const handlebars = Handlebars.create();
registerHelpers(handlebars);
useHandlebars(handlebars);

const bundles = new Map<string, LocaleBundle>();

/**
 * Templates precompiled by the build (scripts/build.mjs) into dist/templates/<locale>.cjs, beside the
 * compiled code; from src/ there are none. Used only while no template file is newer than them.
 */
const PRECOMPILED = path.join(path.dirname(fileURLToPath(import.meta.url)), '..', 'templates');
const requireSpec = createRequire(import.meta.url);

/** A precompiled template, as Handlebars.precompile gives it and Handlebars.template takes it. */
type TemplateSpecification = Parameters<typeof Handlebars.template>[0];

function precompiledSpecs(locale: string, root: string, files: string[]): Record<string, TemplateSpecification> | null {
  const file = path.join(PRECOMPILED, `${locale}.cjs`);
  let built: number;
  try {
    built = statSync(file).mtimeMs;
  } catch {
    return null;
  }
  if (files.some((name) => statSync(path.join(root, name)).mtimeMs > built)) return null;
  return requireSpec(file) as Record<string, TemplateSpecification>;
}

/** The source of a CommonJS module holding every template of a locale, precompiled (for the build). */
export function precompileLocale(locale: string): string {
  const root = path.join(TEMPLATES_ROOT, locale);
  const entries = listTemplateFiles(root).map((file) => {
    const name = file.replace(/\\/g, '/').replace(/\.hbs$/, '');
    return `  ${JSON.stringify(name)}: ${handlebars.precompile(readFileSync(path.join(root, file), 'utf8'), COMPILE_OPTIONS)},`;
  });
  return `// Precompiled from templates/${locale}/ by scripts/build.mjs.\nmodule.exports = {\n${entries.join('\n')}\n};\n`;
}

/** The compiled templates of a locale, read and compiled on first use. */
export function loadLocale(locale: string): LocaleBundle {
  const cached = bundles.get(locale);
  if (cached) return cached;
  const root = path.join(TEMPLATES_ROOT, locale);
  if (!LOCALE_PATTERN.test(locale) || !isDirectory(root)) fail('BAD_INPUT', `No templates for language '${locale}'.`);
  const bundle: LocaleBundle = { locale, templates: {}, partials: {} };
  const files = listTemplateFiles(root);
  const specs = precompiledSpecs(locale, root, files);
  for (const file of files) {
    const name = file.replace(/\\/g, '/').replace(/\.hbs$/, '');
    const spec = specs?.[name];
    const template = spec ? handlebars.template(spec) : handlebars.compile(readFileSync(path.join(root, file), 'utf8'), COMPILE_OPTIONS);
    if (name.startsWith('partials/')) bundle.partials[name.slice('partials/'.length)] = template;
    else bundle.templates[name] = template;
  }
  bundles.set(locale, bundle);
  return bundle;
}

/** Languages that have templates. */
export function listLocales(): string[] {
  return readdirSync(TEMPLATES_ROOT).filter((name) => isDirectory(path.join(TEMPLATES_ROOT, name))).sort();
}

function listTemplateFiles(root: string, prefix = ''): string[] {
  const files: string[] = [];
  for (const entry of readdirSync(path.join(root, prefix)).sort()) {
    const relative = path.join(prefix, entry);
    if (isDirectory(path.join(root, relative))) files.push(...listTemplateFiles(root, relative));
    else if (entry.endsWith('.hbs')) files.push(relative);
  }
  return files;
}

function isDirectory(target: string): boolean {
  try {
    return statSync(target).isDirectory();
  } catch {
    return false;
  }
}
