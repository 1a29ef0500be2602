/**
 * Risks that come from how a payment is made, read from def-use over the actions' payments and changes:
 * - an unchecked payment: outgoing, the payee may go unpaid while the action completes; incoming, the
 *   action completes and credits the payer although nothing arrived (`unchecked-incoming`);
 * - a push (ETH by `transfer`, or a `call` whose failure reverts; a token by `safeTransferFrom`, which asks
 *   a receiving contract to accept it) to an address a party controls: that party can make the action fail
 *   (`refusal-blocks-action`), and where nothing else releases what the action releases, the money or token
 *   then stays in the contract (`refusal-locks-assets`). ETH paid by `selfdestruct` runs no code at the
 *   payee and cannot be refused.
 */
import type { Action, ContractTerms, Expr, Payment, Risk, SourceRef } from '../terms/index.ts';
import { walkExpr } from '../terms/index.ts';
import type { ItemMove } from '../ir/facts.ts';
import { partyOfExpr } from '../ir/exprs.ts';
import type { ExtractContext } from './context.ts';
import { ruleHolder } from './actions.ts';
import { timeComparisons } from './deadlines.ts';

type Draft = Omit<Risk, 'id' | 'basis'>;

/** An action's payments whose result reaches no check, by direction. */
export function uncheckedPayments(terms: ContractTerms, action: Action): Draft[] {
  const drafts: Draft[] = [];
  for (const payment of action.payments) {
    if (payment.resultChecked !== false) continue;
    if (payment.direction === 'out') {
      drafts.push({ kind: 'unchecked-call', action: action.id, party: payment.toParty, subject: payment.to, text: null, state: null, source: payment.source });
      continue;
    }
    if (payment.direction === 'between') {
      // Tokens moved from a payer straight to a receiver: a failure leaves them with the payer, not in the contract.
      drafts.push({ kind: 'unchecked-call', action: action.id, party: payment.toParty, subject: payment.to, text: 'between', state: null, source: payment.source });
      continue;
    }
    // A record the action increases by (a value computed from) the amount it meant to take in, and an action that pays out from that record.
    // The payer's own record first (`pledged[id][msg.sender] += amount`), then any other.
    const credits = action.effects.filter((e) => e.kind === 'increase' && e.value !== null && samePath(e.when, payment.when) && storageKey(e.target) !== null && mentions(e.value, payment.amount));
    const credit = credits.find((e) => [...walkExpr(e.target)].some((n) => n.kind === 'caller')) ?? credits[0];
    const key = credit ? storageKey(credit.target) : null;
    const payout = key === null ? undefined : terms.actions.find((a) => a.id !== action.id && a.kind !== 'constructor' && a.payments.some((p) => p.direction === 'out' && sameAsset(p, payment) && keysRead(p.amount).has(key)));
    drafts.push({ kind: 'unchecked-incoming', action: action.id, party: null, subject: credit?.target ?? null, text: payout?.id ?? null, state: null, source: payment.source });
  }
  return drafts;
}

