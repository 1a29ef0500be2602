/**
 * How wide text is on a terminal or in monospaced text: East Asian wide and fullwidth characters, and
 * emoji, take two columns. One definition for carets under compiler errors and for wrapped summaries.
 */

/** True for a code point drawn two columns wide. */
export function isWideCodePoint(code: number): boolean {
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

/** Display width of a string in columns. */
export function textWidth(text: string): number {
  let width = 0;
  for (const char of text) width += isWideCodePoint(char.codePointAt(0) ?? 0) ? 2 : 1;
  return width;
}
