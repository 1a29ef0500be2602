/**
 * Records stored under their party's own address: `schedules[beneficiary] = Schedule({beneficiary: beneficiary, …})`.
 * When every write of such a record writes that address field equal to the key it is stored under (or clears
 * it), the record at key K, once written, names K; unwritten, it names nobody. An action that works on the
 * caller's own record (`schedules[msg.sender]`) and goes ahead only if that record was written (a field that
 * only a whole write can make non-zero is non-zero) is then an action only that party of the record can
 * make, and what it pays the caller it pays that party.
 *
 * Limits: a record keyed through more than one mapping (`m[a][b]`), in an array, or written whole from a
 * copy rather than a struct literal is never taken as keyed; so is a field any action changes on its own
 * (to anything but the key), and a key worked out by a call (which may return another value each time).
 * Writes the model cannot see (inline assembly) are not taken into account.
 */
import { same } from '../ir/exprs.ts';
import type { Action, Condition, Effect, Expr, Party } from '../terms/index.ts';
import { unwrap, walkExpr } from '../terms/index.ts';
import { isCaller } from './actions.ts';

/** Who may call each action that requires the caller's own record of a keyed collection: that record's party. */
export function linkOwnRecordCallers(actions: Action[], items: Party[]): void {
  const keyed = items.filter((party) => party.collection !== null && actions.every((a) => a.effects.every((e) => keepsKey(e, party.collection!, party.name))));
  for (const party of keyed) {
    const collection = party.collection!;
    for (const action of actions) {
      if (!action.access.anyone) continue;
      const check = action.conditions.find((c) => c.when.length === 0 && c.each === null && requiresOwnRecord(c, collection, party.name, actions));
      if (check) action.access = { anyone: false, rules: [{ kind: 'party', party: party.id, via: check.via }], source: check.source, forwarded: action.access.forwarded };
    }
  }
}

/** The key a place in the collection is stored under, and the field written (null for the whole record); null for other places. */
function placeIn(target: Expr, collection: string): { key: Expr; field: string | null } | 'other' | 'unsure' {
  const bare = unwrap(target);
  if (bare.kind === 'variable') return bare.name === collection ? 'unsure' : 'other';
  if (bare.kind === 'index') {
    const base = unwrap(bare.base);
    if (base.kind === 'variable') return base.name === collection ? { key: bare.index, field: null } : 'other';
    return placeIn(base, collection) === 'other' ? 'other' : 'unsure';
  }
  if (bare.kind === 'member') {
    const record = placeIn(bare.object, collection);
    if (record === 'other' || record === 'unsure') return record;
    // A field of a field (`m[k].terms.price`) cannot change the record's own address field.
    return record.field === null ? { key: record.key, field: bare.member } : { key: record.key, field: `${record.field}.${bare.member}` };
  }
  return 'other';
}

/** True when the write leaves the field equal to the record's key, or zero. */
function keepsKey(effect: Effect, collection: string, field: string): boolean {
  const place = placeIn(effect.target, collection);
  if (place === 'other') return true;
  if (place === 'unsure') return effect.kind === 'delete';
  if (effect.kind === 'delete') return true;
  if (place.field === null) {
    if (effect.kind !== 'set' || effect.value?.kind !== 'struct') return false;
    const written = effect.value.fields.find((f) => f.name === field);
    return written !== undefined && equalKey(written.value, place.key);
  }
  if (place.field !== field) return true;
  return effect.kind === 'set' && effect.value !== null && equalKey(effect.value, place.key);
}

/** The same value, read at the same moment of one action; a call may return another value each time it is made. */
function equalKey(value: Expr, key: Expr): boolean {
  return same(unwrap(value), unwrap(key)) && ![...walkExpr(key)].some((e) => e.kind === 'call' || e.kind === 'external-call');
}

/**
 * True when the check requires the caller's own record to have been written: its address field, or a field
 * only whole writes (which also write the address field) make non-zero, is non-zero or true.
 */
function requiresOwnRecord(condition: Condition, collection: string, field: string, actions: Action[]): boolean {
  const read = nonZeroField(condition.expr);
  if (!read) return false;
  const place = placeIn(read, collection);
  if (place === 'other' || place === 'unsure' || place.field === null || place.field.includes('.') || !isCaller(unwrap(place.key))) return false;
  const member = place.field;
  if (member === field) return true;
  return actions.every((a) => a.effects.every((e) => {
    const written = placeIn(e.target, collection);
    return written === 'other' || written === 'unsure' || written.field !== member || e.kind === 'delete';
  }));
}

/** The value a check requires to be non-zero or true (`x != 0`, `x > 0`, `0 < x`, `x != address(0)`, `x`). */
function nonZeroField(expr: Expr): Expr | null {
  const bare = expr.kind === 'prior' ? expr.of : expr;
  if (bare.kind === 'member') return bare;
  if (bare.kind !== 'compare') return null;
  const zero = (e: Expr) => (unwrap(e).kind === 'number' && (unwrap(e) as { value: string }).value === '0') || unwrap(e).kind === 'zero-address';
  const truth = (e: Expr) => unwrap(e).kind === 'bool' && (unwrap(e) as { value: boolean }).value;
  const side = (e: Expr) => { const b = unwrap(e); return b.kind === 'prior' ? b.of : b; };
  if ((bare.op === '!=' || bare.op === '>') && zero(bare.right)) return side(bare.left);
  if ((bare.op === '!=' || bare.op === '<') && zero(bare.left)) return side(bare.right);
  if (bare.op === '==' && truth(bare.right)) return side(bare.left);
  return null;
}
