/**
 * Line wrapping for plain text (summaries and orders): tokens and widths as textWidth measures them,
 * with the line width kept as a running sum instead of being measured again for every word, since an
 * order is laid out thousands of times a second. Statements are one line of narrow text with single
 * spaces (as they are after squash); those are broken at the last space that fits, without splitting
 * the text into words.
 */
import { textWidth } from '../text-width.ts';

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
 * Non-empty text of words separated by single spaces, with no other white space and no character that
 * isWide finds: what /^\S+(?: \S+)*$/ matches, narrow. A regular expression rather than a loop over
 * charCodeAt, since statements arrive as concatenated strings, which charCodeAt walks for every character.
 */
const SIMPLE_NARROW = /^[^\s\u1100-\u115f\u2e80-\ua4cf\uac00-\ud7a3\ud800-\udfff\uf900-\ufaff\ufe30-\ufe4f\uff00-\uffe6]+(?: [^\s\u1100-\u115f\u2e80-\ua4cf\uac00-\ud7a3\ud800-\udfff\uf900-\ufaff\ufe30-\ufe4f\uff00-\uffe6]+)*$/;

function isSimple(text: string): boolean {
  return SIMPLE_NARROW.test(text);
}

/** True when the text has no character that isWide finds. */
function isNarrow(text: string): boolean {
  for (let index = 0; index < text.length; index++) {
    const code = text.charCodeAt(index);
    if (code >= 0x1100 && isWide(code)) return false;
  }
  return true;
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
