/**
 * Text from the contract's authors (NatSpec, revert strings, string literals) and from callers (order
 * arguments) reaches Markdown and plain text unescaped by the templates. Markdown is rendered by GitHub,
 * GitLab and platform UIs, so raw HTML and link syntax there must not survive; and bidi or zero-width
 * characters, which can make text read differently from what it is, are shown as ‹U+202E› in every format.
 */

/** Bidi embeddings, overrides and isolates, zero-width characters and the byte-order mark. */
const INVISIBLE = /[\u200B-\u200F\u202A-\u202E\u2060-\u2064\u2066-\u2069\uFEFF]/g;

/** Makes bidi and zero-width characters visible: U+202E becomes ‹U+202E›. */
export function showInvisible(text: string): string {
  return text.replace(INVISIBLE, (c) => `‹U+${c.codePointAt(0)!.toString(16).toUpperCase().padStart(4, '0')}›`);
}

/**
 * Markdown-safe text: outside code spans, `<` and `>` become entities (no raw HTML, no autolinks) and
 * square brackets are escaped (no links or images); inside code spans, which Markdown shows verbatim,
 * nothing but the invisible characters changes.
 */
export function markdownSafe(text: string): string {
  return showInvisible(text)
    .split(/(`[^`]*`)/)
    .map((part, index) => (index % 2 === 1 ? part : part.replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/[[\]]/g, (b) => `\\${b}`)))
    .join('');
}
