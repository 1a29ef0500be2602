/**
 * The amounts each action takes in, for the `key-fact:amounts` line: the ETH a call must send (`msg.value
 * == deposit`: exactly the Deposit; `>=`: at least) and the tokens an action takes from someone. A check of the
 * ETH sent made only in some cases (`if (msg.sender == tenant) require(msg.value >= deposit)`) is stated with its
 * case; a token transfer made only in some cases, or whose reported failure the code ignores, is left to the detail below.
 */
import type { Action, ContractTerms, Expr, Payment, SourceRef } from '../../terms/index.ts';
import { isZero, unwrap } from '../expr-helpers.ts';
import { FLIPPED_COMPARE } from '../../terms/expr.ts';

export interface AmountIn {
  name: string;
  atDeployment: boolean;
  /** The case in which it is taken ([] when on every successful call). */
  when: Expr[];
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
    if (sent) items.push({ name: action.name, atDeployment: action.kind === 'constructor', when: sent.when, relation: sent.relation, payment: { asset: { kind: 'eth' }, amount: sent.amount, from: null }, source: sent.source });
    for (const payment of action.payments) {
      if (payment.direction !== 'in' || payment.asset.kind !== 'token' || payment.when.length > 0 || payment.each !== null || payment.resultChecked === false) continue;
      items.push({ name: action.name, atDeployment: action.kind === 'constructor', when: [], relation: null, payment: { asset: payment.asset, amount: payment.amount, from: payment.from }, source: payment.source });
    }
  }
  return items;
}

/**
 * The check a successful call makes of the ETH sent: `msg.value == x`, `msg.value >= x`, `x <= msg.value`; one made
 * on every call first, else one made in some case, with that case.
 */
function sentWith(action: Action): { relation: AmountIn['relation']; amount: Expr; source: SourceRef; when: Expr[] } | null {
  const ordered = [...action.conditions.filter((c) => c.when.length === 0), ...action.conditions.filter((c) => c.when.length > 0)];
  for (const condition of ordered) {
    if (condition.each !== null || condition.expr.kind !== 'compare') continue;
    const { left, right, op } = condition.expr;
    const [amount, relOp] = unwrap(left).kind === 'value-sent' ? [right, op] : unwrap(right).kind === 'value-sent' ? [left, FLIPPED_COMPARE[op]] : [null, op];
    if (!amount || isZero(amount) || !(relOp in RELATION)) continue;
    return { relation: RELATION[relOp as keyof typeof RELATION], amount, source: condition.source, when: condition.when };
  }
  return null;
}
