/**
 * Money that may move through another contract's code rather than through a payment the code makes itself:
 * a `delegatecall` runs that code as this contract's own, and an ERC-20 approval followed by a call lets that
 * contract take this contract's tokens. Neither says what moves, or to whom; both say money can move there.
 */
import type { ContractTerms, Expr, SourceRef } from '../../terms/index.ts';
import { withoutPrior } from '../../ir/exprs.ts';

export interface ProxiedMoney {
  /** The other contract, as the code names it. */
  target: Expr;
  /** Actions that run its code as this contract's own (`delegatecall`). */
  delegates: string[];
  /** Actions that let it take a token this contract holds and then call it. */
  callers: string[];
  sources: SourceRef[];
}

export function proxiedMoney(terms: ContractTerms): ProxiedMoney[] {
  const byTarget = new Map<string, ProxiedMoney>();
  for (const action of terms.actions) {
    for (const call of action.externalCalls) {
      if (!call.proxy) continue;
      const target = bare(call.target);
      const key = JSON.stringify(target);
      const entry = byTarget.get(key) ?? { target, delegates: [], callers: [], sources: [] };
      const names = call.proxy.delegate ? entry.delegates : entry.callers;
      if (!names.includes(action.name)) names.push(action.name);
      entry.sources.push(call.source);
      byTarget.set(key, entry);
    }
  }
  return [...byTarget.values()];
}

/** An address however it is spelled: `address(proxy)` or `proxy`, read before the call or now. */
function bare(expr: Expr): Expr {
  const plain = withoutPrior(expr);
  return plain.kind === 'convert' ? bare(plain.operand) : plain;
}
