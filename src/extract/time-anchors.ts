/**
 * Which stored values the code treats as moments (anchors) rather than periods, from how it uses them:
 * a value set from the block time (`startedAt = block.timestamp`), or one the time elapsed is measured from
 * (`block.timestamp - s.startTime`). A sum of two stored values compared with the block time
 * (`s.cliffDuration + s.startTime`) is then a period after a moment, whichever operand is written first.
 * Does not handle: a moment known only from its name, or one only ever given in the call and compared
 * through a sum with another stored value; those keep the written order.
 */
import { unwrap, walkExpr } from '../terms/index.ts';
import type { ContractTerms, Expr } from '../terms/index.ts';

const cache = new WeakMap<ContractTerms, Set<string>>();

/** The paths (`startDate`, `schedules.startTime`) of stored values used as moments. */
export function timeAnchors(terms: ContractTerms): Set<string> {
  const known = cache.get(terms);
  if (known) return known;
  const anchors = new Set<string>();
  const scan = (expr: Expr | null) => {
    if (!expr) return;
    for (const node of walkExpr(expr)) {
      // The time elapsed since a moment: `now - startedAt`.
      if (node.kind === 'arith' && node.op === '-' && unwrap(node.left).kind === 'now') add(anchors, node.right);
    }
  };
  for (const action of terms.actions) {
    for (const condition of action.conditions) scan(condition.expr);
    for (const payment of action.payments) scan(payment.amount);
    for (const effect of action.effects) {
      scan(effect.value);
      // Set from the block time: `startedAt = block.timestamp`, or `start = given == 0 ? now : given`.
      if (effect.kind === 'set' && effect.value && fromNow(effect.value)) add(anchors, effect.target);
    }
  }
  for (const definition of terms.definitions) scan(definition.formula);
  // Definitions are read later in the pipeline: keep the answer only once they are there.
  if (terms.definitions.length > 0) cache.set(terms, anchors);
  return anchors;
}

function fromNow(expr: Expr): boolean {
  const inner = unwrap(expr);
  if (inner.kind === 'now') return true;
  if (inner.kind === 'conditional') return fromNow(inner.then) || fromNow(inner.otherwise);
  return false;
}

function add(anchors: Set<string>, expr: Expr): void {
  const path = storedPath(expr);
  if (path !== null) anchors.add(path);
}

/** `startDate` for a state variable, `schedules.startTime` for a field of each record; null otherwise. */
export function storedPath(expr: Expr): string | null {
  const inner = unwrap(expr);
  if (inner.kind === 'prior') return storedPath(inner.of);
  if (inner.kind === 'variable') return inner.scope === 'state' || inner.scope === 'immutable' ? inner.name : null;
  if (inner.kind !== 'member') return null;
  const root = rootOf(inner.object);
  return root === null ? null : `${root}.${inner.member}`;
}

/** The stored variable a record lives in (`schedules` for `schedules[who][i]`); null for a value given in the call. */
function rootOf(expr: Expr): string | null {
  if (expr.kind === 'variable') return expr.scope === 'state' || expr.scope === 'immutable' ? expr.name : null;
  if (expr.kind === 'index') return rootOf(expr.base);
  if (expr.kind === 'member') return rootOf(expr.object);
  if (expr.kind === 'prior' || expr.kind === 'each') return rootOf(expr.of);
  return null;
}
