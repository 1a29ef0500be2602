/** The source files shown beside the report: only the files statements cite, with numbered lines. */
import type { SummaryDocument } from '../../terms/index.ts';
import { domId } from './html-text.ts';

export interface SourceText {
  path: string;
  content: string;
}

export interface SourceView {
  path: string;
  domId: string;
  lines: { number: number; text: string }[];
}

/** The cited files: the contracts' own files first, then the others in the compilation's order. */
export function citedSources(documents: SummaryDocument[], sources: SourceText[]): SourceView[] {
  const cited = new Set<string>();
  const own = new Set<string>();
  for (const document of documents) {
    for (const contract of document.contracts) {
      own.add(contract.source.path);
      for (const statement of contract.statements) if (statement.source) cited.add(statement.source.path);
    }
  }
  const rank = (source: SourceText) => (own.has(source.path) ? 0 : 1);
  return sources
    .filter((source) => cited.has(source.path))
    .sort((a, b) => rank(a) - rank(b))
    .map((source) => ({
      path: source.path,
      domId: domId('file', source.path),
      lines: source.content.replace(/\r\n?/g, '\n').replace(/\n$/, '').split('\n').map((text, index) => ({ number: index + 1, text })),
    }));
}
