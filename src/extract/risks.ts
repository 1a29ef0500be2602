/**
 * Risks a lawyer should know of: claims the code contradicts, unbounded powers, parties who can stall
 * with no time limit, reliance on external tokens and contracts and on the block time, money sent
 * before the books are updated without a reentrancy lock, tx.origin checks, unchecked payments.
 */
import { neverSucceeds } from './never-holds.ts';
import type { Action, ContractTerms, Expr, Lifecycle, LifecycleState, Power, Risk } from '../terms/index.ts';
import { unwrap, walkExpr } from '../terms/index.ts';
import type { Extractor } from './context.ts';
import { ruleHolder } from './actions.ts';
import { timeComparisons } from './deadlines.ts';
import { requiredStates, statesOf } from './lifecycle.ts';
import { refusals, samePath, uncheckedPayments } from './payment-risks.ts';
import { neverRecorded } from './never-recorded.ts';
import { unpaidRemainders } from './unpaid-remainder.ts';
import { unpaidCredits } from './unpaid-credit.ts';
import { paysOnEveryPath } from './unpaid-paths.ts';
import { zeroPeriods } from './zero-period.ts';

type Draft = Omit<Risk, 'id' | 'basis'>;

export const risks: Extractor = {
  name: 'risks',
  extract(context, terms) {
    const drafts: Draft[] = [];
    for (const claim of terms.claims) {
      // One risk for each sentence the code contradicts.
      const said = new Set<string>();
      for (const contradicted of claim.checks.filter((check) => check.verdict === 'contradicts' && !said.has(check.said))) {
        said.add(contradicted.said);
        drafts.push({ kind: 'claim-contradicted', action: claim.action, party: contradicted.topic === 'who' ? contradicted.claimed[0] ?? null : null, subject: null, text: contradicted.said, state: null, source: claim.source });
      }
    }
    for (const power of terms.powers) {
      if (power.kind === 'change-term' && isNumber(power.target) && (power.bounds.length === 0 || onlyFloors(power)) && !power.reaches) drafts.push({ kind: 'no-upper-bound', action: power.action, party: power.holders[0] ?? null, subject: power.target, text: null, state: null, source: power.source });
    }
    for (const lifecycle of terms.lifecycles) drafts.push(...stalls(lifecycle, terms.actions, terms.lifecycles), ...stuckFunds(lifecycle, terms));
    for (const asset of terms.assets) {
      if (asset.kind === 'token') drafts.push({ kind: 'external-token', action: null, party: null, subject: asset.token, text: null, state: null, source: firstPaymentSource(terms, asset.token) });
    }
    // One risk per contract called, naming every action that calls it.
    const seenTargets = new Map<string, Draft>();
    for (const action of terms.actions) {
      for (const call of action.externalCalls) {
        // Code run as this contract's own (a delegatecall) is a risk of its own kind: it can do anything here.
        const key = JSON.stringify([call.target, call.proxy?.delegate === true]);
        // A call to this contract's own external function is not a dependency on another contract.
        if (call.target.kind === 'this') continue;
        if (terms.assets.some((a) => a.kind === 'token' && JSON.stringify(a.token) === JSON.stringify(call.target))) continue;
        const seen = seenTargets.get(key);
        if (seen) {
          if (seen.action !== action.id && !seen.also!.includes(action.id)) seen.also!.push(action.id);
          continue;
        }
        const draft: Draft = { kind: 'external-contract', action: action.id, party: null, subject: call.target, text: call.proxy?.delegate ? 'delegatecall' : call.name, state: null, source: call.source, also: [] };
        seenTargets.set(key, draft);
        drafts.push(draft);
      }
    }
    // An action anyone may call that can succeed only once: the first caller sets what it sets.
    for (const action of terms.actions) {
      if (action.access.once && action.access.anyone) drafts.push({ kind: 'first-caller', action: action.id, party: null, subject: null, text: null, state: null, source: action.access.once.source });
    }
    drafts.push(...renouncedPayee(terms), ...zeroPayees(terms), ...renounceLocks(terms), ...refusals(context, terms), ...neverSucceeds(terms), ...neverRecorded(terms), ...unpaidRemainders(terms), ...unpaidCredits(terms), ...zeroPeriods(terms));
    const timed = terms.deadlines.find((d) => d.clock === 'time');
    if (timed) drafts.push({ kind: 'timestamp', action: null, party: null, subject: null, text: null, state: null, source: timed.source });
    for (const read of context.reads) {
      const action = terms.actions.find((a) => a.id === read.id);
      if (!action) continue;
      if (read.facts.txOrigin) drafts.push({ kind: 'tx-origin', action: action.id, party: null, subject: null, text: null, state: null, source: read.facts.txOrigin });
      drafts.push(...uncheckedPayments(terms, action));
      // Money sent before a record is updated on the same path (not in the other branch of an `if`).
      const risky = action.payments.find((p) => p.direction !== 'in' && (p.method === 'call' || p.asset.kind === 'token') && action.effects.some((e) => e.source.line > p.source.line && samePath(e.when, p.when)));
      if (risky && read.facts.reentrancyGuards.length === 0) drafts.push({ kind: 'no-reentrancy-guard', action: action.id, party: null, subject: null, text: null, state: null, source: risky.source });
    }
    terms.risks = drafts.map((d, i) => ({ ...d, id: `risk:${i + 1}`, basis: 'code' }));
  },
};

