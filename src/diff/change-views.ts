/**
 * The template context of one change: the change itself plus the model objects its sentence names
 * (the action, the parties holding a power, the payment's recipient), looked up in the version the
 * change comes from. No words here: templates/<locale>/diff/change/<kind>.hbs word each change.
 */
import type { Action, ContractTerms, Expr, Party, Payment, Power, Risk, SourceRef } from '../terms/index.ts';
import type { TermChange } from './types.ts';

export interface ChangeView extends TermChange {
  /** The action the change is in, from the new version when it exists there, else the old. */
  actionRef: Action | null;
  /** Data for the summary's own partials (power/<kind>, risk/<kind>), per side. */
  oldView: unknown;
  newView: unknown;
}

export function viewChange(item: TermChange, before: ContractTerms, after: ContractTerms): ChangeView {
  const actionRef = findAction(after, item.action) ?? findAction(before, item.action);
  return {
    ...item,
    actionRef,
    oldView: sideView(item, item.old, before, item.oldSource),
    newView: sideView(item, item.new, after, item.newSource),
  };
}

function sideView(item: TermChange, value: unknown, terms: ContractTerms, source: SourceRef | null): unknown {
  if (value === null) return null;
  if (item.kind.startsWith('power-')) return powerView(value as Power, terms);
  if (item.kind.startsWith('risk-')) return riskView(value as Risk, terms);
  if (item.kind === 'constant-changed') return constantView(value as Extract<Expr, { kind: 'variable' }>, terms);
  if (item.kind === 'payment-amount-changed') return { payment: findPayment(terms, item.action, source) };
  if (item.kind.startsWith('party-')) return { party: findParty(terms, item.subject) };
  return null;
}

function powerView(power: Power, terms: ContractTerms) {
  const holders = power.holders.map((id) => findParty(terms, id)).filter((party): party is Party => party !== null);
  return { power, holders, action: findAction(terms, power.action) };
}

function riskView(risk: Risk, terms: ContractTerms) {
  return { risk, party: risk.party === null ? null : findParty(terms, risk.party), action: findAction(terms, risk.action) };
}

/** A constant's value as a number expression, and its share when the code uses it as a rate. */
function constantView(constant: Extract<Expr, { kind: 'variable' }>, terms: ContractTerms) {
  const number: Expr = { kind: 'number', value: constant.value ?? '0', written: constant.value ?? '0', unit: constant.unit };
  return { constant, number, scale: findRateScale(terms, constant.name) };
}

function findRateScale(root: unknown, name: string): string | null {
  if (Array.isArray(root)) {
    for (const item of root) {
      const found = findRateScale(item, name);
      if (found !== null) return found;
    }
    return null;
  }
  if (typeof root !== 'object' || root === null) return null;
  const node = root as Record<string, unknown>;
  if (node.kind === 'percent-of') {
    const rate = node.rate as { kind: string; name?: string };
    if (rate.kind === 'variable' && rate.name === name) return String(node.scale);
  }
  return findRateScale(Object.values(node), name);
}

function findAction(terms: ContractTerms, id: string | null): Action | null {
  return id === null ? null : (terms.actions.find((action) => action.id === id) ?? null);
}

function findParty(terms: ContractTerms, id: string): Party | null {
  return terms.parties.find((party) => party.id === id) ?? null;
}

function findPayment(terms: ContractTerms, actionId: string | null, source: SourceRef | null): Payment | null {
  const payments = findAction(terms, actionId)?.payments ?? [];
  return payments.find((p) => source !== null && p.source.line === source.line && p.source.path === source.path) ?? null;
}

/** The two versions' parties, actions and lifecycles together, so look-ups find removed terms too. */
export function mergeForLookup(before: ContractTerms, after: ContractTerms): ContractTerms {
  const missing = <T extends { id: string }>(olds: T[], news: T[]) => olds.filter((o) => !news.some((n) => n.id === o.id));
  return {
    ...after,
    parties: [...after.parties, ...missing(before.parties, after.parties)],
    actions: [...after.actions, ...missing(before.actions, after.actions)],
    lifecycles: [...after.lifecycles, ...missing(before.lifecycles, after.lifecycles)],
  };
}
