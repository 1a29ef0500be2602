/**
 * Whether another action can still pay out money an unchecked payment left behind after its action cleared
 * the claim to it. The other action counts only if it can still act on the same record afterwards:
 * - the record is matched by binding the other action's parameters so that the places its payment is tied
 *   to (its payee, the places its amount is read from or debited from, or checked against) name the record
 *   the cleared claim was kept in (`transactions[_transactionID]` in both, or `pledgedAmount[_id][msg.sender]`);
 * - it is ruled out when one of its conditions on that record cannot hold in any state the record can
 *   reach from the one the clearing action leaves (`status = Resolved`, and every action that could set
 *   the status again requires a status before Resolved);
 * - or when the clearing action must wait for a moment the other action must come before, and no action
 *   but deployment or the creation of a new record changes that moment;
 * - or when it pays exactly what the record still holds, and the clearing action emptied or debited that
 *   record: the money left behind is no longer in it.
 * Where none of these can be proved, the action is kept.
 */
import type { Action, ContractTerms, Expr, Payment } from '../terms/index.ts';
import { isPathPrefix, unwrap, walkExpr } from '../terms/index.ts';
import { constantOf, key, rewrite, same, withoutPrior } from '../ir/exprs.ts';
import { timeComparisons } from './deadlines.ts';
import { writesNewRecord, type EffectsByAction } from './records.ts';
import type { EnumDefaults } from './blank-record.ts';

export function stillPaysOut(terms: ContractTerms, clearing: Action, payment: Payment, other: Action, otherPayment: Payment): boolean {
  const claimed = claimPlaces(clearing, payment);
  const tied = tiedPlaces(other, otherPayment);
  const bindings: Map<string, Expr>[] = [];
  for (const b of tied) for (const a of claimed) {
    const [ra, rb] = [recordOf(a), recordOf(b)];
    if (ra === null || rb === null) continue;
    const binding = new Map<string, Expr>();
    if (unify(rb, ra, binding)) bindings.push(binding);
  }
  if (bindings.length === 0) return true;
  // Excluded only when every way of reading the other action as acting on this record is ruled out.
  return bindings.some((binding) => !excluded(terms, clearing, payment, other, otherPayment, binding));
}

function excluded(terms: ContractTerms, clearing: Action, payment: Payment, other: Action, otherPayment: Payment, binding: Map<string, Expr>): boolean {
  const bound = (e: Expr) => substitute(e, binding);
  const needs = [...other.conditions.filter((c) => c.when.length === 0).map((c) => c.expr), ...otherPayment.when].map(bound);
  const leaves = clearing.effects.filter((e) => e.each === null && isPathPrefix(e.when, payment.when));
  // The state the record is left in, and every state it can reach from there.
  for (const effect of leaves) {
    if (effect.kind !== 'set' || effect.value === null || literal(effect.value) === null) continue;
    const place = withoutPrior(effect.target);
    const reachable = reachableValues(terms, place, effect.value);
    if (reachable === null) continue;
    if (needs.some((cond) => reachable.every((value) => ruledOut(cond, place, value, terms)))) return true;
  }
  // A moment the clearing action waits for, which the other action must come before.
  const after = clearing.conditions.filter((c) => c.when.length === 0).flatMap((c) => timeComparisons(c.expr)).filter((t) => t.op === '>' || t.op === '>=');
  for (const need of needs) {
    for (const before of timeComparisons(need).filter((t) => t.op === '<' || t.op === '<=')) {
      const moment = withoutPrior(before.against);
      const passed = after.find((t) => same(withoutPrior(t.against), moment) && (t.op === '>' || before.op === '<'));
      if (passed && fixedMoment(terms, moment)) return true;
    }
  }
  // It pays what the record holds, and the clearing action took the claim off that record.
  const emptied = leaves.filter((e) => (e.kind === 'set' && e.value !== null && constantOf(e.value) === '0') || e.kind === 'delete' || (e.kind === 'decrease' && e.value !== null && same(withoutPrior(e.value), withoutPrior(payment.amount)))).map((e) => withoutPrior(e.target));
  const amount = substitute(otherPayment.amount, binding);
  return emptied.some((place) => same(unwrap(amount), place));
}

/** The places the cleared claim was kept in: read by the payment, or emptied or debited by its amount on its path. */
function claimPlaces(action: Action, payment: Payment): Expr[] {
  const places = [...storedPlaces(payment.amount), ...storedPlaces(payment.to)];
  for (const e of action.effects) {
    if (e.each !== null || !isPathPrefix(e.when, payment.when)) continue;
    if (e.kind === 'decrease' && e.value !== null && same(withoutPrior(e.value), withoutPrior(payment.amount))) places.push(withoutPrior(e.target));
  }
  return places;
}

