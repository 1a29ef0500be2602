/**
 * A third party settling the deal: an action only parties whom no action ever pays may call (an authority
 * named at deployment), which pays the money the contract holds to parties of the deal, in amounts the caller
 * chooses or as everything left, and sets a stored flag that other actions read (`isTerminated`). The holders
 * end the deal and decide who gets what: a power over it, whatever the two sides do.
 * Does not handle: a settlement only after a dispute is raised or a deadline has passed (an ordinary step of
 * the deal, left out by the caller of this function); a flag written under a condition; payments in a loop.
 */
import type { Action, ContractTerms, Expr } from '../terms/index.ts';
import { unwrap, walkExpr } from '../terms/index.ts';
import type { StoredReads } from './stored-reads.ts';

export interface Settlement {
  /** The flags it sets (`isTerminated`) and the other actions (ids) whose conditions read them. */
  flags: { target: Expr; value: Expr; readers: string[] }[];
}

export function settlesDeal(action: Action, holders: string[], terms: ContractTerms, stored: StoredReads): Settlement | null {
  if (action.payable || holders.length === 0 || holders.some((h) => h === 'caller' || h === 'checked')) return null;
  const outs = action.payments.filter((p) => p.direction === 'out' && unwrap(p.amount).kind !== 'value-sent');
  if (outs.length === 0 || outs.some((p) => p.when.length > 0 || p.each || p.toParty === null || holders.includes(p.toParty))) return null;
  // A third party: no action pays any holder (a buyer releasing to the seller is a side of the deal giving up its own).
  if (terms.actions.some((a) => a.payments.some((p) => p.direction === 'out' && p.toParty !== null && holders.includes(p.toParty)))) return null;
  // Who gets what is the holders' to decide: an amount they give, or everything the contract still holds.
  if (!outs.some((p) => givenInCall(p.amount) || wholeBalance(p.amount))) return null;
  const flags = action.effects
    .filter((e) => e.kind === 'set' && e.when.length === 0 && e.value?.kind === 'bool' && unwrap(e.target).kind === 'variable')
    .map((e) => {
      const name = (unwrap(e.target) as { name: string }).name;
      const readers = terms.actions.filter((other) => other.id !== action.id && other.kind !== 'constructor' && other.conditions.some((c) => !c.isAccess && stored(c.expr).has(name)));
      return { target: e.target, value: e.value!, readers: readers.map((a) => a.id) };
    })
    .filter((flag) => flag.readers.length > 0);
  return flags.length > 0 ? { flags } : null;
}

function givenInCall(amount: Expr): boolean {
  return [...walkExpr(amount)].some((e) => e.kind === 'variable' && e.scope === 'parameter');
}

function wholeBalance(amount: Expr): boolean {
  const whole = unwrap(amount);
  return (whole.kind === 'balance' || whole.kind === 'token-balance') && unwrap(whole.of).kind === 'this';
}
