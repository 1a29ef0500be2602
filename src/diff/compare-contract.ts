/**
 * Contract-wide changes: parties, powers, constants, deadlines, lifecycles and risks. Each comparer
 * matches terms by a stable identity (a party id, a power's kind and action, a state's name) and
 * compares the rest in canonical form.
 */
import type { ContractTerms, Lifecycle, Party, Power, Risk, Transition } from '../terms/index.ts';
import { collectConstants, exprKey, exprSetKey, type ParamList } from './canonical.ts';
import { change, matchBy, type TermChange } from './types.ts';

function paramsOf(terms: ContractTerms, actionId: string): ParamList {
  return terms.actions.find((action) => action.id === actionId)?.parameters ?? null;
}

export function compareParties(before: ContractTerms, after: ContractTerms): TermChange[] {
  const { pairs, removed, added } = matchBy(before.parties, after.parties, (party) => party.id);
  const changes: TermChange[] = [
    ...removed.map((party) => change('party-removed', { subject: party.id, old: party, oldSource: party.source })),
    ...added.map((party) => change('party-added', { subject: party.id, new: party, newSource: party.source })),
  ];
  const oldParams = paramsOf(before, 'constructor');
  const newParams = paramsOf(after, 'constructor');
  for (const [old, now] of pairs) {
    const sources = { subject: now.id, oldSource: old.source, newSource: now.source };
    if (exprKey(old.initial, oldParams) !== exprKey(now.initial, newParams)) {
      changes.push(change('party-reassigned', { ...sources, old: old.initial, new: now.initial }));
    }
    if (old.setAt !== now.setAt || old.mutability !== now.mutability) {
      changes.push(change('party-setting-changed', { ...sources, old: setting(old), new: setting(now) }));
    }
    if (JSON.stringify([...old.changedBy].sort()) !== JSON.stringify([...now.changedBy].sort())) {
      changes.push(change('party-changers-changed', { ...sources, old: old.changedBy, new: now.changedBy }));
    }
  }
  return changes;
}

function setting(party: Party) {
  return { setAt: party.setAt, mutability: party.mutability };
}

function powerKey(power: Power): string {
  return `${power.kind}|${power.action}|${exprKey(power.target, null)}`;
}

export function comparePowers(before: ContractTerms, after: ContractTerms): TermChange[] {
  const { pairs, removed, added } = matchBy(before.powers, after.powers, powerKey);
  const changes: TermChange[] = [
    ...removed.map((power) => change('power-removed', { action: power.action, subject: power.kind, old: power, oldSource: power.source })),
    ...added.map((power) => change('power-added', { action: power.action, subject: power.kind, new: power, newSource: power.source })),
  ];
  for (const [old, now] of pairs) {
    const at = { action: now.action, subject: now.kind, oldSource: old.source, newSource: now.source };
    if (JSON.stringify([...old.holders].sort()) !== JSON.stringify([...now.holders].sort())) {
      changes.push(change('power-holders-changed', { ...at, old: old, new: now }));
    }
    const boundsBefore = exprSetKey(old.bounds, paramsOf(before, old.action)) + exprKey(old.timelock, null);
    const boundsAfter = exprSetKey(now.bounds, paramsOf(after, now.action)) + exprKey(now.timelock, null);
    if (boundsBefore !== boundsAfter) changes.push(change('power-bounds-changed', { ...at, old: old, new: now }));
  }
  return changes;
}

/** A constant whose value changed, reported once however many terms use it. */
export function compareConstants(before: ContractTerms, after: ContractTerms): TermChange[] {
  const olds = collectConstants(before);
  const news = collectConstants(after);
  const changes: TermChange[] = [];
  for (const [name, old] of olds) {
    const now = news.get(name);
    if (now === undefined || (old.value === now.value && old.unit === now.unit)) continue;
    changes.push(change('constant-changed', { subject: name, old, new: now, oldSource: before.source, newSource: after.source }));
  }
  return changes;
}

export function compareDeadlines(before: ContractTerms, after: ContractTerms): TermChange[] {
  const { pairs, removed, added } = matchBy(before.deadlines, after.deadlines, (deadline) => deadline.id);
  const changes: TermChange[] = [
    ...removed.map((d) => change('deadline-removed', { subject: d.id, old: d, oldSource: d.source })),
    ...added.map((d) => change('deadline-added', { subject: d.id, new: d, newSource: d.source })),
  ];
  for (const [old, now] of pairs) {
    const settings = matchBy(old.setBy, now.setBy, (s) => s.action);
    for (const [a, b] of settings.pairs) {
      if (exprKey(a.value, paramsOf(before, a.action)) === exprKey(b.value, paramsOf(after, b.action))) continue;
      const at = { action: b.action, subject: now.id, oldSource: a.source, newSource: b.source };
      changes.push(change('deadline-moved', { ...at, old: { deadline: old, value: a.value }, new: { deadline: now, value: b.value } }));
    }
  }
  return changes;
}

function transitionKey(terms: ContractTerms, transition: Transition): string {
  return `${transition.action}|${[...transition.from].sort().join(',')}|${transition.to}|${exprSetKey(transition.when, paramsOf(terms, transition.action))}`;
}

export function compareLifecycles(before: ContractTerms, after: ContractTerms): TermChange[] {
  // A one-way flag's setting is an action's effect, and its changes are told with the action's.
  const enums = (terms: ContractTerms) => terms.lifecycles.filter((lifecycle) => lifecycle.kind === 'enum');
  const { pairs } = matchBy(enums(before), enums(after), (lifecycle) => lifecycle.id);
  return pairs.flatMap(([old, now]) => [...compareStates(old, now), ...compareTransitions(before, after, old, now)]);
}

function compareStates(old: Lifecycle, now: Lifecycle): TermChange[] {
  const { removed, added } = matchBy(old.states, now.states, (state) => state.name);
  return [
    ...removed.map((state) => change('state-removed', { subject: now.id, old: { lifecycle: old, state }, oldSource: old.source })),
    ...added.map((state) => change('state-added', { subject: now.id, new: { lifecycle: now, state }, newSource: now.source })),
  ];
}

function compareTransitions(before: ContractTerms, after: ContractTerms, old: Lifecycle, now: Lifecycle): TermChange[] {
  const key = (t: Transition) => transitionKey(old.transitions.includes(t) ? before : after, t);
  const { removed, added } = matchBy(old.transitions, now.transitions, key);
  return [
    ...removed.map((t) =>
      change('transition-removed', { action: t.action, subject: now.id, old: { lifecycle: old, transition: t }, oldSource: t.source }),
    ),
    ...added.map((t) =>
      change('transition-added', { action: t.action, subject: now.id, new: { lifecycle: now, transition: t }, newSource: t.source }),
    ),
  ];
}

function riskKey(risk: Risk): string {
  return `${risk.kind}|${risk.action}|${risk.party}|${exprKey(risk.subject, null)}`;
}

export function compareRisks(before: ContractTerms, after: ContractTerms): TermChange[] {
  const { removed, added } = matchBy(before.risks, after.risks, riskKey);
  return [
    ...removed.map((risk) => change('risk-removed', { action: risk.action, subject: risk.kind, old: risk, oldSource: risk.source })),
    ...added.map((risk) => change('risk-added', { action: risk.action, subject: risk.kind, new: risk, newSource: risk.source })),
  ];
}
