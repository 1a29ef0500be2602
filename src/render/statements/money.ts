/**
 * Price and assets, and who can take the money and when. Ids: `money:asset:<n>`,
 * `money:in:<action id>[:<n>]`, `money:out:<action id>:<n>` (n as in the action's payments), `money:none-out`.
 */
import type { Asset, ContractTerms, Expr, Party, Payment } from '../../terms/index.ts';
import { spanSources, spec, type StatementSpec } from './spec.ts';

export interface Recipient {
  party: Party | null;
  to: Expr;
  actions: string[];
}

export function buildMoneySpecs(terms: ContractTerms): StatementSpec[] {
  const specs: StatementSpec[] = [];
  const all = terms.actions.flatMap((action) => action.payments.map((payment) => ({ action, payment })));
  terms.assets.forEach((asset, index) => {
    const sources = all.filter(({ payment }) => sameAsset(payment.asset, asset)).map(({ payment }) => payment.source);
    specs.push(
      spec(`money:asset:${index + 1}`, 'money', 'money-asset', {
        basis: asset.kind === 'token' ? 'deployment' : 'code',
        source: spanSources(sources, terms.source),
        context: { asset },
      }),
    );
  });
  for (const action of terms.actions) {
    const incoming = action.payments.filter((payment) => payment.direction === 'in');
    if (action.payable && !incoming.some((payment) => payment.asset.kind === 'eth')) {
      specs.push(
        spec(`money:in:${action.id}`, 'money', 'money-in', {
          basis: 'code',
          source: action.source,
          actionKind: action.kind,
          context: { action, payment: null },
        }),
      );
    }
    action.payments.forEach((payment, index) => {
      const kind = payment.direction === 'in' ? 'money-in' : 'money-out';
      specs.push(
        spec(`money:${payment.direction}:${action.id}:${index + 1}`, 'money', kind, {
          basis: payment.basis,
          source: payment.source,
          actionKind: action.kind,
          context: { action, payment, party: findParty(terms, payment) },
        }),
      );
    });
  }
  if (!all.some(({ payment }) => payment.direction === 'out')) {
    specs.push(spec('money:none-out', 'money', 'money-none-out', { basis: 'code', source: terms.source, context: {} }));
  }
  return specs;
}

/** Who receives money out of the contract, and through which actions. */
export function describeRecipients(terms: ContractTerms): Recipient[] {
  const byKey = new Map<string, Recipient>();
  for (const action of terms.actions) {
    for (const payment of action.payments.filter((candidate) => candidate.direction === 'out')) {
      const key = payment.toParty ?? JSON.stringify(payment.to);
      const recipient = byKey.get(key) ?? { party: findParty(terms, payment), to: payment.to, actions: [] };
      addOnce(recipient.actions, action.name);
      byKey.set(key, recipient);
    }
  }
  return [...byKey.values()];
}

function findParty(terms: ContractTerms, payment: Payment): Party | null {
  return terms.parties.find((party) => party.id === payment.toParty) ?? null;
}

function sameAsset(a: Asset, b: Asset): boolean {
  return JSON.stringify(a) === JSON.stringify(b);
}

function addOnce(list: string[], item: string): void {
  if (!list.includes(item)) list.push(item);
}
