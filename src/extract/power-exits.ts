/**
 * One-sided exits: an action one side may take alone, with no deadline to wait for and from the deal's first
 * stage on, that cuts off another party's way to be paid (a cancel that sends the balance elsewhere, a stream
 * cancelled by either side, a schedule revoked, a request frozen). Termination for convenience is a power; the
 * ordinary steps (confirming, a claim after a deadline, a remedy only after the other side's step) are not.
 */
import type { Action, ContractTerms, Effect, Expr, Payment, Power } from '../terms/index.ts';
import { unwrap, walkExpr } from '../terms/index.ts';
import { ruleHolder } from './actions.ts';
import { timeComparisons } from './deadlines.ts';
import { requiredStates } from './lifecycle.ts';
import type { StoredReads } from './stored-reads.ts';

export type Exit = NonNullable<Power['exit']>;

/**
 * The exit an action is, or null. It is one when it stops another action that pays money out (`cutOff`), and
 * the money then goes elsewhere than those payments would send it: to a holder, to someone they did not pay,
 * or (a shared total it lowers) into what another action may pay out (`frees`). A holder giving up what was
 * theirs (a buyer confirming, a seller refunding the buyer) takes nothing from anyone and is not a power.
 */
export function oneSidedExit(action: Action, holders: string[], terms: ContractTerms, stored: StoredReads): Exit | null {
  if (holders.includes('checked') || action.payable) return null;
  if (action.conditions.some((c) => !c.isAccess && timeComparisons(c.expr).length > 0)) return null;
  // Only from a later stage (after a dispute is raised, after delivery): a step of the deal, not an exit from it.
  for (const lifecycle of terms.lifecycles) {
    const required = requiredStates(action, lifecycle);
    if (required && required.length > 0 && lifecycle.initial !== null && !required.includes(lifecycle.initial)) return null;
  }
  const writes = action.effects.filter((e) => e.when.length === 0);
  // Paying out the whole balance of an asset leaves nothing for other payments of it. (`selfdestruct` is not counted as
  // ending the others: since the Cancun upgrade it no longer deletes the contract, and the chain is not known here.)
  const drained = new Set(outs(action).filter((p) => p.when.length === 0).map((p) => balanceKind(p.amount, stored)).filter((k) => k !== null));
  const drains = (other: Action) => other.conditions.filter((c) => !c.isAccess && c.when.length === 0).flatMap((c) => (c.expr.kind === 'and' ? c.expr.operands : [c.expr]))
    .some((part) => part.kind === 'compare' && (part.op === '!=' || part.op === '>') && drained.has(balanceKind(part.left, stored) ?? '') && unwrap(part.right).kind === 'number');
  // Another way for the same callers to do the same (`cancelMultiple` beside `cancel`: each stops the other) is not a step of anyone else.
  const callers = (a: Action) => [...new Set(a.access.rules.length > 0 ? a.access.rules.map((r) => ruleHolder(r) ?? '?') : eachCaller(a))].sort().join();
  const paidHere = new Set(outs(action).map(recipientKey));
  const sibling = (other: Action) => !other.access.anyone && callers(other) === callers(action) && outs(other).every((p) => paidHere.has(recipientKey(p))) && cutOff(other, other.effects.filter((e) => e.when.length === 0), action, terms);
  // Only payouts of money the contract already holds: a sale paid for as it happens (`buyNFT`, payable) is an offer withdrawn, not a deal ended.
  // A twin still shows the action ends what it acts on, but stopping it is no consequence for anyone else: not named.
  const ended = terms.actions.filter((other) => other.id !== action.id && other.kind !== 'constructor' && !other.payable && outs(other).length > 0 && (drains(other) || cutOff(action, writes, other, terms)));
  if (ended.length === 0) return null;
  const cut = ended.filter((other) => !sibling(other));
  // What a lowered total limits in the actions stopped (for this record) is no longer theirs to pay.
  const frees = lowered(action, writes, terms, stored).map((f) => ({ ...f, readers: f.readers.filter((id) => !cut.some((a) => a.id === id)) })).filter((f) => f.readers.length > 0);
  const mine = new Set(holders);
  const paid = paidHere;
  const freed = new Set(frees.flatMap((f) => f.readers).flatMap((id) => outs(terms.actions.find((a) => a.id === id)!).map(recipientKey)));
  // An address the caller of a stopped action names (`_receiver`) is no party of the deal: no one is owed it.
  const cutPayees = new Set(cut.flatMap(outs).filter((p) => !named(p.to)).map(recipientKey));
  const toHolder = [...paid, ...freed].some((key) => key === 'caller' || mine.has(key));
  const elsewhere = [...cutPayees].some((key) => key !== 'caller' && !mine.has(key) && !paid.has(key));
  const freesOthers = [...freed].some((key) => !cutPayees.has(key));
  if (!toHolder && !elsewhere && !freesOthers) return null;
  // It ends something: a final stage, a record deleted, the balance paid out, money paid out or freed.
  // A step that only moves the deal on (shipping, which the buyer's refund must come before) is not an exit.
  // A final stage from which no other action goes on (`revoked`; not `shippedAt`, which `release` then requires).
  const final = terms.lifecycles.some((l) => l.transitions.some((t) => t.action === action.id && !t.creates && t.when.length === 0 && l.states.some((st) => st.name === t.to && st.final)
    && !terms.actions.some((other) => other.id !== action.id && (requiredStates(other, l) ?? []).includes(t.to) && (requiredStates(other, l) ?? []).length < l.states.length)));
  const deletes = writes.some((w) => w.kind === 'delete' && bare(w.target).kind === 'index');
  if (!final && !deletes && drained.size === 0 && outs(action).length === 0 && frees.length === 0) return null;
  // A record it writes (`streams[id]`), unless it moves the whole contract's stage: the exit ends that record, not the deal.
  const whole = terms.lifecycles.some((l) => !l.perItem && l.transitions.some((t) => t.action === action.id && !t.creates));
  const records = writes.map((w) => bare(w.target)).map((t) => (t.kind === 'member' ? bare(t.object) : t)).filter((t): t is Extract<Expr, { kind: 'index' }> => t.kind === 'index' && recordOf(t) !== null && t.item !== null);
  const record = whole ? null : (records[0]?.item ?? null);
  // Stopped only because the balance is paid out: they may run again if money is sent in later.
  const emptied = cut.filter((a) => !cutOff(action, writes, a, terms));
  return { stops: cut.filter((a) => !emptied.includes(a)).map((a) => a.id), empties: emptied.map((a) => a.id), record, frees };
}

