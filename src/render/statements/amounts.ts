/**
 * The amounts each action takes in, for the `key-fact:amounts` line: the ETH a call must send (`msg.value
 * == deposit`: exactly the Deposit; `>=`: at least) and the tokens an action takes from someone. Only what
 * holds on every successful call is stated: a check made only in some cases, or a token transfer whose
 * reported failure the code ignores, is left to the detail below.
 */
import type { Action, ContractTerms, Expr, Payment, SourceRef } from '../../terms/index.ts';
import { isZero, unwrap } from '../expr-helpers.ts';
import { FLIPPED_COMPARE } from '../../terms/expr.ts';

export interface AmountIn {
  name: string;
  atDeployment: boolean;
  /** For ETH sent with the call: how it must compare with `amount`. */
  relation: 'exactly' | 'at-least' | 'more-than' | null;
  /** The ETH or token amount, shaped as a payment for the `amount` partial. */
  payment: Pick<Payment, 'asset' | 'amount' | 'from'>;
  source: SourceRef;
}

const RELATION = { '==': 'exactly', '>=': 'at-least', '>': 'more-than' } as const;

export function describeAmountsIn(terms: ContractTerms): AmountIn[] {
  const items: AmountIn[] = [];
  for (const action of terms.actions) {
    if (action.alwaysFails) continue;
    const sent = action.payable ? sentWith(action) : null;
    if (sent) items.push({ name: action.name, atDeployment: action.kind === 'constructor', relation: sent.relation, payment: { asset: { kind: 'eth' }, amount: sent.amount, from: null }, source: sent.source });
    for (const payment of action.payments) {
      if (payment.direction !== 'in' || payment.asset.kind !== 'token' || payment.when.length > 0 || payment.each !== null || payment.resultChecked === false) continue;
      items.push({ name: action.name, atDeployment: action.kind === 'constructor', relation: null, payment: { asset: payment.asset, amount: payment.amount, from: payment.from }, source: payment.source });
    }
  }
  return items;
}

/** The check every successful call makes of the ETH sent: `msg.value == x`, `msg.value >= x`, `x <= msg.value`. */
function sentWith(action: Action): { relation: AmountIn['relation']; amount: Expr; source: SourceRef } | null {
  for (const condition of action.conditions) {
    if (condition.when.length > 0 || condition.each !== null || condition.expr.kind !== 'compare') continue;
    const { left, right, op } = condition.expr;
    const [amount, relOp] = unwrap(left).kind === 'value-sent' ? [right, op] : unwrap(right).kind === 'value-sent' ? [left, FLIPPED_COMPARE[op]] : [null, op];
    if (!amount || isZero(amount) || !(relOp in RELATION)) continue;
    return { relation: RELATION[relOp as keyof typeof RELATION], amount, source: condition.source };
  }
  return null;
}
