/**
 * The lowering's state on one path: the path condition, the SSA value of every local, what this path has
 * stored (for reading a place back), and whether the path is still running. Branches fork the state; joins
 * merge two states into one, turning values that differ into phis (`c ? a : b`).
 */
import type { Expr } from '../terms/index.ts';
import { and, choose, complementary, key, negate, or, same } from './exprs.ts';
import { unifyPrior } from './prior.ts';

export interface State {
  guard: Expr[];
  env: Map<number, Expr>;
  /** Places written on this path (by key), with the value they now hold. */
  mem: Map<string, { place: Expr; value: Expr }>;
  alive: boolean;
  /** How the path ended: every way out reverted, some left the function (return, continue), or the call stopped there (`selfdestruct`). */
  exit: 'revert' | 'exit' | 'stop' | null;
}

export function freshState(): State {
  return { guard: [], env: new Map(), mem: new Map(), alive: true, exit: null };
}

export function fork(state: State, condition: Expr | null): State {
  return { guard: condition ? [...state.guard, condition] : [...state.guard], env: new Map(state.env), mem: new Map(state.mem), alive: state.alive, exit: state.exit };
}

export function replace(target: State, source: State): void {
  target.guard = source.guard;
  target.env = source.env;
  target.mem = source.mem;
  target.alive = source.alive;
  target.exit = source.exit;
}

function commonPrefix(a: Expr[], b: Expr[]): number {
  let i = 0;
  while (i < a.length && i < b.length && same(a[i], b[i])) i++;
  return i;
}

/** The path condition of either of two paths, as a list of conjuncts (simplified where a branch rejoins). */
function joinGuards(a: Expr[], b: Expr[]): Expr[] {
  const n = commonPrefix(a, b);
  const common = a.slice(0, n);
  const ra = a.slice(n);
  const rb = b.slice(n);
  if (ra.length === 0 || rb.length === 0) return common;
  if (complementary(ra[0], rb[0])) {
    if (ra.length === 1 && rb.length === 1) return common;
    // c, or (not c and y) is c or y.
    if (ra.length === 1) return [...common, or([ra[0], and(rb.slice(1))])];
    if (rb.length === 1) return [...common, or([rb[0], and(ra.slice(1))])];
  }
  return [...common, or([and(ra), and(rb)])];
}

/** The condition under which path `a` rather than `b` was taken (the part of a's guard not shared). */
function discriminator(a: Expr[], b: Expr[]): Expr {
  const n = commonPrefix(a, b);
  const ra = a.slice(n);
  if (ra.length > 0) return and(ra);
  const rb = b.slice(n);
  return rb.length > 0 ? negate(and(rb)) : { kind: 'bool', value: true };
}

/**
 * Two live paths joined: the guard is either path's, a value that differs becomes a phi. Locals that one
 * path declared and the other did not are out of scope after the join and dropped. `align` first brings the
 * two paths' values to one shape (a memory copy written out on one path, see `LowererBase.alignCopies`).
 */
export function merge(a: State, b: State, align?: (a: State, b: State) => void): State {
  if (!a.alive) return b.alive ? b : { ...b, exit: deadExit(a.exit, b.exit) };
  if (!b.alive) return a;
  align?.(a, b);
  const condition = discriminator(a.guard, b.guard);
  const env = new Map<number, Expr>();
  for (const [id, value] of a.env) {
    const other = b.env.get(id);
    if (other !== undefined) env.set(id, unifyPrior(value, other) ?? choose(condition, value, other));
  }
  const mem = new Map<string, { place: Expr; value: Expr }>();
  for (const k of new Set([...a.mem.keys(), ...b.mem.keys()])) {
    const x = a.mem.get(k);
    const y = b.mem.get(k);
    const place = (x ?? y)!.place;
    mem.set(k, { place, value: choose(condition, x?.value ?? place, y?.value ?? place) });
  }
  return { guard: joinGuards(a.guard, b.guard), env, mem, alive: true, exit: null };
}

/** Two ended paths: a way out that is not a revert is kept (leaving the function, then stopping), so neither reads as a condition. */
function deadExit(a: State['exit'], b: State['exit']): State['exit'] {
  if (a === 'exit' || b === 'exit') return 'exit';
  return a === 'stop' || b === 'stop' ? 'stop' : 'revert';
}

/** Several live paths joined (the returns of a function, the ends of a loop body). */
export function mergeAll(states: State[], align?: (a: State, b: State) => void): State | null {
  const live = states.filter((s) => s.alive);
  if (live.length === 0) return null;
  return live.reduceRight((joined, state) => merge(state, joined, align));
}

/** Values of several paths (each with its guard) joined into one value. */
export function joinValues(paths: { guard: Expr[]; value: Expr }[]): Expr | null {
  if (paths.length === 0) return null;
  let result = paths[paths.length - 1].value;
  let guard = paths[paths.length - 1].guard;
  for (let i = paths.length - 2; i >= 0; i--) {
    result = choose(discriminator(paths[i].guard, guard), paths[i].value, result);
    guard = joinGuards(paths[i].guard, guard);
  }
  return result;
}

export function guardKey(guard: Expr[]): string[] {
  return guard.map(key);
}
