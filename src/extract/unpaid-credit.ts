/**
 * Money credited to a stored amount that nothing pays out: `releaseEscrow` pays the host `amount - fee` and
 * adds `fee` (a share of the same `amount`) to `feeBalance`, and no payment reads `feeBalance` (directly, or
 * through a place it is copied to), nor pays out the whole balance. The fees stay in the contract.
 *
 * The credit counts as money when its value reads a place the same action's payment reads (a share of what it
 * pays out); a count of items or a time does not. Limits: a credit read by a payment through a storage
 * reference or assembly the model does not see is not known to be paid, so nothing is said while code is left
 * unexplained.
 */
import type { Action, ContractTerms, Expr, Risk } from '../terms/index.ts';
import { walkExpr } from '../terms/index.ts';
import { placeKey } from './money.ts';

type Draft = Omit<Risk, 'id' | 'basis'>;

export function unpaidCredits(terms: ContractTerms): Draft[] {
  if (terms.notExplained.some((n) => n.reason !== 'contradiction')) return [];
  const payments = terms.actions.flatMap((a) => a.payments.filter((p) => p.direction === 'out'));
  if (payments.some((p) => p.amount.kind === 'balance' || p.amount.kind === 'token-balance')) return [];
  const paid = paidKeys(terms.actions);
  const drafts: Draft[] = [];
  const seen = new Set<string>();
  for (const action of terms.actions) {
    const paysFrom = new Set(action.payments.filter((p) => p.direction === 'out').flatMap((p) => keysIn(p.amount)));
    for (const effect of action.effects) {
      if (effect.kind !== 'increase' || effect.value === null) continue;
      const key = placeKey(effect.target);
      if (key === null || paid.has(key) || seen.has(`${action.id}|${key}`)) continue;
      if (!keysIn(effect.value).some((k) => paysFrom.has(k))) continue;
      seen.add(`${action.id}|${key}`);
      drafts.push({ kind: 'credit-stays', action: action.id, party: null, subject: effect.target, text: null, state: null, source: effect.source });
    }
  }
  return drafts;
}

/** Stored places some payment reads, and places copied (set or added) into them, to any depth. */
function paidKeys(actions: Action[]): Set<string> {
  const paid = new Set(actions.flatMap((a) => a.payments.filter((p) => p.direction === 'out').flatMap((p) => keysIn(p.amount))));
  const copies = actions.flatMap((a) => a.effects.filter((e) => e.value !== null && (e.kind === 'set' || e.kind === 'increase')));
  for (let grown = true; grown; ) {
    grown = false;
    for (const effect of copies) {
      const target = placeKey(effect.target);
      if (target === null || !paid.has(target)) continue;
      for (const key of keysIn(effect.value!)) if (!paid.has(key)) (paid.add(key), (grown = true));
    }
  }
  return paid;
}

function keysIn(expr: Expr): string[] {
  return [...walkExpr(expr)].map((e) => placeKey(e)).filter((k): k is string => k !== null);
}
