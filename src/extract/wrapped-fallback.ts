/**
 * A payment in ETH that falls back to the wrapped token: when sending ETH to a recipient fails, the code sends
 * the same amount of ETH to a wrapping contract (`weth.deposit{value: amount}()`) and transfers that contract's
 * token to the same recipient (Zora's `_handleOutgoingTransfer`). The ETH sent to the wrapping contract is not
 * a payment to another party: the recipient is paid in the wrapped token instead.
 *
 * Read from the payments alone: an ETH payment to a contract W, and a token payment of W's token, of the same
 * amount and under the same conditions, which include that the ETH payment of that amount to the token
 * payment's recipient failed. The ETH payment, and the call on W made with it, are dropped and the token
 * payment marked `instead`.
 * Limits: it does not check that W's code mints its token one for one (that is W's code, named as a dependency).
 */
import type { Action, Expr, Payment } from '../terms/index.ts';
import { childrenOf } from '../terms/index.ts';

export function markWrappedFallbacks(actions: Action[]): void {
  for (const action of actions) {
    const wrapping = new Set<Payment>();
    for (const token of action.payments) {
      if (token.direction !== 'out' || token.asset.kind !== 'token') continue;
      const wrapper = canonical(token.asset.token);
      if (!conditions(token).some((w) => failedEthPayment(w, token))) continue;
      const eth = action.payments.find((p) => p.direction === 'out' && p.asset.kind === 'eth' && !wrapping.has(p)
        && canonical(p.to) === wrapper && canonical(p.amount) === canonical(token.amount) && samePath(p, token));
      if (!eth) continue;
      wrapping.add(eth);
      token.instead = true;
    }
    if (wrapping.size === 0) continue;
    action.payments = action.payments.filter((p) => !wrapping.has(p));
    // The call that wraps the ETH (`weth.deposit{value}()`), on the same path: said with the token payment.
    const wraps = (call: Action['externalCalls'][number]) => [...wrapping].some((p) => canonical(call.target) === canonical(p.to) && samePath(call, p) && call.source.line === p.source.line && call.source.path === p.source.path);
    action.externalCalls = action.externalCalls.filter((call) => !wraps(call));
  }
}

/** `!(sending amount to the recipient succeeded)`: the ETH payment of the token payment's amount to its recipient failed. */
function failedEthPayment(when: Expr, token: Payment): boolean {
  if (when.kind !== 'not' || when.operand.kind !== 'call-outcome') return false;
  const outcome = when.operand;
  return outcome.call === 'payment' && outcome.amount !== null && canonical(outcome.target) === canonical(token.to) && canonical(outcome.amount) === canonical(token.amount);
}

/** Its own conditions and, in a loop, the item's: a payment made for every recipient whose payment in ETH failed. */
function conditions(made: { when: Expr[]; each: Payment['each'] }): Expr[] {
  return [...made.when, ...(made.each?.where ?? [])];
}

/** Made under the same conditions, in the same loop or in none. */
function samePath(a: { when: Expr[]; each: Payment['each'] }, b: { when: Expr[]; each: Payment['each'] }): boolean {
  return (a.each === null) === (b.each === null) && (a.each === null || canonical(a.each.over) === canonical(b.each!.over)) && sameConditions(conditions(a), conditions(b));
}

function sameConditions(a: Expr[], b: Expr[]): boolean {
  return a.length === b.length && a.every((w, i) => canonical(w) === canonical(b[i]!));
}

/**
 * The expression as text with its type conversions removed at every depth (`IERC20(address(weth))` is `weth`),
 * and "as it stood before the call" too: the failed payment's outcome and the token payment are read at the
 * same point of the code, where the model marks the one and not the other.
 */
function canonical(expr: Expr): string {
  return JSON.stringify(stripConversions(expr));
}

function stripConversions(expr: Expr): unknown {
  if (expr.kind === 'convert') return stripConversions(expr.operand);
  if (expr.kind === 'prior') return stripConversions(expr.of);
  if (childrenOf(expr).length === 0) return expr;
  const out: Record<string, unknown> = {};
  for (const [k, v] of Object.entries(expr)) {
    if (Array.isArray(v)) out[k] = v.map((item) => (isExpr(item) ? stripConversions(item) : item));
    else out[k] = isExpr(v) ? stripConversions(v) : v;
  }
  return out;
}

function isExpr(value: unknown): value is Expr {
  return typeof value === 'object' && value !== null && 'kind' in value;
}
