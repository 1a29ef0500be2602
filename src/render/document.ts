/**
 * Markdown and plain-text documents: the statements of each contract grouped into the sections the
 * templates lay out (templates/<locale>/<format>/summary.hbs). Every sentence shown is a statement;
 * the layout only adds headings and source references.
 */
import type { Action, ContractTerms, Section, Statement, SummaryDocument } from '../terms/index.ts';
import { loadLocale } from './engine.ts';
import { formatSourceRef } from './format.ts';
import { createRenderData, renderTemplate } from './render-data.ts';
import { headingName, prefixed } from './statements/spec.ts';
import { tableBlocks, tableHeaders } from './tables.ts';

export type DocumentFormat = 'md' | 'text';

export interface StatementView extends Statement {
  /** 'FobSale.sol:110-114', or null when the statement has no source. */
  ref: string | null;
}

interface GroupView {
  id: string;
  name: string;
  label: string;
  kind: Action['kind'] | null;
  inherited: boolean;
  definedIn: string | null;
  statements: StatementView[];
}

type SectionKey = 'warning' | 'keyFacts' | 'deployment' | 'parties' | 'powers' | 'money' | 'deadlines' | 'lifecycle' | 'risks' | 'claims' | 'notCovered' | 'notExplained' | 'disclaimer';

const SECTION_KEYS: Record<Exclude<Section, 'actions'>, SectionKey> = {
  warning: 'warning',
  'key-facts': 'keyFacts',
  deployment: 'deployment',
  parties: 'parties',
  powers: 'powers',
  money: 'money',
  deadlines: 'deadlines',
  lifecycle: 'lifecycle',
  risks: 'risks',
  claims: 'claims',
  'not-covered': 'notCovered',
  'not-explained': 'notExplained',
  disclaimer: 'disclaimer',
};

/** Renders a summary document as Markdown or plain text in the document's language. */
export function renderDocument(document: SummaryDocument, format: DocumentFormat): string {
  const bundle = loadLocale(document.language);
  const data = createRenderData(bundle, null);
  const headers = tableHeaders(data);
  const view = {
    tool: document.tool,
    compiler: document.compiler,
    language: document.language,
    sources: document.sources,
    contracts: document.contracts.map((contract) => ({ ...withTables(viewContract(contract, contract.statements), headers), ...splitSources(document.sources, contract) })),
  };
  const text = renderTemplate(`${format}/summary`, view, data);
  return `${text.replace(/\n{3,}/g, '\n\n').trim()}\n`;
}

/** The contract's statements by section, with the actions' and the powers' statements grouped under each action. */
export function viewContract(terms: ContractTerms, statements: Statement[]) {
  const views = statements.map((statement): StatementView => ({ ...statement, ref: statement.source ? formatSourceRef(statement.source) : null }));
  const sections = Object.fromEntries(Object.values(SECTION_KEYS).map((key) => [key, [] as StatementView[]])) as Record<SectionKey, StatementView[]>;
  const actions = terms.actions.map((action) => groupOf(action.id, headingName(terms, action), action.label, action));
  const powers = terms.powers.map((power) => {
    const action = terms.actions.find((candidate) => candidate.id === power.action);
    return groupOf(prefixed('power', power.id), action ? headingName(terms, action) : power.action, action?.label ?? power.action, null);
  });
  // What holds for every action (a call that fails changes nothing), said before them.
  const actionsIntro: StatementView[] = [];
  for (const statement of views) {
    if (statement.section === 'actions') {
      const group = findGroup(actions, statement.id, (candidate) => `action:${candidate.id}:`);
      if (group) group.statements.push(statement);
      else actionsIntro.push(statement);
    } else if (statement.section === 'powers' && findGroup(powers, statement.id, (group) => `${group.id}:`)) {
      findGroup(powers, statement.id, (group) => `${group.id}:`)?.statements.push(statement);
    } else {
      sections[SECTION_KEYS[statement.section]].push(statement);
    }
  }
  return { name: terms.name, label: terms.label, natspec: terms.natspec, ...sections, actionsIntro, actions, powerGroups: powers.filter((group) => group.statements.length > 0) };
}

/** Every list of statements of a contract's view with its table rows gathered into tables. */
function withTables(view: ReturnType<typeof viewContract>, headers: (table: string) => string[]) {
  const sections = Object.fromEntries(Object.values(SECTION_KEYS).map((key) => [key, tableBlocks(view[key], headers)]));
  const grouped = (groups: GroupView[]) => groups.map((group) => ({ ...group, statements: tableBlocks(group.statements, headers) }));
  return { ...view, ...sections, actionsIntro: tableBlocks(view.actionsIntro, headers), actions: grouped(view.actions), powerGroups: grouped(view.powerGroups) };
}

/** The contract's own file first, then the files it imports. */
export function splitSources(sources: SummaryDocument['sources'], terms: ContractTerms) {
  return {
    ownFiles: sources.filter((source) => source.path === terms.source.path),
    importedFiles: sources.filter((source) => source.path !== terms.source.path),
  };
}

function groupOf(id: string, name: string, label: string, action: Action | null): GroupView {
  return {
    id,
    name,
    label,
    kind: action?.kind ?? null,
    inherited: action?.inherited ?? false,
    definedIn: action?.definedIn ?? null,
    statements: [],
  };
}

function findGroup(groups: GroupView[], id: string, prefixOf: (group: GroupView) => string): GroupView | undefined {
  return groups.find((group) => id.startsWith(prefixOf(group)));
}