/**
 * Who an action that loops over items lets call it, from the check it makes on every item
 * (`msg.sender == _streams[streamIds[i]].sender`, in `cancelMultiple`): the places read, as the parties' ids.
 */
function eachCaller(action: Action): string[] {
  return action.conditions
    .filter((c) => c.each !== null && c.when.length === 0 && c.expr.kind === 'compare' && c.expr.op === '==')
    .flatMap((c) => (c.expr.kind === 'compare' ? [[bare(c.expr.left), bare(c.expr.right)]] : []))
    .flatMap(([left, right]) => (left.kind === 'caller' ? [right] : right.kind === 'caller' ? [left] : []))
    .map((place) => placeKey(place) ?? '?');
}

/** The contract's whole balance of ETH or of a token, written out or through a view (`getBalance()`): which one; null otherwise. */
function balanceKind(amount: Expr, stored: StoredReads): string | null {
  const value = bare(amount);
  if (value.kind === 'balance' && unwrap(value.of).kind === 'this') return 'ETH';
  if (value.kind === 'token-balance' && unwrap(value.of).kind === 'this') return JSON.stringify(bare(value.token));
  const formulas = value.kind === 'call' ? stored.formulasOf?.(value.name) ?? [] : [];
  return formulas.length === 1 && formulas[0].kind !== 'call' ? balanceKind(formulas[0], stored) : null;
}

function named(to: Expr): boolean {
  return [...walkExpr(to)].some((e) => e.kind === 'variable' && e.scope === 'parameter') && [...walkExpr(to)].every((e) => e.kind !== 'variable' || e.scope === 'parameter' || e.scope === 'local');
}

function outs(action: Action): Payment[] {
  return action.payments.filter((p) => p.direction === 'out' && unwrap(p.amount).kind !== 'value-sent');
}

/** Who a payment goes to, comparable across actions: a party's id, the caller, or the place it is read from. */
function recipientKey(payment: Payment): string {
  if (payment.toParty) return payment.toParty;
  const to = bare(payment.to);
  if (to.kind === 'caller') return 'caller';
  return placeKey(to) ?? JSON.stringify(to);
}

function bare(expr: Expr): Expr {
  const inner = unwrap(expr);
  if (inner.kind === 'prior') return bare(inner.of);
  if (inner.kind === 'convert') return bare(inner.operand);
  return inner;
}

