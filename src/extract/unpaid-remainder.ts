/**
 * Money held for a record that a payout releases only in part: `withdrawDeposit` pays the tenant
 * `depositAmount - deductions` (directly, or a stored amount that every write sets to that difference), out of
 * ETH the contract holds as `depositAmount`, and no action pays out the deductions. The difference stays in
 * the contract.
 *
 * Held amounts are the places a payable action stores the ETH sent in, or requires it to equal
 * (`depositAmount == msg.value`). The remainder counts as paid when some payment reads it (other than as the
 * amount taken off), when an action credits it to a place some payment reads (a pull payment), or when some
 * payment pays out the whole balance. Limits: only a difference `held - remainder` is read (not a share
 * `held * rate / scale`, nor a remainder computed in a loop); a write through a storage reference the model
 * does not see can pay it in a way this does not know.
 */
import type { Action, ContractTerms, Effect, Expr, Risk } from '../terms/index.ts';
import { childrenOf, unwrap, walkExpr } from '../terms/index.ts';
import { placeKey } from './money.ts';

type Draft = Omit<Risk, 'id' | 'basis'>;
type Difference = { held: Expr; rest: Expr; setter: string | null };

export function unpaidRemainders(terms: ContractTerms): Draft[] {
  const payouts = terms.actions.flatMap((a) => a.payments.filter((p) => p.direction === 'out').map((p) => ({ action: a, payment: p })));
  if (payouts.some(({ payment }) => payment.amount.kind === 'balance' || payment.amount.kind === 'token-balance')) return [];
  const held = heldPlaces(terms.actions);
  if (held.size === 0) return [];
  const drafts: Draft[] = [];
  const seen = new Set<string>();
  for (const { action, payment } of payouts) {
    if (payment.asset.kind !== 'eth') continue;
    const difference = differenceOf(payment.amount, held, terms.actions);
    if (!difference) continue;
    const rest = namedRest(difference, difference.setter ?? action.id, terms.actions);
    const key = `${action.id}|${JSON.stringify(rest)}`;
    if (seen.has(key) || paidSomewhere(rest, difference.rest, terms.actions) || countsPayouts(rest, difference, action)) continue;
    seen.add(key);
    const subject: Expr = { kind: 'arith', op: '-', left: difference.held, right: rest };
    drafts.push({ kind: 'remainder-stays', action: action.id, party: payment.toParty, subject, text: difference.setter, state: null, source: payment.source });
  }
  return drafts;
}

/** The places (`deposits.amount`) that hold ETH paid in: stored from `msg.value`, or required to equal it. */
function heldPlaces(actions: Action[]): Set<string> {
  const held = new Set<string>();
  for (const action of actions.filter((a) => a.payable)) {
    for (const effect of action.effects) {
      if (effect.value === null || (effect.kind !== 'set' && effect.kind !== 'increase' && effect.kind !== 'push')) continue;
      const value = unwrap(effect.value);
      const key = placeKey(effect.target);
      if (value.kind === 'value-sent' && key !== null) held.add(key);
      if (value.kind === 'struct' && key !== null) {
        for (const field of value.fields) if (unwrap(field.value).kind === 'value-sent') held.add(`${key}.${field.name}`);
      }
    }
    for (const condition of action.conditions) {
      const expr = condition.expr;
      if (condition.when.length > 0 || expr.kind !== 'compare' || expr.op !== '==') continue;
      const [left, right] = [unwrap(expr.left), unwrap(expr.right)];
      const other = left.kind === 'value-sent' ? right : right.kind === 'value-sent' ? left : null;
      const key = other === null ? null : placeKey(other);
      if (key !== null) held.add(key);
    }
  }
  return held;
}

/** `held - rest` paid directly, or a stored amount every non-zero write of which is that difference. */
function differenceOf(amount: Expr, held: Set<string>, actions: Action[]): Difference | null {
  const node = unwrap(amount.kind === 'prior' ? amount.of : amount);
  const direct = asDifference(node, held);
  if (direct) return { ...direct, setter: null };
  const key = placeKey(node);
  if (key === null) return null;
  const writes = actions.flatMap((a) => a.effects.map((e) => ({ action: a, value: writtenTo(e, key) })));
  const values: { action: Action; value: Expr | null }[] = [];
  for (const write of writes) if (write.value !== undefined && (write.value === null || !isZero(write.value))) values.push({ action: write.action, value: write.value });
  if (values.length === 0) return null;
  const differences = values.map((w) => (w.value === null ? null : asDifference(w.value, held)));
  const first = differences[0];
  if (!first || differences.some((d) => d === null || JSON.stringify(d) !== JSON.stringify(first))) return null;
  return { ...first, setter: values[0].action.id };
}

