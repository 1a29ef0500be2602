/**
 * Every sentence of a summary, in document order: each statement is worded by the locale's template
 * for its kind (`templates/<locale>/statements/<kind>.hbs`) from plain model data. Code names are shown
 * beside their defined term the first time they appear in each section and in each action's block
 * (each is read on its own), so statements are rendered in order.
 */
import type { ContractTerms, Statement } from '../terms/index.ts';
import { loadLocale } from './engine.ts';
import { namingOfContract } from './named-values.ts';
import { createRenderData, renderTemplate, squash } from './render-data.ts';
import { buildActionSpecs } from './statements/actions.ts';
import { buildMoneySpecs } from './statements/money.ts';
import {
  buildClaimSpecs,
  buildDisclaimerSpecs,
  buildNotCoveredSpecs,
  buildNotExplainedSpecs,
  buildRiskSpecs,
} from './statements/notes.ts';
import { buildKeyFactSpecs, buildPartySpecs } from './statements/overview.ts';
import { buildPowerSpecs, buildWarningSpecs } from './statements/powers.ts';
import type { SpecBuilder, StatementSpec } from './statements/spec.ts';
import { buildDeadlineSpecs, buildLifecycleSpecs } from './statements/time.ts';

/** One builder per part of the document, in the order of SECTIONS. */
const BUILDERS: readonly SpecBuilder[] = [
  buildWarningSpecs,
  buildKeyFactSpecs,
  buildPartySpecs,
  buildPowerSpecs,
  buildMoneySpecs,
  buildActionSpecs,
  buildDeadlineSpecs,
  buildLifecycleSpecs,
  buildRiskSpecs,
  buildClaimSpecs,
  buildNotCoveredSpecs,
  buildNotExplainedSpecs,
  buildDisclaimerSpecs,
];

/** The statements of one contract, in the given language. */
export function buildStatements(terms: ContractTerms, locale: string): Statement[] {
  const data = createRenderData(loadLocale(locale), terms);
  let group: string | null = null;
  const contractNaming = namingOfContract(terms);
  return collectSpecs(terms).map((item) => {
    if (item.group !== group) data.introduced.clear();
    group = item.group;
    data.actionKind = item.actionKind;
    data.naming = item.naming ?? contractNaming;
    const rendered = renderTemplate(`statements/${item.kind}`, item.context, data);
    if (item.table) {
      const cells = rendered.split(CELL).map(squash);
      return { id: item.id, section: item.section, text: cells.filter((cell) => cell !== '').join(' | '), basis: item.basis, source: item.source, table: item.table, cells };
    }
    return { id: item.id, section: item.section, text: squash(rendered), basis: item.basis, source: item.source };
  });
}

/** What the partial `{{> col}}` (partials/col.hbs) writes between the cells of a table row. */
export const CELL = '\u001F';

/** The statements before wording: ids, sections, sources and template data. */
export function collectSpecs(terms: ContractTerms): StatementSpec[] {
  const specs = BUILDERS.flatMap((build) => build(terms));
  assertUniqueIds(specs);
  return specs;
}

function assertUniqueIds(specs: StatementSpec[]): void {
  const seen = new Set<string>();
  for (const { id } of specs) {
    if (seen.has(id)) throw new Error(`Duplicate statement id '${id}'`);
    seen.add(id);
  }
}
