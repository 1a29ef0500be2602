/**
 * Parties: address state variables and immutables (the Ownable owner among them, not the contract's own
 * address kept for checks), AccessControl roles, address fields of per-item records (an order's buyer) and of
 * a single stored record (an auction's bidder). For each: how it is first set, and which
 * actions can change it afterwards.
 */
import type { VariableDeclaration } from 'solidity-ast';
import { and, choose, same, targetName } from '../ir/exprs.ts';
import { humanise } from '../ir/names.ts';
import { typeDefinitions } from '../ir/scope.ts';
import type { ContractTerms, Effect, Expr, Party } from '../terms/index.ts';
import { unwrap, walkExpr } from '../terms/index.ts';
import type { ExtractContext, Extractor } from './context.ts';
import { isAddressType, partyIdFromName, partyIdOf } from './party-ids.ts';
import { writesNewRecord } from './records.ts';
import { enumDefaults } from './blank-record.ts';
import { holderParties } from './party-holders.ts';
import { fieldValue, linkParties } from './party-links.ts';
import { tokenHolderParties } from './party-nft.ts';
import { newParty } from './new-party.ts';
import { linkOwnRecordCallers } from './keyed-records.ts';
import { linkRecordCallers, recordParties } from './party-record.ts';

export const parties: Extractor = {
  name: 'parties',
  extract(context, terms) {
    const list: Party[] = [];
    // An address the contract uses as a token (WETH it wraps ETH in) is a contract it relies on, not a party.
    const tokens = new Set(terms.assets.flatMap((asset) => (asset.kind === 'token' && bare(asset.token).kind === 'variable' ? [(bare(asset.token) as { name: string }).name] : [])));
    // So is a record's address field the contract pays or takes tokens through (an ask's currency).
    // And the token contract of an NFT it moves (a loan's collateral collection, `IERC721(loan.nftContract)`).
    const itemTokens = context.reads.flatMap((read) => read.facts.itemMoves.map((move) => bare(move.token)));
    for (const token of itemTokens) if (token.kind === 'variable' && token.scope !== 'parameter' && token.scope !== 'local') tokens.add(token.name);
    const tokenFields = new Set([...terms.assets.flatMap((asset) => (asset.kind === 'token' ? [asset.token] : [])), ...itemTokens].map((token) => recordFieldOf(bare(token))).filter((k): k is string => k !== null));
    for (const field of [...context.scope.stateVariables, ...context.scope.namespacedFields]) {
      const decl = field.stateVariable ? field : { ...field, stateVariable: true };
      if (tokens.has(decl.name)) continue;
      const id = partyIdOf(decl);
      const party = id ? addressParty(context, decl, id) : null;
      if (party && !isOwnAddress(party)) list.push(party);
    }
    list.splice(0, list.length, ...list.map((party) => nameOwnerByRole(party, list)));
    list.push(...contractCallers(context, terms.actions, list));
    list.push(...roleParties(context, terms.actions.flatMap((a) => a.access.rules)));
    const found = itemParties(context, list);
    const items = found.items.filter((p) => !tokenFields.has(`${p.collection}.${p.name}`));
    const copies = found.copies;
    list.push(...items);
    const records = recordParties(context, tokenFields);
    list.push(...records);
    list.push(...listParties(context, list));
    list.push(...holderParties(context, terms.actions, list));
    list.push(...tokenHolderParties(context, terms.actions, list));
    terms.parties = list;
    linkItemCallers(terms.actions, items, copies);
    linkOwnRecordCallers(terms.actions, items);
    linkRecordCallers(terms.actions, records);
    linkCallerPayees(terms.actions);
  },
};

function addressParty(context: ExtractContext, decl: VariableDeclaration, id: string): Party {
  const initial = finalAtDeployment(context, decl.name);
  const changedBy = context.reads
    .filter((r) => r.id !== 'constructor' && r.facts.effects.some((e) => e.target.kind === 'variable' && e.target.name === decl.name))
    .map((r) => r.id);
  // `address payer = msg.sender;` is written in the declaration but takes its value at deployment: the deployer.
  const fromDeclaration = Boolean(decl.value) && initial?.source.line === context.locate(decl).line && !mentionsDeployment(initial.value);
  return newParty({
    id,
    name: decl.name,
    kind: id === 'owner' ? 'owner' : 'address',
    mutability: decl.constant ? 'constant' : decl.mutability === 'immutable' ? 'immutable' : 'mutable',
    setAt: initial ? (fromDeclaration ? 'declaration' : 'deployment') : changedBy.length > 0 ? 'action' : 'never',
    initial: initial?.value ?? null,
    changedBy,
    source: context.locate(decl),
  });
}

