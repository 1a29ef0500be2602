/** What a branch's own condition settles on its side: a parameter or local compared with constants. */
import type { Expr } from '../terms/index.ts';
import { childrenOf, hasCode } from '../terms/index.ts';
import { constantOf, key, negate, rewrite, simplify, withChildren } from './exprs.ts';
import type { State } from './state.ts';

/**
 * On the side of a branch where `x == C` holds (or `x == A || x == B`, or `x != C`), for a parameter or local
 * x and constants: comparisons of x with constants in the values the path holds are settled, and x is C where
 * only C is left. So a stored value set on other branches of a helper called with x (`if (to == A) s = A;
 * if (to == B) …`) folds to what it is on this side. Places (the keys of `mem`) are left as they are.
 */
export function assume(state: State, condition: Expr): () => void {
  const none = () => {};
  const known = constraintOf(condition);
  if (!known) return none;
  const put = (e: Expr) => {
    const out = rewrite(e, (x) => settle(x, known));
    return out === e ? e : simplify(out);
  };
  const envBefore = new Map<number, [Expr, Expr]>();
  const memBefore = new Map<string, [Expr, Expr]>();
  for (const [id, v] of state.env) {
    const next = put(v);
    if (next !== v) envBefore.set(id, [v, next]);
    state.env.set(id, next);
  }
  for (const [k, entry] of state.mem) {
    const next = put(entry.value);
    if (next !== entry.value) memBefore.set(k, [entry.value, next]);
    state.mem.set(k, { place: entry.place, value: next });
  }
  // Values the branch left as they were go back to their general form, so the join makes no needless choice.
  return () => {
    for (const [id, [before, assumed]] of envBefore) if (state.env.get(id) === assumed) state.env.set(id, before);
    for (const [k, [before, assumed]] of memBefore) {
      const entry = state.mem.get(k);
      if (entry && entry.value === assumed) state.mem.set(k, { place: entry.place, value: before });
    }
  };
}

/** What a condition says of one name: the constants it may be (`allowed`), or those it is not (`excluded`). */
interface Constraint {
  name: string;
  allowed: Map<string, Expr> | null;
  excluded: Set<string>;
}

const isConstant = (e: Expr) => e.kind === 'enum-member' || e.kind === 'bool' || constantOf(e) !== null;
const isName = (e: Expr) => e.kind === 'variable' && (e.scope === 'parameter' || e.scope === 'local');
/** A stored value read in the call (`status`, `deals[id].state`, as it stood before the call). */
const isStored = (e: Expr): boolean => {
  const bare = e.kind === 'prior' ? e.of : e;
  if (bare.kind === 'variable') return bare.scope === 'state';
  return (bare.kind === 'member' || bare.kind === 'index') && !hasCode(bare) && !isConstant(bare);
};

/** `x == C` or `x != C` as (name, constant, equal), or null. */
function nameTest(e: Expr, isSubject: (e: Expr) => boolean = isName): { name: string; value: Expr; equal: boolean } | null {
  if (e.kind !== 'compare' || (e.op !== '==' && e.op !== '!=')) return null;
  const [name, value] = isSubject(e.left) && isConstant(e.right) ? [e.left, e.right] : isSubject(e.right) && isConstant(e.left) ? [e.right, e.left] : [null, null];
  return name && value ? { name: key(name), value, equal: e.op === '==' } : null;
}

function constraintOf(condition: Expr, isSubject: (e: Expr) => boolean = isName): Constraint | null {
  const parts = condition.kind === 'or' || condition.kind === 'and' ? condition.operands : [condition];
  const tests = parts.map((part) => nameTest(part, isSubject));
  if (tests.some((t) => t === null) || new Set(tests.map((t) => t!.name)).size !== 1) return null;
  const name = tests[0]!.name;
  // `x == A || x == B`: x is A or B. `x != A && x != B` (or a lone `x != A`): x is neither.
  if (tests.every((t) => t!.equal) && (condition.kind === 'or' || parts.length === 1)) return { name, allowed: new Map(tests.map((t) => [key(t!.value), t!.value])), excluded: new Set() };
  if (tests.every((t) => !t!.equal) && (condition.kind === 'and' || parts.length === 1)) return { name, allowed: null, excluded: new Set(tests.map((t) => key(t!.value))) };
  return null;
}

function settle(e: Expr, known: Constraint, isSubject: (e: Expr) => boolean = isName): Expr | null {
  if (known.allowed?.size === 1 && key(e) === known.name) return [...known.allowed.values()][0];
  const test = nameTest(e, isSubject);
  if (!test || test.name !== known.name) return null;
  const k = key(test.value);
  const possible = known.allowed ? known.allowed.has(k) : !known.excluded.has(k);
  const only = known.allowed?.size === 1 && known.allowed.has(k);
  if (possible && !only) return null;
  // Equal only when it is the one value left; unequal when it cannot be that value.
  return { kind: 'bool', value: only === test.equal };
}

/**
 * A value as it is whenever the action succeeds: its comparisons of a stored value with constants settled by
 * the action's unconditional checks on that same read (`require(status == Accepted || status == Declined)`
 * leaves no case for Sent in an amount computed from `status` before the check).
 */
export function settleByChecks(value: Expr, checks: Expr[]): Expr {
  let out = value;
  for (const check of checks) {
    const known = constraintOf(check, isStored);
    if (!known) continue;
    const next = narrow(out, known);
    if (next !== out) out = simplify(next);
  }
  return out;
}

/** Settles comparisons with the constraint, narrowing it inside a choice on the same value (`s == A ? x : y`: in y, s is not A). */
function narrow(e: Expr, known: Constraint): Expr {
  if (e.kind === 'conditional') {
    const test = nameTest(e.condition, isStored);
    if (test && test.name === known.name && test.equal) {
      const k = key(test.value);
      const yes: Constraint = { name: known.name, allowed: new Map([[k, test.value]]), excluded: new Set() };
      const no: Constraint = known.allowed
        ? { name: known.name, allowed: new Map([...known.allowed].filter(([other]) => other !== k)), excluded: new Set() }
        : { name: known.name, allowed: null, excluded: new Set([...known.excluded, k]) };
      const condition = settle(e.condition, known, isStored) ?? e.condition;
      if (condition.kind === 'bool') return narrow(condition.value ? e.then : e.otherwise, condition.value ? yes : no);
      const [then, otherwise] = [narrow(e.then, yes), narrow(e.otherwise, no)];
      return then === e.then && otherwise === e.otherwise ? e : { ...e, then, otherwise };
    }
  }
  const settled = settle(e, known, isStored);
  if (settled) return settled;
  const children = childrenOf(e);
  if (children.length === 0) return e;
  const next = children.map((c) => narrow(c, known));
  return next.some((c, i) => c !== children[i]) ? withChildren(e, next) : e;
}

/**
 * Whether a condition is already settled on this path by a check the path has passed (`require(c)`, then
 * `if (c)` in a helper): true or false when a check before it demands it or its negation; else null.
 */
export function knownFrom(settled: Expr[], condition: Expr): boolean | null {
  const wanted = key(condition);
  const negated = key(negate(condition));
  for (const part of settled) {
    const k = key(part);
    if (k === wanted) return true;
    if (k === negated) return false;
  }
  return null;
}
