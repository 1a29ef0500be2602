/** Helpers for laying out plain text and Markdown: wrapping, rules under headings, table cells. */
import type Handlebars from 'handlebars';
import { wrapLines } from './wrap.ts';

const DEFAULT_WIDTH = 100;

/** Display width of a string: East Asian wide characters take two columns. */
export function textWidth(text: string): number {
  let width = 0;
  for (const char of text) width += isWide(char.codePointAt(0) ?? 0) ? 2 : 1;
  return width;
}

function isWide(code: number): boolean {
  return (
    (code >= 0x1100 && code <= 0x115f) ||
    (code >= 0x2e80 && code <= 0xa4cf) ||
    (code >= 0xac00 && code <= 0xd7a3) ||
    (code >= 0xf900 && code <= 0xfaff) ||
    (code >= 0xfe30 && code <= 0xfe4f) ||
    (code >= 0xff00 && code <= 0xff60) ||
    (code >= 0xffe0 && code <= 0xffe6)
  );
}

/**
 * Wraps text at spaces to the width; the first line starts with `first`, the others with `indent`
 * spaces. Words longer than the width stay whole. Text without spaces (Chinese) breaks between characters.
 */
export function wrapText(text: string, width = DEFAULT_WIDTH, indent = 0, first = ''): string {
  return wrapLines(text, width, indent, first);
}

export function escapeTableCell(text: string): string {
  return text.replace(/\|/g, '\\|').replace(/\n/g, ' ');
}

export function registerTextHelpers(hb: typeof Handlebars): void {
  /** `{{wrap text width=100 indent=2 first="• "}}` */
  hb.registerHelper('wrap', (text: string, options: Handlebars.HelperOptions) => {
    const hash = options.hash as { width?: number; indent?: number; first?: string };
    return wrapText(String(text), hash.width ?? DEFAULT_WIDTH, hash.indent ?? 0, hash.first ?? '');
  });
  /** `{{rule heading "─"}}`: the character repeated to the heading's display width. */
  hb.registerHelper('rule', (text: string, char: string) => char.repeat(textWidth(String(text))));
  hb.registerHelper('cell', (text: string) => escapeTableCell(String(text)));
}