/**
 * The value a state variable holds when the constructor ends: its last write there (inherited constructors run
 * first, then the body and what it calls: `Ownable()` sets the deployer, then `transferOwnership(admin)` the admin).
 * A write under a branch keeps the earlier value when the branch is not taken.
 */
function finalAtDeployment(context: ExtractContext, name: string): { value: Expr; source: Effect['source'] } | undefined {
  const deployment = context.reads.find((r) => r.id === 'constructor')?.facts.effects ?? [];
  let last: { value: Expr; source: Effect['source'] } | undefined;
  for (const e of deployment) {
    if ((e.kind !== 'set' && e.kind !== 'delete') || targetName(e.target) !== name || e.target.kind !== 'variable') continue;
    // Clearing what was never set (`delete _pendingOwner` in Ownable2Step's first transfer) leaves it as it was.
    if (e.kind === 'delete' && last === undefined) continue;
    const value: Expr = e.kind === 'delete' || !e.value ? { kind: 'zero-address' } : e.value;
    const earlier: Expr = last?.value ?? { kind: 'zero-address' };
    last = { value: e.when.length === 0 ? value : choose(and(e.when), value, earlier), source: e.source };
  }
  return last;
}

/**
 * An owner the constructor sets from one of its parameters (`Ownable(beneficiary)`, `_transferOwnership(bank)`)
 * is named by that role: the Beneficiary, the owner. An owner set to the deployer stays the Owner.
 */
function nameOwnerByRole(party: Party, all: Party[]): Party {
  const value = party.initial ? unwrap(party.initial) : null;
  if (party.kind !== 'owner' || party.setAt !== 'deployment' || value?.kind !== 'variable' || value.scope !== 'parameter') return party;
  // A value that also sets another party (`arbitrator = relayer = owner = initialAddress`) names no role.
  if (all.some((other) => other !== party && other.initial && same(unwrap(other.initial), value))) return party;
  return { ...party, label: value.label, ownerNamed: true };
}

/** A value known only at deployment: the deployer, the time, the contract's own address. */
function mentionsDeployment(value: Expr | null): boolean {
  return value !== null && [...walkExpr(value)].some((e) => e.kind === 'caller' || e.kind === 'origin' || e.kind === 'now' || e.kind === 'block-number' || e.kind === 'this' || e.kind === 'value-sent');
}

/** An address the contract keeps of itself (`_cachedThis = address(this)`, never changed) is not a party. */
function isOwnAddress(party: Party): boolean {
  const value = party.initial ? unwrap(party.initial) : null;
  return value?.kind === 'this' && party.changedBy.length === 0;
}

/**
 * A state variable holding another contract (an arbitrator, a registry) is a party when the code lets only
 * that contract call an action: the check names it as the caller. Other contract variables (a token the
 * contract pays in) are dependencies, not parties.
 */
function contractCallers(context: ExtractContext, actions: ContractTerms['actions'], known: Party[]): Party[] {
  const found: Party[] = [];
  for (const action of actions) {
    action.access.rules = action.access.rules.map((rule) => {
      if (rule.kind !== 'expr') return rule;
      const bare = rule.expr.kind === 'convert' ? rule.expr.operand : rule.expr;
      if (bare.kind !== 'variable' || (bare.scope !== 'state' && bare.scope !== 'immutable')) return rule;
      const decl = context.scope.stateVariables.find((v) => v.name === bare.name);
      if (!decl || !/^contract /.test(decl.typeDescriptions.typeString ?? '')) return rule;
      const id = partyIdFromName(decl.name);
      if (![...known, ...found].some((p) => p.id === id)) found.push(addressParty(context, decl, id));
      return { kind: 'party', party: id, via: rule.via };
    });
  }
  return found;
}

/**
 * Roles named in access checks (role:NAME) or granted at deployment become parties: whoever holds the
 * role. A grant or revoke whose role is a parameter can change any role.
 */
