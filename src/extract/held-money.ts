/**
 * At which stages of a lifecycle the contract may hold money of the deal (for a lifecycle of records: money
 * of the record concerned). A small forward pass over the lifecycle's moves, tracking the amounts taken in
 * and not yet paid out, each amount named by the expression the code uses for it:
 * - ETH sent with a call is named by what the action requires it to equal (`msg.value == deposit` names it
 *   `deposit`); ETH an action passes straight on (`payable(seller).call{value: msg.value}`) is not held;
 * - tokens taken in are named by their amount expression;
 * - a payment out removes the amount of the same name (`deposit` paid to the seller on shipment); a payment
 *   of the whole balance removes every amount.
 * What it does not handle: amounts that match only after arithmetic (`price - deposit`), partial payments
 * (a payment of a different amount removes nothing, so the stage still counts as holding money), and money
 * taken in by an action that moves another lifecycle only (counted at every stage it may run in, except ETH sent
 * straight to the contract, which is pooled and not held for any one record).
 */
import type { Action, Expr, Lifecycle, Payment } from '../terms/index.ts';
import { unwrap } from '../terms/index.ts';
import { requiredStates } from './lifecycle.ts';

const WHOLE = '*';

/** An amount's name: the expression, read as it stood before the call where the code says so. */
export const key = (expr: Expr): string => {
  const bare = unwrap(expr);
  // Named by what the code reads, not by how it is shown (a unit inferred in one place and not another).
  return bare.kind === 'prior' ? key(bare.of) : JSON.stringify(bare, (name, value) => (['label', 'unit', 'type', 'written'].includes(name) ? undefined : value));
};

/** The ETH sent with the call as the action requires it (`msg.value == deposit`), or the value sent itself. */
function sentAmount(action: Action): Expr {
  for (const { expr, when } of action.conditions) {
    if (when.length > 0 || expr.kind !== 'compare' || expr.op !== '==') continue;
    if (expr.left.kind === 'value-sent') return expr.right;
    if (expr.right.kind === 'value-sent') return expr.left;
  }
  return { kind: 'value-sent' };
}

const onPath = (payment: Payment, when: Expr[]) => payment.when.length === 0 || JSON.stringify(payment.when) === JSON.stringify(when);

/** The amounts an action takes in and keeps, on the path given by `when`. */
function takenIn(action: Action, when: Expr[]): string[] {
  const keys: string[] = [];
  const forwards = action.payments.some((p) => p.direction === 'out' && unwrap(p.amount).kind === 'value-sent' && onPath(p, when));
  if (action.payable && !forwards) keys.push(action.kind === 'constructor' || sentAmount(action).kind !== 'value-sent' ? key(sentAmount(action)) : `${key(sentAmount(action))}@${action.id}`);
  for (const payment of action.payments) if (payment.direction === 'in' && onPath(payment, when)) keys.push(key(payment.amount));
  return keys;
}

/** The amounts an action pays out of what the contract holds, on the path given by `when`. */
function paidOut(action: Action, when: Expr[]): string[] {
  return action.payments
    .filter((p) => p.direction === 'out' && onPath(p, when) && unwrap(p.amount).kind !== 'value-sent')
    .map((p) => (p.method === 'selfdestruct' || p.amount.kind === 'balance' || p.amount.kind === 'token-balance' ? WHOLE : key(p.amount)));
}

function after(held: Set<string>, ins: string[], outs: string[]): Set<string> {
  if (outs.includes(WHOLE)) return new Set();
  const next = new Set([...held, ...ins]);
  for (const out of outs) next.delete(out);
  return next;
}

/** The states of the lifecycle in which the contract may hold money taken in (for the record concerned, per record). */
export function statesWithMoney(lifecycle: Lifecycle, actions: Action[]): Set<string> {
  const all = lifecycle.states.map((s) => s.name);
  const held = new Map<string, Set<string>>(all.map((s) => [s, new Set<string>()]));
  const constructor = actions.find((a) => a.kind === 'constructor');
  if (constructor && !lifecycle.perItem) for (const state of deployedIn(constructor, lifecycle)) for (const k of takenIn(constructor, [])) held.get(state)?.add(k);
  const add = (state: string, keys: Iterable<string>) => {
    const into = held.get(state);
    if (!into) return false;
    let grew = false;
    for (const k of keys) if (!into.has(k)) (into.add(k), (grew = true));
    return grew;
  };
  // Money taken in by an action that does not move this lifecycle stays at every stage the action may run in.
  const moving = new Set(lifecycle.transitions.map((t) => t.action));
  // ETH sent straight to the contract (`receive`) is pooled: it is not held for any one record.
  const standing = actions.filter((a) => a.kind !== 'constructor' && !moving.has(a.id) && !(lifecycle.perItem && (a.kind === 'receive' || a.kind === 'fallback')));
  for (let grew = true, rounds = 0; grew && rounds < 50; rounds++) {
    grew = false;
    for (const action of standing) {
      const ins = takenIn(action, []);
      if (ins.length === 0) continue;
      for (const state of requiredStates(action, lifecycle) ?? all) grew = add(state, ins) || grew;
    }
    for (const t of lifecycle.transitions) {
      const action = actions.find((a) => a.id === t.action);
      if (!action || action.kind === 'constructor') continue;
      const ins = takenIn(action, t.when);
      const outs = paidOut(action, t.when);
      const sources = t.creates ? [new Set<string>()] : (t.from.length === 0 ? all : t.from).map((s) => held.get(s) ?? new Set<string>());
      for (const source of sources) grew = add(t.to, after(source, ins, outs)) || grew;
    }
  }
  return new Set(all.filter((s) => held.get(s)!.size > 0));
}

/** `msg.value == 0` on the path: no ETH comes in there. */
const noValue = (when: Expr[]) =>
  when.some((e) => e.kind === 'compare' && e.op === '==' && [e.left, e.right].some((x) => x.kind === 'value-sent') && [e.left, e.right].some((x) => x.kind === 'number' && x.value === '0'));

/**
 * The states deployment may leave the lifecycle in with ETH sent: those the constructor sets on a path where
 * ETH may come in (`if (msg.value > 0) status = AwaitingDelivery`), or the initial state.
 */
function deployedIn(constructor: Action, lifecycle: Lifecycle): string[] {
  const sets = constructor.effects.filter((e) => e.kind === 'set' && e.target.kind === 'variable' && e.target.name === lifecycle.variable && e.value?.kind === 'enum-member');
  if (sets.length === 0) return lifecycle.initial ? [lifecycle.initial] : [];
  return sets.filter((e) => !noValue(e.when)).map((e) => (e.value as Extract<Expr, { kind: 'enum-member' }>).member);
}
