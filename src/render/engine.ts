/**
 * The one Handlebars instance: strict, no HTML escaping (md and text are not HTML), templates read from
 * templates/<locale>/ and compiled once per locale. Partials live under templates/<locale>/partials/
 * and are passed per call, so locales never see each other's partials.
 */
import { readdirSync, readFileSync, statSync } from 'node:fs';
import path from 'node:path';
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

/** The compiled templates of a locale, read and compiled on first use. */
export function loadLocale(locale: string): LocaleBundle {
  const cached = bundles.get(locale);
  if (cached) return cached;
  const root = path.join(TEMPLATES_ROOT, locale);
  if (!LOCALE_PATTERN.test(locale) || !isDirectory(root)) fail('BAD_INPUT', `No templates for language '${locale}'.`);
  const bundle: LocaleBundle = { locale, templates: {}, partials: {} };
  for (const file of listTemplateFiles(root)) {
    const name = file.replace(/\\/g, '/').replace(/\.hbs$/, '');
    const template = handlebars.compile(readFileSync(path.join(root, file), 'utf8'), COMPILE_OPTIONS);
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
