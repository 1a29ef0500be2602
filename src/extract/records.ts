/**
 * New records: a write to `jobs[jobCounter + 1]` in an action that raises `jobCounter` by one (the
 * counter pattern: `jobCounter++; jobs[jobCounter] = …`, or `jobs[nextId++]`) fills a record no action
 * has written before, as long as no action ever lowers or resets the counter. Such a write creates a
 * record; it does not change an existing one (a party it names is set once, a state it writes is where
 * the record starts).
 */
import { constantOf, targetName } from '../ir/exprs.ts';
import type { Effect, Expr } from '../terms/index.ts';
import { unwrap } from '../terms/index.ts';

/** Every action's effects, by action id: to see whether any action lowers or resets a counter. */
export type EffectsByAction = { id: string; effects: Effect[] }[];

/**
 * True when the target is (a field of) a record of a collection at a fresh index: the action's own
 * counter raise puts the index beyond every value the counter had before the call.
 */
export function writesNewRecord(target: Expr, action: string, all: EffectsByAction): boolean {
  const record = recordOf(target);
  if (record === null) return false;
  const effects = all.find((entry) => entry.id === action)?.effects ?? [];
  const { counter, offset } = counterOf(record.index);
  if (counter === null) return false;
  const raised = effects.filter((e) => e.when.length === 0 && targetName(e.target) === counter).reduce((sum, e) => sum + raiseOf(e, counter), 0);
  if (!(raised >= 1)) return false;
  // `c` itself is fresh when the record is written before the raise (`jobs[c++]`); `c + 1 … c + raised` after it.
  if (offset < 0 || offset > raised) return false;
  return onlyRaised(counter, all);
}

function recordOf(target: Expr): { index: Expr } | null {
  let node: Expr = target;
  // The innermost collection entry the write is in: jobs[i].milestones[j].amount → jobs[i].
  let found: { index: Expr } | null = null;
  while (node.kind === 'member' || node.kind === 'index') {
    if (node.kind === 'index' && node.base.kind === 'variable' && node.base.scope === 'state') found = { index: node.index };
    node = node.kind === 'member' ? node.object : node.base;
  }
  return found;
}

/** `c` or `c + n` with c a state variable and n a constant. */
function counterOf(index: Expr): { counter: string | null; offset: number } {
  let bare = unwrap(index);
  // `orders[nextId++]` reads the counter as it stood before the call.
  if (bare.kind === 'prior') bare = unwrap(bare.of);
  if (bare.kind === 'variable' && bare.scope === 'state') return { counter: bare.name, offset: 0 };
  if (bare.kind === 'arith' && bare.op === '+') {
    const left = unwrap(bare.left);
    const amount = constantOf(bare.right);
    if (left.kind === 'variable' && left.scope === 'state' && amount !== null) return { counter: left.name, offset: Number(amount) };
  }
  return { counter: null, offset: 0 };
}

/** No action but the constructor writes the counter other than by raising it by a constant. */
function onlyRaised(counter: string, all: EffectsByAction): boolean {
  return all.every(({ id, effects }) => id === 'constructor' || effects.every((e) => targetName(e.target) !== counter || e.target.kind !== 'variable' || raiseOf(e, counter) >= 1));
}

/** How much a write raises the counter: `c += 1`, or `c = c + 1` (`nextId = id + 1` after `id = nextId`); NaN otherwise. */
function raiseOf(effect: Effect, counter: string): number {
  if (!effect.value) return NaN;
  if (effect.kind === 'increase') return Number(constantOf(effect.value) ?? NaN);
  if (effect.kind !== 'set') return NaN;
  const value = unwrap(effect.value);
  if (value.kind !== 'arith' || value.op !== '+') return NaN;
  const { counter: base, offset } = counterOf(value.left);
  const step = constantOf(value.right);
  return base === counter && offset === 0 && step !== null ? Number(step) : NaN;
}
