/**
 * New records: a write that fills a record no existing record can be at. Such a write creates a record; it
 * does not change an existing one (a party it names is set once, a state it writes is where the record starts).
 * Three proofs that the key is fresh, each read from the IR:
 * - a counter: a write to `jobs[jobCounter + 1]` in an action that raises `jobCounter` by one (`jobCounter++;
 *   jobs[jobCounter] = …`, `jobs[nextId++]`, or a checked-add helper whose error the action requires to be none),
 *   as long as no action ever lowers or resets the counter;
 * - a per-holder count: a key hashed from a holder and the holder's own count (`keccak256(abi.encodePacked(holder,
 *   count[holder]))`) that the same call raises, no action ever lowering any holder's count;
 * - an empty record: the action requires a field of the record to be zero (`require(requests[ref].amount == 0)`)
 *   and writes the record whole with it non-zero (the caller counts: it is never the zero address), and no action
 *   leaves an existing record with that field zero without deleting it. An action that writes other fields of a
 *   record must then either write that field non-zero too, or require something no record never written passes
 *   (`msg.sender == escrows[id].renter`, a status other than the enum's first): so a record whose field is zero was
 *   never written, and a write there creates one.
 */
import { constantOf, key, targetName, withoutPrior } from '../ir/exprs.ts';
import type { Condition, Effect, Expr } from '../terms/index.ts';
import { failsOnBlank, neverZero, type EnumDefaults } from './blank-record.ts';
import { unwrap } from '../terms/index.ts';

/** Every action's effects and conditions, by action id: to see whether any action lowers or resets a counter. */
export type EffectsByAction = { id: string; effects: Effect[]; conditions: Condition[] }[];

interface Write {
  effects: Effect[];
  /** What the action requires, always (not under a branch, not per loop item). */
  requires: Expr[];
}

/**
 * True when the target is (a field of) a record of a collection at a key no existing record has. `defaults`: each
 * enum's first member, to read a check of an enum field on a record never written (without it, such checks prove nothing).
 */
export function writesNewRecord(target: Expr, action: string, all: EffectsByAction, defaults: EnumDefaults = new Map()): boolean {
  const record = recordOf(target);
  if (record === null) return false;
  const entry = all.find((e) => e.id === action);
  const write: Write = { effects: entry?.effects ?? [], requires: (entry?.conditions ?? []).filter((c) => c.when.length === 0 && c.each === null).flatMap((c) => conjuncts(c.expr)) };
  return byCounter(record.index, write, all) || byHolderCount(record.index, write, all) || byEmptyGuard(record, write, all, defaults);
}

function recordOf(target: Expr): { collection: string; index: Expr } | null {
  let node: Expr = target;
  // The innermost collection entry the write is in: jobs[i].milestones[j].amount → jobs[i].
  let found: { collection: string; index: Expr } | null = null;
  while (node.kind === 'member' || node.kind === 'index') {
    if (node.kind === 'index' && node.base.kind === 'variable' && node.base.scope === 'state') found = { collection: node.base.name, index: node.index };
    node = node.kind === 'member' ? node.object : node.base;
  }
  return found;
}

function byCounter(index: Expr, write: Write, all: EffectsByAction): boolean {
  const { counter, offset } = counterOf(index);
  if (counter === null) return false;
  const raised = raisedBy(counter, write);
  // `c` itself is fresh when the record is written before the raise (`jobs[c++]`); `c + 1 … c + raised` after it.
  if (!(raised >= 1) || offset < 0 || offset > raised) return false;
  return onlyRaised(counter, all);
}

/** `records[keccak256(abi.encodePacked(holder, count[holder]))]`, the call raising `count[holder]`. */
function byHolderCount(index: Expr, write: Write, all: EffectsByAction): boolean {
  const bare = unwrap(index);
  if (bare.kind !== 'hash' || bare.args.length !== 2) return false;
  return bare.args.some((arg, i) => {
    const count = withoutPrior(unwrap(arg));
    const holder = withoutPrior(unwrap(bare.args[1 - i]));
    if (count.kind !== 'index' || count.base.kind !== 'variable' || count.base.scope !== 'state' || key(withoutPrior(count.index)) !== key(holder)) return false;
    return raisedBy(count, write) >= 1 && onlyRaised(count.base, all);
  });
}

