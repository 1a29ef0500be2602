/**
 * Where a value came from: the local variable it was bound to. The lowering inlines every local's value
 * (SSA), which the analyses need; a sentence that spells out a long value at every use is unreadable, so
 * the renderer names it instead ("the computed Remaining Profit") and defines it once. This is a side
 * table keyed by the value's identity, so that the values themselves, and every comparison of them, are
 * untouched. A rewrite that keeps a value's meaning (marking reads as made before the call, adding units)
 * carries the name to the new node; one that changes it does not, and the value is then spelled out.
 */
import type { Expr } from '../terms/index.ts';
import type { SourceRef } from '../terms/index.ts';

/** One value a local held: the local, where it was set, and the value as set. */
export interface NamedValue {
  /** The local's name in the code (`remainingProfit`) and its humanised label. */
  name: string;
  label: string;
  /**
   * The function whose local it is, when an internal function inlined into the action, and the line of
   * the call that inlined it (null: the action's own body).
   */
  within: { name: string; call: SourceRef } | null;
  /** Every value this local took in the action, in the order set (one call of a helper is one local). */
  versions: NamedValue[];
  /** Where the value was set (the declaration or the assignment; for a join, the `if` statement). */
  source: SourceRef;
  /** True for a storage reference (`Ask storage ask = askForNFT[c][id]`): the local names a place, not a value. */
  place: boolean;
  /** True for the value after an `if` that set the local on one path only or differently on each: a choice between them. */
  joined: boolean;
  /** The order in which the action's code sets its locals' values (counted per action). */
  order: number;
  value: Expr;
}

const names = new WeakMap<Expr, NamedValue>();

/** Records that `value` is what a local was set to (the first name given to a value stays). */
export function nameValue(value: Expr, named: Omit<NamedValue, 'value'>): void {
  if (names.has(value)) return;
  const entry = { ...named, value };
  named.versions.push(entry);
  names.set(value, entry);
}

/** The local a value was bound to, when it was. */
export function namedValueOf(expr: Expr): NamedValue | null {
  return names.get(expr) ?? null;
}

/** `to` is `from` written anew with the same meaning: it keeps the name. Returns `to`. */
export function carryName(from: Expr, to: Expr): Expr {
  const named = names.get(from);
  // A place read before the call changed it stays the place, marked: "the Ask as it stood before the call".
  if (named?.place && to.kind === 'prior') return to;
  if (named && from !== to && !names.has(to)) names.set(to, named);
  return to;
}