/** Pushes to an address a party controls that make the action fail when that address refuses them. */
export function refusals(context: ExtractContext, terms: ContractTerms): Draft[] {
  const drafts: Draft[] = [];
  const moves = new Map(context.reads.map((read) => [read.id, read.facts.itemMoves]));
  const requiredOf = new Map(context.reads.map((read) => [read.id, read.facts.requiredPayments]));
  const seen = new Set<string>();
  for (const action of terms.actions) {
    if (action.kind === 'constructor') continue;
    const pushes: { to: Expr; when: Expr[]; item: boolean; stipend: string | null; held: boolean; elsewhere: boolean; source: Risk['source'] }[] = [];
    const required = requiredOf.get(action.id) ?? [];
    for (const payment of action.payments) {
      // `selfdestruct` credits its beneficiary without running any of its code: it cannot be refused.
      if (payment.direction !== 'out' || payment.asset.kind !== 'eth' || payment.method === 'selfdestruct' || !revertsOnFailure(payment, required)) continue;
      const keys = keysRead(payment.amount);
      // The whole balance: held when any action takes ETH in; released elsewhere by any other ETH payment out.
      const whole = [...walkExpr(payment.amount)].some((n) => n.kind === 'balance');
      const held = whole ? terms.actions.some((a) => a.payable) : [...keys].some((key) => creditedFromMoneyIn(terms, key));
      const elsewhere = terms.actions.some((a) => a.id !== action.id && a.kind !== 'constructor' && a.payments.some((p) => p.direction === 'out' && p.asset.kind === 'eth' && (whole || [...walkExpr(p.amount)].some((n) => n.kind === 'balance') || [...keysRead(p.amount)].some((k) => keys.has(k)))));
      // The caller may choose another branch of the same action that releases the money (`resolve(toSeller)`).
      const chosen = action.payments.some((p) => p !== payment && p.direction === 'out' && p.asset.kind === 'eth' && !samePath(p.when, payment.when) && callerChooses(p.when, payment.when) && [...keysRead(p.amount)].some((k) => keys.has(k)));
      // `selfdestruct` in another action sends the whole balance away: a way out for ETH too.
      const destructs = context.reads.some((read) => read.id !== action.id && read.id !== 'constructor' && read.facts.selfDestruct !== null);
      pushes.push({ to: payment.to, when: payment.when, item: false, stipend: payment.method === 'transfer' || payment.method === 'send' ? payment.method : null, held, elsewhere: elsewhere || chosen || destructs, source: payment.source });
    }
    for (const move of moves.get(action.id) ?? []) {
      if (!move.hook || move.from.kind !== 'this') continue;
      const token = JSON.stringify(move.token);
      const held = [...moves.values()].flat().some((m) => m.to.kind === 'this' && JSON.stringify(m.token) === token);
      const elsewhere = [...moves.entries()].some(([id, list]) => id !== action.id && id !== 'constructor' && list.some((m: ItemMove) => m.from.kind === 'this' && JSON.stringify(m.token) === token));
      const chosen = (moves.get(action.id) ?? []).some((m) => m !== move && m.from.kind === 'this' && JSON.stringify(m.token) === token && !samePath(m.when, move.when) && callerChooses(m.when, move.when));
      pushes.push({ to: move.to, when: move.when, item: true, stipend: null, held, elsewhere: elsewhere || chosen, source: move.source });
    }
    const paid = [...action.payments.filter((p) => p.direction === 'out'), ...(moves.get(action.id) ?? [])];
    for (const push of pushes) {
      const key = storageKey(push.to);
      // The caller only stops themselves; a parameter or computed address is chosen by whoever calls. A
      // contract called with ETH (`arbitrator.createDispute{value: …}`) is a dependency, told as such.
      if (key === null || isContractTyped(push.to)) continue;
      // A party's variable, or a party kept in each record (`invoices.seller`), whose id is its place.
      const party = partyOfExpr(push.to) ?? (terms.parties.some((p) => p.id === key) ? key : null);
      if (party !== null && !action.access.anyone && action.access.rules.every((rule) => ruleHolder(rule) === party)) continue;
      const once = `${action.id}:${key}:${push.item}`;
      if (seen.has(once)) continue;
      seen.add(once);
      const locks = push.held && !push.elsewhere && recipientFixed(terms, action, party, key);
      // A refusal that only stops the refuser's own payment is theirs to make; it matters when others are paid in the same call.
      const target = JSON.stringify(push.to);
      if (!locks && !paid.some((other) => JSON.stringify(other.to) !== target && samePath(other.when, push.when))) continue;
      drafts.push({ kind: locks ? 'refusal-locks-assets' : 'refusal-blocks-action', action: action.id, party, subject: push.to, text: push.item ? 'token' : (push.stipend ?? 'eth'), state: null, source: push.source });
    }
  }
  return drafts;
}

