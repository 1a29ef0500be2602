/**
 * The redline as a Word document with real tracked changes. First the list of changes of terms, as the
 * Markdown redline words it (templates/<locale>/diff/md.hbs); then every statement of the new version's
 * summary in its section, the old version's wording kept as revisions by "plainterms": a statement
 * removed is a deletion, one added an insertion, one reworded a deletion and an insertion of the words
 * that differ. Accepting every change gives the new summary, rejecting every change the old.
 */
import { Paragraph, type ParagraphChild, type Table, TextRun } from 'docx';
import { blockElement, blockParagraph, packDocument, REVISION_AUTHOR, RevisionCounter, type Revision, spanRuns } from '../../render/docx/docx-writer.ts';
import { readMarkdownBlocks, readSpans } from '../../render/docx/markdown-blocks.ts';
import { formatSourceRef } from '../../render/format.ts';
import { type RenderData, renderTemplate } from '../../render/render-data.ts';
import { buildStatements } from '../../render/statements.ts';
import type { Statement } from '../../terms/index.ts';
import type { DiffDocument } from '../diff-files.ts';
import { type AlignedRow, alignStatements } from '../html/align.ts';
import { type Edit, wordEdits } from '../html/word-diff.ts';

export interface RedlineDocxInput {
  doc: DiffDocument;
  locale: string;
  /** The Markdown redline of the same changes (diff/md.hbs). */
  markdown: string;
  /** What templates read: the tool's name and version. */
  context: Record<string, unknown>;
  data: RenderData;
  /** When the revisions are dated; default now. */
  date?: Date;
}

/** The Markdown redline's closing note follows a rule line; the tracked statements go before it. */
const CLOSING_RULE = /\n---\n/;

export async function renderRedlineDocx(input: RedlineDocxInput): Promise<Uint8Array> {
  const { doc, locale } = input;
  const [head, closing = ''] = input.markdown.split(CLOSING_RULE);
  const date = (input.date ?? new Date()).toISOString().replace(/\.\d{3}Z$/, 'Z');
  const counter = new RevisionCounter();
  const rows = alignStatements(buildStatements(doc.terms.old, locale), buildStatements(doc.terms.new, locale));
  const paragraphs: (Paragraph | Table)[] = [
    ...readMarkdownBlocks(head).map((block) => blockElement(block, locale)),
    ...readMarkdownBlocks(renderTemplate('diff/docx/redline', input.context, input.data)).map((block) => blockElement(block, locale)),
  ];
  let section: string | null = null;
  for (const row of rows) {
    if (row.section !== section) {
      section = row.section;
      const name = renderTemplate('diff/html/section-name', { id: section }, input.data).trim();
      paragraphs.push(blockParagraph({ kind: 'heading', level: 3, spans: readSpans(name, { markdown: false }) }, locale));
    }
    paragraphs.push(rowParagraph(row, locale, { date, counter }));
  }
  paragraphs.push(...readMarkdownBlocks(closing).map((block) => blockElement(block, locale)));
  const title = readMarkdownBlocks(head).find((block) => block.kind === 'heading');
  return packDocument(paragraphs, { title: title ? title.spans.map((span) => span.text).join('') : doc.new.contract, locale });
}

/** A statement's source reference as the summary writes it after the sentence, or '' without a source. */
function refText(statement: Statement | null): string {
  return statement?.source ? ` [${formatSourceRef(statement.source)}]` : '';
}

/**
 * One statement as a bulleted paragraph. A reworded sentence is marked word by word (a code name
 * appearing beside a term counts: rejecting every change must give the old wording exactly); a moved
 * source reference is deleted and inserted whole, apart from the words.
 */
function rowParagraph(row: AlignedRow, locale: string, revisions: Omit<Revision, 'kind'>): Paragraph {
  const runs = (edit: Edit, ref: boolean): ParagraphChild[] => {
    const spans = ref ? [{ text: edit.text, code: false, bold: false, ref: true }] : readSpans(edit.text, { markdown: false });
    return spanRuns(spans, locale, edit.op === 'same' ? null : { kind: edit.op, ...revisions });
  };
  if (row.status === 'added' || row.status === 'removed') {
    const op = row.status === 'added' ? 'ins' : 'del';
    const statement = (row.new ?? row.old)!;
    const mark = { id: revisions.counter.take(), author: REVISION_AUTHOR, date: revisions.date };
    return new Paragraph({
      bullet: { level: 0 },
      children: [...runs({ op, text: statement.text }, false), ...(refText(statement) ? runs({ op, text: refText(statement) }, true) : [])],
      // The paragraph mark is tracked too, so accepting a deletion leaves no empty line.
      run: op === 'ins' ? { insertion: mark } : { deletion: mark },
    });
  }
  const [before, after] = [row.old!, row.new!];
  const words: Edit[] = before.text === after.text ? [{ op: 'same', text: after.text }] : wordEdits(before.text, after.text);
  const refs: Edit[] = refText(before) === refText(after) ? [{ op: 'same', text: refText(after) }] : [{ op: 'del', text: refText(before) }, { op: 'ins', text: refText(after) }];
  const children = [...words.flatMap((edit) => runs(edit, false)), ...refs.filter((edit) => edit.text !== '').flatMap((edit) => runs(edit, true))];
  return new Paragraph({ bullet: { level: 0 }, children: children.length > 0 ? children : [new TextRun('')] });
}
