/**
 * The Markdown that templates/<locale>/md/summary.hbs and diff/md.hbs write, read back as blocks, so a
 * Word document carries the very sentences of the Markdown. Only what those templates produce is read:
 * headings, list items (also inside a `>` callout), numbered items, bold lines, code spans, the
 * `<details>` of imported files, a source reference `[File.sol:12]` at the end of a line, and GFM tables
 * (md/table.hbs: a header row, a `---` row, then one row per statement, its source reference last).
 */

export interface Span {
  text: string;
  code: boolean;
  bold: boolean;
  /** A source reference such as `FobSale.sol:30-31`, shown in brackets. */
  ref: boolean;
}

export type Block =
  | { kind: 'heading'; level: 1 | 2 | 3; spans: Span[] }
  | { kind: 'bullet'; spans: Span[]; callout: boolean }
  | { kind: 'paragraph'; spans: Span[]; callout: boolean }
  | TableBlock;

/** A table: its header cells and its rows, each cell as runs. */
export interface TableBlock {
  kind: 'table';
  headers: Span[][];
  rows: Span[][][];
}

/** The blocks other than tables: each is one paragraph. */
export type TextBlock = Exclude<Block, TableBlock>;

/** A source reference left unescaped at the end of a line: markdownSafe escapes every other bracket. */
const TRAILING_REF = /(?<!\\) \[([^\]\\]+)\]$/;

export function readMarkdownBlocks(markdown: string): Block[] {
  const blocks: Block[] = [];
  for (const raw of markdown.split('\n')) {
    let line = raw.replace(/\s+$/, '');
    const callout = line.startsWith('>');
    if (callout) line = line.replace(/^>\s?/, '');
    line = line.replace(/^<details><summary>(.*)<\/summary>$/, '$1');
    if (line === '' || line === '---' || line === '</details>') continue;
    if (line.startsWith('|')) {
      addTableRow(blocks, tableCells(line));
      continue;
    }
    const heading = /^(#{1,3}) (.*)$/.exec(line);
    if (heading) blocks.push({ kind: 'heading', level: heading[1].length as 1 | 2 | 3, spans: readSpans(heading[2]) });
    else if (line.startsWith('- ')) blocks.push({ kind: 'bullet', spans: readSpans(line.slice(2)), callout });
    else blocks.push({ kind: 'paragraph', spans: readSpans(line, { bold: line.startsWith('**') }), callout });
  }
  return blocks;
}

/** The cells of a table row, `\|` inside a cell kept as a bar. */
function tableCells(line: string): string[] {
  return line
    .replace(/^\|/, '')
    .replace(/\|$/, '')
    .split(/(?<!\\)\|/)
    .map((cell) => cell.trim().replace(/\\\|/g, '|'));
}

/** A row starts a table after other blocks; the `---` row under the headers is left out. */
function addTableRow(blocks: Block[], cells: string[]): void {
  const last = blocks.at(-1);
  const spans = cells.map((cell) => (/^\[[^\]]+\]$/.test(cell) ? [{ text: cell, code: false, bold: false, ref: true }] : readSpans(cell)));
  if (last?.kind !== 'table') blocks.push({ kind: 'table', headers: spans, rows: [] });
  else if (!cells.every((cell) => /^-+$/.test(cell))) last.rows.push(spans);
}

/**
 * One line of Markdown as runs: code spans verbatim, the escapes of markdownSafe undone, and a trailing
 * source reference as its own span. With `bold`, `**` toggles bold (a bold label may hold a code span):
 * only the templates' own labels start a line with it, and markdownSafe leaves an author's `**` as it is.
 * With `markdown: false` the line is a statement's own text, taken as it is apart from its code spans.
 */
export function readSpans(line: string, options: { markdown?: boolean; bold?: boolean } = {}): Span[] {
  const markdown = options.markdown ?? true;
  const ref = markdown ? TRAILING_REF.exec(line) : null;
  const body = ref ? line.slice(0, ref.index) : line;
  const spans: Span[] = [];
  let bold = false;
  body.split(/(`[^`]*`)/).forEach((part, index) => {
    if (index % 2 === 1) {
      spans.push({ text: part.slice(1, -1), code: true, bold, ref: false });
      return;
    }
    const pieces = markdown && options.bold ? part.split('**') : [part];
    pieces.forEach((piece, at) => {
      if (at > 0) bold = !bold;
      if (piece !== '') spans.push({ text: markdown ? unescapeMarkdown(piece) : piece, code: false, bold, ref: false });
    });
  });
  if (ref) spans.push({ text: ` [${ref[1]}]`, code: false, bold: false, ref: true });
  return spans;
}

function unescapeMarkdown(text: string): string {
  return text.replace(/\\([[\]])/g, '$1').replace(/&lt;/g, '<').replace(/&gt;/g, '>');
}
