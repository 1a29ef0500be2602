/**
 * Renders a redline: one sentence per change, worded by templates/<locale>/diff/change/<kind>.hbs,
 * laid out by templates/<locale>/diff/<format>.hbs; JSON carries the changes with their sentences; HTML
 * is the side-by-side redline of src/diff/html/.
 */
import { loadLocale } from '../render/engine.ts';
import { formatSourceRef } from '../render/format.ts';
import { readToolVersion } from '../render/package-root.ts';
import { createRenderData, renderTemplate, squash } from '../render/render-data.ts';
import { mergeForLookup, viewChange } from './change-views.ts';
import { renderRedlineHtml } from './html/redline-page.ts';
import type { DiffDocument } from './diff-files.ts';
import type { TermChange } from './types.ts';

export type DiffFormat = 'md' | 'text' | 'json' | 'html' | 'docx' | 'pdf';

export const DIFF_FORMATS: readonly DiffFormat[] = ['md', 'text', 'json', 'html', 'docx', 'pdf'];

/** The formats renderDiff writes as text; docx is a file (renderDiffDocx), pdf the HTML printed (render/pdf). */
export type TextDiffFormat = Exclude<DiffFormat, 'docx' | 'pdf'>;

export interface RenderedChange extends TermChange {
  /** 1-based place in the list. */
  position: number;
  text: string;
  oldRef: string | null;
  newRef: string | null;
}

/** Each change with its sentence in the language, in the document's order. */
export function wordChanges(doc: DiffDocument, locale: string): RenderedChange[] {
  const { old: before, new: after } = doc.terms;
  const data = createRenderData(loadLocale(locale), mergeForLookup(before, after));
  return doc.changes.map((item, index) => ({
    ...item,
    position: index + 1,
    text: squash(renderTemplate(`diff/change/${item.kind}`, viewChange(item, before, after), data)),
    oldRef: item.oldSource ? formatSourceRef(item.oldSource) : null,
    newRef: item.newSource ? formatSourceRef(item.newSource) : null,
  }));
}

export function renderDiff(doc: DiffDocument, options: { format: TextDiffFormat; locale: string }): string {
  const changes = wordChanges(doc, options.locale);
  if (options.format === 'json') return `${JSON.stringify(toJson(doc, changes, options.locale), null, 2)}\n`;
  if (options.format === 'html') return `${renderRedlineHtml(doc, changes, options.locale).trim()}\n`;
  const { context, data } = templateInput(doc, changes, options.locale);
  return `${renderTemplate(`diff/${options.format}`, context, data).trim()}\n`;
}

/** The redline as a Word file with tracked changes; `date` dates the revisions (default now). */
export async function renderDiffDocx(doc: DiffDocument, options: { locale: string; date?: Date }): Promise<Uint8Array> {
  const { context, data } = templateInput(doc, wordChanges(doc, options.locale), options.locale);
  const markdown = renderTemplate('diff/md', context, data);
  // Loaded only when asked for, like the docx library it uses.
  const { renderRedlineDocx } = await import('./docx/redline-docx.ts');
  return renderRedlineDocx({ doc, locale: options.locale, markdown, context, data, ...(options.date ? { date: options.date } : {}) });
}

function templateInput(doc: DiffDocument, changes: RenderedChange[], locale: string) {
  const data = createRenderData(loadLocale(locale), mergeForLookup(doc.terms.old, doc.terms.new));
  return { data, context: { ...doc, changes, total: changes.length, tool: { name: 'plainterms', version: readToolVersion() } } };
}

function toJson(doc: DiffDocument, changes: RenderedChange[], locale: string) {
  return {
    schema: doc.schema,
    tool: { name: 'plainterms', version: readToolVersion() },
    compiler: doc.compiler,
    language: locale,
    old: doc.old,
    new: doc.new,
    same: doc.same,
    changes: changes.map(({ oldRef: _o, newRef: _n, position: _p, ...rest }) => rest),
  };
}