/** The places a payment is tied to: its payee, its amount's places, a record debited by it or checked against it. */
function tiedPlaces(action: Action, payment: Payment): Expr[] {
  const places = [...storedPlaces(payment.amount), ...storedPlaces(payment.to)];
  const params = new Set([...walkExpr(payment.amount)].filter((n) => n.kind === 'variable' && n.scope === 'parameter').map((n) => key(n)));
  const mentionsParam = (expr: Expr) => [...walkExpr(expr)].some((n) => params.has(key(n)));
  for (const e of action.effects) if (e.kind === 'decrease' && e.value !== null && mentionsParam(e.value)) places.push(withoutPrior(e.target));
  for (const c of action.conditions) if (c.when.length === 0 && mentionsParam(c.expr)) places.push(...storedPlaces(c.expr));
  return places;
}

function storedPlaces(expr: Expr): Expr[] {
  return [...walkExpr(withoutPrior(expr))].filter((n) => n.kind === 'index' || n.kind === 'member');
}

/**
 * The entry of a collection a place is in: `transactions[id]` for `transactions[id].amount`; `m[a][b]` for
 * itself; the one stored record `auction` for `auction.amount`.
 */
function recordOf(place: Expr): Expr | null {
  let node = unwrap(place);
  const field = node.kind === 'member';
  while (node.kind === 'member') node = unwrap(node.object);
  if (field && node.kind === 'variable' && node.scope === 'state') return node;
  return node.kind === 'index' ? node : null;
}

/**
 * Match `pattern` (the other action's) to `target` (the clearing action's), binding the pattern's
 * parameters, and any index it computes (`transactions[disputeIDtoTransactionID[_disputeID]]`), to the
 * target's: the other action is read as acting on the same record whenever it could.
 */
function unify(pattern: Expr, target: Expr, binding: Map<string, Expr>): boolean {
  pattern = unwrap(withoutPrior(pattern));
  target = unwrap(withoutPrior(target));
  if (pattern.kind === 'variable' && pattern.scope === 'parameter') return bind(pattern, target, binding);
  if (pattern.kind === 'index' && target.kind === 'index') {
    if (!unify(pattern.base, target.base, binding)) return false;
    const index = unwrap(withoutPrior(pattern.index));
    return index.kind === 'index' || index.kind === 'member' ? bind(index, target.index, binding) : unify(index, target.index, binding);
  }
  if (pattern.kind === 'member' && target.kind === 'member') return pattern.member === target.member && unify(pattern.object, target.object, binding);
  if (pattern.kind === 'variable' && target.kind === 'variable') return pattern.name === target.name && pattern.scope === target.scope;
  return same(pattern, target);
}

function bind(pattern: Expr, target: Expr, binding: Map<string, Expr>): boolean {
  const bound = binding.get(key(pattern));
  if (bound) return same(bound, unwrap(withoutPrior(target)));
  binding.set(key(pattern), unwrap(withoutPrior(target)));
  return true;
}

function substitute(expr: Expr, binding: Map<string, Expr>): Expr {
  if (binding.size === 0) return withoutPrior(expr);
  return rewrite(withoutPrior(expr), (e) => binding.get(key(unwrap(e))) ?? null);
}

/** The stored variable (and struct members) a place belongs to, whatever its indexes: `transactions.status`. */
function storageKey(expr: Expr): string | null {
  switch (expr.kind) {
    case 'variable': return expr.scope === 'state' ? expr.name : null;
    case 'index': return storageKey(expr.base);
    case 'member': { const k = storageKey(expr.object); return k === null ? null : `${k}.${expr.member}`; }
    case 'prior': return storageKey(expr.of);
    case 'convert': return storageKey(expr.operand);
    default: return null;
  }
}

/**
 * Every value a place can hold after `start`, or null when some action may write it in a way the model
 * cannot follow (not a known value). An action's write counts when its conditions can hold with the
 * place at some value already reachable; creating a new record changes no existing one.
 */
function reachableValues(terms: ContractTerms, place: Expr, start: Expr): Expr[] | null {
  const placeKey = storageKey(place);
  if (placeKey === null) return null;
  const all: EffectsByAction = terms.actions.map((a) => ({ id: a.id, effects: a.effects, conditions: a.conditions }));
  const defaults = enumDefaultsOf(terms);
  const values: Expr[] = [start];
  const writes: { action: Action; target: Expr; value: Expr; when: Expr[] }[] = [];
  for (const action of terms.actions) {
    if (action.kind === 'constructor') continue;
    for (const e of action.effects) {
      const k = storageKey(e.target);
      if (k === null || !(k === placeKey || placeKey.startsWith(`${k}.`) || k.startsWith(`${placeKey}.`))) continue;
      if (e.kind === 'push' || writesNewRecord(e.target, action.id, all, defaults) || replacesRecord(e, placeKey)) continue;
      if (e.kind !== 'set' || k !== placeKey || e.value === null || literal(e.value) === null) return null;
      writes.push({ action, target: withoutPrior(e.target), value: e.value, when: e.when });
    }
  }
  for (let changed = true; changed;) {
    changed = false;
    for (const w of writes) {
      if (values.some((v) => literal(v) === literal(w.value))) continue;
      const conds = [...w.action.conditions.filter((c) => c.when.length === 0).map((c) => c.expr), ...w.when].map(withoutPrior);
      if (values.some((v) => !conds.some((c) => ruledOut(c, w.target, v, terms)))) {
        values.push(w.value);
        changed = true;
      }
    }
  }
  return values;
}

