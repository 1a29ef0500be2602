/**
 * Actions that can succeed only once, read from their code rather than from names: an unconditional check
 * that a stored number is below a constant (`_initialized < 1`, `_initialized == 0`) or a stored flag is unset
 * (`!ready`), and an unconditional write, in the same action, of a constant that fails that check. No action
 * sets the value back to one that passes. Any other part of the check must be a flag the action restores before
 * it ends: OpenZeppelin's `_initializing`, set at the start of a top-level call and cleared at its end, does
 * not stop a later call. Its other checks (who may call aside) must hold whatever has happened since deployment (no time, no
 * balance, no value another action writes): a step of the deal that runs once (`end` once the auction has
 * closed) is not setting the contract up, and its first caller is not racing the deployer. OpenZeppelin's
 * `initializer` (v4 and v5) reads this way; `reinitializer(n)` reads as once as well (each version runs once).
 * Only an action that stores values its caller chooses is marked: one that sets the contract up.
 *
 * Limits: a check split over several conditions, or a value written only on some paths or in a loop, is not
 * read as once; a write made through a storage reference the model does not see could set the value back.
 */
import type { Action, Effect, Expr } from '../terms/index.ts';
import { unwrap, walkExpr } from '../terms/index.ts';

type StateVariable = Extract<Expr, { kind: 'variable' }>;
type Spent = { place: StateVariable; passes: (value: Expr) => boolean | null };

/** Marks each action that sets the contract up and can succeed only once (`access.once`). */
export function markOnceOnly(actions: Action[]): void {
  for (const action of actions) {
    if (action.kind === 'constructor') continue;
    for (const condition of action.conditions) {
      if (condition.when.length > 0 || condition.each !== null || condition.isAccess) continue;
      const parts = condition.expr.kind === 'and' ? condition.expr.operands : [condition.expr];
      const spent = parts.map(unsetCheck).find((check): check is Spent => check !== null && setsPast(action, check) !== null && neverSetBack(actions, action, check));
      if (!spent) continue;
      const others = parts.filter((part) => unsetCheck(part)?.place.name !== spent.place.name);
      if (!others.every((part) => restoredFlag(part, actions))) continue;
      if (!action.conditions.every((c) => c === condition || c.isAccess || setUpCheck(c.expr, action, actions)) || !setsChosenValues(action, spent.place)) continue;
      action.access.once = { place: spent.place, source: condition.source };
      dropStartChecks(action, others);
      break;
    }
  }
}

/**
 * A check that holds or fails the same whatever else has happened since deployment: it reads no time or block,
 * no balance, and no stored value that another action (not the constructor) writes. A step of the deal that
 * runs once (`end` after the auction closes, `release` once funded) checks more than that, and is not an
 * action to set the contract up.
 */
function setUpCheck(expr: Expr, action: Action, actions: Action[]): boolean {
  return [...walkExpr(expr)].every((node) => {
    if (node.kind === 'now' || node.kind === 'block-number' || node.kind === 'balance' || node.kind === 'token-balance') return false;
    if (node.kind !== 'variable' || node.scope !== 'state') return true;
    return actions.every((a) => a === action || a.kind === 'constructor' || !a.effects.some((e) => rootName(e.target) === node.name));
  });
}

function rootName(expr: Expr): string | null {
  const node = unwrap(expr);
  if (node.kind === 'variable') return node.name;
  if (node.kind === 'index') return rootName(node.base);
  if (node.kind === 'member') return rootName(node.object);
  return null;
}

/**
 * The action stores what its caller chooses (a parameter, or the caller's address) somewhere other than the
 * checked value: it sets the contract up. A step that only records that it happened (`settled = true`, then
 * pays) is not one.
 */
function setsChosenValues(action: Action, place: StateVariable): boolean {
  const chosen = (expr: Expr) => [...walkExpr(expr)].some((e) => e.kind === 'caller' || (e.kind === 'variable' && e.scope === 'parameter'));
  return action.effects.some((e) => rootName(e.target) !== place.name && (chosen(e.target) || (e.value !== null && chosen(e.value))));
}

/** A state variable, as read. */
function stateVariable(expr: Expr): StateVariable | null {
  const node = unwrap(expr);
  return node.kind === 'variable' && node.scope === 'state' ? node : null;
}

