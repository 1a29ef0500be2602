/** Parties against actions: who may call what, from each action's access rules. */
import type { Action, ContractTerms } from '../../terms/index.ts';
import { headingName } from '../statements/spec.ts';

export interface AccessTable {
  parties: { id: string; label: string; name: string; kind: string }[];
  rows: { name: string; label: string; anyone: boolean; other: boolean; cells: boolean[] }[];
}

/** Actions a party can call (the constructor is left out: it runs once, at deployment). */
export function buildAccessTable(terms: ContractTerms): AccessTable {
  const actions = terms.actions.filter((action) => action.kind !== 'constructor');
  const parties = terms.parties.filter((party) => actions.some((action) => allows(action, party.id)));
  return {
    parties: parties.map((party) => ({ id: party.id, label: party.label, name: party.name, kind: party.kind })),
    rows: actions.map((action) => ({
      name: headingName(terms, action),
      label: action.label,
      anyone: action.access.anyone,
      other: action.access.rules.some((rule) => rule.kind === 'expr' || (rule.kind === 'role' && !parties.some((p) => p.id === `role:${rule.role}`))),
      cells: parties.map((party) => allows(action, party.id)),
    })),
  };
}

function allows(action: Action, partyId: string): boolean {
  return action.access.rules.some(
    (rule) => (rule.kind === 'party' && rule.party === partyId) || (rule.kind === 'role' && `role:${rule.role}` === partyId),
  );
}
