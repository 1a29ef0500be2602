/**
 * Where a value lives, as a key the semantics can attach a format to: a parameter of one action, a
 * state variable, a field of a collection's items. Also the format a value has from its ABI type alone.
 */
import type { Expr } from '../terms/index.ts';
import { unwrap } from '../terms/index.ts';
import type { FormatEvidence, ValueFormat } from './model.ts';

const NUMERIC_FORMATS = new Set(['eth', 'token', 'datetime', 'duration', 'percent', 'item', 'integer']);

/**
 * `param:<action>:<name>` for a parameter of `action`; `var:<name>` for a state variable, constant or
 * immutable; `item:<collection>.<field>` for a field of an item of a mapping or array; `item:<collection>`
 * for the item itself (a mapping to amounts); `call:<name>` for a view function of the contract called
 * without arguments. Null for anything else.
 */
export function keyOf(expr: Expr, action: string): string | null {
  switch (expr.kind) {
    case 'variable':
      if (expr.scope === 'parameter' || expr.scope === 'local' || expr.scope === 'return') return `${expr.scope}:${action}:${expr.name}`;
      return `var:${expr.name}`;
    case 'member': {
      if (expr.object.kind === 'index' && expr.object.base.kind === 'variable') return `item:${expr.object.base.name}.${expr.member}`;
      if (expr.object.kind === 'variable' && expr.object.scope === 'parameter') return `parameter:${action}:${expr.object.name}.${expr.member}`;
      if (expr.object.kind === 'variable') return `var:${expr.object.name}.${expr.member}`;
      return null;
    }
    case 'index':
      return expr.base.kind === 'variable' && expr.base.scope !== 'parameter' ? `item:${expr.base.name}` : null;
    case 'call':
      return expr.args.length === 0 ? `call:${expr.name}` : null;
    default:
      return null;
  }
}

/** True for an integer ABI type: uint256, int64, … */
export function isIntegerType(type: string): boolean {
  return /^u?int\d*$/.test(type);
}

/** True for an address, a contract type or an interface type. */
export function isAddressType(type: string): boolean {
  return /^address( payable)?$/.test(type) || /^(contract|interface) /.test(type);
}

/** Whether a format derived from the code fits a value of this type. */
export function isCompatible(format: ValueFormat, type: string): boolean {
  if (NUMERIC_FORMATS.has(format.kind)) return isIntegerType(type);
  if (format.kind === 'address') return isAddressType(type);
  return false;
}

/** The format of a value whose use in the code says nothing more than its type. */
export function formatFromType(type: string): ValueFormat {
  if (isIntegerType(type) || /^enum /.test(type)) return { kind: 'integer' };
  if (isAddressType(type)) return { kind: 'address', party: null };
  if (type === 'bool') return { kind: 'bool' };
  if (type === 'string') return { kind: 'text' };
  if (/^bytes\d*$/.test(type)) return { kind: 'bytes' };
  return { kind: 'other' };
}

/** An address later found to be a party's replaces the plain address. */
export function namesParty(known: ValueFormat, found: ValueFormat): boolean {
  return known.kind === 'address' && known.party === null && found.kind === 'address' && found.party !== null;
}

/** Evidence for a value stored in a slot: the slot, and the use of it that gave it its format. */
export function storedIn(key: string, slotFact: { evidence: FormatEvidence }): FormatEvidence {
  const via = slotFact.evidence.via ?? key.replace(/^(var|item):/, '');
  return { ...slotFact.evidence, via };
}

export function isPlainNumber(expr: Expr): boolean {
  const inner = unwrap(expr);
  return inner.kind === 'number' && inner.unit === null;
}

export { unwrap };

export function firstKnown(formats: (ValueFormat | null)[]): ValueFormat | null {
  return formats.find((format) => format !== null) ?? null;
}
