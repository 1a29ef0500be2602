/**
 * Money facts that a list of payments does not show: balances credited for later withdrawal (pull
 * payments), what happens to ETH sent beyond what an action requires, and who keeps the rounding
 * remainder when a share is computed by division.
 */
import type { Action, Expr, MoneyFact, Payment } from '../terms/index.ts';
import { unwrap, walkExpr } from '../terms/index.ts';
import type { Extractor } from './context.ts';
import { itemCustody, itemsPassedThrough } from './custody.ts';
import { recordFunds } from './record-funds.ts';

type Draft = Omit<MoneyFact, 'id' | 'basis'>;

export const money: Extractor = {
  name: 'money',
  extract(context, terms) {
    const drafts: Draft[] = [];
    drafts.push(...pullPayments(terms.actions), ...itemCustody(context, terms), ...itemsPassedThrough(context), ...recordFunds(terms.actions));
    // Where some action pays out the whole balance, an excess stays in it and leaves with it.
    const balancePaidOut = terms.actions.some((a) => a.payments.some((p) => p.direction === 'out' && (p.amount.kind === 'balance' || p.amount.kind === 'token-balance')));
    for (const action of terms.actions) {
      drafts.push(...overpayments(action, balancePaidOut, terms.actions));
      drafts.push(...remainders(action));
    }
    terms.money = drafts.map((d, i) => ({ ...d, id: `money-fact:${i + 1}`, basis: 'code' }));
  },
};

/** `ledger[account] += amount` in one action, paid out as `ledger[caller]` (or `ledger[param]`) by another. */
function pullPayments(actions: Action[]): Draft[] {
  const drafts: Draft[] = [];
  const seen = new Set<string>();
  for (const action of actions) {
    for (const effect of action.effects) {
      if (effect.kind !== 'increase' || effect.target.kind !== 'index' || effect.target.base.kind !== 'variable') continue;
      const ledger = effect.target.base;
      // Paid out by another action, as the entry itself: an action that adds to a tally of what it has
      // just paid (VestingWallet's `_erc20Released`) is not crediting money for later.
      const withdrawal = actions.find((other) => other.id !== action.id && other.payments.some((p) => p.direction === 'out' && paysFrom(p, ledger.name)));
      if (!withdrawal || seen.has(`${ledger.name}|${action.id}`)) continue;
      seen.add(`${ledger.name}|${action.id}`);
      drafts.push({ kind: 'pull-payment', action: action.id, subject: effect.target, detail: null, withdrawal: withdrawal.id, party: null, when: effect.when, source: effect.source, excess: null });
    }
  }
  return drafts;
}

function paysFrom(payment: Payment, ledger: string): boolean {
  const amount = payment.amount.kind === 'prior' ? payment.amount.of : payment.amount;
  return amount.kind === 'index' && amount.base.kind === 'variable' && amount.base.name === ledger;
}

/** `msg.value >= x` (or `>`): the action accepts more than x. Where does the excess go? */
function overpayments(action: Action, balancePaidOut: boolean, actions: Action[]): Draft[] {
  if (!action.payable) return [];
  const drafts: Draft[] = [];
  for (const condition of action.conditions) {
    const minimum = minimumOf(condition.expr);
    if (!minimum) continue;
    // The whole ETH sent forwarded, or what is left of it once the minimum is taken (`msg.value - price` back to the caller).
    const returned = action.payments.find((p) => p.direction === 'out' && p.amount.kind === 'arith' && p.amount.op === '-' && p.amount.left.kind === 'value-sent');
    const forwarded = action.payments.find((p) => p.direction === 'out' && p.amount.kind === 'value-sent');
    // All the ETH sent recorded (a bid, a deposit) where a payment later pays from: none of it is excess.
    const stored = action.effects.map((e) => ({ kind: e.kind, target: e.value ? sentInto(e.target, e.value) : null })).find((e) => e.target && paidFromLater(e.target, actions));
    const [excess, detail, party]: [MoneyFact['excess'], Expr | null, string | null] = returned
      ? ['returned', returned.to, returned.toParty]
      : forwarded
        ? ['forwarded', forwarded.to, forwarded.toParty]
        : stored
          ? [stored.kind === 'set' ? 'recorded' : 'stored', stored.target!, null]
          : balancePaidOut
            ? ['with-balance', { kind: 'balance', of: { kind: 'this' } }, null]
            : ['stays', null, null];
    drafts.push({ kind: 'overpayment', action: action.id, subject: minimum, detail, withdrawal: null, party, when: condition.when, source: condition.source, excess });
  }
  return drafts;
}

