/**
 * Price and assets, and who can take the money and when. Ids: `money:asset:<n>`,
 * `money:in:<action id>[:<n>]`, `money:out:<action id>:<n>` (one per recipient and asset, the id of its first payment; n as in the action's payments), `money:none-out`,
 * `money-fact:<n>` (pull payments, overpayment, rounding), `definition:<name>` (formulas of named amounts).
 */
import { accessOnPath } from '../../extract/actions.ts';
import { stillPaysOut } from '../../extract/ways-out.ts';
import { paysNothing } from '../../extract/never-recorded.ts';
import { collectionOf, drawsOn } from '../../extract/record-funds.ts';
import type { Action, Asset, ContractTerms, Expr, Party, Payment } from '../../terms/index.ts';
import { isPathPrefix, unwrap, walkExpr } from '../../terms/index.ts';
import { actionNames, combineBasis, findAction, prefixed, spanSources, spec, type StatementSpec } from './spec.ts';
import { proxiedMoney } from './proxied.ts';

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
        context: {
          asset,
          // What the code does with it: an ETH contract may only take money in, or only pay out what it was given at deployment.
          receives: terms.actions.some((a) => (asset.kind === 'eth' && a.payable) || a.payments.some((p) => p.direction === 'in' && sameAsset(p.asset, asset))),
          paysOut: terms.actions.some((a) => a.payments.some((p) => p.direction === 'out' && sameAsset(p.asset, asset) && !paysNothing(terms, a.id, p))),
        },
      }),
    );
  });
  // Actions that take ETH with the call and say no more about it: one line for each set of callers.
  const takesEth = (action: Action) => action.payable && !action.payments.some((p) => p.direction === 'in' && p.asset.kind === 'eth');
  const sameCallers = (a: Action, b: Action) => a.kind === 'function' && b.kind === 'function' && JSON.stringify(a.access) === JSON.stringify(b.access);
  const told = new Set<Action>();
  for (const action of terms.actions) {
    if (takesEth(action) && !told.has(action)) {
      const group = terms.actions.filter((other) => other === action || (takesEth(other) && sameCallers(action, other)));
      group.forEach((member) => told.add(member));
      specs.push(
        spec(`money:in:${action.id}`, 'money', 'money-in', {
          table: 'money',
          basis: 'code',
          source: spanSources(group.map((member) => member.source), action.source),
          actionKind: action.kind,
          context: { action, payment: null, names: actionNames(terms, group.map((member) => member.id)) },
        }),
      );
    }
    action.payments.forEach((payment, index) => {
      if (payment.direction === 'out') return;
      // A move between two other addresses (`transferFrom(payer, receiver)`): its own row, payer to receiver.
      specs.push(
        spec(`money:${payment.direction}:${action.id}:${index + 1}`, 'money', 'money-in', {
          table: 'money', basis: payment.basis, source: payment.source, actionKind: action.kind, context: { action, payment } }),
      );
    });
  }
  specs.push(...payeeSpecs(terms));
  for (const fact of terms.money) {
    const action = fact.action === null ? null : findAction(terms, fact.action);
    const party = terms.parties.find((candidate) => candidate.id === fact.party) ?? null;
    const withdrawalAction = fact.withdrawal === null ? null : findAction(terms, fact.withdrawal);
    const withdrawal = fact.withdrawal === null ? null : (withdrawalAction?.name ?? fact.withdrawal);
    specs.push(
      spec(prefixed('money-fact', fact.id), 'money', 'money-fact', {
        basis: fact.basis,
        source: fact.source,
        actionKind: action?.kind ?? null,
        // Other ways out: actions that pay out the whole balance, credited money included.
        // Who may make the money leave: "when the Owner calls `withdraw`", not "when someone calls".
        context: { fact, action, party, twin: hasTwin(terms, fact), withdrawal, withdrawalAccess: withdrawalAction?.access ?? null, ownCredit: withdrawalAction ? paysOwnCredit(withdrawalAction) : false, sweeps: fact.kind === 'pull-payment' ? sweepingActions(terms, fact.withdrawal) : [], each: creditEach(action, fact.subject), unread: fact.kind === 'pull-payment' && unreadCode(terms), exits: fact.kind === 'record-funds' ? recordExits(terms, fact.subject) : [] },
      }),
    );
  }
  for (const definition of terms.definitions) {
    const overloaded = terms.definitions.filter((other) => other.name === definition.name).length > 1;
    specs.push(spec(prefixed('definition', definition.id), 'money', 'definition', { basis: definition.basis, source: definition.source, context: { definition, overloaded } }));
  }
  // A contract that only moves tokens between others (`transferFrom(payer, receiver)`) and takes nothing in holds nothing: the key fact says so.
  const onlyMoves = all.some(({ payment }) => payment.direction === 'between') && !terms.actions.some((a) => a.payable || a.payments.some((p) => p.direction === 'in'));
  if (!onlyMoves && !all.some(({ action, payment }) => payment.direction === 'out' && !paysNothing(terms, action.id, payment))) {
    // Money may still leave through another contract's code (a delegatecall, or an approval and a call): said, never "none".
    const proxied = proxiedMoney(terms);
    specs.push(spec('money:none-out', 'money', 'money-none-out', { basis: 'code', source: proxied.length > 0 ? spanSources(proxied.flatMap((p) => p.sources), terms.source) : terms.source, context: { proxied } }));
  }
  return specs;
}

