/**
 * Role membership as a reader says it. OpenZeppelin keeps `_roles[role].hasRole[account]`: writing true
 * gives the account the role, reading it asks whether the account holds it.
 */
import { roleWritten } from '../extract/parties.ts';
import type { Expr } from '../terms/index.ts';
import { unwrap } from '../terms/index.ts';

export interface RolePlace {
  /** The role: a stored constant (`OPERATOR_ROLE`) or a parameter (`role`). */
  role: Expr;
  account: Expr;
  /** The party id of a named role (`role:OPERATOR_ROLE`); null when the role is a parameter. */
  roleId: string | null;
}

/** The role and account of a membership place, `_roles[role].hasRole[account]`; null for anything else. */
export function rolePlace(place: Expr): RolePlace | null {
  if (place.kind !== 'index' || place.base.kind !== 'member' || place.base.object.kind !== 'index') return null;
  const role = unwrap(place.base.object.index);
  if (role.kind !== 'variable' || roleWritten(place) === null) return null;
  return { role, account: place.index, roleId: role.scope === 'parameter' ? null : `role:${role.name}` };
}

/** A condition on membership: `hasRole[a]` (held), `!hasRole[a]` or `hasRole[a] == false` (not held). */
export function roleHeld(expr: Expr): (RolePlace & { held: boolean }) | null {
  const inner = unwrap(expr);
  if (inner.kind === 'not') {
    const place = rolePlace(unwrap(inner.operand));
    return place ? { ...place, held: false } : null;
  }
  if (inner.kind === 'compare' && (inner.op === '==' || inner.op === '!=')) {
    const [place, value] = [rolePlace(unwrap(inner.left)), unwrap(inner.right)];
    if (!place || value.kind !== 'bool') return null;
    return { ...place, held: value.value === (inner.op === '==') };
  }
  const place = rolePlace(inner);
  return place ? { ...place, held: true } : null;
}
