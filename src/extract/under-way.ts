/**
 * Whether a change of a stored term reaches deals already under way. It does when an action that works on a
 * deal that already exists — a record its checks or payments read (`requests[ref]` in `freezeRequest`), or
 * the single running deal of a contract without records (`lot` in `bid`) — reads the term after the change:
 * the claim period read when a payee starts a claim on a funded request, the time buffer read by a bid on the
 * running auction. It does not when the term is only copied into a record when the record is created
 * (`orders[id] = Order({fee: feeBps, …})`) and later read from the record.
 *
 * Not every write by a restricted action is a change of a term: a new record written whole (`lot = Lot(…)`)
 * starts a deal, and a running total kept beside the records (`total = total + _amount` with a schedule of
 * `_amount`) is the books of that record. Of neither is it said whether it reaches deals under way.
 */
import { targetName } from '../ir/exprs.ts';
import type { Action, ContractTerms, Effect, Expr } from '../terms/index.ts';
import { unwrap, walkExpr } from '../terms/index.ts';
import { flagRequired } from './flag-zero.ts';

/** True or false as above; null when the question does not arise (no single term named, a record, the books of records). */
export function affectsDealsUnderWay(terms: ContractTerms, action: Action, effect: Effect | null): boolean | null {
  const target = effect?.target ?? null;
  const name = target ? targetName(target) : null;
  if (!effect || !name) return null;
  if (createsRecord(effect) || keepsBooksOfRecord(action, effect)) return null;
  const readers = terms.actions.filter((a) => a.id !== action.id && a.kind !== 'constructor' && readsUnderWay(a, name));
  if (readers.length === 0) return false;
  // The change is allowed only while the deal is not under way (`require(!active)`), and every action that
  // reads the term only while it is (`require(active)`): no deal under way ever sees the change.
  return !readers.every((reader) => excludes(action, reader));
}

/** A whole record written at once (`lot = Lot(…)`, `orders[id] = Order(…)`, `schedules.push(Schedule(…))`): a record made. */
export function createsRecord(effect: Effect): boolean {
  return effect.value !== null && unwrap(effect.value).kind === 'struct';
}

/**
 * Whether the action reads the stored value while working on a deal already under way: in a check, a payment,
 * a call's target, or a change it makes to an existing record or to the contract's own state. An action that
 * only fills in new records (a whole record, or fields of one nothing in the action reads) reads it for the
 * new record only.
 */
export function readsUnderWay(action: Action, name: string): boolean {
  const mentions = (expr: Expr | null) => expr !== null && [...walkExpr(expr)].some((e) => e.kind === 'variable' && e.name === name);
  const filled = (effect: Effect) => {
    const record = recordOf(effect.target);
    return record !== null && !readsRecord(action, record);
  };
  const fresh = action.effects.filter((e) => createsRecord(e) || filled(e));
  const existing = action.effects.filter((e) => !fresh.includes(e) && (recordOf(e.target) !== null || movesRunningDeal(e)));
  if (fresh.length > 0 && existing.length === 0) return false;
  return (
    action.conditions.some((c) => mentions(c.expr)) ||
    action.payments.some((p) => mentions(p.amount) || mentions(p.to)) ||
    action.externalCalls.some((c) => mentions(c.target)) ||
    action.effects.some((e) => !fresh.includes(e) && (mentions(e.value) || e.when.some(mentions)))
  );
}

/**
 * A write that moves the single running deal on: a stored value (not a record) set to something the call
 * brings (`highestBid = msg.value`), not a counter or total kept beside records (`nextId = nextId + 1`) nor a
 * fixed marker (`_status = _ENTERED`).
 */
function movesRunningDeal(effect: Effect): boolean {
  const target = unwrap(effect.target);
  if (effect.kind !== 'set' || effect.value === null || target.kind !== 'variable' || target.scope !== 'state') return false;
  const value = unwrap(effect.value);
  const self = (e: Expr) => e.kind === 'variable' && e.name === target.name;
  if (value.kind === 'arith' && (value.op === '+' || value.op === '-') && [...walkExpr(value.left)].some(self)) return false;
  const fixed = (e: Expr) => ['number', 'bool', 'string', 'zero-address'].includes(e.kind) || (e.kind === 'variable' && (e.scope === 'constant' || e.scope === 'immutable'));
  return ![...walkExpr(value)].every((e) => fixed(e) || e.kind === 'convert');
}