/**
 * The whole record the place is a field of, written anew (`auction = Auction({…, settled: false})`): what
 * the old record held, the claim included, is overwritten with it, so the record the claim was kept in
 * does not come back to another state.
 */
function replacesRecord(effect: Action['effects'][number], placeKey: string): boolean {
  const k = storageKey(effect.target);
  return effect.kind === 'set' && effect.value?.kind === 'struct' && k !== null && placeKey.startsWith(`${k}.`);
}

/** The condition cannot hold while `place` holds `value`. */
function ruledOut(cond: Expr, place: Expr, value: Expr, terms: ContractTerms): boolean {
  if (cond.kind === 'and') return cond.operands.some((c) => ruledOut(c, place, value, terms));
  if (cond.kind === 'or') return cond.operands.every((c) => ruledOut(c, place, value, terms));
  if (cond.kind === 'not') return same(withoutPrior(cond.operand), place) && value.kind === 'bool' && value.value;
  if (same(withoutPrior(cond), place)) return value.kind === 'bool' && !value.value;
  if (cond.kind !== 'compare') return false;
  const [left, right] = [withoutPrior(cond.left), withoutPrior(cond.right)];
  const onLeft = same(left, place);
  const other = onLeft ? right : same(right, place) ? left : null;
  const [a, b] = [ordinal(value, terms), ordinal(other, terms)];
  if (a === null || b === null) return false;
  const [x, y] = onLeft ? [a, b] : [b, a];
  switch (cond.op) {
    case '==': return x !== y;
    case '!=': return x === y;
    case '<': return !(x < y);
    case '<=': return !(x <= y);
    case '>': return !(x > y);
    case '>=': return !(x >= y);
  }
  return false;
}

/** A value known when the code is written: a boolean, a number or an enum member (by its place in the enum). */
function literal(expr: Expr | null): string | null {
  if (expr === null) return null;
  if (expr.kind === 'bool') return String(expr.value);
  if (expr.kind === 'enum-member') return `${expr.enumName}.${expr.member}`;
  return constantOf(expr);
}

/** Each enum's first member, from the enum lifecycles (their states are the members in order). */
function enumDefaultsOf(terms: ContractTerms): EnumDefaults {
  return new Map(terms.lifecycles.flatMap((l) => (l.kind === 'enum' && l.enumName ? [[l.enumName, l.states[0]?.name ?? null] as const] : [])));
}

function ordinal(expr: Expr | null, terms: ContractTerms): bigint | null {
  if (expr === null) return null;
  if (expr.kind === 'bool') return expr.value ? 1n : 0n;
  if (expr.kind === 'enum-member') {
    const lifecycle = terms.lifecycles.find((l) => l.kind === 'enum' && l.enumName === expr.enumName);
    const at = lifecycle?.states.findIndex((s) => s.name === expr.member) ?? -1;
    return at < 0 ? null : BigInt(at);
  }
  const text = constantOf(expr);
  return text === null ? null : BigInt(text);
}

/**
 * No action but deployment changes the moment, other than by creating a new record or by clearing it to
 * zero (which, for a moment made only of added unsigned values, moves it earlier: it stays passed).
 */
function fixedMoment(terms: ContractTerms, moment: Expr): boolean {
  const all: EffectsByAction = terms.actions.map((a) => ({ id: a.id, effects: a.effects, conditions: a.conditions }));
  const defaults = enumDefaultsOf(terms);
  const found = new Set([...walkExpr(moment)].map(storageKey).filter((k): k is string => k !== null));
  const keys = [...found].filter((k) => ![...found].some((other) => other.startsWith(`${k}.`)));
  const additive = (e: Expr): boolean => {
    const bare = unwrap(e);
    return bare.kind === 'arith' ? bare.op === '+' && additive(bare.left) && additive(bare.right) : bare.kind === 'variable' || bare.kind === 'member' || bare.kind === 'index' || bare.kind === 'number';
  };
  const zeroes = (kind: string, value: Expr | null) => kind === 'delete' || (kind === 'set' && value !== null && constantOf(value) === '0');
  return terms.actions.every((action) => action.kind === 'constructor' || action.effects.every((e) => {
    const k = storageKey(e.target);
    if (k === null || !keys.some((m) => m === k || m.startsWith(`${k}.`) || k.startsWith(`${m}.`))) return true;
    return e.kind === 'push' || writesNewRecord(e.target, action.id, all, defaults) || (zeroes(e.kind, e.value) && additive(moment));
  }));
}
