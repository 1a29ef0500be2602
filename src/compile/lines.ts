/**
 * Byte offset → line and column. solc reports offsets in UTF-8 bytes; people and editors count lines
 * and characters. The index is built once per source: the byte offset where each line starts.
 * Lines end at '\n' only (as in solc's CharStream); a '\r' before it is not part of the line's text.
 * Columns count UTF-16 code units from the line start, like JavaScript strings and most editors, so a
 * Chinese comment earlier on the line does not shift the column.
 */

export interface Position {
  /** 1-based. */
  line: number;
  /** 1-based, in UTF-16 code units of the line's text. */
  column: number;
}

export interface LineIndex {
  readonly lineCount: number;
  /** The position of a byte offset; offsets past the end are clamped to the end. */
  locate(byteOffset: number): Position;
  /** The text of a 1-based line, without its line terminator. */
  lineText(line: number): string;
}

const NEWLINE = 0x0a;
const CARRIAGE_RETURN = 0x0d;

export function indexLines(content: string): LineIndex {
  const bytes = Buffer.from(content, 'utf8');
  const starts = findLineStarts(bytes);

  const lineEnd = (lineIndex: number): number => {
    let end = lineIndex + 1 < starts.length ? starts[lineIndex + 1] - 1 : bytes.length;
    if (end > starts[lineIndex] && bytes[end - 1] === CARRIAGE_RETURN) end -= 1;
    return end;
  };

  return {
    lineCount: starts.length,
    locate(byteOffset) {
      const offset = Math.min(Math.max(byteOffset, 0), bytes.length);
      const lineIndex = findLineIndex(starts, offset);
      const prefix = bytes.subarray(starts[lineIndex], Math.min(offset, lineEnd(lineIndex)));
      return { line: lineIndex + 1, column: prefix.toString('utf8').length + 1 };
    },
    lineText(line) {
      const lineIndex = Math.min(Math.max(line - 1, 0), starts.length - 1);
      return bytes.subarray(starts[lineIndex], lineEnd(lineIndex)).toString('utf8');
    },
  };
}

function findLineStarts(bytes: Buffer): number[] {
  const starts = [0];
  for (let i = bytes.indexOf(NEWLINE); i !== -1; i = bytes.indexOf(NEWLINE, i + 1)) starts.push(i + 1);
  return starts;
}

/** Binary search: the last line whose start is at or before the offset. */
function findLineIndex(starts: number[], offset: number): number {
  let low = 0;
  let high = starts.length - 1;
  while (low < high) {
    const middle = (low + high + 1) >> 1;
    if (starts[middle] <= offset) low = middle;
    else high = middle - 1;
  }
  return low;
}
