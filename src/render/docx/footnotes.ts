/**
 * Source references as Word footnotes: after each `[FobSale.sol:85]` a footnote mark, and at the foot
 * of the page the cited lines, numbered as in the file (a long range cut after its first lines, as the
 * HTML's endnotes are). A range cited again in the same language gets a short footnote pointing at the
 * one that quotes it.
 * Footnote ids are given in the order of the document, so id n is the footnote Word numbers n.
 */
import { FootnoteReferenceRun, Paragraph, TextRun } from 'docx';
import type { SourceRef, SummaryDocument } from '../../terms/index.ts';
import { loadLocale } from '../engine.ts';
import { formatSourceRef } from '../format.ts';
import { quotedLines, type SourceLines } from '../html/endnotes.ts';
import { createRenderData, renderTemplate } from '../render-data.ts';
import { runOptions } from './docx-writer.ts';
import { readSpans, type Span } from './markdown-blocks.ts';

/** Footnotes are set at 8 pt, and quote at most 6 lines (4 of a longer range): a page keeps room for its text. */
const NOTE_SIZE = 16;
const QUOTED = { max: 6, shown: 4 };

export type FootnoteBodies = Record<number, { children: Paragraph[] }>;

/** What a reference span reads, `FobSale.sol:30-31`, against the range it names, from the statements. */
export function citedRanges(documents: SummaryDocument[]): Map<string, SourceRef> {
  const ranges = new Map<string, SourceRef>();
  for (const document of documents) {
    for (const contract of document.contracts) {
      for (const statement of contract.statements) {
        if (!statement.source) continue;
        const label = formatSourceRef(statement.source);
        if (!ranges.has(label)) ranges.set(label, statement.source);
      }
    }
  }
  return ranges;
}

export class Footnotes {
  readonly bodies: FootnoteBodies = {};
  private next = 1;
  private readonly firstOf = new Map<string, number>();

  constructor(
    private readonly files: SourceLines,
    private readonly ranges: Map<string, SourceRef>,
  ) {}

  /** The footnote mark for a reference span (` [FobSale.sol:30]`) in `locale`, or null when its lines are not at hand. */
  mark(span: Span, locale: string): FootnoteReferenceRun | null {
    const source = this.ranges.get(span.text.trim().replace(/^\[|\]$/g, ''));
    const lines = source ? this.files.get(source.path) : undefined;
    if (!source || !lines) return null;
    const id = this.next++;
    // Each language's part quotes its own: a reader of the Chinese part is not sent back to the English.
    const key = `${locale}:${source.path}:${source.line}-${source.endLine}`;
    const data = createRenderData(loadLocale(locale), null);
    const spans = (text: string, code: boolean): Span[] => (code ? [{ text, code: true, bold: false, ref: false }] : readSpans(text, { markdown: false }));
    const line = (text: string, code = false) => new Paragraph({ children: spans(text, code).map((span) => new TextRun({ ...runOptions(span, locale), size: NOTE_SIZE })) });
    const ref = formatSourceRef(source);
    const again = this.firstOf.get(key);
    if (again !== undefined) {
      this.bodies[id] = { children: [line(renderTemplate('docx/footnote', { ref, path: source.path, again }, data).trim())] };
      return new FootnoteReferenceRun(id);
    }
    this.firstOf.set(key, id);
    const quoted = quotedLines(lines, source, QUOTED);
    const width = String(quoted.last).length;
    this.bodies[id] = {
      children: [
        line(renderTemplate('docx/footnote', { ref, path: source.path, again: null }, data).trim()),
        ...quoted.lines.map((code) => line(`${String(code.number).padStart(width)}  ${code.text}`, true)),
        ...(quoted.omitted > 0 ? [line(renderTemplate('docx/footnote-more', quoted, data).trim())] : []),
      ],
    };
    return new FootnoteReferenceRun(id);
  }
}
