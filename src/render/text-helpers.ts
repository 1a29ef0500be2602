/** Helpers for laying out plain text and Markdown: wrapping, rules under headings, table cells. */
import type Handlebars from 'handlebars';
import { textWidth } from '../text-width.ts';
import { wrapLines } from './wrap.ts';

const DEFAULT_WIDTH = 100;

export { textWidth } from '../text-width.ts';

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
  /** `{{rowText headers cells}}`: a table row as one line, "Header: cell; Header: cell", empty cells left out. */
  hb.registerHelper('rowText', (headers: string[], cells: string[]) =>
    cells.map((cell, index) => (cell === '' ? '' : `${headers[index] ?? ''}: ${cell}`)).filter((part) => part !== '').join('; '),
  );
}