/**
 * A state from which only one side can move the deal on, with no time limit and no timed way out for
 * anyone else: that side can stall indefinitely.
 */
function stalls(lifecycle: Lifecycle, actions: Action[], lifecycles: Lifecycle[]): Draft[] {
  const drafts: Draft[] = [];
  for (const state of lifecycle.states) {
    if (state.final) continue;
    // Starting a record over (a whole record written anew) is not a way the deal moves on from the state.
    const out = lifecycle.transitions.filter((t) => !t.creates && !t.replaces && (t.from.includes(state.name) || t.from.length === 0));
    if (out.length === 0) continue;
    // A state passed through within one call (Approved, then Paid at once) cannot be stalled in.
    const into = lifecycle.transitions.filter((t) => t.to === state.name);
    if (into.length > 0 && out.every((t) => into.some((i) => i.action === t.action))) continue;
    const movers = out.map((t) => actions.find((a) => a.id === t.action)).filter((a): a is Action => a !== undefined);
    const timed = movers.some((a) => a.conditions.some((c) => timeComparisons(c.expr).length > 0));
    if (timed || movers.some((a) => a.access.anyone)) continue;
    const holders = new Set(movers.flatMap((a) => a.access.rules.map((rule) => ruleHolder(rule) ?? '')));
    if (holders.size !== 1) continue;
    const [party] = holders;
    // Another side can take its money back at the same stage (cancel before shipping): no one is held.
    if (movers.some((mover) => actions.some((exit) => isWayOut(exit, mover, party, lifecycles, lifecycle, state.name)))) continue;
    drafts.push({ kind: 'no-deadline', action: movers[0].id, party: party || null, subject: stateMember(lifecycle, state), text: lifecycle.id, state: state.name, source: out[0].source });
  }
  return drafts;
}

/**
 * An action someone other than the stalling party may call, that pays money out, and that the code allows
 * in a situation where the stalled move is also possible: for each lifecycle, the states it requires
 * overlap the states the move requires (with the stalled lifecycle in the stalled state).
 */
