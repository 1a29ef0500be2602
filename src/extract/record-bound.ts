/**
 * Parameters bound to a stored record: a parameter used as, or hashed into, the key of a record that must
 * exist for a payment to be made (`require(escrows[keccak256(abi.encodePacked(_id, _seller, _buyer, _value))].exists)`).
 * Only the values some record was stored under pass that check, so the caller does not choose such a
 * parameter freely: it is fixed by the record, as if read from it.
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

/** The names of the parameters the record the payment needs binds. */
export function boundToRecord(action: Action, payment: Payment): Set<string> {
  const onPath = (when: Expr[]) => when.every((w) => payment.when.some((p) => same(p, w)));
  const checks = [...action.conditions.filter((c) => c.each === null && onPath(c.when)).map((c) => c.expr), ...payment.when];
  const bound = new Set<string>();
  for (const check of checks.flatMap(conjuncts)) {
    for (const keyExpr of requiredRecordKeys(check)) for (const name of keyParameters(keyExpr)) bound.add(name);
  }
  return bound;
}

/** The parameter is one the payment's record binds, and not one the caller must be (`msg.sender == _buyer`). */
export function boundPayee(action: Action, payment: Payment): boolean {
  const to = unwrap(payment.to);
  if (to.kind !== 'variable' || to.scope !== 'parameter') return false;
  const callerIs = action.access.rules.some((r) => r.kind === 'expr' && same(unwrap(r.expr), to));
  return !callerIs && boundToRecord(action, payment).has(to.name);
}

/** The keys of the stored records an empty record would fail the check for. */
function requiredRecordKeys(check: Expr): Expr[] {
  const bare = unwrap(withoutPrior(check));
  if (bare.kind === 'member' || bare.kind === 'index') return recordKeys(bare);
  if (bare.kind !== 'compare') return [];
  const [left, right] = [unwrap(bare.left), unwrap(bare.right)];
  if ((bare.op === '!=' || bare.op === '>') && isZero(right)) return recordKeys(left);
  if ((bare.op === '!=' || bare.op === '<') && isZero(left)) return recordKeys(right);
  return [];
}

/** `m[k].f`, `m[a][b]`: every key on the way to a state variable; [] for anything else. */
function recordKeys(expr: Expr): Expr[] {
  const bare = unwrap(withoutPrior(expr));
  if (bare.kind === 'member') return recordKeys(bare.object);
  if (bare.kind !== 'index') return [];
  const base = unwrap(bare.base);
  if (base.kind === 'variable') return base.scope === 'state' ? [bare.index] : [];
  const outer = recordKeys(base);
  return outer.length > 0 ? [...outer, bare.index] : [];
}

/** The parameters a key is made of: the parameter itself, or the arguments of a hash of them. */
function keyParameters(index: Expr): string[] {
  const bare = unwrap(index);
  if (bare.kind === 'variable') return bare.scope === 'parameter' ? [bare.name] : [];
  if (bare.kind === 'hash') return bare.args.flatMap(keyParameters);
  return [];
}
