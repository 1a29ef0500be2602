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
  /** Several languages at once (e.g. ['en', 'zh']); overrides `language`. HTML puts them in one page with a switch. */
  languages?: string[];
  /** Renderings to produce; default ['md']. */
  formats?: SummaryFormat[];
}

export interface SummaryOutput {
  format: SummaryFormat;
  language: string;
  text: string;
}

export interface Summary {
  /** The document in the first language. */
  document: SummaryDocument;
  /** One document per language, in the order asked. */
  documents: SummaryDocument[];
  /** One output per format and language; HTML holds every language in one page. */
  outputs: SummaryOutput[];
}

export async function summarize(files: string[], options: SummarizeOptions = {}): Promise<Summary> {
  const { contracts, language = 'en', languages = [language], formats = ['md'], ...compileOptions } = options;
  for (const locale of languages) loadLocale(locale);
  const compilation = await compileFiles(files, compileOptions);
  const terms = extractContracts(compilation, { contracts });
  const documents = languages.map((locale) => buildSummaryDocument(compilation, terms, locale));
  const outputs: SummaryOutput[] = [];
  for (const format of formats) {
    if (format === 'html') {
      const text = await renderHtmlReport(documents, compilation.sources.map(({ path, content }) => ({ path, content })));
      outputs.push({ format, language: languages.join(','), text });
    } else {
      for (const document of documents) outputs.push({ format, language: document.language, text: renderSummary(document, format) });
    }
  }
  return { document: documents[0], documents, outputs };
}

export type { Compilation };
