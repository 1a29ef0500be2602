/**
 * Amounts paid out of storage that no action ever records: a payment of `bids[msg.sender]` where no action
 * (deployment included) writes anything into `bids` but zero. The amount is always zero, so the payment pays
 * nothing, and ETH the contract takes in is not paid back through it.
 *
 * Limits: a write through a storage reference or assembly that the lowering does not represent as a store to
 * the variable is not seen (the statement is then under "Not explained"), and a write of a value that happens
 * to be zero at run time counts as a record.
 */
import { targetName } from '../ir/exprs.ts';
import type { ContractTerms, Effect, Expr, Risk } from '../terms/index.ts';
import { unwrap } from '../terms/index.ts';

type Draft = Omit<Risk, 'id' | 'basis'>;

export function neverRecorded(terms: ContractTerms): Draft[] {
  const drafts: Draft[] = [];
  const seen = new Set<string>();
  for (const action of terms.actions) {
    for (const payment of action.payments) {
      if (payment.direction !== 'out') continue;
      const name = storedName(payment.amount);
      if (name === null || seen.has(`${action.id}:${name}`)) continue;
      if (terms.actions.some((a) => a.effects.some((e) => targetName(e.target) === name && recordsValue(e)))) continue;
      seen.add(`${action.id}:${name}`);
      // Actions that take ETH in (and pay nothing out themselves): what they take is what the payment would have paid back.
      const intake = terms.actions.filter((a) => a.id !== action.id && a.kind !== 'constructor' && a.payable && !a.payments.some((p) => p.direction === 'out')).map((a) => a.id);
      drafts.push({ kind: 'never-recorded', action: action.id, party: null, subject: payment.amount, text: name, state: null, also: intake, source: payment.source });
    }
  }
  return drafts;
}

/** The state variable a stored amount is read from (`bids[msg.sender]`, `deals[id].amount`), or null. */
function storedName(amount: Expr): string | null {
  let node = unwrap(amount);
  if (node.kind === 'prior') node = unwrap(node.of);
  const root = (e: Expr): Expr => (e.kind === 'member' ? root(e.object) : e.kind === 'index' ? root(e.base) : e);
  if (node.kind !== 'variable' && node.kind !== 'member' && node.kind !== 'index') return null;
  const base = root(node);
  return base.kind === 'variable' && base.scope === 'state' ? base.name : null;
}

/** A write that can leave something other than zero: any set of a non-zero value, an increase, a push. */
function recordsValue(effect: Effect): boolean {
  if (effect.kind === 'delete' || effect.kind === 'pop') return false;
  if (effect.kind === 'decrease') return false;
  const value = effect.value === null ? null : unwrap(effect.value);
  if (effect.kind === 'set' && value !== null && ((value.kind === 'number' && value.value === '0') || value.kind === 'zero-address' || (value.kind === 'bool' && !value.value))) return false;
  return true;
}