/** Another fact of the same kind about the same amount in the same action (rounding that leaves the fraction to the Seller in one case, the Buyer in the other): its conditions tell them apart. */
function hasTwin(terms: ContractTerms, fact: ContractTerms['money'][number]): boolean {
  const key = (f: typeof fact) => JSON.stringify([f.kind, f.action, f.subject]);
  return terms.money.some((other) => other !== fact && key(other) === key(fact));
}

/**
 * Who may receive money out of the contract: one line per recipient and asset, naming the actions that pay
 * it; what each pays, and when, is stated in the action's own block. Id: that of the recipient's first payment.
 * A payment of an amount that is always zero (`paysNothing`) pays no one: its recipient is not listed.
 */
function payeeSpecs(terms: ContractTerms): StatementSpec[] {
  const groups = new Map<string, { id: string; payment: Payment; actions: Action[]; payments: Payment[] }>();
  for (const action of terms.actions) {
    action.payments.forEach((payment, index) => {
      if (payment.direction !== 'out' || paysNothing(terms, action.id, payment)) return;
      const key = `${payment.toParty ?? payeeKey(payment.to)} ${JSON.stringify(payment.asset)}`;
      const group = groups.get(key) ?? { id: `money:out:${action.id}:${index + 1}`, payment, actions: [], payments: [] };
      if (!group.actions.includes(action)) group.actions.push(action);
      group.payments.push(payment);
      groups.set(key, group);
    });
  }
  return [...groups.values()].map(({ id, payment, actions, payments }) =>
    spec(id, 'money', 'money-out', {
      table: 'money',
      basis: combineBasis(payments.map((p) => p.basis)),
      source: spanSources(payments.map((p) => p.source), payment.source),
      context: { payment, atDeployment: actions.some((a) => a.kind === 'constructor'), actions: actionNames(terms, actions.filter((a) => a.kind !== 'constructor').map((a) => a.id)) },
    }),
  );
}

/**
 * For a payment of the whole ETH balance (`selfdestruct`, `address(this).balance`): the ETH paid out before it
 * in the same action, so the sentence says what is left; `sure` when each of those is made whenever it is
 * (its conditions are among the payment's). Null when nothing is paid before it.
 */
export function balanceLeft(action: Action, payment: Payment): { before: Payment[]; sure: boolean } | null {
  const whole = payment.amount.kind === 'balance' && payment.amount.of.kind === 'this';
  if (!whole || payment.asset.kind !== 'eth') return null;
  const index = action.payments.indexOf(payment);
  const before = action.payments.slice(0, index).filter((p) => p.direction === 'out' && p.asset.kind === 'eth' && p.each === null && mayPrecede(p.when, payment.when));
  if (before.length === 0) return null;
  return { before, sure: before.every((p) => isPathPrefix(p.when, payment.when)) };
}

