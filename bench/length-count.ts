/**
 * How the length bench counts: sentences of a statement's text (code in backticks is one word) and words.
 * Shared by bench/length.ts and the test that keeps the bundled summaries' median sentence short.
 */
/** Code in backticks counts as one word; a sentence ends at . ! ? before a capital, a backtick or a quote. */
export function sentencesOf(text: string): string[] {
  const prose = text.replace(/`[^`]*`/g, '`X`');
  return prose.split(/(?<=[.!?])\s+(?=[A-Z`“"])/).map((s) => s.trim()).filter((s) => /[A-Za-z0-9]/.test(s));
}

export function wordCount(sentence: string): number {
  return sentence.split(/\s+/).filter((word) => /[A-Za-z0-9]/.test(word)).length;
}

export function median(values: number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  const middle = Math.floor(sorted.length / 2);
  return sorted.length % 2 === 1 ? sorted[middle]! : (sorted[middle - 1]! + sorted[middle]!) / 2;
}