function isWayOut(exit: Action, mover: Action, party: string, lifecycles: Lifecycle[], stalled: Lifecycle, state: string): boolean {
  // Passing on the ETH sent with the call (`appeal` forwarding its fee) pays out nothing the contract holds.
  // Tokens it moves from a payer to a receiver count too: the other side is paid at that stage.
  const paysHeld = exit.payments.some((p) => (p.direction === 'out' || p.direction === 'between') && unwrap(p.amount).kind !== 'value-sent');
  if (exit.id === mover.id || exit.kind === 'constructor' || !paysHeld) return false;
  if (!exit.access.anyone && exit.access.rules.every((rule) => (ruleHolder(rule) ?? '') === party)) return false;
  return lifecycles.every((lifecycle) => {
    const needed = lifecycle === stalled ? [state] : requiredStates(mover, lifecycle);
    const allowed = requiredStates(exit, lifecycle);
    return needed === null || allowed === null || allowed.some((s) => needed.includes(s));
  });
}

/**
 * A final state entered by an action that pays nothing out, in a contract that takes money in, from which
 * no action can pay out: whatever the contract holds then stays there.
 */
function stuckFunds(lifecycle: Lifecycle, terms: ContractTerms): Draft[] {
  const takesMoney = terms.actions.some((a) => a.payable || a.payments.some((p) => p.direction === 'in'));
  if (!takesMoney) return [];
  // The move into the state pays out on every path it is made on, but where what it would pay is nothing.
  const paysOut = (action: Action, when: Expr[]) => paysOnEveryPath(action, when, terms.actions);
  const drafts: Draft[] = [];
  for (const state of lifecycle.states.filter((s) => s.final)) {
    const entries = lifecycle.transitions.filter((t) => t.to === state.name).map((t) => ({ t, action: terms.actions.find((a) => a.id === t.action) }));
    const holding = statesHoldingMoney(lifecycle, terms.actions);
    // A move from states in which the contract cannot yet hold the deal's money (abandoning before anything is paid) strands nothing.
    const silent = entries.find(({ t, action }) => action && action.kind !== 'constructor' && !paysOut(action, t.when) && (t.from.length === 0 || t.from.some((f) => holding.has(f))));
    if (!silent) continue;
    const exits = terms.actions.filter((a) => a.kind !== 'constructor' && a.payments.some((p) => p.direction === 'out') && availableIn(a, lifecycle, state.name));
    if (exits.length > 0) continue;
    drafts.push({ kind: 'stuck-funds', action: silent.t.action, party: null, subject: stateMember(lifecycle, state), text: lifecycle.id, state: state.name, source: silent.t.source });
  }
  return drafts;
}

/**
 * The states in which the contract may hold money paid in: those an action taking money in leaves the
 * lifecycle in (the states it moves to, or, when it moves nothing, the states it may run in), and every
 * state reachable from them.
 */
function statesHoldingMoney(lifecycle: Lifecycle, actions: Action[]): Set<string> {
  const all = lifecycle.states.map((s) => s.name);
  const holding = new Set<string>();
  for (const action of actions.filter((a) => a.payable || a.payments.some((p) => p.direction === 'in'))) {
    const moves = lifecycle.transitions.filter((t) => t.action === action.id && t.when.length === 0);
    const required = requiredStates(action, lifecycle);
    for (const state of moves.length > 0 ? moves.map((t) => t.to) : required ?? all) holding.add(state);
  }
  for (let grew = true; grew; ) {
    grew = false;
    for (const t of lifecycle.transitions) {
      if (holding.has(t.to) || !(t.from.length === 0 ? holding.size > 0 : t.from.some((f) => holding.has(f)))) continue;
      holding.add(t.to);
      grew = true;
    }
  }
  return holding;
}

/** An enum state as an expression, for the templates; a flag's state is told from the lifecycle itself. */
function stateMember(lifecycle: Lifecycle, state: LifecycleState): Expr | null {
  return lifecycle.enumName === null ? null : { kind: 'enum-member', enumName: lifecycle.enumName, member: state.name, label: state.label };
}