/** Paths that can both be taken: one's conditions are a prefix of the other's. */
function mayPrecede(a: Expr[], b: Expr[]): boolean {
  return isPathPrefix(a, b) || isPathPrefix(b, a);
}

/** Items of a token the contract holds: the item, the action that takes it in, and the actions that send it out. */
export function heldItems(terms: ContractTerms): { subject: Expr; from: string; until: string[] }[] {
  const byItem = new Map<string, { subject: Expr; from: string; until: string[] }>();
  for (const fact of terms.money.filter((f) => f.kind === 'item-custody')) {
    const key = JSON.stringify(fact.subject);
    const entry = byItem.get(key) ?? { subject: fact.subject, from: findAction(terms, fact.action ?? '')?.name ?? fact.action ?? '', until: [] };
    const until = fact.withdrawal === null ? null : (findAction(terms, fact.withdrawal)?.name ?? fact.withdrawal);
    if (until !== null && !entry.until.includes(until)) entry.until.push(until);
    byItem.set(key, entry);
  }
  return [...byItem.values()];
}

/** Who receives money out of the contract, and through which actions (not through a payment that is always zero). */
export function describeRecipients(terms: ContractTerms): Recipient[] {
  const byKey = new Map<string, Recipient>();
  for (const action of terms.actions) {
    for (const payment of action.payments.filter((candidate) => candidate.direction === 'out' && !paysNothing(terms, action.id, candidate))) {
      // One recipient however its type is spelled (`address` in one overload, `address payable` in another).
      const key = payment.toParty ?? JSON.stringify(unwrap(payment.to), (name, value) => (name === 'type' ? undefined : value));
      const recipient = byKey.get(key) ?? { party: findParty(terms, payment), to: payment.to, actions: [] };
      addOnce(recipient.actions, action.name);
      byKey.set(key, recipient);
    }
  }
  return [...byKey.values()];
}

