/**
 * Line wrapping for order documents: the same lines as src/render's wrapText (same tokens, same widths),
 * with the line width kept as a running sum instead of being measured again for every word, since an
 * order is laid out thousands of times a second. Statements are one line of narrow text with single
 * spaces (as they are after squash); those are broken at the last space that fits, without splitting
 * the text into words.
 */
import { textWidth } from '../render/text-helpers.ts';

const TOKENS = /\s*(?:[\u2e80-\ua4cf\uac00-\ud7a3\uff00-\uffe6]|[^\s\u2e80-\ua4cf\uac00-\ud7a3\uff00-\uffe6]+)[，。；：、！？）」』]*/g;
/** Words with their leading space, for text without wide characters (where TOKENS finds the same). */
const WORDS = /\s*\S+/g;
const pads: string[] = [];

/** Wraps text at spaces to `width`; the first line starts with `first`, the others with `indent` spaces. */
export function wrapLines(text: string, width = 100, indent = 0, first = ''): string {
  const narrow = isNarrow(first);
  if (narrow && isSimple(text)) return wrapSimple(text, width, indent, first);
  return wrapTokens(text, width, indent, first, narrow && isNarrow(text));
}

function wrapTokens(text: string, width: number, indent: number, first: string, narrow: boolean): string {
  const widthOf = narrow ? (part: string) => part.length : textWidth;
  const pad = ' '.repeat(indent);
  const lines: string[] = [];
  let line = first;
  let lineWidth = widthOf(first);
  let lineHasWord = false;
  for (const token of text.match(narrow ? WORDS : TOKENS) ?? []) {
    const word = token.trimStart();
    const spaced = lineHasWord ? token : word;
    const spacedWidth = widthOf(spaced);
    if (lineHasWord && lineWidth + spacedWidth > width) {
      lines.push(line.trimEnd());
      line = pad + word;
      lineWidth = indent + widthOf(word);
    } else {
      line += spaced;
      lineWidth += spacedWidth;
    }
    lineHasWord = true;
  }
  lines.push(line.trimEnd());
  return lines.join('\n');
}

/**
 * The narrow, single-spaced case. Each line takes the most whole words that fit (at least one): it
 * ends at the last space within the width, or, when the first word alone is too long, after that word.
 */
function wrapSimple(text: string, width: number, indent: number, first: string): string {
  const pad = (pads[indent] ??= ' '.repeat(indent));
  let out = first;
  let start = 0;
  let room = width - first.length;
  while (text.length - start > room) {
    let end = room >= 0 ? text.lastIndexOf(' ', start + room) : -1;
    if (end <= start) {
      end = text.indexOf(' ', start);
      if (end < 0) break;
    }
    out += `${text.slice(start, end)}\n${pad}`;
    start = end + 1;
    room = width - indent;
  }
  return out + (start === 0 ? text : text.slice(start));
}

/**
 * True for non-empty text of words separated by single spaces, with no other white space and no wide
 * characters (whose width is not their length): what /^\S+(?: \S+)*$/ matches, narrow.
 */
function isSimple(text: string): boolean {
  const length = text.length;
  if (length === 0 || text.charCodeAt(0) === 32 || text.charCodeAt(length - 1) === 32) return false;
  let previous = 0;
  for (let index = 0; index < length; index++) {
    const code = text.charCodeAt(index);
    if (code === 32) {
      if (previous === 32) return false;
    } else if (code < 128) {
      if (code >= 9 && code <= 13) return false;
    } else if (isSpace(code) || isWide(code)) {
      return false;
    }
    previous = code;
  }
  return true;
}

/** True when the text has no character that isWide finds. */
function isNarrow(text: string): boolean {
  for (let index = 0; index < text.length; index++) {
    const code = text.charCodeAt(index);
    if (code >= 0x1100 && isWide(code)) return false;
  }
  return true;
}

/** White space other than ASCII (what \s matches from U+0080). */
function isSpace(code: number): boolean {
  return (
    code === 0xa0 || code === 0x1680 || (code >= 0x2000 && code <= 0x200a) || code === 0x2028 || code === 0x2029 ||
    code === 0x202f || code === 0x205f || code === 0x3000 || code === 0xfeff
  );
}

/**
 * Characters that need wrapText's own tokens and widths: wide ones (as textWidth counts them), those
 * TOKENS takes one by one (U+FF00–U+FFE6, half-width forms included), and surrogates.
 */
function isWide(code: number): boolean {
  return (
    (code >= 0x1100 && code <= 0x115f) ||
    (code >= 0x2e80 && code <= 0xa4cf) ||
    (code >= 0xac00 && code <= 0xd7a3) ||
    (code >= 0xd800 && code <= 0xdfff) ||
    (code >= 0xf900 && code <= 0xfaff) ||
    (code >= 0xfe30 && code <= 0xfe4f) ||
    (code >= 0xff00 && code <= 0xffe6)
  );
}
