/**
 * Which statements each change of terms affects, on each side: the statements citing the change's
 * source lines, preferring those the redline marks and those in the sections where that kind of term
 * is stated. Statements citing a whole contract (key facts, coverage) are used only as a last resort.
 * A marked statement about an action (by its id) that no change cites goes to the first change in that action
 * (a new bound on a power is checked on other lines than the power's assignment).
 */
import type { Section, SourceRef, Statement } from '../../terms/index.ts';
import type { ChangeKind, TermChange } from '../types.ts';
import type { AlignedRow } from './align.ts';

/** A statement citing more lines than this speaks of the whole contract, not of one term. */
const BROAD = 30;

const SECTIONS_OF: [prefix: string, sections: Section[]][] = [
  ['power-', ['warning', 'powers']],
  ['payment-', ['money', 'actions']],
  ['party-', ['parties']],
  ['access-', ['actions']],
  ['action-', ['actions']],
  ['condition-', ['actions', 'deadlines']],
  ['deadline-', ['deadlines', 'actions']],
  ['state-', ['lifecycle']],
  ['transition-', ['lifecycle', 'actions']],
  ['risk-', ['risks']],
];

function sectionsOf(kind: ChangeKind): Section[] | null {
  return SECTIONS_OF.find(([prefix]) => kind.startsWith(prefix))?.[1] ?? null;
}

function cites(statement: Statement, source: SourceRef): boolean {
  const cited = statement.source;
  return cited !== null && cited.path === source.path && cited.line <= source.endLine && source.line <= cited.endLine;
}

function isBroad(statement: Statement): boolean {
  return statement.source !== null && statement.source.endLine - statement.source.line > BROAD;
}

export interface ChangeLinks {
  old: Statement[];
  new: Statement[];
}

/** The statements of one side that a change affects, in document order. */
function linkSide(rows: readonly AlignedRow[], side: 'old' | 'new', item: TermChange): Statement[] {
  const source = side === 'old' ? item.oldSource : item.newSource;
  if (source === null) return [];
  const citing = rows.filter((row) => row[side] !== null && cites(row[side], source));
  const sections = sectionsOf(item.kind);
  const inSections = (list: AlignedRow[]) => (sections === null ? list : list.filter((row) => sections.includes(row.section)));
  const marked = (list: AlignedRow[]) => list.filter((row) => row.status !== 'same');
  const narrow = citing.filter((row) => !isBroad(row[side]!));
  const tries = [inSections(marked(narrow)), marked(narrow), inSections(narrow), narrow, inSections(marked(citing))];
  const found = tries.find((list) => list.length > 0) ?? [];
  return found.map((row) => row[side]!);
}

/** The statements each change affects, in the order of `changes`. */
export function linkChanges(rows: readonly AlignedRow[], changes: readonly TermChange[]): ChangeLinks[] {
  const links = changes.map((item) => ({ old: linkSide(rows, 'old', item), new: linkSide(rows, 'new', item) }));
  const linked = new Set(links.flatMap((link) => [...link.old, ...link.new]));
  for (const row of rows) {
    if (row.status === 'same') continue;
    for (const side of ['old', 'new'] as const) {
      const statement = row[side];
      if (statement === null || linked.has(statement)) continue;
      const index = changes.findIndex((item) => item.action !== null && namesAction(statement.id, item.action));
      if (index < 0) continue;
      const list = links[index]![side];
      list.push(statement);
      linked.add(statement);
    }
  }
  return links.map((link) => ({ old: inOrder(rows, link.old, 'old'), new: inOrder(rows, link.new, 'new') }));
}

/** Statement ids name the action they belong to as one of their parts: `action:f(uint256):condition:2`, `money:out:f(uint256):1`. */
function namesAction(id: string, action: string): boolean {
  return id.includes(`:${action}:`) || id.endsWith(`:${action}`);
}

function inOrder(rows: readonly AlignedRow[], statements: Statement[], side: 'old' | 'new'): Statement[] {
  return rows.map((row) => row[side]).filter((statement): statement is Statement => statement !== null && statements.includes(statement));
}
