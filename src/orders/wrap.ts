/**
 * Line wrapping for order documents: the same lines as src/render's wrapText (same tokens, same widths),
 * with the line width kept as a running sum instead of being measured again for every word, since an
 * order is laid out thousands of times a second.
 */
import { textWidth } from '../render/text-helpers.ts';

const TOKENS = /\s*(?:[\u2e80-\ua4cf\uac00-\ud7a3\uff00-\uffe6]|[^\s\u2e80-\ua4cf\uac00-\ud7a3\uff00-\uffe6]+)[，。；：、！？）」』]*/g;
/** One-line text with single spaces between words (as statements are after squash). */
const SIMPLE = /^\S+(?: \S+)*$/;
/** Words with their leading space, for text without wide characters (where TOKENS finds the same). */
const WORDS = /\s*\S+/g;
/** Characters that are wide, or outside the basic plane: text with none of them is as wide as it is long. */
const WIDE = /[\u1100-\u115f\u2e80-\ua4cf\uac00-\ud7a3\uf900-\ufaff\ufe30-\ufe4f\uff00-\uff60\uffe0-\uffe6\ud800-\udfff]/;

/** Wraps text at spaces to `width`; the first line starts with `first`, the others with `indent` spaces. */
export function wrapLines(text: string, width = 100, indent = 0, first = ''): string {
  const narrow = !WIDE.test(text) && !WIDE.test(first);
  if (narrow && SIMPLE.test(text)) return wrapWords(text.split(' '), width, indent, first);
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

/** The narrow, single-spaced case: the same lines, from the words' lengths alone. */
function wrapWords(words: string[], width: number, indent: number, first: string): string {
  const pad = ' '.repeat(indent);
  let out = '';
  let line = first + words[0];
  for (let index = 1; index < words.length; index++) {
    const word = words[index];
    if (line.length + 1 + word.length > width) {
      out += `${line}\n`;
      line = pad + word;
    } else {
      line += ` ${word}`;
    }
  }
  return out + line;
}