/**
 * What the effect writes to the place: the value (a field of a record written whole included), null when it
 * changes it in another way (adds, takes off, deletes), undefined when it does not touch it.
 */
function writtenTo(effect: Effect, key: string): Expr | null | undefined {
  const target = placeKey(effect.target);
  if (target === null) return undefined;
  if (target === key) return effect.kind === 'set' && effect.value !== null ? unwrap(effect.value) : effect.kind === 'delete' ? undefined : null;
  const value = effect.value === null ? null : unwrap(effect.value);
  if (value?.kind === 'struct' && key.startsWith(`${target}.`)) {
    const field = value.fields.find((f) => `${target}.${f.name}` === key);
    return field ? unwrap(field.value) : undefined;
  }
  return undefined;
}

function asDifference(expr: Expr, held: Set<string>): Omit<Difference, 'setter'> | null {
  const node = unwrap(expr);
  if (node.kind !== 'arith' || node.op !== '-') return null;
  const key = placeKey(unwrap(node.left));
  return key !== null && held.has(key) ? { held: node.left, rest: node.right } : null;
}

function isZero(expr: Expr): boolean {
  return expr.kind === 'number' && expr.value === '0';
}

/** The remainder by the stored name the action that computes it gives it (`deposit.deductions = _deductions`), else as computed. */
function namedRest(difference: Difference, computedIn: string, actions: Action[]): Expr {
  const setter = actions.find((a) => a.id === computedIn);
  const rest = JSON.stringify(unwrap(difference.rest));
  const stored = setter?.effects.find((e) => e.kind === 'set' && e.value !== null && e.when.length === 0 && JSON.stringify(unwrap(e.value)) === rest && placeKey(e.target) !== null);
  return stored?.target ?? difference.rest;
}

/**
 * Some payment reads the remainder (as itself or by its stored name), other than as the amount taken off a
 * payment, or some action credits it to a place a payment reads.
 */
function paidSomewhere(named: Expr, rest: Expr, actions: Action[]): boolean {
  const names = new Set([JSON.stringify(unwrap(named)), JSON.stringify(unwrap(rest))]);
  const keys = new Set([placeKey(unwrap(named)), placeKey(unwrap(rest))].filter((k): k is string => k !== null));
  const reads = (expr: Expr) => [...readsOutsideDeduction(expr)].some((e) => names.has(JSON.stringify(unwrap(e))) || keys.has(placeKey(unwrap(e)) ?? ''));
  const payments = actions.flatMap((a) => a.payments.filter((p) => p.direction === 'out'));
  if (payments.some((p) => reads(p.amount))) return true;
  const credited = actions.flatMap((a) => a.effects.filter((e) => e.value !== null && (e.kind === 'set' || e.kind === 'increase') && reads(e.value!)).map((e) => placeKey(e.target)));
  return credited.some((key) => key !== null && payments.some((p) => [...walkExpr(p.amount)].some((e) => placeKey(e) === key)));
}

/**
 * The remainder counts what the same payout paid before, not money kept back: the paying action sets it to the
 * held amount (`g.claimed = g.amount` in the `claim` that pays `g.amount - g.claimed`) or adds to it the
 * difference it pays (`g.released += g.amount - g.released`). A deduction the payout records
 * (`lease.kept = kept`) is neither.
 */
function countsPayouts(named: Expr, difference: Difference, action: Action): boolean {
  const key = placeKey(unwrap(named));
  const held = placeKey(unwrap(difference.held));
  if (key === null || held === null) return false;
  return action.effects.some((e) => {
    if (e.value === null || placeKey(e.target) !== key) return false;
    const value = unwrap(e.value);
    if (e.kind === 'set') return placeKey(value) === held;
    return e.kind === 'increase' && value.kind === 'arith' && value.op === '-' && placeKey(unwrap(value.left)) === held;
  });
}

/** The nodes of the tree, skipping what is taken off (`x` in `a - x`). */
function* readsOutsideDeduction(expr: Expr): Generator<Expr> {
  yield expr;
  if (expr.kind === 'arith' && expr.op === '-') {
    yield* readsOutsideDeduction(expr.left);
    return;
  }
  for (const child of childrenOf(expr)) yield* readsOutsideDeduction(child);
}
