/**
 * Diagnostics as users see them: `path:line:col: error: message`, then the offending line and a caret
 * under the column. solc's own formattedMessage is not used.
 */
import type { Diagnostic } from '../errors.ts';
import type { LineIndex } from './lines.ts';

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
    padding += character === '\t' ? '\t' : isWide(character) ? '  ' : ' ';
  }
  return `${lineText}\n${padding}^`;
}

/** East Asian wide and fullwidth characters, and emoji, which terminals draw two cells wide. */
function isWide(character: string): boolean {
  const code = character.codePointAt(0) ?? 0;
  return (
    (code >= 0x1100 && code <= 0x115f) ||
    (code >= 0x2e80 && code <= 0xa4cf && code !== 0x303f) ||
    (code >= 0xac00 && code <= 0xd7a3) ||
    (code >= 0xf900 && code <= 0xfaff) ||
    (code >= 0xfe30 && code <= 0xfe4f) ||
    (code >= 0xff00 && code <= 0xff60) ||
    (code >= 0xffe0 && code <= 0xffe6) ||
    (code >= 0x1f300 && code <= 0x1faff) ||
    (code >= 0x20000 && code <= 0x3fffd)
  );
}
