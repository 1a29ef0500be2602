/**
 * Address fields of a single stored record (`Auction public auction`, not in a mapping or array): the record
 * is one, so each such field names one party, as an address state variable does (the Bidder of the Auction,
 * `auction.bidder`). How it is set and which actions change it, and the calls and payments that name it.
 */
import type { VariableDeclaration } from 'solidity-ast';
import { targetName } from '../ir/exprs.ts';
import { humanise } from '../ir/names.ts';
import { typeDefinitions } from '../ir/scope.ts';
import type { ContractTerms, Effect, Expr, Party } from '../terms/index.ts';
import { unwrap } from '../terms/index.ts';
import type { ExtractContext } from './context.ts';
import { isAddressType } from './party-ids.ts';
import { newParty } from './new-party.ts';
import { fieldValue, linkParties } from './party-links.ts';

/** The parties kept in address fields of single stored records; `skip` holds `record.field` names used as tokens. */
export function recordParties(context: ExtractContext, skip: Set<string>): Party[] {
  const { structs } = typeDefinitions(context.scope);
  const found: Party[] = [];
  for (const decl of context.scope.stateVariables) {
    const struct = singleStruct(decl, structs);
    if (!struct || decl.constant) continue;
    for (const member of struct.members) {
      const id = `${decl.name}.${member.name}`;
      if (!isAddressType(member.typeDescriptions.typeString) || skip.has(id)) continue;
      // A write of the field itself, of the whole record, or its deletion.
      const writes = (e: Effect) => targetName(e.target) === decl.name && (e.target.kind === 'variable' || (e.target.kind === 'member' && e.target.member === member.name && unwrap(e.target.object).kind === 'variable'));
      const atDeployment = context.reads.find((r) => r.id === 'constructor')?.facts.effects.filter(writes) ?? [];
      const changedBy = context.reads.filter((r) => r.id !== 'constructor' && r.facts.effects.some(writes)).map((r) => r.id);
      if (atDeployment.length === 0 && changedBy.length === 0) continue;
      // The actions that write an address into it (not only the zero address back), and the value they all
      // write when it is one (the caller).
      const written = context.reads.filter((r) => r.id !== 'constructor').map((r) => ({ id: r.id, values: r.facts.effects.filter(writes).map((e) => fieldValue(e, member.name)).filter((v) => v === null || !isZero(v)) }));
      const recordedBy = written.filter((w) => w.values.length > 0).map((w) => w.id);
      const values = written.flatMap((w) => w.values);
      const initial = atDeployment.length > 0 ? lastUnconditional(atDeployment, member.name) : values.length > 0 && values.every((v) => v !== null && JSON.stringify(v) === JSON.stringify(values[0])) ? values[0] : null;
      found.push({
        ...newParty({
          id,
          name: id,
          kind: 'address',
          mutability: 'mutable',
          setAt: atDeployment.length > 0 ? 'deployment' : 'action',
          initial,
          changedBy,
          itemLabel: humanise(struct.name),
          source: context.locate(member),
        }),
        label: humanise(member.name),
        recordedBy,
        record: decl.name,
      });
    }
  }
  return found;
}

function isZero(value: Expr): boolean {
  const bare = unwrap(value);
  return bare.kind === 'zero-address' || (bare.kind === 'number' && /^0+$/.test(bare.value));
}

function lastUnconditional(writes: Effect[], field: string): Expr | null {
  const last = writes[writes.length - 1];
  return last.when.length === 0 ? fieldValue(last, field) : null;
}

/** A caller check against `auction.bidder`, and a payment to it (as it stood before the call or not), name the party. */
export function linkRecordCallers(actions: ContractTerms['actions'], parties: Party[]): void {
  if (parties.length === 0) return;
  const partyOf = (expr: Expr): string | null => {
    let bare = unwrap(expr);
    if (bare.kind === 'prior') bare = unwrap(bare.of);
    if (bare.kind !== 'member') return null;
    const object = unwrap(bare.object);
    if (object.kind !== 'variable' || object.scope !== 'state') return null;
    return parties.find((p) => p.id === `${object.name}.${bare.member}`)?.id ?? null;
  };
  linkParties(actions, partyOf);
}

function singleStruct<T extends { id: number; name: string }>(decl: VariableDeclaration, structs: Map<number, T>): T | null {
  const match = /^t_struct\$_\w+?_\$(\d+)_storage$/.exec(decl.typeDescriptions.typeIdentifier ?? '');
  return match ? (structs.get(Number(match[1])) ?? null) : null;
}