/** True unless the action requires the lifecycle to be in other states. */
function availableIn(action: Action, lifecycle: Lifecycle, state: string): boolean {
  const required = lifecycle.transitions.filter((t) => t.action === action.id && !t.creates && t.from.length > 0).flatMap((t) => t.from);
  if (required.length > 0) return required.includes(state);
  if (lifecycle.kind !== 'enum') {
    // A condition on the flag that rules the state out (anywhere in the condition, as a part that must hold).
    return !action.conditions.some((c) => c.when.length === 0 && (statesOf(c.expr, lifecycle) ?? [state]).every((s) => s !== state));
  }
  // Checks read as sets of states (`status < Resolved` holds in every state declared before Resolved).
  const known = requiredStates(action, lifecycle);
  if (known !== null) return known.includes(state);
  const mentionsOtherState = action.conditions.some((c) => {
    const text = JSON.stringify(c.expr);
    return text.includes(`"enumName":"${lifecycle.enumName}"`) && !text.includes(`"member":"${state}"`);
  });
  return !mentionsOtherState;
}

function firstPaymentSource(terms: ContractTerms, token: Expr): Risk['source'] {
  const key = JSON.stringify(token);
  const payment = terms.actions.flatMap((a) => a.payments).find((p) => p.asset.kind === 'token' && JSON.stringify(p.asset.token) === key);
  return payment?.source ?? terms.source;
}

/**
 * The owner can renounce ownership (the owner becomes the zero address) while the code pays the owner:
 * those payments then go to the zero address. Not where the payment is made only to a non-zero owner, nor
 * where only the owner may call the action (after renouncing, no one can).
 */
function renouncedPayee(terms: ContractTerms): Draft[] {
  const renounce = terms.powers.find((p) => p.kind === 'renounce-ownership');
  const owner = terms.parties.find((p) => p.kind === 'owner');
  if (!renounce || !owner) return [];
  const checksOwner = (exprs: Expr[]) => exprs.some((e) => {
    const nodes = [...walkExpr(e)];
    return nodes.some((n) => n.kind === 'variable' && n.party === owner.id) && nodes.some((n) => n.kind === 'zero-address');
  });
  const drafts: Draft[] = [];
  // One sentence per function name and asset: overloads that pay ETH and a token (`release()` and
  // `release(token)`) each get theirs, since what happens at the zero address differs.
  const named = new Set<string>();
  for (const action of terms.actions) {
    if (action.kind === 'constructor' || action.id === renounce.action) continue;
    // Only the owner may call it: once ownership is given up, no one can, so it pays no one.
    if (!action.access.anyone && action.access.rules.length > 0 && action.access.rules.every((rule) => rule.kind === 'party' && rule.party === owner.id)) continue;
    const payment = action.payments.find((p) => (p.direction === 'out' || p.direction === 'between') && p.toParty === owner.id && !checksOwner([...p.when, ...action.conditions.map((c) => c.expr)]));
    if (!payment) continue;
    // The subject is the token paid, or null for ETH.
    const subject = payment.asset.kind === 'token' ? payment.asset.token : null;
    const name = `${action.name}:${payment.asset.kind}`;
    if (named.has(name)) continue;
    named.add(name);
    drafts.push({ kind: 'renounce-redirects-payments', action: action.id, party: owner.id, subject, text: renounce.action, state: null, source: payment.source });
  }
  return drafts;
}

/** Payments to a party no action ever sets to anything but the zero address (`setAt: 'never'`): what they pay is lost. */
function zeroPayees(terms: ContractTerms): Draft[] {
  const never = new Set(terms.parties.filter((p) => p.setAt === 'never').map((p) => p.id));
  return terms.actions.flatMap((action) => {
    const payment = action.payments.find((p) => p.direction === 'out' && p.toParty !== null && p.toParty !== undefined && never.has(p.toParty));
    return payment ? [{ kind: 'pays-zero-address' as const, action: action.id, party: payment.toParty!, subject: payment.asset.kind === 'token' ? payment.asset.token : null, text: null, state: null, source: payment.source }] : [];
  });
}

