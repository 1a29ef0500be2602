/**
 * The whole pipeline: compile → extract → statements → render. A summary is a pure function of the
 * sources, the compiler version and the language.
 */
import { compileFiles, type CompileOptions } from './compile/index.ts';
import { extractContracts } from './extract/index.ts';
import { buildSummaryDocument, loadLocale, type OutputFormat, renderSummary } from './render/index.ts';
import type { SummaryDocument } from './terms/index.ts';

export interface SummarizeOptions extends CompileOptions {
  /** Contracts to describe; default every deployable contract in the files. */
  contracts?: string[];
  /** Language of the statements and documents; default 'en'. */
  language?: string;
  /** Renderings to produce; default ['md']. */
  formats?: OutputFormat[];
}

export interface SummaryOutput {
  format: OutputFormat;
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
  const outputs = formats.map((format) => ({ format, language, text: renderSummary(document, format) }));
  return { document, outputs };
}
