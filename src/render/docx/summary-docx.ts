/**
 * A summary as a Word document: the Markdown of each language (templates/<locale>/md/summary.hbs) read
 * back as blocks, so the .docx carries the same headings, sentences and source references. Several
 * languages go one after the other in one document, each from a new page. Each source reference has a
 * footnote quoting the lines it cites (footnotes.ts).
 */
import type { SummaryDocument } from '../../terms/index.ts';
import { renderDocument } from '../document.ts';
import { sourceLines } from '../html/endnotes.ts';
import { blockElement, packDocument } from './docx-writer.ts';
import { citedRanges, Footnotes } from './footnotes.ts';
import { readMarkdownBlocks } from './markdown-blocks.ts';

/** `sources`: the compilation's files with their text, quoted in a footnote under each source reference. */
export async function renderSummaryDocx(documents: SummaryDocument[], sources: { path: string; content: string }[] = []): Promise<Uint8Array> {
  const languages = documents.map((document) => ({ locale: document.language, blocks: readMarkdownBlocks(renderDocument(document, 'md')) }));
  const footnotes = new Footnotes(sourceLines(sources), citedRanges(documents));
  const mark = footnotes.mark.bind(footnotes);
  const paragraphs = languages.flatMap(({ locale, blocks }, index) => blocks.map((block, at) => blockElement(block, locale, index > 0 && at === 0, mark)));
  const heading = languages[0].blocks.find((block) => block.kind === 'heading');
  const title = heading ? heading.spans.map((span) => span.text).join('') : documents[0].contracts.map((contract) => contract.name).join(', ');
  return packDocument(paragraphs, { title, locale: documents[0].language, footnotes: footnotes.bodies });
}
