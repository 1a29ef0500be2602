/**
 * A balance read before a call compared with the same balance read after it: how much the call must have
 * added. Read by the IR (such a check checks the payment) and by the renderer (how it is said).
 */
import type { CompareOp, Expr } from './expr.ts';
import { FLIPPED_COMPARE, unwrap } from './expr.ts';

type Balance = Extract<Expr, { kind: 'balance' | 'token-balance' }>;

/** `before + amount == after`, `after - before >= amount`; `op` reads "after op before + amount". */
export function readBalanceChange(expr: Expr): { balance: Balance; amount: Expr; op: CompareOp; after: string } | null {
  if (expr.kind !== 'compare') return null;
  const sides: [Expr, Expr, CompareOp][] = [[unwrap(expr.left), unwrap(expr.right), expr.op], [unwrap(expr.right), unwrap(expr.left), FLIPPED_COMPARE[expr.op]]];
  for (const [later, other, op] of sides) {
    if ((later.kind !== 'balance' && later.kind !== 'token-balance') || later.after === undefined) continue;
    // after op before + amount
    if (other.kind === 'arith' && other.op === '+') {
      for (const [before, amount] of [[other.left, other.right], [other.right, other.left]]) {
        if (isEarlierRead(unwrap(before), later)) return { balance: later, amount, op, after: later.after };
      }
    }
  }
  // after - before op amount
  for (const [difference, amount, op] of [[unwrap(expr.left), expr.right, expr.op], [unwrap(expr.right), expr.left, FLIPPED_COMPARE[expr.op]]] as [Expr, Expr, CompareOp][]) {
    if (difference.kind !== 'arith' || difference.op !== '-') continue;
    const later = unwrap(difference.left);
    if ((later.kind === 'balance' || later.kind === 'token-balance') && later.after !== undefined && isEarlierRead(unwrap(difference.right), later)) return { balance: later, amount, op, after: later.after };
  }
  return null;
}

/** The same balance (same token, same holder) read before the call that `later` was read after. */
function isEarlierRead(before: Expr, later: Balance): boolean {
  if (before.kind !== later.kind || before.after === later.after) return false;
  const { after: _a, ...b } = before as Balance;
  const { after: _l, ...l } = later;
  return JSON.stringify(b) === JSON.stringify(l);
}
