/**
 * Whether an action pays out on every path it may take under given conditions, leaving aside the paths on
 * which what it would pay is nothing. A path with no payment leaves money behind only if the amount skipped
 * there can be above zero:
 * - a payment made only if its amount is above zero (`if (remaining > 0) pay(remaining)`, the balance read in
 *   the same action) skips nothing when it is not made;
 * - a payment made only if another field of the amount's record is not zero (`if (a.highestBidder != address(0))
 *   pay(a.highestBid)`) skips nothing when every write that leaves that field zero also leaves the amount zero
 *   (a new record with both zero, a delete); when no write is seen to leave the field zero with the amount
 *   standing, the analysis cannot tell that anything is skipped, and money is not said to stay;
 * - a payment in one branch of an `if` and another in the other branch (`if (met) pay(seller) else refund(bidder)`)
 *   pay on both paths.
 * A payment guarded by anything else (a ruling, a time, a flag) skips its amount on the path where the guard fails.
 */
import { key as pathKey, negate, targetName, withoutPrior } from '../ir/exprs.ts';
import type { Action, Expr, Payment } from '../terms/index.ts';
import { unwrap } from '../terms/index.ts';
import { key as amountKey } from './held-money.ts';
import { fieldAt, isZero, writesInto } from './records.ts';

/** How many conditions deep the paths are split (`if`/`else if` chains of payments are short); deeper, the path counts as unpaid. */
const MAX_SPLITS = 6;

const same = (e: Expr) => pathKey(withoutPrior(e));

/**
 * True when the action pays money out on every path where `when` holds, except where that payment would be
 * nothing; with `zeroSkips` false, a payment skipped because its amount is zero counts as not made.
 */
export function paysOnEveryPath(action: Action, when: Expr[], actions: Action[], zeroSkips = true): boolean {
  return covered(action, when, zeroSkips ? actions : null, 0);
}

/** `actions` null: only branches count, never a skip of nothing. */
function covered(action: Action, path: Expr[], actions: Action[] | null, depth: number): boolean {
  const on = new Set(path.map(same));
  // A path that both holds and fails one condition is never taken.
  if (path.some((c) => on.has(same(negate(c))))) return true;
  const outs = action.payments.filter((p) => p.direction === 'out');
  const rest = (p: Payment) => p.when.filter((c) => !on.has(same(c)));
  if (outs.some((p) => rest(p).every((c) => actions !== null && skipsNothing(c, p, actions)))) return true;
  if (depth >= MAX_SPLITS) return false;
  // Split on the outermost condition of each payment not yet on the path (a condition and its negation once).
  const seen = new Set<string>();
  const splits = outs.flatMap((p) => rest(p).slice(0, 1)).filter((c) => !seen.has(same(c)) && (seen.add(same(c)), seen.add(same(negate(c))), true));
  return splits.some((c) => covered(action, [...path, c], actions, depth + 1) && covered(action, [...path, negate(c)], actions, depth + 1));
}

/** The value a condition requires to be above or other than zero (`x != 0`, `x > 0`, `0 < x`, `x != address(0)`). */
function zeroTested(c: Expr): Expr | null {
  if (c.kind !== 'compare') return null;
  if ((c.op === '!=' || c.op === '>') && isZero(c.right)) return c.left;
  if ((c.op === '!=' || c.op === '<') && isZero(c.left)) return c.right;
  return null;
}

/** When the condition fails, the payment it guards would have paid nothing, or the analysis cannot tell it would pay anything. */
function skipsNothing(c: Expr, payment: Payment, actions: Action[]): boolean {
  const tested = zeroTested(c);
  if (tested === null) return false;
  if (amountKey(withoutPrior(tested)) === amountKey(withoutPrior(payment.amount))) return true;
  const collection = targetName(withoutPrior(unwrap(payment.amount)));
  const amount = collection === null ? null : fieldAt(payment.amount, collection);
  const field = collection === null ? null : fieldAt(tested, collection);
  if (collection === null || amount === null || field === null || field.at !== amount.at || field.field === amount.field) return false;
  return !actions.some((a) => leavesZeroWithAmount(a, collection, field.field, amount.field));
}

/**
 * The action leaves a record's field zero while its amount field may stand: a whole record written with the field
 * zero and the amount not, or the field set to zero (or cleared) with the amount of the same record neither set
 * to zero nor cleared, and the record not deleted, in the same action.
 */
function leavesZeroWithAmount(action: Action, collection: string, field: string, amount: string): boolean {
  const writes = writesInto(collection, action.effects);
  const zeroes = (w: (typeof writes)[number], name: string) => (w.field === name && (w.kind === 'delete' || (w.value !== null && isZero(w.value)))) || (w.kind === 'delete' && w.field === null);
  return writes.some((w) => {
    if (w.field !== field || !zeroes(w, field)) return false;
    // The fields of one record pushed or written whole share the write's position; a field write names its record by key.
    return !writes.some((other) => (w.at === null ? other.position === w.position : other.at === w.at) && zeroes(other, amount));
  });
}