function roleParties(context: ExtractContext, rules: { kind: string; role?: string }[]): Party[] {
  const writes = context.reads.flatMap((read) => read.facts.effects.map((effect) => ({ action: read.id, role: roleWritten(effect.target) })).filter((w) => w.role !== null));
  const ids = new Set<string>(rules.filter((r) => r.kind === 'role' && r.role).map((r) => r.role!));
  for (const write of writes) if (write.action === 'constructor' && write.role !== '*') ids.add(`role:${write.role}`);
  return [...ids].map((id) => {
    const name = id.replace(/^(role|list):/, '');
    const decl = context.scope.stateVariables.find((v) => v.name === name);
    // A membership map (`mapping(address => bool) isUser`) checked as a role: written directly, by name.
    const membership = decl !== undefined && /^mapping\(address( payable)? => bool\)$/.test(decl.typeDescriptions.typeString ?? '');
    const direct = membership ? context.reads.filter((read) => read.facts.effects.some((e) => targetName(e.target) === name)).map((read) => ({ action: read.id, role: name })) : [];
    const touching = [...writes.filter((w) => w.role === name || w.role === '*'), ...direct];
    const changedBy = [...new Set(touching.filter((w) => w.action !== 'constructor').map((w) => w.action))];
    return newParty({
      id,
      name,
      kind: 'role',
      mutability: 'mutable',
      setAt: touching.some((w) => w.action === 'constructor') ? 'deployment' : changedBy.length > 0 ? 'action' : 'never',
      changedBy,
      source: decl ? context.locate(decl) : context.locate(context.scope.contract),
    });
  });
}

/** The role a write to `_roles[role].hasRole[account]` changes: its name, or '*' when the role is a parameter. */
export function roleWritten(target: Expr): string | null {
  if (target.kind !== 'index' || target.base.kind !== 'member' || target.base.object.kind !== 'index') return null;
  const role = target.base.object.index;
  if (role.kind === 'variable') return role.scope === 'parameter' ? '*' : role.name;
  return null;
}

/**
 * A list of addresses the contract keeps (`address[] _payees`), filled at deployment (by the constructor or
 * an internal function only it calls, whose writes are the constructor's): each address in it is a party.
 * Actions that write it afterwards (a push, a pop, an entry set or deleted) change the list.
 */
function listParties(context: ExtractContext, known: Party[]): Party[] {
  const found: Party[] = [];
  for (const decl of context.scope.stateVariables) {
    const type = decl.typeDescriptions.typeString ?? '';
    if (!/^address( payable)?\[\] storage/.test(type) && !/^address( payable)?\[\]$/.test(type)) continue;
    if (known.some((p) => p.name === decl.name)) continue;
    const writes = (effects: Effect[]) => effects.some((e) => targetName(e.target) === decl.name);
    const deployment = context.reads.find((r) => r.id === 'constructor')?.facts.effects ?? [];
    if (!deployment.some((e) => e.kind === 'push' && targetName(e.target) === decl.name)) continue;
    const changedBy = context.reads.filter((r) => r.id !== 'constructor' && writes(r.facts.effects)).map((r) => r.id);
    found.push({
      id: `${decl.name}[]`,
      name: decl.name,
      label: humanise(decl.name),
      kind: 'list',
      mutability: 'mutable',
      setAt: 'deployment',
      initial: null,
      changedBy,
      setOnceBy: [],
      joinedBy: [],
      collection: null,
      itemLabel: null,
      ownerNamed: false,
      source: context.locate(decl),
      basis: 'code',
    });
  }
  return found;
}

/**
 * Address fields of structs kept in a mapping or array: each item names its own party. A field every write
 * fills from one of the contract's own parties (`landlord: landlord`) is a copy of that party, not a party
 * of its own: `copies` maps `collection.field` to it.
 */
