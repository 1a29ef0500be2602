/**
 * Parameters bound to a stored record: a parameter used as, or hashed into, the key of a record that must
 * exist for a payment to be made (`require(escrows[keccak256(abi.encodePacked(_id, _seller, _buyer, _value))].exists)`).
 * Only the values some record was stored under pass that check, so the caller does not choose such a
 * parameter freely: it is fixed by the record, as if read from it — unless the caller can make such a record
 * exist at will (an action open to it writes the place checked without taking money in: `list(payee)`).
 *
 * "Must exist": a check on the payment's path (always made, or made under conditions that all hold when the
 * payment is made) that an empty record fails — a flag of the record that is set, or a field of it that is
 * not zero (`!= 0`, `> 0`). Limits: a check the model cannot split into such conjuncts (an `or`), a check made
 * per loop item, and a key worked out by a call are not taken as binding.
 */
import { same, withoutPrior } from '../ir/exprs.ts';
import type { Action, Expr, Payment } from '../terms/index.ts';
import { unwrap } from '../terms/index.ts';
import { conjuncts, isZero } from './records.ts';
import { ruleHolder } from './actions.ts';

/** The names of the parameters the records the payment needs bind, by the place that must be non-zero (`trades.exists`). */
function boundToRecord(action: Action, payment: Payment): { place: Place; names: string[] }[] {
  const onPath = (when: Expr[]) => when.every((w) => payment.when.some((p) => same(p, w)));
  const checks = [...action.conditions.filter((c) => c.each === null && onPath(c.when)).map((c) => c.expr), ...payment.when];
  return checks.flatMap(conjuncts).flatMap((check) => {
    const record = requiredRecord(check);
    return record ? [{ place: record.place, names: record.keys.flatMap(keyParameters) }] : [];
  });
}

/**
 * The payee is a parameter a record the payment needs binds, not one the caller must be (`msg.sender == _buyer`),
 * and the holders cannot make such a record exist at will: every action open to them that writes the place
 * checked takes money in (opening a trade pays its value in), so a record names only a party of a funded deal.
 */
export function boundPayee(action: Action, payment: Payment, holders: string[], actions: Action[]): boolean {
  const to = unwrap(payment.to);
  if (to.kind !== 'variable' || to.scope !== 'parameter') return false;
  if (action.access.rules.some((r) => r.kind === 'expr' && same(unwrap(r.expr), to))) return false;
  return boundToRecord(action, payment).some((bound) => bound.names.includes(to.name) && !actions.some((other) => freeWriter(other, bound.place, holders)));
}

/** An action the holders may call that writes the place (or its whole record) without taking money in. */
function freeWriter(action: Action, place: Place, holders: string[]): boolean {
  if (action.kind === 'constructor' || action.payable || action.payments.some((p) => p.direction === 'in')) return false;
  const open = action.access.anyone || action.access.rules.length === 0 || action.access.rules.some((r) => { const holder = ruleHolder(r); return holder === null || holders.includes(holder); }) || holders.some((h) => h === 'caller' || h === 'checked');
  return open && action.effects.some((e) => e.kind !== 'delete' && writes(e.target, place));
}

/** The target is the place (`trades[k].exists`), its whole record (`trades[k]`), or the collection itself. */
function writes(target: Expr, place: Place): boolean {
  const bare = unwrap(target);
  if (bare.kind === 'member') return bare.member === place.field && writes(bare.object, { collection: place.collection, field: null });
  if (bare.kind === 'index') return place.field === null && writes(bare.base, place);
  return bare.kind === 'variable' && bare.name === place.collection;
}

/** A place of a stored record: the collection, and the field read (null for the entry itself, `balances[k]`). */
interface Place {
  collection: string;
  field: string | null;
}

/** The record an empty entry would fail the check for: its place and the keys on the way to it. */
function requiredRecord(check: Expr): { place: Place; keys: Expr[] } | null {
  const bare = unwrap(withoutPrior(check));
  if (bare.kind === 'member' || bare.kind === 'index') return recordAt(bare);
  if (bare.kind !== 'compare') return null;
  const [left, right] = [unwrap(bare.left), unwrap(bare.right)];
  if ((bare.op === '!=' || bare.op === '>') && isZero(right)) return recordAt(left);
  if ((bare.op === '!=' || bare.op === '<') && isZero(left)) return recordAt(right);
  return null;
}

/** `m[k].f`, `m[a][b]`: the place, and every key on the way to the state variable; null for anything else. */
function recordAt(expr: Expr): { place: Place; keys: Expr[] } | null {
  const bare = unwrap(withoutPrior(expr));
  if (bare.kind === 'member') {
    const entry = recordAt(bare.object);
    return entry && entry.place.field === null ? { place: { ...entry.place, field: bare.member }, keys: entry.keys } : null;
  }
  if (bare.kind !== 'index') return null;
  const base = unwrap(bare.base);
  if (base.kind === 'variable') return base.scope === 'state' ? { place: { collection: base.name, field: null }, keys: [bare.index] } : null;
  const outer = recordAt(base);
  return outer && outer.place.field === null ? { place: outer.place, keys: [...outer.keys, bare.index] } : null;
}

/** The parameters a key is made of: the parameter itself, or the arguments of a hash of them. */
function keyParameters(index: Expr): string[] {
  const bare = unwrap(index);
  if (bare.kind === 'variable') return bare.scope === 'parameter' ? [bare.name] : [];
  if (bare.kind === 'hash') return bare.args.flatMap(keyParameters);
  return [];
}
