/**
 * Release schedules for the key facts: a view the terms name whose formula is a linear schedule over time
 * (OpenZeppelin's `_vestingSchedule`): zero before one or more stored moments (the start, a cliff), then a
 * total times the time elapsed since the start divided by a duration, and the whole total from the start
 * plus the duration on. Read from the formula's shape, never from names.
 *
 * Limits: only that shape (a time parameter compared with stored moments, a product divided by the
 * duration); stepwise or curved schedules, and schedules written inside an action rather than a view, are
 * not recognised and give no key fact (the formula is still stated where the view is described).
 */
import type { ContractTerms, Definition, Expr } from '../../terms/index.ts';
import { walkExpr } from '../../terms/index.ts';
import { unwrap } from '../expr-helpers.ts';
import { actionNames } from './spec.ts';

export interface Schedule {
  definition: Definition;
  /** Moments before which nothing is released, other than the start (a cliff). */
  gates: Expr[];
  start: Expr;
  duration: Expr;
  /** Names of the actions that pay by the schedule. */
  actions: string[];
  /** True when every moment and the duration are written only at deployment. */
  fixed: boolean;
}

export function describeSchedules(terms: ContractTerms): Schedule[] {
  return terms.definitions.flatMap((definition) => {
    const found = definition.formula ? readSchedule(definition.formula) : null;
    if (!found) return [];
    const payers = terms.actions.filter((a) => a.payments.some((p) => p.direction === 'out' && [...walkExpr(p.amount)].some((n) => n.kind === 'call' && n.name === definition.name)));
    if (payers.length === 0) return [];
    const stored = [found.start, found.duration, ...found.gates].map(unwrap).filter((e) => e.kind === 'variable').map((e) => (e as { name: string }).name);
    const written = terms.actions.filter((a) => a.effects.some((e) => e.target.kind === 'variable' && stored.includes(e.target.name)));
    const fixed = written.length > 0 && written.every((a) => a.kind === 'constructor');
    return [{ definition, ...found, gates: found.gates.filter((g) => key(g) !== key(found.start)), actions: actionNames(terms, payers.map((a) => a.id)), fixed }];
  });
}

const key = (expr: Expr) => JSON.stringify(unwrap(expr));

/** `t < M ? 0 : …` repeated, then `t >= S + D ? X : X * (t - S) / D`, for one time parameter t. */
function readSchedule(formula: Expr): { gates: Expr[]; start: Expr; duration: Expr } | null {
  const gates: Expr[] = [];
  let rest = unwrap(formula);
  let time: string | null = null;
  const isTime = (expr: Expr) => {
    const inner = unwrap(expr);
    if (inner.kind !== 'variable' || inner.scope !== 'parameter') return false;
    time ??= key(inner);
    return key(inner) === time;
  };
  while (rest.kind === 'conditional' && rest.condition.kind === 'compare' && rest.condition.op === '<' && isTime(rest.condition.left) && isZero(rest.then)) {
    gates.push(rest.condition.right);
    rest = unwrap(rest.otherwise);
  }
  if (gates.length === 0 || rest.kind !== 'conditional' || rest.condition.kind !== 'compare' || (rest.condition.op !== '>=' && rest.condition.op !== '>')) return null;
  const { left, right } = rest.condition;
  if (!isTime(left) || right.kind !== 'arith' || right.op !== '+') return null;
  const [start, duration] = [right.left, right.right];
  const total = key(rest.then);
  // `X * (t - S) / D` (or `(t - S) * X / D`).
  const grow = unwrap(rest.otherwise);
  if (grow.kind !== 'arith' || grow.op !== '/' || key(grow.right) !== key(duration)) return null;
  const product = unwrap(grow.left);
  if (product.kind !== 'arith' || product.op !== '*') return null;
  const elapsed = (e: Expr) => {
    const inner = unwrap(e);
    return inner.kind === 'arith' && inner.op === '-' && isTime(inner.left) && key(inner.right) === key(start);
  };
  const ok = (key(product.left) === total && elapsed(product.right)) || (key(product.right) === total && elapsed(product.left));
  if (!ok || !gates.some((g) => key(g) === key(start))) return null;
  return { gates, start, duration };
}

function isZero(expr: Expr): boolean {
  const inner = unwrap(expr);
  return inner.kind === 'number' && inner.value === '0';
}