/**
 * The action requires the record's field to be zero and leaves it non-zero, and every record that exists has that
 * field non-zero: every other write into the collection (a new record, a field of one) either sets it non-zero, is
 * made only to a record whose field the action requires non-zero (a live one), or is followed by deleting the record.
 */
function byEmptyGuard(record: { collection: string; index: Expr }, write: Write, all: EffectsByAction, defaults: EnumDefaults): boolean {
  const at = key(withoutPrior(record.index));
  const guarded = write.requires.flatMap((c) => {
    if (c.kind === 'not') return [fieldAt(c.operand, record.collection)];
    if (c.kind !== 'compare' || c.op !== '==') return [];
    return [isZero(c.right) ? fieldAt(c.left, record.collection) : isZero(c.left) ? fieldAt(c.right, record.collection) : null];
  }).filter((f): f is { field: string; at: string } => f !== null && f.at === at).map((f) => f.field);
  return guarded.some((field) => {
    const own = writesInto(record.collection, write.effects).filter((w) => w.at === at);
    // Written whole (`requests[ref] = Request(…)`): a record filled field by field on a default entry is a step of that entry.
    const whole = write.effects.some((e) => e.kind === 'set' && e.value?.kind === 'struct' && e.target.kind === 'index' && targetName(e.target) === record.collection && key(withoutPrior(e.target.index)) === at);
    const setsIt = whole && own.some((w) => w.field === field && w.value !== null && nonZero(w.value, write.requires));
    return setsIt && own.every((w) => w.field !== field || (w.value !== null && nonZero(w.value, write.requires))) && everyRecordSets(record.collection, field, all, defaults);
  });
}

/** No action leaves a record of the collection in place with the field zero. */
function everyRecordSets(collection: string, field: string, all: EffectsByAction, defaults: EnumDefaults): boolean {
  return all.every(({ id, effects, conditions }) => {
    if (id === 'constructor') return true;
    const requires = conditions.filter((c) => c.when.length === 0 && c.each === null).flatMap((c) => conjuncts(c.expr));
    const writes = writesInto(collection, effects);
    const live = (at: string | null) => at !== null && requires.some((c) => failsOnBlank(c, collection, at, defaults));
    const created = (at: string | null) => writes.some((w) => w.at === at && w.field === field && w.value !== null && w.kind === 'set' && nonZero(w.value, requires));
    return writes.every((w) => {
      if (w.kind === 'delete' && w.field === null) return true;
      if (deletedAfter(collection, w, effects)) return true;
      if (w.field === field) return w.value !== null && (w.kind === 'set' || w.kind === 'push' || w.kind === 'increase') && nonZero(w.value, requires);
      // Another field of a record: fine on a live record (one the action's checks show was written, so its field is
      // not zero), or on the one this action creates with the field non-zero.
      return live(w.at) || created(w.at);
    });
  });
}

export type FieldWrite = { kind: Effect['kind']; field: string | null; value: Expr | null; at: string | null; position: number };

/**
 * Every write into the collection, by record key (null for a new entry pushed): a whole record is one write per
 * field of its value (`field` null when deleted or when its value is not written out); a field write names its field.
 */