/**
 * The place a write puts all the ETH sent in: the place written, or the field of a record written whole
 * (`auction = Bid(msg.sender, msg.value)` records it as the Amount of the Auction).
 */
function sentInto(target: Expr, value: Expr): Expr | null {
  const v = unwrap(value);
  if (v.kind === 'value-sent') return target;
  if (v.kind !== 'struct') return null;
  for (const f of v.fields) {
    const type = f.value.kind === 'struct' ? `struct ${f.value.name}` : 'uint256';
    const place = sentInto({ kind: 'member', object: target, member: f.name, label: f.label, type }, f.value);
    if (place) return place;
  }
  return null;
}

/** Some payment's amount reads the stored place `target` (the same variable, or the same field of a record). */
function paidFromLater(target: Expr, actions: Action[]): boolean {
  const key = placeKey(target);
  return key !== null && actions.some((a) => a.payments.some((p) => p.direction === 'out' && [...walkExpr(p.amount)].some((e) => placeKey(e) === key)));
}

/** `records[a][b].field` as `records.field`, `ledger[a]` as `ledger`, `total` as `total`. */
export function placeKey(expr: Expr): string | null {
  if (expr.kind === 'member') {
    const root = placeKey(expr.object);
    return root === null ? null : `${root}.${expr.member}`;
  }
  if (expr.kind === 'index') return placeKey(expr.base);
  if (expr.kind === 'prior' || expr.kind === 'convert') return placeKey(expr.kind === 'prior' ? expr.of : expr.operand);
  return expr.kind === 'variable' && (expr.scope === 'state' || expr.scope === 'immutable') ? expr.name : null;
}

/** `price - fee - royalty`: the share is one of the amounts taken off, at any depth of the chain. */
function subtracts(amount: Expr, share: string): boolean {
  // Chosen on a condition: the remainder goes there only if it does on every path.
  if (amount.kind === 'conditional') return subtracts(amount.then, share) && subtracts(amount.otherwise, share);
  if (amount.kind !== 'arith' || amount.op !== '-') return false;
  return JSON.stringify(amount.right) === share || subtracts(amount.left, share);
}

function minimumOf(expr: Expr): Expr | null {
  if (expr.kind !== 'compare') return null;
  if (expr.left.kind === 'value-sent' && (expr.op === '>=' || expr.op === '>')) return expr.right;
  if (expr.right.kind === 'value-sent' && (expr.op === '<=' || expr.op === '<')) return expr.left;
  return null;
}

/**
 * A payment of a share (`amount * bps / 10000`, `amount / 100`) rounds down. When the same action pays
 * `base - share` to someone else, that recipient gets the remainder; otherwise it stays in the contract.
 */
function remainders(action: Action): Draft[] {
  const drafts: Draft[] = [];
  const seen = new Set<string>();
  // An amount plainterms could not read (after a loop, say) may be the one that takes the remainder.
  const unread = action.payments.some((p) => [...walkExpr(p.amount)].some((e) => e.kind === 'code'));
  for (const payment of action.payments) {
    if (payment.amount.kind !== 'percent-of') continue;
    const share = JSON.stringify(payment.amount);
    // One sentence for a share paid on several paths (a transfer helper's branches).
    if (seen.has(share)) continue;
    seen.add(share);
    // The base paid out in full as well (a price to the seller, the fee on top): the share is not carved out of it, nothing is left over.
    const base = JSON.stringify(payment.amount.base);
    if (action.payments.some((p) => JSON.stringify(p.amount) === base)) continue;
    const complements = uniqueBy(action.payments.filter((p) => p !== payment && subtracts(p.amount, share)), (p) => JSON.stringify([p.to, p.when]));
    if (complements.length === 0) {
      if (unread) continue;
      drafts.push({ kind: 'rounding-remainder', action: action.id, subject: payment.amount, detail: null, withdrawal: null, party: null, when: payment.when, source: payment.source, excess: null });
    }
    for (const complement of complements) {
      drafts.push({ kind: 'rounding-remainder', action: action.id, subject: payment.amount, detail: complement.to, withdrawal: null, party: complement.toParty, when: complement.when, source: complement.source, excess: null });
    }
  }
  return drafts;
}

function uniqueBy<T>(items: T[], keyOf: (item: T) => string): T[] {
  const seen = new Set<string>();
  return items.filter((item) => {
    const key = keyOf(item);
    if (seen.has(key)) return false;
    seen.add(key);
    return true;
  });
}
