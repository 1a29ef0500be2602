/**
 * The whole pipeline: compile → extract → statements → render. A summary is a pure function of the
 * sources, the compiler version and the language.
 */
import { type Compilation, compileFiles, type CompileOptions } from './compile/index.ts';
import { fail } from './errors.ts';
import { extractContracts } from './extract/index.ts';
import { renderHtmlReport } from './render/html/report.ts';
import { buildSummaryDocument, loadLocale, renderSummary } from './render/index.ts';
import type { SummaryDocument } from './terms/index.ts';

export const SUMMARY_FORMATS = ['md', 'text', 'html', 'json', 'docx', 'pdf'] as const;
export type SummaryFormat = (typeof SUMMARY_FORMATS)[number];

export interface SummarizeOptions extends CompileOptions {
  /** Contracts to describe; default every deployable contract in the files. */
  contracts?: string[];
  /** Language of the statements and documents; default 'en'. */
  language?: string;
  /** Several languages at once (e.g. ['en', 'zh']); overrides `language`. HTML puts them in one page with a switch, docx and PDF one after the other in one document. */
  languages?: string[];
  /** Renderings to produce; default ['md']. */
  formats?: SummaryFormat[];
  /** A deployed instance to read: its public state and whether its code matches the source. One contract only. */
  deployment?: DeploymentOptions;
}

/** A deployed instance to read: the JSON-RPC URL (or URL and request timeout), the address, and the compiler settings it was built with when known. */
export interface DeploymentOptions {
  rpc: string | { url: string; timeoutMs?: number };
  address: string;
  /** Optimizer, runs, EVM version, via-IR; without them solc's defaults and a few common settings are tried. */
  settings?: import('./chain/compiler-settings.ts').CompilerSettings | null;
}

export interface SummaryOutput {
  format: SummaryFormat;
  language: string;
  /** The document; empty for a binary format (docx, pdf), whose file is in `bytes`. */
  text: string;
  /** The file of a binary format (docx, pdf). */
  bytes?: Uint8Array;
}

export interface Summary {
  /** The document in the first language. */
  document: SummaryDocument;
  /** One document per language, in the order asked. */
  documents: SummaryDocument[];
  /** One output per format and language; HTML and docx hold every language in one document. */
  outputs: SummaryOutput[];
}

export async function summarize(files: string[], options: SummarizeOptions = {}): Promise<Summary> {
  const { contracts, language = 'en', languages = [language], formats = ['md'], ...compileOptions } = options;
  for (const locale of languages) loadLocale(locale);
  const compilation = await compileFiles(files, compileOptions);
  const terms = extractContracts(compilation, { contracts });
  const documents = languages.map((locale) => buildSummaryDocument(compilation, terms, locale));
  if (options.deployment) await addDeployment(documents, files, { ...options, ...options.deployment, contracts: terms.map((t) => t.name) });
  const outputs: SummaryOutput[] = [];
  for (const format of formats) {
    if (format === 'html' || format === 'pdf') {
      const text = await renderHtmlReport(documents, compilation.sources.map(({ path, content }) => ({ path, content })));
      if (format === 'html') outputs.push({ format, language: languages.join(','), text });
      else {
        // The HTML page printed by a headless browser, found only when a PDF is asked for.
        const { printPdf } = await import('./render/pdf/print-pdf.ts');
        outputs.push({ format, language: languages.join(','), text: '', bytes: await printPdf(text) });
      }
    } else if (format === 'docx') {
      // The Word writer (and the docx library with it, ~0.1 s to load) is loaded only when asked for.
      const { renderSummaryDocx } = await import('./render/docx/summary-docx.ts');
      outputs.push({ format, language: languages.join(','), text: '', bytes: await renderSummaryDocx(documents, compilation.sources) });
    } else {
      for (const document of documents) outputs.push({ format, language: document.language, text: renderSummary(document, format) });
    }
  }
  return { document: documents[0], documents, outputs };
}

export type { Compilation };

/**
 * Adds what was read from a deployed instance: the facts, and their statements (basis `deployment`) in each
 * language. The "deployed code was not checked" line gives way to the result of the check.
 */
async function addDeployment(documents: SummaryDocument[], files: string[], options: SummarizeOptions & DeploymentOptions & { contracts: string[] }): Promise<void> {
  if (options.contracts.length !== 1) {
    fail('USAGE', `--address names one deployed contract, but the files define ${options.contracts.length}: ${options.contracts.join(', ')}`, { hint: 'choose it with --contract' });
  }
  const { languages, language, formats, deployment: _, contracts, ...compileOptions } = options;
  // The chain layer (and ethers with it) is loaded only when a deployment is read.
  const { readDeploymentOfFiles, buildDeploymentStatements, disconnectAll } = await import('./chain/index.ts');
  try {
    // Read (and compiled with bytecode) once, worded in each language.
    const read = await readDeploymentOfFiles(files, { ...compileOptions, contract: contracts[0], lang: documents[0].language });
    for (const document of documents) {
      const statements = document === documents[0] ? read.statements : buildDeploymentStatements(read.deployment, read.terms, document.language);
      addDeploymentTo(document, { deployment: read.deployment, statements });
    }
  } finally {
    // Nothing is left open, so a command-line run always ends.
    disconnectAll();
  }
}

function addDeploymentTo(document: SummaryDocument, { deployment, statements }: { deployment: DeploymentRead['deployment']; statements: DeploymentRead['statements'] }): void {
  const contract = document.contracts[0];
  const kept = contract.statements.filter((s) => s.id !== 'not-covered:deployed-code');
  const at = kept.findIndex((s) => s.section !== 'warning' && s.section !== 'key-facts');
  const read = statements.map(({ id, text, basis, source }) => ({ id, section: 'deployment' as const, text, basis, source }));
  contract.statements = [...kept.slice(0, at), ...read, ...kept.slice(at)];
  contract.deployment = deployment as unknown as Record<string, unknown>;
}

type DeploymentRead = Awaited<ReturnType<typeof import('./chain/index.ts').readDeploymentOfFiles>>;