export function writesInto(collection: string, effects: Effect[]): FieldWrite[] {
  const found: FieldWrite[] = [];
  effects.forEach((e, position) => {
    if (targetName(e.target) !== collection && recordOf(e.target)?.collection !== collection) return;
    const t = e.target;
    if (t.kind === 'variable' && t.name === collection && e.kind === 'push') {
      const fields = e.value?.kind === 'struct' ? e.value.fields : [];
      for (const f of fields) found.push({ kind: 'push', field: f.name, value: f.value, at: null, position });
      if (fields.length === 0) found.push({ kind: 'push', field: null, value: null, at: null, position });
      return;
    }
    if (t.kind === 'index' && t.base.kind === 'variable' && t.base.name === collection) {
      const at = key(withoutPrior(t.index));
      if (e.kind === 'set' && e.value?.kind === 'struct') for (const f of e.value.fields) found.push({ kind: 'set', field: f.name, value: f.value, at, position });
      else found.push({ kind: e.kind, field: null, value: null, at, position });
      return;
    }
    // A field (or part of one) of a record: `records[k].field…`.
    let node: Expr = t;
    let field: string | null = null;
    while (node.kind === 'member' || node.kind === 'index') {
      const object: Expr = node.kind === 'member' ? node.object : node.base;
      if (node.kind === 'member' && object.kind === 'index' && object.base.kind === 'variable' && object.base.name === collection) {
        field = node.member;
        found.push({ kind: node === t ? e.kind : 'set', field, value: node === t && e.kind !== 'delete' ? e.value : null, at: key(withoutPrior(object.index)), position });
        return;
      }
      node = object;
    }
    found.push({ kind: e.kind, field: '?', value: null, at: null, position });
  });
  return found;
}

/** `records[k].field` (read before or after the call): the field and the key. */
export function fieldAt(e: Expr, collection: string): { field: string; at: string } | null {
  const bare = withoutPrior(unwrap(e));
  if (bare.kind !== 'member' || bare.object.kind !== 'index' || bare.object.base.kind !== 'variable' || bare.object.base.name !== collection) return null;
  return { field: bare.member, at: key(withoutPrior(bare.object.index)) };
}

/** The same action deletes the whole record, unconditionally, after the write. */
function deletedAfter(collection: string, write: FieldWrite, effects: Effect[]): boolean {
  if (write.at === null) return false;
  return effects.some((e, position) => position > write.position && e.kind === 'delete' && e.when.length === 0 && e.target.kind === 'index' && targetName(e.target) === collection && key(withoutPrior(e.target.index)) === write.at);
}

export function isZero(e: Expr): boolean {
  const bare = unwrap(e);
  return bare.kind === 'zero-address' || (bare.kind === 'bool' && !bare.value) || constantOf(bare) === '0';
}

/** A value the action proves non-zero: a non-zero constant, `true`, the caller, or one it requires to differ from zero. */
function nonZero(value: Expr, requires: Expr[]): boolean {
  if (neverZero(value)) return true;
  const bare = unwrap(value);
  if (bare.kind === 'bool') return bare.value;
  const constant = constantOf(bare);
  if (constant !== null) return constant !== '0';
  const it = key(withoutPrior(bare));
  const is = (e: Expr) => key(withoutPrior(unwrap(e))) === it;
  return requires.some((c) => c.kind === 'compare' && (((c.op === '!=' || c.op === '>') && is(c.left) && isZero(c.right)) || ((c.op === '!=' || c.op === '<') && is(c.right) && isZero(c.left))));
}

export function conjuncts(e: Expr): Expr[] {
  if (e.kind === 'and') return e.operands.flatMap(conjuncts);
  // `if (a == 0 || b == 0) revert` requires neither to be zero.
  if (e.kind === 'not' && e.operand.kind === 'or') return e.operand.operands.flatMap((o) => conjuncts({ kind: 'not', operand: o }));
  if (e.kind === 'not' && e.operand.kind === 'compare' && e.operand.op === '==') return [{ ...e.operand, op: '!=' }];
  return [e];
}

/** `c` or `c + n` with c a state variable and n a constant. */
function counterOf(index: Expr): { counter: Expr | null; offset: number } {
  let bare = unwrap(index);
  // `orders[nextId++]` reads the counter as it stood before the call.
  if (bare.kind === 'prior') bare = unwrap(bare.of);
  if (isCounter(bare)) return { counter: bare, offset: 0 };
  if (bare.kind === 'arith' && bare.op === '+') {
    const left = withoutPrior(unwrap(bare.left));
    const amount = constantOf(bare.right);
    if (isCounter(left) && amount !== null) return { counter: left, offset: Number(amount) };
  }
  return { counter: null, offset: 0 };
}