function itemParties(context: ExtractContext, contractParties: Party[]): { items: Party[]; copies: Map<string, string> } {
  const { structs } = typeDefinitions(context.scope);
  const defaults = enumDefaults(context.scope);
  const list: Party[] = [];
  const copies = new Map<string, string>();
  for (const decl of context.scope.stateVariables) {
    const struct = storedStruct(decl, structs);
    if (!struct) continue;
    for (const member of struct.members) {
      if (!isAddressType(member.typeDescriptions.typeString)) continue;
      // Actions that write this field of an existing record (not the record written whole when created,
      // nor a new record filled field by field at a fresh index): the others set it once, for each record.
      const all = context.reads.map((r) => ({ id: r.id, effects: r.facts.effects, conditions: r.facts.conditions }));
      // A record written whole (`listings[tokenId] = Listing({seller: …})`) writes the field too: over an
      // existing record when the key can come again (a token listed anew), unless the key is fresh.
      const writesField = (e: Effect) =>
        e.kind === 'set' &&
        targetName(e.target) === decl.name &&
        ((e.target.kind === 'member' && e.target.member === member.name) || (e.target.kind === 'index' && e.value?.kind === 'struct' && e.value.fields.some((f) => f.name === member.name)));
      const writers = context.reads.filter((r) => r.id !== 'constructor').map((r) => ({ id: r.id, writes: r.facts.effects.filter(writesField) })).filter((w) => w.writes.length > 0);
      const creates = (w: { id: string; writes: Effect[] }) => w.writes.every((e) => writesNewRecord(e.target, w.id, all, defaults));
      const copied = copiedParty(writers.flatMap((w) => w.writes), member.name, contractParties);
      if (copied) {
        copies.set(`${decl.name}.${member.name}`, copied);
        continue;
      }
      // Every write puts the zero address there (the action that would set it always fails): no one holds it.
      const onlyZero = writers.length > 0 && writers.every((w) => w.writes.every((e) => { const v = fieldValue(e, member.name); return v !== null && unwrap(v).kind === 'zero-address'; }));
      const changedBy = onlyZero ? [] : writers.filter((w) => !creates(w)).map((w) => w.id);
      const setOnceBy = onlyZero ? [] : writers.filter(creates).map((w) => w.id);
      list.push(newParty({
        id: `${decl.name}.${member.name}`,
        name: member.name,
        kind: 'item-field',
        mutability: 'mutable',
        setAt: onlyZero ? 'never' : 'action',
        changedBy,
        setOnceBy,
        collection: decl.name,
        itemLabel: humanise(struct.name),
        source: context.locate(member),
      }));
    }
  }
  return { items: list, copies };
}

/** `records[a][b].field` as `records.field`: the record field an expression reads, if it reads one. */
/** The place a value reads, also as it stood before the call (a token read from a record the call then clears). */
function bare(expr: Expr): Expr {
  const inner = unwrap(expr);
  return inner.kind === 'prior' ? bare(inner.of) : inner;
}

function recordFieldOf(expr: Expr): string | null {
  if (expr.kind !== 'member') return null;
  let base = expr.object;
  while (base.kind === 'index' || base.kind === 'prior') base = base.kind === 'index' ? base.base : base.of;
  return base.kind === 'variable' ? `${base.name}.${expr.member}` : null;
}

/** The contract party every write of a field copies (`Deposit({landlord: landlord, …})`), if there is one. */
function copiedParty(writes: Effect[], field: string, parties: Party[]): string | null {
  const values = writes.map((e) => fieldValue(e, field));
  const ids = new Set(values.map((value) => (value ? unwrap(value) : null)).map((value) => (value?.kind === 'variable' && value.scope !== 'parameter' && value.scope !== 'local' ? value.party : null)));
  const [id] = [...ids];
  return ids.size === 1 && id && parties.some((party) => party.id === id) ? id : null;
}

/** A caller check against `orders[id].buyer` names the item's Buyer party (or the contract party the field copies). */
function linkItemCallers(actions: ContractTerms['actions'], items: Party[], copies: Map<string, string>): void {
  const itemParty = (expr: Expr): string | null => {
    const bare = expr.kind === 'convert' ? expr.operand : expr;
    if (bare.kind !== 'member' || bare.object.kind !== 'index' || bare.object.base.kind !== 'variable') return null;
    const collection = bare.object.base.name;
    return items.find((p) => p.collection === collection && p.name === bare.member)?.id ?? copies.get(`${collection}.${bare.member}`) ?? null;
  };
  linkParties(actions, itemParty);
}

/** Only one party may call: a payment to the caller is a payment to that party (`selfdestruct(payable(msg.sender))` after an owner check). */
function linkCallerPayees(actions: ContractTerms['actions']): void {
  for (const action of actions) {
    const [rule, ...others] = action.access.rules;
    if (action.access.anyone || others.length > 0 || rule?.kind !== 'party') continue;
    for (const payment of action.payments) {
      if (payment.direction === 'out' && unwrap(payment.to).kind === 'caller') payment.toParty ??= rule.party;
    }
  }
}

export function storedStruct<T extends { id: number; name: string }>(decl: VariableDeclaration, structs: Map<number, T>): T | null {
  const type = decl.typeDescriptions.typeIdentifier ?? '';
  if (!/^t_(mapping|array)/.test(type)) return null;
  const match = /t_struct\$_\w+?_\$(\d+)_storage/.exec(type);
  return match ? structs.get(Number(match[1])) ?? null : null;
}