/** `transfer`, `sendValue` and calls that revert by themselves; or a call whose success a require demands. */
function revertsOnFailure(payment: Payment, required: SourceRef[]): boolean {
  if (payment.resultChecked === null) return true;
  return payment.resultChecked === true && required.some((r) => JSON.stringify(r) === JSON.stringify(payment.source));
}

/** A stored place some action fills with ETH sent to it (`highestBid = msg.value`) or with an incoming payment's amount. */
function creditedFromMoneyIn(terms: ContractTerms, key: string): boolean {
  return terms.actions.some((a) => a.effects.some((e) => e.value !== null && storageKey(e.target) === key && [...walkExpr(e.value)].some((n) => n.kind === 'value-sent' || a.payments.some((p) => p.direction === 'in' && JSON.stringify(p.amount) === JSON.stringify(n)))));
}

/**
 * No action other than deployment can change the recipient once the blocked action is possible: every
 * action that changes it (as the parties' model says, or any write to its place) requires the call to be
 * made before a moment the blocked action must wait for. Creating a record at a fresh id changes no other.
 */
function recipientFixed(terms: ContractTerms, blocked: Action, partyId: string | null, key: string): boolean {
  const party = terms.parties.find((p) => p.id === partyId);
  const writes = (a: Action) => a.effects.some((e) => { const k = storageKey(e.target); return k !== null && (k === key || key.startsWith(`${k}.`)); });
  const writers = party ? terms.actions.filter((a) => party.changedBy.includes(a.id)) : terms.actions.filter((a) => a.kind !== 'constructor' && writes(a));
  const opensAt = new Set(blocked.conditions.filter((c) => c.when.length === 0).flatMap((c) => timeComparisons(c.expr)).filter((t) => t.op === '>=' || t.op === '>').map((t) => `${t.op}${JSON.stringify(t.against)}`));
  return writers.every((a) => a.conditions.some((c) => c.when.length === 0 && timeComparisons(c.expr).some((t) => {
    const at = JSON.stringify(t.against);
    return (t.op === '<' && (opensAt.has(`>=${at}`) || opensAt.has(`>${at}`))) || (t.op === '<=' && opensAt.has(`>${at}`));
  })));
}

/** The stored variable (and struct member) a place belongs to: `campaigns.pledged` for `campaigns[id].pledged`. */
function storageKey(expr: Expr): string | null {
  switch (expr.kind) {
    case 'variable': return expr.scope === 'state' || expr.scope === 'immutable' ? expr.name : null;
    case 'index': return storageKey(expr.base);
    case 'member': { const key = storageKey(expr.object); return key === null ? null : `${key}.${expr.member}`; }
    case 'prior': return storageKey(expr.of);
    case 'convert': return storageKey(expr.operand);
    default: return null;
  }
}

/** Two paths told apart by a value the caller gives (a parameter in their conditions). */
function callerChooses(a: Expr[], b: Expr[]): boolean {
  return [...a, ...b].some((e) => [...walkExpr(e)].some((n) => n.kind === 'variable' && n.scope === 'parameter'));
}

function isContractTyped(expr: Expr): boolean {
  return (expr.kind === 'variable' || expr.kind === 'member') && expr.type.startsWith('contract ');
}

function keysRead(expr: Expr): Set<string> {
  return new Set([...walkExpr(expr)].map(storageKey).filter((k): k is string => k !== null));
}

function mentions(expr: Expr, part: Expr): boolean {
  const wanted = JSON.stringify(part);
  return [...walkExpr(expr)].some((n) => JSON.stringify(n) === wanted);
}

function sameAsset(a: Payment, b: Payment): boolean {
  return JSON.stringify(a.asset) === JSON.stringify(b.asset);
}

/** Two path conditions that can hold together: one is a prefix of the other. */
export function samePath(a: Expr[], b: Expr[]): boolean {
  const [x, y] = [JSON.stringify(a), JSON.stringify(b)];
  return x.startsWith(y.slice(0, -1)) || y.startsWith(x.slice(0, -1));
}