/** A state variable, or a field of one (OpenZeppelin's `Counters.Counter _tokenIds` keeps `_tokenIds._value`). */
function isCounter(e: Expr): boolean {
  if (e.kind === 'member') return isCounter(e.object);
  return e.kind === 'variable' && e.scope === 'state';
}

/** How much the action raises the counter (a variable, or one entry of a mapping) whatever path it takes. */
function raisedBy(counter: Expr, write: Write): number {
  return write.effects.filter((e) => e.when.length === 0 && sameStorage(e.target, counter)).reduce((sum, e) => sum + raiseOf(e, write.requires), 0);
}

/**
 * No action but the constructor writes the counter's variable other than by raising what it writes by a constant:
 * for a mapping of counts, every entry only grows; for a counter kept in a struct, the struct is never reset whole.
 */
function onlyRaised(counter: Expr, all: EffectsByAction): boolean {
  const name = targetName(counter);
  return all.every(({ id, effects, conditions }) => {
    if (id === 'constructor') return true;
    const requires = conditions.filter((c) => c.when.length === 0 && c.each === null).flatMap((c) => conjuncts(c.expr));
    return effects.every((e) => targetName(e.target) !== name || raiseOf(e, requires) >= 1);
  });
}

/**
 * How much a write raises its own target: `c += 1`, or `c = c + 1` (`nextId = id + 1` after `id = nextId`); NaN otherwise.
 * A checked add through a helper (`(err, c) = addUInt(c, 1)`) reads `c + 1 >= c ? c + 1 : 0`: a raise when the
 * action requires the helper's error to be none, that is, the addition not to wrap.
 */
function raiseOf(effect: Effect, requires: Expr[]): number {
  if (!effect.value) return NaN;
  if (effect.kind === 'increase') return Number(constantOf(effect.value) ?? NaN);
  if (effect.kind !== 'set') return NaN;
  let value = unwrap(effect.value);
  if (value.kind === 'conditional' && requires.some((c) => requiresHolds(c, value as Extract<Expr, { kind: 'conditional' }>))) value = unwrap(value.then);
  if (value.kind !== 'arith' || value.op !== '+') return NaN;
  const step = constantOf(value.right);
  return sameStorage(unwrap(value.left), effect.target) && step !== null ? Number(step) : NaN;
}

/** The same state variable, or the same entry of one (`count[holder]`), read before or after the call. */
function sameStorage(a: Expr, b: Expr): boolean {
  const [x, y] = [withoutPrior(unwrap(a)), withoutPrior(unwrap(b))];
  if (x.kind === 'variable' && y.kind === 'variable') return x.scope === 'state' && y.scope === 'state' && x.name === y.name;
  if (x.kind === 'index' && y.kind === 'index') return sameStorage(x.base, y.base) && key(x.index) === key(y.index);
  if (x.kind === 'member' && y.kind === 'member') return x.member === y.member && sameStorage(x.object, y.object);
  return false;
}

/** The requirement holds only when the conditional's condition does: the condition itself, or `(cond ? A : B) == A` with B a different constant. */
function requiresHolds(requirement: Expr, value: Extract<Expr, { kind: 'conditional' }>): boolean {
  const it = key(withoutPrior(value.condition));
  if (key(withoutPrior(requirement)) === it) return true;
  if (requirement.kind !== 'compare' || requirement.op !== '==') return false;
  return [[requirement.left, requirement.right], [requirement.right, requirement.left]].some(([side, other]) => {
    const choice = unwrap(side);
    if (choice.kind !== 'conditional' || key(withoutPrior(choice.condition)) !== it) return false;
    const [then, otherwise, wanted] = [unwrap(choice.then), unwrap(choice.otherwise), unwrap(other)];
    return key(then) === key(wanted) && isConstant(then) && isConstant(otherwise) && key(otherwise) !== key(wanted);
  });
}

function isConstant(e: Expr): boolean {
  return e.kind === 'enum-member' || e.kind === 'bool' || constantOf(e) !== null;
}
