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
 *   and writes it non-zero, and no action leaves an existing record with that field zero without deleting it.
 */
import { constantOf, key, targetName, withoutPrior } from '../ir/exprs.ts';
import type { Condition, Effect, Expr } from '../terms/index.ts';
import { unwrap } from '../terms/index.ts';

/** Every action's effects and conditions, by action id: to see whether any action lowers or resets a counter. */
export type EffectsByAction = { id: string; effects: Effect[]; conditions: Condition[] }[];

interface Write {
  effects: Effect[];
  /** What the action requires, always (not under a branch, not per loop item). */
  requires: Expr[];
}

/** True when the target is (a field of) a record of a collection at a key no existing record has. */
export function writesNewRecord(target: Expr, action: string, all: EffectsByAction): boolean {
  const record = recordOf(target);
  if (record === null) return false;
  const entry = all.find((e) => e.id === action);
  const write: Write = { effects: entry?.effects ?? [], requires: (entry?.conditions ?? []).filter((c) => c.when.length === 0 && c.each === null).flatMap((c) => conjuncts(c.expr)) };
  return byCounter(record.index, write, all) || byHolderCount(record.index, write, all) || byEmptyGuard(record, write, all);
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

/** The action requires the record's field to be zero, and leaves it non-zero; no action zeroes it and keeps the record. */
function byEmptyGuard(record: { collection: string; index: Expr }, write: Write, all: EffectsByAction): boolean {
  const at = key(withoutPrior(record.index));
  const fieldOf = (e: Expr): string | null => {
    const bare = withoutPrior(unwrap(e));
    if (bare.kind !== 'member' || bare.object.kind !== 'index' || bare.object.base.kind !== 'variable' || bare.object.base.name !== record.collection) return null;
    return key(withoutPrior(bare.object.index)) === at ? bare.member : null;
  };
  const guarded = write.requires.flatMap((c) => {
    if (c.kind === 'not') return [fieldOf(c.operand)];
    if (c.kind !== 'compare' || c.op !== '==') return [];
    return [isZero(c.right) ? fieldOf(c.left) : isZero(c.left) ? fieldOf(c.right) : null];
  }).filter((f): f is string => f !== null);
  return guarded.some((field) => {
    const written = valuesOf(record.collection, field, write.effects, at);
    return written.length > 0 && written.every((w) => w.value !== null && nonZero(w.value, write.requires)) && neverZeroedInPlace(record.collection, field, all);
  });
}

/** Every action that writes the field leaves it non-zero, or deletes the whole record afterwards. */
function neverZeroedInPlace(collection: string, field: string, all: EffectsByAction): boolean {
  return all.every(({ id, effects, conditions }) => {
    if (id === 'constructor') return true;
    const requires = conditions.filter((c) => c.when.length === 0 && c.each === null).flatMap((c) => conjuncts(c.expr));
    return valuesOf(collection, field, effects, null).every((w) => (w.value !== null && w.kind !== 'decrease' && nonZero(w.value, requires)) || deletedAfter(collection, w, effects));
  });
}

type FieldWrite = { kind: Effect['kind']; value: Expr | null; at: string; position: number };

/** The writes of `collection[k].field`, as a field or inside a whole record, with the key they write at (only `at` when given). */
function valuesOf(collection: string, field: string, effects: Effect[], at: string | null): FieldWrite[] {
  const found: FieldWrite[] = [];
  effects.forEach((e, position) => {
    if (targetName(e.target) !== collection) return;
    const t = e.target;
    if (t.kind === 'index' && t.base.kind === 'variable' && t.base.name === collection) {
      // A whole record: its field, or (deleted) nothing left of it.
      if (e.kind === 'delete') return;
      const value = e.value?.kind === 'struct' ? e.value.fields.find((f) => f.name === field)?.value ?? null : null;
      found.push({ kind: e.kind, value, at: key(withoutPrior(t.index)), position });
    } else if (t.kind === 'member' && t.member === field && t.object.kind === 'index' && t.object.base.kind === 'variable' && t.object.base.name === collection) {
      found.push({ kind: e.kind, value: e.kind === 'delete' ? null : e.value, at: key(withoutPrior(t.object.index)), position });
    } else return;
  });
  return at === null ? found : found.filter((w) => w.at === at);
}

/** The same action deletes the whole record, unconditionally, after the write. */
function deletedAfter(collection: string, write: FieldWrite, effects: Effect[]): boolean {
  return effects.some((e, position) => position > write.position && e.kind === 'delete' && e.when.length === 0 && e.target.kind === 'index' && targetName(e.target) === collection && key(withoutPrior(e.target.index)) === write.at);
}

function isZero(e: Expr): boolean {
  const bare = unwrap(e);
  return bare.kind === 'zero-address' || (bare.kind === 'bool' && !bare.value) || constantOf(bare) === '0';
}

/** A value the action proves non-zero: a non-zero constant, `true`, or one it requires to differ from zero. */
function nonZero(value: Expr, requires: Expr[]): boolean {
  const bare = unwrap(value);
  if (bare.kind === 'bool') return bare.value;
  const constant = constantOf(bare);
  if (constant !== null) return constant !== '0';
  const it = key(withoutPrior(bare));
  const is = (e: Expr) => key(withoutPrior(unwrap(e))) === it;
  return requires.some((c) => c.kind === 'compare' && (((c.op === '!=' || c.op === '>') && is(c.left) && isZero(c.right)) || ((c.op === '!=' || c.op === '<') && is(c.right) && isZero(c.left))));
}

function conjuncts(e: Expr): Expr[] {
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
  if (bare.kind === 'variable' && bare.scope === 'state') return { counter: bare, offset: 0 };
  if (bare.kind === 'arith' && bare.op === '+') {
    const left = withoutPrior(unwrap(bare.left));
    const amount = constantOf(bare.right);
    if (left.kind === 'variable' && left.scope === 'state' && amount !== null) return { counter: left, offset: Number(amount) };
  }
  return { counter: null, offset: 0 };
}

/** How much the action raises the counter (a variable, or one entry of a mapping) whatever path it takes. */
function raisedBy(counter: Expr, write: Write): number {
  return write.effects.filter((e) => e.when.length === 0 && sameStorage(e.target, counter)).reduce((sum, e) => sum + raiseOf(e, write.requires), 0);
}

/** No action but the constructor writes the counter (any entry of it, for a mapping) other than by raising it by a constant. */
function onlyRaised(counter: Expr, all: EffectsByAction): boolean {
  const name = targetName(counter);
  return all.every(({ id, effects, conditions }) => {
    if (id === 'constructor') return true;
    const requires = conditions.filter((c) => c.when.length === 0 && c.each === null).flatMap((c) => conjuncts(c.expr));
    return effects.every((e) => targetName(e.target) !== name || e.target.kind !== counter.kind || raiseOf(e, requires) >= 1);
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
