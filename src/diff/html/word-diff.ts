/**
 * Word-level differences between two sentences, as HTML: deleted words in <del> on the old side,
 * inserted words in <ins> on the new side. Code in backticks is one word; Chinese is compared by
 * character. A code name shown beside a term on one side only is not marked (see comparableText).
 */
import { statementHtml } from '../../render/html/html-text.ts';

const TOKEN =
  /`[^`]*`|\p{Script=Han}|(?:(?!\p{Script=Han})[\p{L}\p{N}_$%])+(?:[.'’-](?:(?!\p{Script=Han})[\p{L}\p{N}_$%])+)*|\s+|./gsu;
/** Above this many cells the table is not worth building: the whole sentence is marked instead. */
const MAX_CELLS = 4_000_000;
const CODE_NAME_ONLY = /^\s*[(（]`[^`]*`[)）]\s*$/;
/** Below this share of words kept on either side, the sentence was rewritten: it is marked as a whole. */
const MIN_KEPT = 0.4;
const WORD = /[\p{L}\p{N}`]/u;

export function tokenize(text: string): string[] {
  return text.match(TOKEN) ?? [];
}

interface Segment {
  changed: boolean;
  text: string;
}

/** For each token of each side, whether it is outside the longest common subsequence. */
function changedTokens(a: string[], b: string[]): { old: boolean[]; new: boolean[] } | null {
  const n = a.length;
  const m = b.length;
  if ((n + 1) * (m + 1) > MAX_CELLS) return null;
  const width = m + 1;
  const table = new Uint32Array((n + 1) * width);
  for (let i = n - 1; i >= 0; i--) {
    for (let j = m - 1; j >= 0; j--) {
      table[i * width + j] =
        a[i] === b[j] ? table[(i + 1) * width + j + 1]! + 1 : Math.max(table[(i + 1) * width + j]!, table[i * width + j + 1]!);
    }
  }
  const old = a.map(() => true);
  const neu = b.map(() => true);
  let i = 0;
  let j = 0;
  while (i < n && j < m) {
    if (a[i] === b[j]) {
      old[i++] = false;
      neu[j++] = false;
    } else if (table[(i + 1) * width + j]! >= table[i * width + j + 1]!) i++;
    else j++;
  }
  return { old, new: neu };
}

/** Runs of tokens; a space between two changed words belongs to the change; spaces at a run's ends do not. */
function segments(tokens: string[], changed: boolean[]): Segment[] {
  const flags = changed.map((flag, k) => flag || (/^\s+$/.test(tokens[k]!) && Boolean(changed[k - 1]) && Boolean(changed[k + 1])));
  const runs: Segment[] = [];
  tokens.forEach((token, k) => {
    const last = runs[runs.length - 1];
    if (last && last.changed === flags[k]) last.text += token;
    else runs.push({ changed: flags[k]!, text: token });
  });
  return runs.flatMap((run) => {
    if (!run.changed) return [run];
    if (CODE_NAME_ONLY.test(run.text)) return [{ changed: false, text: run.text }];
    const [, lead = '', body = '', trail = ''] = /^(\s*)([\s\S]*?)(\s*)$/.exec(run.text) ?? [];
    return [{ changed: false, text: lead }, { changed: true, text: body }, { changed: false, text: trail }].filter((s) => s.text !== '');
  });
}

function toHtml(runs: Segment[], tag: 'del' | 'ins'): string {
  return runs.map((run) => (run.changed ? `<${tag}>${statementHtml(run.text)}</${tag}>` : statementHtml(run.text))).join('');
}

/** The old sentence with its deleted words marked, and the new one with its inserted words marked. */
export function wordDiffHtml(before: string, after: string): { old: string; new: string } {
  const a = tokenize(before);
  const b = tokenize(after);
  const changed = changedTokens(a, b);
  if (!changed || Math.min(keptShare(a, changed.old), keptShare(b, changed.new)) < MIN_KEPT) {
    return { old: markWhole(before, 'del'), new: markWhole(after, 'ins') };
  }
  return { old: toHtml(segments(a, changed.old), 'del'), new: toHtml(segments(b, changed.new), 'ins') };
}

function keptShare(tokens: string[], changed: boolean[]): number {
  const words = tokens.map((token, k) => ({ word: WORD.test(token), kept: !changed[k] })).filter((token) => token.word);
  return words.length === 0 ? 1 : words.filter((token) => token.kept).length / words.length;
}

/** A sentence added or removed as a whole. */
export function markWhole(text: string, tag: 'del' | 'ins'): string {
  return `<${tag}>${statementHtml(text)}</${tag}>`;
}

/** Dice coefficient of the two sentences' words (spaces and punctuation left out): 1 for the same words. */
export function similarity(before: string, after: string): number {
  const words = (text: string) => tokenize(text).filter((token) => WORD.test(token));
  const a = words(before);
  const b = words(after);
  if (a.length + b.length === 0) return 1;
  const counts = new Map<string, number>();
  for (const word of a) counts.set(word, (counts.get(word) ?? 0) + 1);
  let shared = 0;
  for (const word of b) {
    const left = counts.get(word) ?? 0;
    if (left > 0) {
      shared++;
      counts.set(word, left - 1);
    }
  }
  return (2 * shared) / (a.length + b.length);
}

export interface Edit {
  op: 'same' | 'del' | 'ins';
  text: string;
}

/**
 * The edits that turn the old sentence into the new one, word by word, for tracked changes: each run of
 * changes is one deletion followed by one insertion (a space between two changed words belongs to
 * both). A rewritten sentence is deleted and inserted whole. Applying every edit gives the new text;
 * undoing every edit the old.
 */
export function wordEdits(before: string, after: string): Edit[] {
  const a = tokenize(before);
  const b = tokenize(after);
  const changed = changedTokens(a, b);
  if (!changed || Math.min(keptShare(a, changed.old), keptShare(b, changed.new)) < MIN_KEPT) {
    return [{ op: 'del' as const, text: before }, { op: 'ins' as const, text: after }].filter((edit) => edit.text !== '');
  }
  const raw: Edit[] = [];
  let i = 0;
  let j = 0;
  while (i < a.length || j < b.length) {
    if (i < a.length && changed.old[i]) raw.push({ op: 'del', text: a[i++]! });
    else if (j < b.length && changed.new[j]) raw.push({ op: 'ins', text: b[j++]! });
    else {
      raw.push({ op: 'same', text: a[i]! });
      i++;
      j++;
    }
  }
  return groupEdits(raw);
}

/** Runs of changes as one deletion and one insertion; a lone space between two changes joins them. */
function groupEdits(raw: Edit[]): Edit[] {
  const edits: Edit[] = [];
  let del = '';
  let ins = '';
  const flush = () => {
    if (del !== '') edits.push({ op: 'del', text: del });
    if (ins !== '') edits.push({ op: 'ins', text: ins });
    del = ins = '';
  };
  raw.forEach((edit, k) => {
    const bridging = edit.op === 'same' && /^\s+$/.test(edit.text) && raw[k - 1] && raw[k - 1]!.op !== 'same' && raw[k + 1] && raw[k + 1]!.op !== 'same';
    if (edit.op === 'del' || bridging) del += edit.text;
    if (edit.op === 'ins' || bridging) ins += edit.text;
    if (edit.op !== 'same' || bridging) return;
    flush();
    const last = edits[edits.length - 1];
    if (last?.op === 'same') last.text += edit.text;
    else edits.push({ ...edit });
  });
  flush();
  return edits;
}
