/**
 * A record never written: every field of it zero, an enum field at the enum's first member (Solidity's default).
 * A requirement that such a record cannot pass (`msg.sender == escrows[id].renter || msg.sender == escrows[id].host`,
 * `escrows[id].status == Disputed` when Disputed is not the first member) shows that the record the action
 * touches was written before. The caller, the origin and the contract's own address are never the zero address:
 * no one holds the key of address zero, and no contract is created there.
 */
import type { Expr } from '../terms/index.ts';
import { unwrap } from '../terms/index.ts';
import type { ContractScope } from '../ir/scope.ts';
import { typeDefinitions } from '../ir/scope.ts';
import { constantOf, key, withoutPrior } from '../ir/exprs.ts';

/** The first member of each enum, by name (null when two enums of that name start differently). */
export type EnumDefaults = ReadonlyMap<string, string | null>;

export function enumDefaults(scope: ContractScope): EnumDefaults {
  const found = new Map<string, string | null>();
  for (const e of typeDefinitions(scope).enums.values()) {
    const first = e.members[0]?.name ?? null;
    found.set(e.name, found.has(e.name) && found.get(e.name) !== first ? null : first);
  }
  return found;
}

/** An address the code cannot be given as zero: the caller, the origin, the contract itself, also converted to an address. */
export function neverZero(e: Expr): boolean {
  if (e.kind === 'convert') return e.to.startsWith('address') && neverZero(e.operand);
  return e.kind === 'caller' || e.kind === 'origin' || e.kind === 'this';
}

/** What a value is on a record never written: zero, some value that is not zero, an enum member, or unknown (null). */
type Value = 'zero' | 'set' | { enumName: string; member: string } | null;

/** The requirement fails on the record of `collection` at key `at` if that record was never written. */
export function failsOnBlank(c: Expr, collection: string, at: string, defaults: EnumDefaults): boolean {
  return truth(c, collection, at, defaults) === false;
}

function truth(c: Expr, collection: string, at: string, defaults: EnumDefaults): boolean | null {
  const of = (e: Expr) => truth(e, collection, at, defaults);
  if (c.kind === 'and') {
    const parts = c.operands.map(of);
    return parts.includes(false) ? false : parts.every((p) => p === true) ? true : null;
  }
  if (c.kind === 'or') {
    const parts = c.operands.map(of);
    return parts.includes(true) ? true : parts.every((p) => p === false) ? false : null;
  }
  if (c.kind === 'not') {
    const inner = of(c.operand);
    return inner === null ? null : !inner;
  }
  if (c.kind === 'compare') {
    const same = equal(valueOf(c.left, collection, at), valueOf(c.right, collection, at), defaults);
    if (same === null) return null;
    if (c.op === '==') return same;
    if (c.op === '!=') return !same;
    // Only two zeros are ordered here: `field > 0` fails, `field >= 0` holds.
    return same && valueOf(c.left, collection, at) === 'zero' ? c.op === '<=' || c.op === '>=' : null;
  }
  const value = valueOf(c, collection, at);
  return value === 'zero' ? false : null;
}

function equal(a: Value, b: Value, defaults: EnumDefaults): boolean | null {
  if (a === null || b === null) return null;
  if (a === 'zero' && b === 'zero') return true;
  if ((a === 'zero' && b === 'set') || (a === 'set' && b === 'zero')) return false;
  if (a === 'set' || b === 'set') return null;
  if (a === 'zero' || b === 'zero') {
    const member = (a === 'zero' ? b : a) as { enumName: string; member: string };
    const first = defaults.get(member.enumName);
    return first ? first === member.member : null;
  }
  return a.enumName === b.enumName ? a.member === b.member : null;
}

function valueOf(e: Expr, collection: string, at: string): Value {
  // A read after an earlier write of the same call (or in a loop that writes it) may not hold the record's value.
  if (e.kind === 'prior') return e.inCall || e.atItem ? null : valueOf(e.of, collection, at);
  if (neverZero(e)) return 'set';
  if (e.kind === 'enum-member') return { enumName: e.enumName, member: e.member };
  if (e.kind === 'zero-address' || (e.kind === 'bool' && !e.value)) return 'zero';
  if (e.kind === 'bool') return 'set';
  const constant = constantOf(e);
  if (constant !== null) return constant === '0' ? 'zero' : 'set';
  if (e.kind === 'convert') return valueOf(e.operand, collection, at) === 'zero' ? 'zero' : null;
  return fieldOfRecord(e, collection, at) ? 'zero' : null;
}

/** `records[at].field`, or a field of a struct inside it, read as the call found it. */
function fieldOfRecord(e: Expr, collection: string, at: string): boolean {
  let node = unwrap(e);
  if (node.kind !== 'member') return false;
  while (node.kind === 'member') {
    let object: Expr = node.object;
    if (object.kind === 'prior' && !object.inCall && !object.atItem) object = object.of;
    if (object.kind === 'index' && object.base.kind === 'variable' && object.base.scope === 'state' && object.base.name === collection) return key(withoutPrior(object.index)) === at;
    if (object.kind !== 'member') return false;
    node = object;
  }
  return false;
}