/** The record whose field a write changes (`requests[ref]` in `requests[ref].unlockDate = …`); null otherwise. */
function recordOf(target: Expr): Expr | null {
  const bare = unwrap(target);
  return bare.kind === 'member' ? plain(bare.object) : null;
}

/** The expression with every "as it stood before the call" taken off, so reads before and after a write compare equal. */
function plain(expr: Expr): Expr {
  if (expr.kind === 'prior') return plain(expr.of);
  if (expr.kind === 'member') return { ...expr, object: plain(expr.object) };
  if (expr.kind === 'index') return { ...expr, base: plain(expr.base), index: plain(expr.index) };
  return expr;
}

/**
 * Whether the action reads the record anywhere but in the write itself and in checks that it is still empty
 * (`require(orders[id].amount == 0)`): it then works on a record that exists.
 */
function readsRecord(action: Action, record: Expr): boolean {
  const key = JSON.stringify(record);
  const reads = (expr: Expr | null) => expr !== null && [...walkExpr(expr)].some((e) => e.kind === 'member' && JSON.stringify(plain(e.object)) === key);
  const empty = (expr: Expr) => expr.kind === 'compare' && expr.op === '==' && [expr.left, expr.right].some((side) => { const bare = unwrap(side); return (bare.kind === 'number' && /^0+$/.test(bare.value)) || bare.kind === 'zero-address'; });
  const parts = (expr: Expr) => (expr.kind === 'and' ? expr.operands : [expr]);
  return (
    action.conditions.some((c) => parts(c.expr).some((part) => !empty(part) && reads(part))) ||
    action.payments.some((p) => reads(p.amount) || reads(p.to)) ||
    action.effects.some((e) => reads(e.value) || e.when.some(reads))
  );
}

/**
 * A running total kept beside records (`total = total ± v`), where v is what the action pays, what it writes
 * into a record, or read from a record it changes: the books of those records, not a term.
 */
function keepsBooksOfRecord(action: Action, effect: Effect): boolean {
  const name = targetName(effect.target);
  const value = effect.value === null ? null : unwrap(effect.value);
  if (!name || unwrap(effect.target).kind !== 'variable' || (effect.kind !== 'set' && effect.kind !== 'increase' && effect.kind !== 'decrease') || value === null) return false;
  const self = (e: Expr) => { const bare = unwrap(e.kind === 'prior' ? e.of : e); return bare.kind === 'variable' && bare.name === name; };
  const step = effect.kind === 'set' ? (value.kind === 'arith' && (value.op === '+' || value.op === '-') && [...walkExpr(value.left)].some(self) ? value.right : null) : value;
  if (step === null) return false;
  const same = (a: Expr, b: Expr) => JSON.stringify(plain(unwrap(a))) === JSON.stringify(plain(unwrap(b)));
  if (action.payments.some((p) => same(p.amount, step))) return true;
  const recorded = action.effects.flatMap((e) => {
    const written = e.value === null ? null : unwrap(e.value);
    if (written?.kind === 'struct') return written.fields.map((f) => f.value);
    return recordOf(e.target) !== null && written ? [written] : [];
  });
  const changed = action.effects.map((e) => recordOf(e.target)).filter((r): r is Expr => r !== null).map((r) => JSON.stringify(r));
  return [...walkExpr(step)].some(
    (node) =>
      ((node.kind === 'variable' && node.scope === 'parameter') || node.kind === 'member') &&
      (recorded.some((r) => same(r, node)) || (node.kind === 'member' && changed.includes(JSON.stringify(plain(node.object))))),
  );
}

/** Two actions that require opposite values of the same stored flag: they never run in the same stage. */
export function excludes(a: Action, b: Action): boolean {
  const flags = (action: Action) => {
    const found = new Map<string, boolean>();
    for (const condition of action.conditions) {
      if (condition.when.length > 0) continue;
      const parts = condition.expr.kind === 'and' ? condition.expr.operands : [condition.expr];
      for (const part of parts) {
        const flag = flagRequired(part);
        if (flag) found.set(flag.name, flag.value);
      }
    }
    return found;
  };
  const inB = flags(b);
  return [...flags(a)].some(([name, value]) => inB.has(name) && inB.get(name) !== value);
}
