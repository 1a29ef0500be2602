/**
 * The whole pipeline: compile → extract → statements → render. A summary is a pure function of the
 * sources, the compiler version and the language.
 */
import { type Compilation, compileFiles, type CompileOptions } from './compile/index.ts';
import { extractContracts } from './extract/index.ts';
import { renderHtmlReport } from './render/html/report.ts';
import { buildSummaryDocument, loadLocale, renderSummary } from './render/index.ts';
import type { SummaryDocument } from './terms/index.ts';

export const SUMMARY_FORMATS = ['md', 'text', 'html', 'json'] as const;
export type SummaryFormat = (typeof SUMMARY_FORMATS)[number];

export interface SummarizeOptions extends CompileOptions {
  /** Contracts to describe; default every deployable contract in the files. */
  contracts?: string[];
  /** Language of the statements and documents; default 'en'. */
  language?: string;
  /** Renderings to produce; default ['md']. */
  formats?: SummaryFormat[];
}

export interface SummaryOutput {
  format: SummaryFormat;
  language: string;
  text: string;
}

export interface Summary {
  document: SummaryDocument;
  outputs: SummaryOutput[];
}

export async function summarize(files: string[], options: SummarizeOptions = {}): Promise<Summary> {
  const { contracts, language = 'en', formats = ['md'], ...compileOptions } = options;
  loadLocale(language);
  const compilation = await compileFiles(files, compileOptions);
  const document = buildSummaryDocument(compilation, extractContracts(compilation, { contracts }), language);
  const outputs = await Promise.all(formats.map(async (format) => ({ format, language, text: await renderFormat(document, format, compilation) })));
  return { document, outputs };
}

async function renderFormat(document: SummaryDocument, format: SummaryFormat, compilation: Compilation): Promise<string> {
  if (format !== 'html') return renderSummary(document, format);
  return renderHtmlReport([document], compilation.sources.map(({ path, content }) => ({ path, content })));
}
