/**
 * Diagnostics as users see them: `path:line:col: error: message`, then the offending line and a caret
 * under the column. solc's own formattedMessage is not used.
 */
import type { Diagnostic } from '../errors.ts';
import type { LineIndex } from './lines.ts';
import { isWideCodePoint } from '../text-width.ts';

/** A source file as far as diagnostics need it. */
export interface DiagnosticSource {
  path: string;
  lines: LineIndex;
}

export function formatDiagnostic(d: Diagnostic): string {
  const place = [d.path, d.line, d.column].filter((part) => part !== null).join(':');
  const head = `${place === '' ? '' : `${place}: `}${d.severity}: ${d.message}`;
  return d.excerpt === null ? head : `${head}\n${d.excerpt}`;
}

/** A diagnostic at a byte offset of a source; without an offset (or a negative one) it names only the file. */
export function diagnoseAt(
  source: DiagnosticSource | null,
  byteOffset: number | null,
  message: string,
  severity: Diagnostic['severity'] = 'error',
): Diagnostic {
  if (source === null) return { severity, path: null, line: null, column: null, message, excerpt: null };
  if (byteOffset === null || byteOffset < 0) {
    return { severity, path: source.path, line: null, column: null, message, excerpt: null };
  }
  const { line, column } = source.lines.locate(byteOffset);
  const excerpt = buildExcerpt(source.lines.lineText(line), column);
  return { severity, path: source.path, line, column, message, excerpt };
}

/** The line, then a caret under the 1-based column; tabs are kept and wide characters take two cells. */
export function buildExcerpt(lineText: string, column: number): string {
  let padding = '';
  for (const character of lineText.slice(0, column - 1)) {
    padding += character === '\t' ? '\t' : isWideCodePoint(character.codePointAt(0) ?? 0) ? '  ' : ' ';
  }
  return `${lineText}\n${padding}^`;
}
