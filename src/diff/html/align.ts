/**
 * The two versions' statements side by side: rows pairing an old statement with the new one it became,
 * by statement id, then by identical wording (numbered ids shift when an item is added or removed),
 * then by close wording in the same section. Unpaired statements were removed or added.
 */
import { SECTIONS, type Section, type Statement } from '../../terms/index.ts';
import { similarity } from './word-diff.ts';

export type RowStatus = 'same' | 'changed' | 'added' | 'removed';

export interface AlignedRow {
  section: Section;
  status: RowStatus;
  old: Statement | null;
  new: Statement | null;
}

/** Positional ids (`risk:2`, `action:f():condition:3`) name a place in a list, not a term. */
const POSITIONAL = /:\d+$/;
const SAME_ID_POSITIONAL = 0.2;
const SAME_SECTION = 0.6;

/**
 * Wording compared without the code names shown beside a defined term: they are shown only the first
 * time a term appears in a section, so they come and go when an earlier sentence changes.
 */
export function comparableText(text: string): string {
  return text
    .replace(/\s*[(（]`[^`]*`[)）]/g, '')
    .replace(/\s+/g, ' ')
    .trim();
}

export function alignStatements(olds: readonly Statement[], news: readonly Statement[]): AlignedRow[] {
  const oldToNew = new Map<number, number>();
  const newToOld = new Map<number, number>();
  const pair = (accept: (o: Statement, n: Statement) => boolean) => {
    olds.forEach((o, i) => {
      if (oldToNew.has(i)) return;
      const j = news.findIndex((n, k) => !newToOld.has(k) && accept(o, n));
      if (j < 0) return;
      oldToNew.set(i, j);
      newToOld.set(j, i);
    });
  };
  const same = (o: Statement, n: Statement) => comparableText(o.text) === comparableText(n.text);
  pair((o, n) => o.id === n.id && same(o, n));
  pair((o, n) => o.section === n.section && same(o, n));
  pair((o, n) => o.id === n.id && (!POSITIONAL.test(o.id) || similarity(o.text, n.text) >= SAME_ID_POSITIONAL));
  pair((o, n) => o.section === n.section && similarity(o.text, n.text) >= SAME_SECTION);
  return orderRows(olds, news, oldToNew, newToOld);
}

/** The new version's order, each removed statement after the old statement it followed; grouped by section. */
function orderRows(
  olds: readonly Statement[],
  news: readonly Statement[],
  oldToNew: Map<number, number>,
  newToOld: Map<number, number>,
): AlignedRow[] {
  const rows: AlignedRow[] = [];
  const removed = (statement: Statement): AlignedRow => ({ section: statement.section, status: 'removed', old: statement, new: null });
  let next = 0;
  news.forEach((statement, j) => {
    const i = newToOld.get(j);
    if (i === undefined) {
      rows.push({ section: statement.section, status: 'added', old: null, new: statement });
      return;
    }
    for (; next <= i; next++) if (!oldToNew.has(next)) rows.push(removed(olds[next]!));
    const before = olds[i]!;
    const status = comparableText(before.text) === comparableText(statement.text) ? 'same' : 'changed';
    rows.push({ section: statement.section, status, old: before, new: statement });
  });
  for (; next < olds.length; next++) if (!oldToNew.has(next)) rows.push(removed(olds[next]!));
  const rank = (row: AlignedRow) => SECTIONS.indexOf(row.section);
  return rows.map((row, index) => ({ row, index })).sort((a, b) => rank(a.row) - rank(b.row) || a.index - b.index).map(({ row }) => row);
}
