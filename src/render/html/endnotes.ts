/**
 * The cited code as numbered endnotes, for paper: each source range a sentence cites gets a number the
 * first time the page shows it, and the notes after the summary quote those lines. Printing needs no
 * script, so the notes are written when the page is rendered. A long range is cut after its first lines.
 */
import type { SourceRef } from '../../terms/index.ts';
import { formatSourceRef } from '../format.ts';

/** Ranges longer than this are cut to their first SHOWN lines. */
const MAX_LINES = 10;
const SHOWN = 8;

export interface Endnote {
  number: number;
  /** As the sentence shows it: `FobSale.sol:85-92`. */
  ref: string;
  path: string;
  /** The quoted lines, their common indentation removed. */
  lines: { number: number; text: string }[];
  /** How many lines of the range are left out, and the range's last line. */
  omitted: number;
  last: number;
}

/** The lines of each source file by path. */
export type SourceLines = Map<string, string[]>;

export function sourceLines(sources: { path: string; content: string }[]): SourceLines {
  return new Map(sources.map((source) => [source.path, source.content.replace(/\r\n?/g, '\n').split('\n')]));
}

/** The cited lines of one range: the first SHOWN of a long one, with the common indentation removed. */
export function quotedLines(lines: string[], source: SourceRef, limit: { max: number; shown: number } = { max: MAX_LINES, shown: SHOWN }) {
  const total = source.endLine - source.line + 1;
  const count = total > limit.max ? limit.shown : total;
  const quoted = [];
  for (let n = source.line; n < source.line + count; n++) quoted.push({ number: n, text: (lines[n - 1] ?? '').replace(/\s+$/, '') });
  const indents = quoted.filter((line) => line.text.trim() !== '').map((line) => /^[ \t]*/.exec(line.text)![0].length);
  const cut = indents.length > 0 ? Math.min(...indents) : 0;
  return { lines: quoted.map((line) => ({ number: line.number, text: line.text.slice(cut) })), omitted: total - count, last: source.endLine };
}

/** The endnotes of one contract's summary, numbered as the page asks for them. */
export class Endnotes {
  private readonly byRange = new Map<string, Endnote>();

  constructor(private readonly files: SourceLines) {}

  /** The note of a cited range, numbered on first use; null when the file's text is not at hand. */
  number(source: SourceRef | null | undefined): number | null {
    if (!source) return null;
    const key = `${source.path}:${source.line}-${source.endLine}`;
    const known = this.byRange.get(key);
    if (known) return known.number;
    const lines = this.files.get(source.path);
    if (!lines) return null;
    const note = { number: this.byRange.size + 1, ref: formatSourceRef(source), path: source.path, ...quotedLines(lines, source) };
    this.byRange.set(key, note);
    return note.number;
  }

  list(): Endnote[] {
    return [...this.byRange.values()];
  }
}
