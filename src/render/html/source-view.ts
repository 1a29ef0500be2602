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

/** The cited files, in the order of the compilation's sources. */
export function citedSources(documents: SummaryDocument[], sources: SourceText[]): SourceView[] {
  const cited = new Set<string>();
  for (const document of documents) {
    for (const contract of document.contracts) {
      for (const statement of contract.statements) if (statement.source) cited.add(statement.source.path);
    }
  }
  return sources
    .filter((source) => cited.has(source.path))
    .map((source) => ({
      path: source.path,
      domId: domId('file', source.path),
      lines: source.content.replace(/\r\n?/g, '\n').replace(/\n$/, '').split('\n').map((text, index) => ({ number: index + 1, text })),
    }));
}