/** `!flag`, `flag == false`, `count < k`, `count <= k`, `count == k`: a check that the value has not been set past. */
function unsetCheck(expr: Expr): Spent | null {
  if (expr.kind === 'not') {
    const place = stateVariable(expr.operand);
    return place && place.type === 'bool' ? { place, passes: (v) => (v.kind === 'bool' ? !v.value : null) } : null;
  }
  if (expr.kind !== 'compare') return null;
  const [left, right] = [unwrap(expr.left), unwrap(expr.right)];
  const flipped = stateVariable(right) !== null && stateVariable(left) === null;
  const place = stateVariable(flipped ? right : left);
  const bound = flipped ? left : right;
  const op = flipped ? ({ '<': '>', '<=': '>=', '>': '<', '>=': '<=', '==': '==', '!=': '!=' } as const)[expr.op] : expr.op;
  if (!place) return null;
  if (bound.kind === 'bool' && place.type === 'bool' && (op === '==' || op === '!=')) {
    const required = op === '==' ? bound.value : !bound.value;
    return required ? null : { place, passes: (v) => (v.kind === 'bool' ? v.value === required : null) };
  }
  if (bound.kind !== 'number' || !/^uint\d*$/.test(place.type)) return null;
  const k = BigInt(bound.value);
  const test: Record<string, ((n: bigint) => boolean) | undefined> = { '<': (n) => n < k, '<=': (n) => n <= k, '==': (n) => n === k };
  const holds = test[op];
  return holds ? { place, passes: (v) => (v.kind === 'number' ? holds(BigInt(v.value)) : null) } : null;
}

function writes(effect: Effect, place: StateVariable): boolean {
  return stateVariable(effect.target)?.name === place.name;
}

/** The value the action itself sets, on every path: a constant the check refuses. Null when it sets none. */
function setsPast(action: Action, check: Spent): Expr | null {
  const write = action.effects.find((e) => writes(e, check.place) && e.kind === 'set' && e.when.length === 0 && e.each === null && e.value !== null && check.passes(unwrap(e.value)) === false);
  return write?.value ? unwrap(write.value) : null;
}

/**
 * No action but a constructor can set the value back to one the check accepts: every other write is a constant
 * the check refuses or an increase of a number, or is made by an action that can no longer run once this one
 * has (its own check refuses the value this one sets: OpenZeppelin's `initializer` sets 1, which a
 * `reinitializer(2)` accepts, but the initializer cannot run after the reinitializer has set 2).
 */
function neverSetBack(actions: Action[], action: Action, check: Spent): boolean {
  const ours = setsPast(action, check)!;
  return actions.every((a) => a.kind === 'constructor' || a.effects.every((e) => {
    if (!writes(e, check.place)) return true;
    if (e.kind === 'increase') return check.place.type !== 'bool';
    if (e.kind === 'set' && e.value !== null && check.passes(unwrap(e.value)) === false) return true;
    return a !== action && stoppedBy(a, check.place, ours);
  }));
}

/** The action checks, on every call, that the value is one `value` is not (so it cannot run once the value is set). */
function stoppedBy(action: Action, place: StateVariable, value: Expr): boolean {
  return action.conditions.some((c) => c.when.length === 0 && c.each === null && (c.expr.kind === 'and' ? c.expr.operands : [c.expr]).some((part) => {
    const own = unsetCheck(part);
    return own !== null && own.place.name === place.name && own.passes(value) === false;
  }));
}

/** `!flag` where every action that sets the flag to true also sets it back to false, later in the same call. */
function restoredFlag(expr: Expr, actions: Action[]): boolean {
  if (expr.kind !== 'not') return false;
  const flag = stateVariable(expr.operand);
  if (!flag || flag.type !== 'bool') return false;
  return actions.every((a) => {
    const sets = a.effects.filter((e) => writes(e, flag));
    return sets.every((e, i) => e.kind === 'set' && e.value !== null && unwrap(e.value).kind === 'bool' && (!(unwrap(e.value) as { value: boolean }).value
      || sets.slice(i + 1).some((later) => later.kind === 'set' && later.value !== null && unwrap(later.value).kind === 'bool' && !(unwrap(later.value) as { value: boolean }).value)));
  });
}

/**
 * The check made sure each restored flag was unset when the call began, so "if the flag as it stood before
 * the call is not set" (`!prior(flag)`, OpenZeppelin's `isTopLevelCall`) always holds: drop it from the
 * conditions under which the action's effects, events and payments happen.
 */
function dropStartChecks(action: Action, flags: Expr[]): void {
  const always = new Set(flags.map((f) => (f.kind === 'not' ? JSON.stringify({ kind: 'not', operand: { kind: 'prior', of: unwrap(f.operand) } }) : '')));
  const keep = (when: Expr[]) => when.filter((w) => !always.has(JSON.stringify(w)));
  for (const item of [...action.effects, ...action.emits, ...action.payments]) item.when = keep(item.when);
}
