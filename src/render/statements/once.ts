/**
 * For an action that can succeed only once (`access.once`): what its first caller sets, for the access line
 * and the risk, and which of its writes only keep the once-check working (the value checked, and flags the
 * action sets and clears within the call), so they are not stated as terms.
 */
import type { Action, Condition, Effect, Expr } from '../../terms/index.ts';
import { unwrap, walkExpr } from '../../terms/index.ts';
import { rolePlace, type RolePlace } from '../roles.ts';

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

/** The once-check itself: said by the access line ("it can succeed only once"), not as a condition. */
export function isOnceCheck(action: Action, condition: Condition): boolean {
  const once = action.access.once;
  if (!once || condition.when.length > 0 || condition.source.line !== once.source.line || condition.source.path !== once.source.path) return false;
  return once.place.kind === 'variable' && [...walkExpr(condition.expr)].some((e) => e.kind === 'variable' && e.scope === 'state' && e.name === (once.place as { name: string }).name);
}

/** The write of the value the once-check reads, or of a flag the action sets and clears again in the same call. */
export function isOnceBookkeeping(action: Action, effect: Effect): boolean {
  const once = action.access.once;
  if (!once) return false;
  const target = unwrap(effect.target);
  if (target.kind !== 'variable' || target.scope !== 'state') return false;
  if (once.place.kind === 'variable' && target.name === once.place.name) return true;
  const flags = action.effects.filter((e) => { const t = unwrap(e.target); return t.kind === 'variable' && t.name === target.name; });
  const values = flags.map((e) => (e.value === null ? null : unwrap(e.value)));
  return target.type === 'bool' && values.some((v) => v?.kind === 'bool' && v.value) && values.some((v) => v?.kind === 'bool' && !v.value);
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
