/**
 * A summary as a Word document: the Markdown of each language (templates/<locale>/md/summary.hbs) read
 * back as blocks, so the .docx carries the same headings, sentences and source references. Several
 * languages go one after the other in one document, each from a new page.
 */
import type { SummaryDocument } from '../../terms/index.ts';
import { renderDocument } from '../document.ts';
import { blockParagraph, packDocument } from './docx-writer.ts';
import { readMarkdownBlocks } from './markdown-blocks.ts';

export async function renderSummaryDocx(documents: SummaryDocument[]): Promise<Uint8Array> {
  const languages = documents.map((document) => ({ locale: document.language, blocks: readMarkdownBlocks(renderDocument(document, 'md')) }));
  const paragraphs = languages.flatMap(({ locale, blocks }, index) => blocks.map((block, at) => blockParagraph(block, locale, index > 0 && at === 0)));
  const heading = languages[0].blocks.find((block) => block.kind === 'heading');
  const title = heading ? heading.spans.map((span) => span.text).join('') : documents[0].contracts.map((contract) => contract.name).join(', ');
  return packDocument(paragraphs, { title, locale: documents[0].language });
}