/** Only the owner may call it: its access rules all name the owner party. */
function ownerOnly(action: Action, owner: string): boolean {
  return !action.access.anyone && action.access.rules.length > 0 && action.access.rules.every((rule) => ruleHolder(rule) === owner);
}

/**
 * The owner-only actions every payment out of the contract depends on, when the owner can renounce:
 * each action paying out money the contract holds is either owner-only, or runs only at stages of the
 * deal that only owner-only actions move it into (RefundEscrow: `withdraw`; `beneficiaryWithdraw` after
 * `close`). After renouncing, no one can call them: money still waiting on them stays where it is.
 * [] when some payment out does not depend on the owner.
 */
export function renounceGates(terms: ContractTerms): string[] {
  const renounce = terms.powers.find((p) => p.kind === 'renounce-ownership');
  const owner = terms.parties.find((p) => p.kind === 'owner');
  if (!renounce || !owner) return [];
  const exits = terms.actions.filter((a) => a.kind !== 'constructor' && a.payments.some((p) => p.direction === 'out' && unwrap(p.amount).kind !== 'value-sent'));
  if (exits.length === 0) return [];
  const gates = new Set<string>();
  for (const exit of exits) {
    const movers = terms.lifecycles.flatMap((lifecycle) => {
      if (lifecycle.perItem) return [];
      const required = requiredStates(exit, lifecycle);
      if (required === null || required.length === 0 || required.some((s) => lifecycle.initial === s)) return [];
      const into = lifecycle.transitions.filter((t) => required.includes(t.to));
      const actions = into.map((t) => terms.actions.find((a) => a.id === t.action));
      if (into.length === 0 || !actions.every((a) => a !== undefined && a.kind !== 'constructor' && ownerOnly(a, owner.id))) return [];
      return [actions.map((a) => a!.id)];
    });
    if (ownerOnly(exit, owner.id)) gates.add(exit.id);
    else if (movers.length === 0) return [];
    for (const id of movers.flat()) gates.add(id);
  }
  return terms.actions.filter((a) => gates.has(a.id)).map((a) => a.id);
}

function renounceLocks(terms: ContractTerms): Draft[] {
  const gates = renounceGates(terms);
  const renounce = terms.powers.find((p) => p.kind === 'renounce-ownership');
  const owner = terms.parties.find((p) => p.kind === 'owner');
  if (gates.length === 0 || !renounce || !owner) return [];
  return [{ kind: 'renounce-locks-funds', action: renounce.action, party: owner.id, subject: null, text: null, state: null, source: renounce.source }];
}

/**
 * Limits on a new number that only keep it from going too low (`_period >= 30 days`, `_fee != 0`): the code
 * sets it no upper limit. Any other kind of limit (a cap, a choice between values) is taken to bound it.
 */
function onlyFloors(power: Power): boolean {
  const value = power.value === null ? null : unwrap(power.value);
  if (value?.kind !== 'variable' || value.scope !== 'parameter' || !/^u?int\d*$/.test(value.type)) return false;
  const given = (e: Expr) => { const bare = unwrap(e); return bare.kind === 'variable' && bare.scope === 'parameter' && bare.name === value.name; };
  const floor = (e: Expr): boolean => {
    if (e.kind === 'and') return e.operands.every(floor);
    if (e.kind !== 'compare') return false;
    if (e.op === '!=') return given(e.left) || given(e.right);
    return (given(e.left) && (e.op === '>' || e.op === '>=')) || (given(e.right) && (e.op === '<' || e.op === '<='));
  };
  return power.bounds.length > 0 && power.bounds.every(floor);
}

/** Only a number has an upper limit to set: not a flag, an address or a text (review 9 U12). */
function isNumber(target: Expr | null): boolean {
  if (target === null) return true;
  const bare = unwrap(target);
  const type = 'type' in bare && typeof bare.type === 'string' ? bare.type : null;
  return type === null || /^u?int\d*$/.test(type);
}
