/** The render layer: statements in a language, and documents in Markdown, plain text or JSON. */
import type { SummaryDocument } from '../terms/index.ts';
import { renderDocument } from './document.ts';
import { renderJson } from './json.ts';

export const OUTPUT_FORMATS = ['md', 'text', 'json'] as const;
export type OutputFormat = (typeof OUTPUT_FORMATS)[number];

/** A summary document in one format. */
export function renderSummary(document: SummaryDocument, format: OutputFormat): string {
  return format === 'json' ? renderJson(document) : renderDocument(document, format);
}

export { buildStatements } from './statements.ts';
export { buildSummaryDocument, type CompiledSources } from './summary-document.ts';
export { listLocales, loadLocale } from './engine.ts';
export { renderDocument, type DocumentFormat } from './document.ts';
export { renderJson } from './json.ts';
