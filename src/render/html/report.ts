/**
 * The HTML report: one self-contained page (inline CSS, JS and SVG; no network requests). Each
 * language's summary is an <article> worded by templates/<locale>/html/article.hbs; the page around
 * them comes from the first language's templates/<locale>/html/page.hbs. Templates here run in their
 * own Handlebars instance with HTML escaping on.
 */
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import Handlebars from 'handlebars';
import { contentSecurityPolicy } from './csp.ts';
import { SECTIONS, type ContractTerms, type Statement, type SummaryDocument } from '../../terms/index.ts';
import { TEMPLATES_ROOT } from '../package-root.ts';
import { formatSourceRef } from '../format.ts';
import { buildAccessTable } from './access-table.ts';
import { domId, statementHtml } from './html-text.ts';
import { renderLifecycleSvg } from './lifecycle-svg.ts';
import { localStateLabel, registerZhNameLookups } from '../zh-names.ts';
import { splitSources, viewContract as groupStatements } from '../document.ts';
import { citedSources, type SourceText } from './source-view.ts';
import { Endnotes, type SourceLines, sourceLines } from './endnotes.ts';
import { loadLocale } from '../engine.ts';
import { createRenderData } from '../render-data.ts';
import { tableBlocks, tableHeaders } from '../tables.ts';

export type { SourceText } from './source-view.ts';

const HERE = path.dirname(fileURLToPath(import.meta.url));
const LEADING = new Set(['warning', 'key-facts']);

const hb = Handlebars.create();
hb.registerHelper('eq', (a: unknown, b: unknown) => a === b);
registerZhNameLookups(hb);
// A sentence is a button: Tab reaches it, Enter or Space (or a click) shows its lines in the code.
hb.registerPartial(
  'st',
  '<p class="st" tabindex="0" role="button" id="{{domId}}" data-id="{{id}}" data-basis="{{basis}}"{{#if source}} data-path="{{source.path}}" data-line="{{source.line}}" data-end-line="{{source.endLine}}"{{/if}}>' +
    '<span class="text">{{html}}</span>{{#if ref}} <span class="ref">[{{ref}}]</span>{{/if}}{{#with (note this)}}<sup class="note">{{this}}</sup>{{/with}}</p>',
);
// The endnote of a sentence's cited lines, numbered the first time the page shows it (see endnotes.ts).
hb.registerHelper('note', (statement: StatementView) => statement.notes.number(statement.source));
hb.registerHelper('endnotes', (contract: { notes: Endnotes }) => contract.notes.list());
// A table of statements: each row is a statement, reached by keyboard and cited like a sentence.
hb.registerPartial(
  'table',
  '<table class="terms" data-table="{{table}}"><thead><tr>{{#each headers}}<th scope="col">{{this}}</th>{{/each}}</tr></thead><tbody>' +
    '{{#each rows}}<tr class="st" tabindex="0" role="button" id="{{domId}}" data-id="{{id}}" data-basis="{{basis}}"{{#if source}} data-path="{{source.path}}" data-line="{{source.line}}" data-end-line="{{source.endLine}}"{{/if}}>' +
    '{{#each cells}}<td>{{this}}</td>{{/each}}<td class="ref">{{#if ref}}[{{ref}}]{{/if}}{{#with (note this)}}<sup class="note">{{this}}</sup>{{/with}}</td></tr>{{/each}}</tbody></table>',
);
hb.registerPartial('statements', '{{#each this}}{{#if rows}}{{> table}}{{else}}{{> st}}{{/if}}{{/each}}');
const compiled = new Map<string, Handlebars.TemplateDelegate>();

function template(locale: string, name: string): Handlebars.TemplateDelegate {
  const key = `${locale}/${name}`;
  let found = compiled.get(key);
  if (!found) {
    const file = path.join(TEMPLATES_ROOT, locale, 'html', `${name}.hbs`);
    found = hb.compile(readFileSync(file, 'utf8'), { strict: true });
    compiled.set(key, found);
  }
  return found;
}

function asset(name: string): string {
  return readFileSync(path.join(HERE, name), 'utf8');
}