/** `streams[id].sender` → `streams.sender`; `paused` → `paused`; other places: null. */
function placeKey(expr: Expr): string | null {
  const place = bare(expr);
  if (place.kind === 'variable' && place.scope === 'state') return place.party ?? place.name;
  if (place.kind === 'member') {
    const record = bare(place.object);
    if (record.kind === 'index' && bare(record.base).kind === 'variable') return `${(bare(record.base) as { name: string }).name}.${place.member}`;
  }
  return null;
}

/** The record a place belongs to: `streams` for `streams[id]` and `streams[id].isEntity`. */
function recordOf(expr: Expr): string | null {
  const place = bare(expr);
  if (place.kind === 'member') return recordOf(place.object);
  if (place.kind === 'index') { const base = bare(place.base); return base.kind === 'variable' && base.scope === 'state' ? base.name : null; }
  return null;
}

/**
 * Whether the action's unconditional writes make another action's unconditional check fail: a lifecycle moved
 * to a state it does not allow, a flag set to the value it must not have, a record it requires deleted.
 */
function cutOff(action: Action, writes: Effect[], other: Action, terms: ContractTerms): boolean {
  for (const lifecycle of terms.lifecycles) {
    const allowed = requiredStates(other, lifecycle);
    if (!allowed || allowed.length === 0) continue;
    const moves = lifecycle.transitions.filter((t) => t.action === action.id && !t.creates && t.when.length === 0);
    if (moves.some((t) => !allowed.includes(t.to) && (t.from.length === 0 || t.from.some((f) => allowed.includes(f))))) return true;
  }
  const parts = other.conditions.filter((c) => !c.isAccess && c.when.length === 0).flatMap((c) => (c.expr.kind === 'and' ? c.expr.operands : [c.expr]));
  for (const write of writes) {
    const key = placeKey(write.target);
    if (write.kind === 'set' && key !== null && write.value?.kind === 'bool') {
      const value = write.value.value;
      if (parts.some((part) => { const flag = requiredFlag(part); return flag?.key === key && flag.value !== value; })) return true;
    }
    const deleted = write.kind === 'delete' && bare(write.target).kind === 'index' ? recordOf(write.target) : null;
    if (deleted && parts.some((part) => { const flag = requiredFlag(part); return flag?.value === true && flag.key.startsWith(`${deleted}.`); })) return true;
  }
  return false;
}

/** `flag`, `!flag`, `record.flag == true`, `record.amount > 0`: the place a check reads and whether it must be set (non-zero). */
function requiredFlag(expr: Expr): { key: string; value: boolean } | null {
  if (expr.kind === 'not') { const inner = requiredFlag(expr.operand); return inner ? { key: inner.key, value: !inner.value } : null; }
  if (expr.kind === 'variable' || expr.kind === 'member') { const key = (expr as { type?: string }).type === 'bool' ? placeKey(expr) : null; return key ? { key, value: true } : null; }
  if (expr.kind !== 'compare') return null;
  const key = placeKey(expr.left);
  const right = unwrap(expr.right);
  if (key === null) return null;
  if (right.kind === 'bool' && (expr.op === '==' || expr.op === '!=')) return { key, value: right.value === (expr.op === '==') };
  if (right.kind === 'number' && /^0+$/.test(right.value) && (expr.op === '>' || expr.op === '!=')) return { key, value: true };
  return null;
}

/**
 * A shared total the action lowers (`total = total - unreleased`) that another action's checks on a payment
 * read (through views too: `getWithdrawableAmount()`): what it no longer holds back, that action may pay out.
 */
function lowered(action: Action, writes: Effect[], terms: ContractTerms, stored: StoredReads): Exit['frees'] {
  return writes.flatMap((write) => {
    const target = bare(write.target);
    if (target.kind !== 'variable' || target.scope !== 'state' || target.party) return [];
    const lowers = write.kind === 'decrease' || (write.kind === 'set' && write.value?.kind === 'arith' && write.value.op === '-' && [...walkExpr(write.value.left)].some((e) => e.kind === 'variable' && e.name === target.name));
    if (!lowers) return [];
    const readers = terms.actions.filter((other) => other.id !== action.id && other.kind !== 'constructor' && outs(other).length > 0 && other.conditions.some((c) => !c.isAccess && stored(c.expr).has(target.name)));
    return readers.length > 0 ? [{ target: write.target, readers: readers.map((a) => a.id) }] : [];
  });
}
