/**
 * The HTML redline: one self-contained page (inline CSS and JS, no network requests) with the list of
 * changes of terms above the two versions' statements side by side, changed words marked. Worded by
 * templates/<locale>/diff/html/page.hbs in its own Handlebars instance with HTML escaping on.
 */
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import Handlebars from 'handlebars';
import { contentSecurityPolicy } from '../../render/html/csp.ts';
import { formatSourceRef } from '../../render/format.ts';
import { domId, statementHtml } from '../../render/html/html-text.ts';
import { readToolVersion, TEMPLATES_ROOT } from '../../render/package-root.ts';
import { buildStatements } from '../../render/statements.ts';
import type { Statement } from '../../terms/index.ts';
import type { DiffDocument } from '../diff-files.ts';
import type { RenderedChange } from '../render-diff.ts';
import { type AlignedRow, alignStatements } from './align.ts';
import { linkChanges } from './link-changes.ts';
import { markWhole, wordDiffHtml } from './word-diff.ts';

const HERE = path.dirname(fileURLToPath(import.meta.url));
const hb = Handlebars.create();
hb.registerHelper('eq', (a: unknown, b: unknown) => a === b);
const compiled = new Map<string, Handlebars.TemplateDelegate>();

function template(locale: string, name: string): Handlebars.TemplateDelegate {
  const key = `${locale}/${name}`;
  let found = compiled.get(key);
  if (!found) {
    found = hb.compile(readFileSync(path.join(TEMPLATES_ROOT, locale, 'diff', 'html', `${name}.hbs`), 'utf8'), { strict: true });
    compiled.set(key, found);
  }
  return found;
}

function asset(name: string): Handlebars.SafeString {
  return new Handlebars.SafeString(readFileSync(path.join(HERE, name), 'utf8'));
}

const safe = (html: string) => new Handlebars.SafeString(html);

function statementDomId(side: 'old' | 'new', statement: Statement): string {
  return domId(side, statement.id);
}

function cellHtml(row: AlignedRow, side: 'old' | 'new'): string {
  const statement = row[side]!;
  if (row.status === 'same') return statementHtml(statement.text);
  if (row.status === 'changed') return wordDiffHtml(row.old!.text, row.new!.text)[side];
  return markWhole(statement.text, side === 'old' ? 'del' : 'ins');
}

function viewCell(row: AlignedRow, side: 'old' | 'new', positions: Map<Statement, number[]>) {
  const statement = row[side];
  if (statement === null) return null;
  return {
    domId: statementDomId(side, statement),
    id: statement.id,
    basis: statement.basis,
    html: safe(cellHtml(row, side)),
    ref: statement.source ? formatSourceRef(statement.source) : '',
    changes: positions.get(statement) ?? [],
  };
}

function viewChanges(rows: AlignedRow[], changes: RenderedChange[], positions: Map<Statement, number[]>) {
  const allLinks = linkChanges(rows, changes);
  return changes.map((item, index) => {
    const links = allLinks[index]!;
    for (const statement of [...links.old, ...links.new]) positions.set(statement, [...(positions.get(statement) ?? []), item.position]);
    const ids = (side: 'old' | 'new') => links[side].map((statement) => statementDomId(side, statement));
    return {
      position: item.position,
      kind: item.kind,
      html: safe(statementHtml(item.text)),
      oldRef: item.oldRef,
      newRef: item.newRef,
      oldIds: ids('old').join(' '),
      newIds: ids('new').join(' '),
      oldTarget: ids('old')[0] ?? null,
      newTarget: ids('new')[0] ?? null,
    };
  });
}

function viewSections(rows: AlignedRow[], positions: Map<Statement, number[]>, locale: string) {
  const sections: { id: string; name: string; changed: number; rows: ({ unlinked: boolean } & Record<string, unknown>)[] }[] = [];
  for (const row of rows) {
    let section = sections[sections.length - 1];
    if (section?.id !== row.section) {
      section = { id: row.section, name: template(locale, 'section-name')({ id: row.section }).trim(), changed: 0, rows: [] };
      sections.push(section);
    }
    if (row.status !== 'same') section.changed++;
    const cited = [row.old, row.new].some((statement) => statement !== null && positions.has(statement));
    const cells = { old: viewCell(row, 'old', positions), new: viewCell(row, 'new', positions) };
    section.rows.push({ status: row.status, ...cells, unlinked: row.status !== 'same' && !cited });
  }
  return sections;
}

/** The page: `changes` are the worded changes of renderDiff, in its order. */
export function renderRedlineHtml(doc: DiffDocument, changes: RenderedChange[], locale: string): string {
  const rows = alignStatements(buildStatements(doc.terms.old, locale), buildStatements(doc.terms.new, locale));
  const positions = new Map<Statement, number[]>();
  const changeViews = viewChanges(rows, changes, positions);
  const count = (status: AlignedRow['status']) => rows.filter((row) => row.status === status).length;
  const sections = viewSections(rows, positions, locale);
  const unlinked = sections.reduce((sum, section) => sum + section.rows.filter((row) => row.unlinked).length, 0);
  return template(locale, 'page')({
    locale,
    old: { ...doc.old, file: path.posix.basename(doc.old.path.replace(/\\/g, '/')) },
    new: { ...doc.new, file: path.posix.basename(doc.new.path.replace(/\\/g, '/')) },
    renamed: doc.old.contract !== doc.new.contract,
    compiler: doc.compiler,
    tool: { name: 'plainterms', version: readToolVersion() },
    same: doc.same,
    total: changes.length,
    changes: changeViews,
    counts: { changed: count('changed'), added: count('added'), removed: count('removed'), unlinked },
    sections,
    css: asset('redline.css'),
    script: asset('redline-client.js'),
    csp: new Handlebars.SafeString(contentSecurityPolicy(String(asset('redline.css')), String(asset('redline-client.js')))),
  }, { partials: { cell: template(locale, 'cell') } });
}
