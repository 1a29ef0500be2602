/**
 * A role that actions only ever give: every write of it after deployment stores true (an address added to
 * `areTrustedHandlers`, `grantRole`), and none stores false or deletes it. Its holders can be added to but never
 * removed, so it is not "taken away" or "replaced": decided from the values written, not from there being writes.
 */
import type { ContractTerms, Effect, Party } from '../../terms/index.ts';
import { unwrap } from '../expr-helpers.ts';
import { roleWritten } from '../../extract/parties.ts';

export function onlyGiven(terms: ContractTerms, party: Party): boolean {
  if (party.kind !== 'role' || party.changedBy.length === 0) return false;
  const writes = terms.actions.filter((a) => a.kind !== 'constructor').flatMap((a) => a.effects.filter((e) => writesRole(e, party.name)));
  return writes.length > 0 && writes.every((e) => {
    const value = e.kind === 'set' && e.value !== null ? unwrap(e.value) : null;
    return value?.kind === 'bool' && value.value;
  });
}

/** A write of the role: an entry of the membership map (`isUser[account]`), or `_roles[role].hasRole[account]` for this role or any (a parameter). */
function writesRole(effect: Effect, name: string): boolean {
  const target = unwrap(effect.target);
  if (target.kind === 'index' && unwrap(target.base).kind === 'variable' && (unwrap(target.base) as { name: string }).name === name) return true;
  const role = roleWritten(effect.target);
  return role === name || role === '*';
}
