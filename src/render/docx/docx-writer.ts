/**
 * Word documents through the `docx` library: blocks read from the Markdown become headings, bulleted
 * and plain paragraphs; code identifiers are set in a monospace font, source references in grey. Every
 * run carries its language (w:lang en-GB or zh-CN) and, in Chinese, an East Asian font. Tracked changes
 * (w:ins, w:del) are written by "plainterms", so a reviewer can accept or reject each one in Word.
 */
import { BorderStyle, DeletedTextRun, Document, HeadingLevel, InsertedTextRun, Packer, Paragraph, type ParagraphChild, Table, TableCell, TableRow, TextRun, WidthType } from 'docx';
import type { Block, Span, TableBlock, TextBlock } from './markdown-blocks.ts';

/** Who tracked changes are attributed to. */
export const REVISION_AUTHOR = 'plainterms';

const BODY_FONT = 'Calibri';
const CODE_FONT = 'Consolas';
/** Declared for Chinese runs; Word substitutes a similar font where it is not installed. */
const EAST_ASIAN_FONT = 'SimSun';
const REF_COLOUR = '666666';

/** "Read this first": the powers that override the deal, marked by a rule down the left. */
const CALLOUT_BORDER = { left: { style: BorderStyle.SINGLE, size: 18, color: 'C00000', space: 8 } };

const HEADINGS = { 1: HeadingLevel.HEADING_1, 2: HeadingLevel.HEADING_2, 3: HeadingLevel.HEADING_3 } as const;

/** The w:lang of a plainterms locale. */
export function wordLanguage(locale: string): string {
  return locale === 'zh' ? 'zh-CN' : locale === 'en' ? 'en-GB' : locale;
}

export interface Revision {
  kind: 'ins' | 'del';
  /** ISO time without milliseconds, as Word writes it. */
  date: string;
  /** The document's counter: every revision needs its own id. */
  counter: RevisionCounter;
}

/** Numbers each tracked change of one document; Word needs them unique. */
export class RevisionCounter {
  private next = 1;
  take(): number {
    return this.next++;
  }
}

export function runOptions(span: Span, locale: string) {
  const lang = wordLanguage(locale);
  const chinese = locale === 'zh';
  const latin = span.code ? CODE_FONT : BODY_FONT;
  return {
    text: span.text,
    bold: span.bold || undefined,
    color: span.ref ? REF_COLOUR : undefined,
    font: chinese ? { ascii: latin, hAnsi: latin, eastAsia: EAST_ASIAN_FONT } : span.code ? { ascii: CODE_FONT, hAnsi: CODE_FONT } : undefined,
    language: chinese ? { value: lang, eastAsia: lang } : { value: lang },
  };
}

/** The runs of some spans, each inside a tracked insertion or deletion when `revision` is given. */
export function spanRuns(spans: Span[], locale: string, revision: Revision | null = null): ParagraphChild[] {
  return spans.map((span) => {
    const options = runOptions(span, locale);
    if (revision === null) return new TextRun(options);
    const tracked = { ...options, id: revision.counter.take(), author: REVISION_AUTHOR, date: revision.date };
    return revision.kind === 'ins' ? new InsertedTextRun(tracked) : new DeletedTextRun(tracked);
  });
}

/** A footnote mark to follow a source reference, or null for none. */
export type FootnoteMark = (span: Span, locale: string) => ParagraphChild | null;

/** Runs of some spans, each source reference followed by its footnote mark when `footnote` is given. */
function markedRuns(spans: Span[], locale: string, footnote: FootnoteMark | null): ParagraphChild[] {
  return spanRuns(spans, locale).flatMap((run, index) => {
    const span = spans[index]!;
    const mark = span.ref && footnote ? footnote(span, locale) : null;
    return mark ? [run, mark] : [run];
  });
}

/** A block as a paragraph; `pageBreakBefore` starts a new language on a new page; `footnote` marks each source reference. */
export function blockParagraph(block: TextBlock, locale: string, pageBreakBefore = false, footnote: FootnoteMark | null = null): Paragraph {
  const children = markedRuns(block.spans, locale, footnote);
  if (block.kind === 'heading') return new Paragraph({ heading: HEADINGS[block.level], children, pageBreakBefore });
  const border = block.callout ? CALLOUT_BORDER : undefined;
  if (block.kind === 'bullet') return new Paragraph({ bullet: { level: 0 }, children, border, pageBreakBefore });
  return new Paragraph({ children, border, pageBreakBefore });
}

/** A block as a paragraph, or a table as a Word table. */
export function blockElement(block: Block, locale: string, pageBreakBefore = false, footnote: FootnoteMark | null = null): Paragraph | Table {
  return block.kind === 'table' ? tableOf(block, locale, footnote) : blockParagraph(block, locale, pageBreakBefore, footnote);
}

/** A table as a Word table across the page: the header row in bold, repeated on each page. */
export function tableOf(block: TableBlock, locale: string, footnote: FootnoteMark | null = null): Table {
  const row = (cells: Span[][], header: boolean) =>
    new TableRow({
      tableHeader: header,
      children: cells.map((spans) => new TableCell({ children: [new Paragraph({ children: header ? spanRuns(spans.map((span) => ({ ...span, bold: true })), locale) : markedRuns(spans, locale, footnote) })] })),
    });
  return new Table({ width: { size: 100, type: WidthType.PERCENTAGE }, rows: [row(block.headers, true), ...block.rows.map((cells) => row(cells, false))] });
}

/** A document of paragraphs and tables, its default language that of `locale`, packed as the bytes of a .docx file. */
export async function packDocument(paragraphs: (Paragraph | Table)[], options: { title: string; locale: string; footnotes?: Record<number, { children: Paragraph[] }> }): Promise<Uint8Array> {
  const lang = wordLanguage(options.locale);
  const document = new Document({
    creator: REVISION_AUTHOR,
    title: options.title,
    styles: {
      default: {
        document: { run: { font: { ascii: BODY_FONT, hAnsi: BODY_FONT, eastAsia: EAST_ASIAN_FONT }, language: { value: lang, eastAsia: wordLanguage('zh') } } },
      },
    },
    footnotes: options.footnotes,
    sections: [{ children: paragraphs }],
  });
  return new Uint8Array(await Packer.toBuffer(document));
}