interface StatementView {
  id: string;
  domId: string;
  html: Handlebars.SafeString;
  text: string;
  basis: string;
  source: Statement['source'];
  ref: string;
  notes: Endnotes;
  table?: string;
  cells?: Handlebars.SafeString[];
}

function viewStatement(locale: string, contract: string, statement: Statement, notes: Endnotes): StatementView {
  const source = statement.source;
  return {
    notes,
    id: statement.id,
    domId: domId(`st-${locale}-${contract}`, statement.id),
    html: new Handlebars.SafeString(statementHtml(statement.text)),
    text: statement.text,
    basis: statement.basis,
    source,
    ref: source ? formatSourceRef(source) : '',
    ...(statement.cells ? { table: statement.table, cells: statement.cells.map((cell) => new Handlebars.SafeString(statementHtml(cell))) } : {}),
  };
}

async function viewContract(locale: string, contract: ContractTerms & { statements: Statement[] }, sources: SummaryDocument['sources'], files: SourceLines) {
  const notes = new Endnotes(files);
  const statements = contract.statements.map((statement) => viewStatement(locale, contract.name, statement, notes));
  const inSection = (section: string) => statements.filter((_, index) => contract.statements[index]!.section === section);
  const actionName = (id: string) => contract.actions.find((action) => action.id === id)?.name ?? id;
  const lifecycles = await Promise.all(
    // A one-way flag has two states and one direction: its sentences say all a diagram would.
    contract.lifecycles.filter((lifecycle) => lifecycle.kind === 'enum').map(async (lifecycle) => ({
      label: lifecycle.label,
      svg: new Handlebars.SafeString(await renderLifecycleSvg(lifecycle, actionName, localStateLabel(locale))),
    })),
  );
  // The actions' statements under a heading for each action, and the powers' under the action that holds each.
  const grouped = groupStatements(contract, contract.statements);
  const byId = new Map(statements.map((statement) => [statement.id, statement]));
  const headers = tableHeaders(createRenderData(loadLocale(locale), null));
  const tables = (list: StatementView[]) => tableBlocks(list, headers);
  const groups = (list: typeof grouped.actions) =>
    list.filter((group) => group.statements.length > 0).map((group) => ({ ...group, statements: tables(group.statements.map((statement) => byId.get(statement.id)!)) }));
  return {
    name: contract.name,
    label: contract.label,
    ...splitSources(sources, contract),
    actionGroups: groups(grouped.actions),
    powerGroups: groups(grouped.powerGroups),
    actionsIntro: grouped.actionsIntro.map((statement) => byId.get(statement.id)!),
    ungroupedPowers: grouped.powers.map((statement) => byId.get(statement.id)!),
    warnings: inSection('warning'),
    keyFacts: inSection('key-facts'),
    sections: SECTIONS.filter((section) => !LEADING.has(section))
      .map((section) => ({ id: section, statements: tables(inSection(section)) }))
      .filter((section) => section.statements.length > 0),
    lifecycles,
    access: buildAccessTable(contract),
    notes,
  };
}

/** One document per language (in the order asked); sources are the compilation's files with their text. */
export async function renderHtmlReport(documents: SummaryDocument[], sources: SourceText[]): Promise<string> {
  const first = documents[0];
  if (!first) throw new Error('renderHtmlReport needs at least one document');
  const files = sourceLines(sources);
  const articles = await Promise.all(
    documents.map(async (document, index) => {
      const contracts = await Promise.all(document.contracts.map((contract) => viewContract(document.language, contract, document.sources, files)));
      const html = template(document.language, 'article')({ document, contracts });
      return { locale: document.language, hidden: index > 0, html: new Handlebars.SafeString(html) };
    }),
  );
  const languages = documents.map((document, index) => ({
    locale: document.language,
    name: template(document.language, 'language-name')({}).trim(),
    active: index === 0,
  }));
  return template(first.language, 'page')({
    document: first,
    title: first.contracts.map((contract) => contract.name).join(', '),
    languages,
    multilingual: documents.length > 1,
    articles,
    files: citedSources(documents, sources),
    css: new Handlebars.SafeString(asset('report.css')),
    script: new Handlebars.SafeString(asset('report-client.js')),
    csp: new Handlebars.SafeString(contentSecurityPolicy(asset('report.css'), asset('report-client.js'))),
  });
}
