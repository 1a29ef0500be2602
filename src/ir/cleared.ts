/**
 * Whether an unchecked payment's claim is cleared on its path, before or after it: the action zeroes or
 * reduces the stored amount it pays (`owed[x] = 0; x.send(amount)`), or writes a value its own conditions
 * rule out (`require(!paid[id]); paid[id] = true; …send`). Then a failed payment cannot be claimed again:
 * the money stays in the contract and the books say it is paid.
 */
import type { Expr } from '../terms/index.ts';
import { isPathPrefix, walkExpr } from '../terms/index.ts';
import { code, constantOf, key, rewrite, same, withoutPrior } from './exprs.ts';
import type { Instr } from './types.ts';

type Pay = Extract<Instr, { k: 'pay' }>;
type Store = Extract<Instr, { k: 'store' }>;

export function claimCleared(instrs: Instr[], pay: Pay, lockTargets: string[]): boolean {
  // Whatever runs whenever the payment does: a failed unchecked payment does not stop the action, so a store
  // after it clears the claim as surely as one before it.
  const onPath = instrs.filter((i) => i.id !== pay.id && i.each === null && isPathPrefix(i.guard, pay.guard));
  const before = onPath.filter((i) => i.id < pay.id);
  const stores = onPath.filter((i): i is Store => i.k === 'store' && !lockTargets.includes(key(i.target)));
  // The places the amount is read from (as they stood before the call, when written before the payment).
  // A place the same call wrote before the payment (a scratch list of amounts it computed) held no claim
  // before the call: emptying it afterwards clears nothing.
  const standing = rewrite(pay.amount, (e) => (e.kind === 'prior' && e.inCall ? code('') : null));
  const read = new Set([...walkExpr(standing)].filter((e) => e.kind === 'prior' || e.kind === 'index' || e.kind === 'member' || (e.kind === 'variable' && e.scope === 'state')).map((e) => key(withoutPrior(e))));
  // Zeroed where the amount is read from, or a record entry debited by exactly the amount (`balances[x] -= amount`).
  const debited = stores.some((s) => (read.has(key(s.target)) && zeroes(s)) || (s.op === 'decrease' && s.target.kind === 'index' && s.value !== null && same(withoutPrior(s.value), withoutPrior(pay.amount))));
  if (debited) return true;
  const conditions = before.filter((i): i is Extract<Instr, { k: 'require' }> => i.k === 'require').map((i) => i.cond);
  return stores.some((s) => s.op === 'set' && s.value !== null && conditions.some((c) => ruledOut(c, s.target, s.value!)));
}

function zeroes(store: Store): boolean {
  if (store.op === 'delete') return true;
  return store.op === 'set' && store.value !== null && constantOf(store.value) === '0';
}

/** The condition cannot hold once `place` holds `value`: `!paid` after `paid = true`, `status == Open` after `status = Paid`. */
function ruledOut(cond: Expr, place: Expr, value: Expr): boolean {
  if (cond.kind === 'and') return cond.operands.some((c) => ruledOut(c, place, value));
  if (cond.kind === 'not') return same(cond.operand, place) && value.kind === 'bool' && value.value;
  if (same(cond, place)) return value.kind === 'bool' && !value.value;
  if (cond.kind !== 'compare' || (cond.op !== '==' && cond.op !== '!=')) return false;
  const other = same(cond.left, place) ? cond.right : same(cond.right, place) ? cond.left : null;
  const [a, b] = [literal(other), literal(value)];
  if (a === null || b === null) return false;
  return cond.op === '==' ? a !== b : a === b;
}

/** A value known when the code is written: a boolean, a number or an enum member. */
function literal(expr: Expr | null): string | null {
  if (expr === null) return null;
  if (expr.kind === 'bool') return String(expr.value);
  if (expr.kind === 'enum-member') return `${expr.enumName}.${expr.member}`;
  return constantOf(expr);
}