/** Tokens the contract moves from one other address to another under the payer's approval: one per payer, receiver and asset. */
export function describeMoves(terms: ContractTerms): { payment: Payment; actions: string[] }[] {
  const byKey = new Map<string, { payment: Payment; actions: string[] }>();
  const key = (party: string | null | undefined, e: Expr | null) => party ?? JSON.stringify(e === null ? null : unwrap(e), (name, value) => (name === 'type' ? undefined : value));
  for (const action of terms.actions) {
    for (const payment of action.payments.filter((candidate) => candidate.direction === 'between')) {
      const k = `${key(payment.fromParty, payment.from)} ${key(payment.toParty, payment.to)} ${JSON.stringify(payment.asset)}`;
      const move = byKey.get(k) ?? { payment, actions: [] };
      addOnce(move.actions, action.name);
      byKey.set(k, move);
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

/** Names of actions (other than `except`) that pay out everything the contract holds. */
/** The withdrawal pays the caller its own entry of a ledger (`pendingReturns[msg.sender]`): only the credited address takes it. */
function paysOwnCredit(action: Action): boolean {
  return action.payments.some((p) => {
    const amount = p.amount.kind === 'prior' ? p.amount.of : p.amount;
    return p.direction === 'out' && amount.kind === 'index' && amount.index.kind === 'caller';
  });
}

export function sweepingActions(terms: ContractTerms, except: string | null, pays: (p: Payment, by: Action) => boolean = isWholeBalance): { name: string; access: Action['access'] }[] {
  return terms.actions
    .filter((a) => a.id !== except && a.kind !== 'constructor' && a.payments.some((p) => p.direction === 'out' && pays(p, a)))
    .map((a) => ({ name: a.name, access: a.access }));
}

/** The loop a credit is made in: the money is credited for every item that meets its conditions. */
function creditEach(action: Action | null, subject: Expr): Action['effects'][number]['each'] {
  const key = JSON.stringify(subject);
  return action?.effects.find((e) => e.kind === 'increase' && JSON.stringify(e.target) === key)?.each ?? null;
}

/** Code of an action plainterms could not translate: it may pay money out too, so no way out is the only one. */
function unreadCode(terms: ContractTerms): boolean {
  return terms.notExplained.some((n) => n.action !== null && n.reason !== 'contradiction' && findAction(terms, n.action)?.kind !== 'constructor');
}

function isWholeBalance(p: Payment): boolean {
  return p.amount.kind === 'balance' || p.amount.kind === 'token-balance';
}

/**
 * What becomes of a failed unchecked payment whose claim the action cleared first: the other actions that
 * could still pay that money out (the whole balance, an amount not read from the contract's records, or any
 * payment of the same asset to the same recipient), unless it can no longer act on the record the claim
 * was kept in. Null when the claim was not cleared.
 */
export function clearedClaim(terms: ContractTerms, action: Action, payment: Payment): { waysOut: { name: string; access: Action['access'] }[] } | null {
  if (payment.claimCleared !== true) return null;
  const samePayee = (p: Payment) => (p.toParty !== null && p.toParty === payment.toParty) || payeeKey(p.to) === payeeKey(payment.to);
  // Forwarding the ETH sent with the call (`arbitrator.appeal{value: msg.value}`) pays out nothing already held.
  const forwards = (p: Payment) => unwrap(p.amount).kind === 'value-sent';
  // An action counts only if it can still act on the record the claim was kept in (`stillPaysOut`).
  const couldPay = (p: Payment, by: Action) => sameAsset(p.asset, payment.asset) && !forwards(p) && (isWholeBalance(p) || !paysARecord(p, by) || samePayee(p)) && stillPaysOut(terms, action, payment, by, p);
  return { waysOut: sweepingActions(terms, action.id, couldPay) };
}

/** A recipient however it is read: as it stood before the call or now, converted to `address payable` or not. */
function payeeKey(to: Expr): string {
  return JSON.stringify(to, (_name, value) => (value?.kind === 'prior' ? value.of : value?.kind === 'convert' ? value.operand : value));
}

/**
 * A payment of what the contract's records say is owed: an amount read from storage, or one the action
 * checks against a record or debits from one (`require(balances[x] >= amount); balances[x] -= amount`).
 */
function paysARecord(payment: Payment, action: Action): boolean {
  const stored = (expr: Expr) => [...walkExpr(expr)].some((e) => (e.kind === 'variable' && e.scope === 'state') || e.kind === 'index' || e.kind === 'member');
  if (stored(payment.amount)) return true;
  const amount = JSON.stringify(payment.amount);
  const mentions = (expr: Expr) => [...walkExpr(expr)].some((e) => JSON.stringify(e) === amount);
  return (
    action.effects.some((e) => e.kind === 'decrease' && e.target.kind === 'index' && e.value !== null && JSON.stringify(e.value) === amount) ||
    action.conditions.some((c) => c.expr.kind === 'compare' && mentions(c.expr) && stored(c.expr))
  );
}

/** Where money held in a record's field can go: each recipient, with the actions that pay it an amount drawn on the field. */
function recordExits(terms: ContractTerms, subject: Expr): { party: Party | null; to: Expr; names: string[] }[] {
  const groups = new Map<string, { party: Party | null; to: Expr; ids: string[] }>();
  for (const action of terms.actions) {
    for (const payment of action.payments) {
      if (!drawsOn(action, payment, subject)) continue;
      // One recipient per field of the record (`o.seller`, read live or as it stood), else per party or address.
      const to = unwrap(payment.to);
      const field = to.kind === 'member' ? collectionOf(to.object) : null;
      const key = field && to.kind === 'member' ? `${field.name}.${to.member}` : (payment.toParty ?? payeeKey(payment.to));
      const group = groups.get(key) ?? { party: null, to: payment.to, ids: [] };
      group.party ??= terms.parties.find((p) => p.id === payment.toParty) ?? null;
      if (!group.ids.includes(action.id)) group.ids.push(action.id);
      groups.set(key, group);
    }
  }
  return [...groups.values()].map(({ party, to, ids }) => ({ party, to, names: actionNames(terms, ids) }));
}

/**
 * A token's own `transfer` whose result is ignored fails silently only with a token that returns `false`; a
 * token that reverts fails the whole call. A library's `safeTransfer` that reports failure swallows either.
 */
export function failsOnlyWithFalse(payment: Payment): boolean {
  return payment.asset.kind === 'token' && payment.method !== 'safeTransfer' && payment.method !== 'safeTransferFrom';
}
