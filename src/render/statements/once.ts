/**
 * For an action that can succeed only once (`access.once`): what its first caller sets, for the access line
 * and the risk, and which of its writes only keep the once-check working (the value checked, and flags the
 * action sets and clears within the call), so they are not stated as terms.
 */
import type { Action, Condition, ContractTerms, Effect, Expr } from '../../terms/index.ts';
import { unwrap, walkExpr } from '../../terms/index.ts';
import { rolePlace, type RolePlace } from '../roles.ts';
import { setsUpOnce } from '../../extract/party-once.ts';

/** A stored value the first call sets to what its caller chooses (its variable), or a role it gives to whom the caller chooses. */
export type FirstSet = { target: Expr; role: null } | { target: null; role: RolePlace };

export function firstSets(action: Action): FirstSet[] {
  if (!action.access.once) return [];
  const sets: FirstSet[] = [];
  const seen = new Set<string>();
  for (const effect of action.effects) {
    // What the first caller chooses: a value (or a place) that reads a parameter or the caller, not a constant the code fixes.
    if (isOnceBookkeeping(action, effect) || effect.kind === 'delete' || effect.kind === 'pop' || !(chosen(effect.target) || (effect.value !== null && chosen(effect.value)))) continue;
    const role = rolePlace(effect.target);
    const root = role ? null : rootVariable(effect.target);
    const key = role ? `role:${JSON.stringify(role.role)}` : root?.kind === 'variable' ? root.name : null;
    if (key === null || seen.has(key)) continue;
    seen.add(key);
    sets.push(role ? { target: null, role } : { target: root!, role: null });
  }
  return sets;
}

/**
 * "It can succeed only once" for the access line: an action marked once, or a restricted one that stores values
 * its caller chooses and runs only from the first stage of the deal, which it leaves for good (`setup` from Launched).
 */
export function succeedsOnce(terms: ContractTerms, action: Action): boolean {
  if (action.access.once) return true;
  return !action.access.anyone && action.kind !== 'constructor' && setsUpOnce(action, terms) && action.effects.some((e) => e.value !== null && chosen(e.value));
}

/** The once-check itself: said by the access line ("it can succeed only once"), not as a condition. */
export function isOnceCheck(action: Action, condition: Condition): boolean {
  const once = action.access.once;
  if (!once || condition.when.length > 0 || condition.source.line !== once.source.line || condition.source.path !== once.source.path) return false;
  return once.place.kind === 'variable' && [...walkExpr(condition.expr)].some((e) => e.kind === 'variable' && e.scope === 'state' && e.name === (once.place as { name: string }).name);
}

/**
 * The write of the value the once-check reads, of a flag the action sets and clears again in the same call, or
 * of a flag a later write in the same call always replaces (cleared, then set: only "set" is a term).
 */
export function isOnceBookkeeping(action: Action, effect: Effect): boolean {
  const once = action.access.once;
  if (!once) return false;
  const target = unwrap(effect.target);
  if (target.kind !== 'variable' || target.scope !== 'state') return false;
  if (once.place.kind === 'variable' && target.name === once.place.name) return true;
  if (target.type !== 'bool') return false;
  // Set, then cleared again before the call ends (OpenZeppelin's `_initializing`): in the order written, the first
  // write sets it and the last clears it. A flag cleared and then set (a house that starts paused) ends set: a term.
  const writes = action.effects.filter((e) => { const t = unwrap(e.target); return t.kind === 'variable' && t.name === target.name; });
  const values = writes.map((e) => (e.value === null ? null : unwrap(e.value)));
  const [first, last] = [values[0], values[values.length - 1]];
  if (first?.kind === 'bool' && first.value && last?.kind === 'bool' && !last.value) return true;
  // Otherwise only the value the call leaves is a term: a write that a later one always replaces is not said.
  return writes.slice(writes.indexOf(effect) + 1).some((later) => later.kind === 'set' && later.when.length === 0 && later.each === null);
}

function chosen(expr: Expr): boolean {
  return [...walkExpr(expr)].some((e) => e.kind === 'caller' || (e.kind === 'variable' && e.scope === 'parameter'));
}

function rootVariable(expr: Expr): Expr | null {
  const node = unwrap(expr);
  if (node.kind === 'variable') return node.scope === 'state' ? node : null;
  if (node.kind === 'index') return rootVariable(node.base);
  if (node.kind === 'member') return rootVariable(node.object);
  return null;
}
