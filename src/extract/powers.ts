/**
 * Powers that override the deal: what one party can do alone to change a term or a party, pause the
 * contract, take funds, grant roles, upgrade or destroy it. Found from what restricted actions write,
 * not from their names.
 */
import { and, or, targetName } from '../ir/exprs.ts';
import type { Action, ContractTerms, Effect, Expr, Power, PowerKind } from '../terms/index.ts';
import { unwrap, walkExpr } from '../terms/index.ts';
import type { Extractor } from './context.ts';
import { ruleHolder } from './actions.ts';
import { roleWritten } from './parties.ts';
import { timeComparisons } from './deadlines.ts';
import { requiredStates, statesOf } from './lifecycle.ts';
import { decidesPayout, queuedDelay, strandsFunds } from './power-stages.ts';
import { hookAllowances } from './power-hooks.ts';
import { SIGNATURE, storedReads, type StoredReads } from './stored-reads.ts';
import { choiceIn, flagRequired } from './flag-zero.ts';
import { affectsDealsUnderWay, excludes } from './under-way.ts';
import { setsUpOnce } from './party-once.ts';
import { oneSidedExit } from './power-exits.ts';
import { settlesDeal } from './power-settle.ts';
import { boundPayee } from './record-bound.ts';

export const powers: Extractor = {
  name: 'powers',
  extract(context, terms) {
    const list: Power[] = [];
    const lifecycleVariables = new Set(terms.lifecycles.filter((l) => !l.perItem).map((l) => l.variable));
    // A flag no action requires a state of (read only to choose an amount, `waived ? 0 : fee`) gates no stage of the deal.
    const gating = new Set(terms.lifecycles.filter((l) => !l.perItem && terms.actions.some((a) => (requiredStates(a, l)?.length ?? l.states.length) < l.states.length)).map((l) => l.variable));
    const stored = storedReads(context);
    for (const action of terms.actions) {
      if (action.kind !== 'constructor' && action.access.anyone) {
        list.push(...selfAppointments(terms, action, list.length));
        continue;
      }
      if (action.kind === 'constructor') continue;
      // Only the contract itself may call it: it is reached through another of its actions, not by a party alone.
      if (action.access.rules.length > 0 && action.access.rules.every((r) => r.kind === 'expr' && unwrap(r.expr).kind === 'this')) continue;
      const rules = action.access.rules.map((r) => ruleHolder(r) ?? 'caller');
      // Restricted by a check that is not a list of parties: whoever passes it.
      const holders = rules.length > 0 ? rules : ['checked'];
      const add = (kind: PowerKind, target: Expr | null, effect: Effect | null) => {
        list.push({
          id: `power:${list.length + 1}`,
          kind,
          action: action.id,
          holders,
          target,
          value: effect?.value ?? null,
          bounds: effect ? boundsOn(action, effect) : [],
          affectsExisting: affectsDealsUnderWay(terms, action, effect),
          timelock: timelockOf(action)?.expr ?? null,
          timelockWhen: timelockOf(action)?.when ?? [],
          // Filled in by the units extractor, from the one value-format inference.
          rateScale: null,
          source: effect?.source ?? action.source,
          basis: 'code',
          ...(effect && effect.when.length > 0 ? { when: effect.when } : {}),
        });
      };
      for (const effect of action.effects) {
        const reaches = paymentsReached(effect, terms, action, holders, stored);
        const kind = classify(effect, terms, action, lifecycleVariables) ?? (reaches.length > 0 && !gating.has(targetName(effect.target) ?? '') && !isSwitch(terms, targetName(effect.target) ?? '') ? 'change-term' : null);
        // Giving up one's own role (the caller must be the account named) is not a power over anyone else.
        if (kind === 'revoke-role' && holders.length === 1 && holders[0] === 'caller') continue;
        // Setting the contract up, once (`access.once`, or only from the first stage): the first values, not a change to the deal.
        if ((kind === 'change-party' || kind === 'change-term') && setsUpOnce(action, terms)) continue;
        if (kind) add(kind, effect.target, effect);
        if (kind === 'change-term' && reaches.length > 0) {
          const power = list[list.length - 1];
          power.reaches = reaches;
          // Read through a view in another party's payment: the change reaches deals under way unless excluded.
          if (power.affectsExisting === false) power.affectsExisting = reaches.some((r) => { const reader = terms.actions.find((a) => a.id === r.action); return reader !== undefined && !excludes(action, reader); });
        }
      }
      list.push(...hookAllowances(action, holders, terms, list.length));
      for (const decided of decidesPayout(action, holders, terms, stored)) list.push({ ...draftPower(list.length, 'decide-payout', action, holders), target: decided.target, value: decided.value, source: decided.source });
      for (const stranded of strandsFunds(action, holders, terms)) list.push({ ...draftPower(list.length, 'strand-funds', action, holders), target: stranded.target, value: stranded.value, source: stranded.source });
      const reads = context.reads.find((r) => r.id === action.id)?.facts;
      if (reads?.delegatecall) add('upgrade', null, null);
      // A low-level call to an address the caller names, with data the caller gives: it runs whatever code the
      // holder chooses, with the contract's ETH, unless another party's step must come first.
      const arbitrary = reads?.callData.find((call) => chosenByCaller(call.target) && call.data.some(chosenByCaller));
      if (arbitrary && !holders.includes('checked') && !needsOthersStep(action, holders, terms, stored)) {
        list.push({ ...draftPower(list.length, 'arbitrary-call', action, holders), target: arbitrary.target, value: action.payments.find((p) => p.method === 'call' && JSON.stringify(p.to) === JSON.stringify(arbitrary.target))?.amount ?? null, ...queuedDelay(action, terms), source: arbitrary.source });
      }
      const othersFirst = needsOthersStep(action, holders, terms, stored);
      // A record another party created is the deal itself, not a step the holders wait for; a signature is.
      const exit = action.conditions.some((c) => !c.isAccess && stored(c.expr).has(SIGNATURE)) ? null : oneSidedExit(action, holders, terms, stored);
      // A pause stops the others too, and is said as a pause.
      if (exit && !list.some((p) => p.action === action.id && p.kind === 'pause')) list.push({ ...draftPower(list.length, 'exit', action, holders), exit });
      const ordinary = isStepOfDeal(action) || othersFirst;
      // A party paid nothing by it ends the deal and divides the money (an authority's termination).
      const settled = ordinary || exit ? null : settlesDeal(action, holders, terms, stored);
      if (settled) list.push({ ...draftPower(list.length, 'settle', action, holders), settle: settled });
      // `selfdestruct` pays out the whole balance and ends the call: a power by the same rules as any payment
      // out (not a step of the deal, not after another party's step), whoever receives the money.
      const destruct = ordinary ? undefined : action.payments.find((p) => p.method === 'selfdestruct');
      if (destruct) list.push({ ...draftPower(list.length, 'self-destruct', action, holders), target: destruct.to, source: destruct.source });
      const outs = action.payments.filter((p) => p.direction === 'out' && p !== destruct);
      // Paying an address a stored record binds (the buyer its key was hashed from) is not taking the money.
      const taken = ordinary ? undefined : outs.find((p) => takesAtWill(p.to, p.amount, holders) && !boundPayee(action, p, holders, terms.actions));
      // A recipient the caller names, but only from a list of parties (`_receiver == buyer || _receiver == seller`):
      // the holder directs the money, under that condition, rather than taking it.
      const directed = taken ? recipientLimits(action, taken.to) : [];
      if (taken && directed.length > 0) list.push({ ...draftPower(list.length, 'direct-funds', action, holders), bounds: directed, source: taken.source });
      // Only once the deal has reached a stage others bring about (the goal met): the power waits for it.
      else if (taken) list.push({ ...draftPower(list.length, 'withdraw-funds', action, holders), bounds: stagesReached(action, terms, holders), source: action.source });
      // The party of one record paid everything the contract holds: the money of every other record too,
      // even in an ordinary step of that record's deal (a client cancelling one job).
      else if (outs.some((p) => paysPoolToRecordParty(p.amount, p.toParty, terms))) add('take-pooled-funds', null, null);
    }
    terms.powers = dedupe(list);
  },
};

function classify(effect: Effect, terms: ContractTerms, action: Action, lifecycleVariables: Set<string>): PowerKind | null {
  const target = effect.target;
  // The books kept of a payment the action makes (`releasedAmount += _amount` beside paying `_amount`) are not a term.
  if ((effect.kind === 'increase' || effect.kind === 'decrease') && effect.value && action.payments.some((p) => JSON.stringify(p.amount) === JSON.stringify(effect.value))) return null;
  if (isImplementationSlot(target)) return 'upgrade';
  if (target.kind === 'variable') {
    // Clearing a pending party as part of a handover is bookkeeping, not a power of its own.
    if (effect.kind === 'delete' || effect.value?.kind === 'zero-address') {
      const party = terms.parties.find((p) => p.id === target.party);
      if (party && party.kind !== 'owner') return null;
    }
    if (target.party) {
      const party = terms.parties.find((p) => p.id === target.party);
      if (party?.kind === 'owner') return effect.value?.kind === 'zero-address' ? 'renounce-ownership' : 'transfer-ownership';
      return 'change-party';
    }
    if (lifecycleVariables.has(target.name)) return null;
    // A pause does nothing but set the flag: an action that also takes a deposit or pays out is a step of the deal.
    const onlyTheFlag = action.payments.length === 0 && !action.payable && action.effects.every((e) => e.target.kind === 'variable' && e.target.name === target.name);
    if (effect.value?.kind === 'bool' && onlyTheFlag && isSwitch(terms, target.name)) return effect.value.value ? 'pause' : 'unpause';
    // A running total moved by an amount (`total = total + _amount`): the books of what the deal holds, not a term.
    if (effect.value?.kind === 'arith' && (effect.value.op === '+' || effect.value.op === '-') && [...walkExpr(effect.value.left)].some((e) => e.kind === 'variable' && e.name === target.name)) return null;
    // A term the holder sets to a value of their choosing (a parameter), which other actions rely on.
    if (effect.value && chosenByCaller(effect.value) && readByOthers(terms, action, target.name)) return 'change-term';
    return null;
  }
  const role = roleWritten(target);
  if (role !== null && effect.value?.kind === 'bool') return effect.value.value ? 'grant-role' : 'revoke-role';
  return null;
}

/** ERC-1967: the storage slot that holds a proxy's implementation (or beacon) address. */
const ERC1967_SLOTS = new Set([
  '24440054405305269366569402256811496959409073762505157381672968839269610695612', // implementation
  '74152234768234802001998023604048924213078445070507226371336425913862612794704', // beacon
]);

function isImplementationSlot(target: Expr): boolean {
  if (target.kind !== 'member' || target.member !== 'value' || target.object.kind !== 'call') return false;
  return target.object.args.some((arg) => arg.kind === 'variable' && ((arg.value !== null && ERC1967_SLOTS.has(arg.value)) || /IMPLEMENTATION_SLOT|BEACON_SLOT/.test(arg.name)));
}

/**
 * A switch: a flag that restricted actions can both turn on and off, and that other actions require to be
 * off (Pausable's `whenNotPaused`). A flag set once as a step of the deal (a dispute raised) is not one.
 */
/**
 * A pause: a flag that guards other actions and that the same party can both set and clear at will. A
 * dispute flag one side raises and an arbiter clears is a step of the deal, not a pause.
 */
function isSwitch(terms: ContractTerms, name: string): boolean {
  const holders = (value: boolean) =>
    new Set(
      terms.actions
        .filter((a) => a.kind !== 'constructor' && !a.access.anyone && a.effects.some((e) => e.target.kind === 'variable' && e.target.name === name && e.value?.kind === 'bool' && e.value.value === value))
        .flatMap((a) => (a.access.rules.length > 0 ? a.access.rules.map((r) => ruleHolder(r) ?? '?') : ['?'])),
    );
  const on = holders(true);
  const off = holders(false);
  const required = terms.actions.some((a) => a.conditions.some((c) => c.expr.kind === 'not' && c.expr.operand.kind === 'variable' && c.expr.operand.name === name));
  return [...on].some((holder) => off.has(holder)) && required;
}

function chosenByCaller(value: Expr): boolean {
  return [...walkExpr(value)].some((e) => e.kind === 'variable' && e.scope === 'parameter');
}

/** Whether another action reads the variable: in a check, a payment, a call's target, or a value it writes. */
function readByOthers(terms: ContractTerms, action: Action, name: string): boolean {
  const mentions = (expr: Expr | null) => expr !== null && [...walkExpr(expr)].some((e) => e.kind === 'variable' && e.name === name);
  return terms.actions.some(
    (other) =>
      other.id !== action.id && other.kind !== 'constructor' &&
      (other.conditions.some((c) => mentions(c.expr)) || other.payments.some((p) => mentions(p.amount) || mentions(p.to)) || other.effects.some((e) => mentions(e.value)) || other.externalCalls.some((c) => mentions(c.target))),
  );
}


/**
 * A stored value a restricted action sets to a value of its own (`waived = true`, not a parameter), read —
 * directly or through the views it calls (`lateFee()`) — in what another party's action pays or requires
 * to be sent (`msg.value == price + lateFee()`): the holder alone changes what that party must pay. A flag
 * that party's paying action requires, set to the value that fails the check, stops it (`blocks`).
 */
function paymentsReached(effect: Effect, terms: ContractTerms, action: Action, holders: string[], stored: StoredReads): NonNullable<Power['reaches']> {
  const name = effect.target.kind === 'variable' && !effect.target.party ? effect.target.name : null;
  if (!name || !effect.value || chosenByCaller(effect.value) || effect.kind === 'delete') return [];
  if (action.payments.length > 0 || action.payable || isStepOfDeal(action)) return [];
  const found: NonNullable<Power['reaches']> = [];
  for (const other of terms.actions) {
    if (other.id === action.id || other.kind === 'constructor') continue;
    const payers = other.access.anyone ? [] : other.access.rules.map((r) => ruleHolder(r)).filter((h): h is string => h !== null);
    // Another party's action: not one the holders call themselves.
    if (!other.access.anyone && (payers.length === 0 || payers.some((p) => holders.includes(p)))) continue;
    // The parts of a check that compare the ETH sent: a flag checked beside them (`open && msg.value == price`)
    // decides whether the action runs, not the amount.
    const required = other.conditions.filter((c) => !c.isAccess).flatMap((c) => (c.expr.kind === 'and' ? c.expr.operands : [c.expr])).filter((e) => [...walkExpr(e)].some((n) => n.kind === 'value-sent'));
    const paid = other.payments.filter((p) => unwrap(p.amount).kind !== 'value-sent').map((p) => p.amount);
    const reach = (how: 'requires' | 'pays', amounts: Expr[]) => {
      const choice = amounts.map((amount) => choiceIn(amount, name, effect.value!, stored, 0)).find((c) => c !== null) ?? null;
      found.push({ action: other.id, payers, how, zeroed: choice?.zeroed ?? null, ...(choice?.chosen ? { chosen: { value: choice.chosen, instead: choice.instead } } : {}) });
    };
    // A flag the other party's payment requires, set to the value that fails the check: it stops that action.
    const parts = other.conditions.filter((c) => !c.isAccess && c.when.length === 0).flatMap((c) => (c.expr.kind === 'and' ? c.expr.operands : [c.expr]));
    const blocks = effect.value.kind === 'bool' && parts.some((part) => { const flag = flagRequired(part); return flag?.name === name && flag.value !== (effect.value as { value: boolean }).value; });
    if (blocks && (other.payable || other.payments.some((p) => p.direction === 'out'))) found.push({ action: other.id, payers, how: 'blocks', zeroed: null });
    else if (required.some((amount) => stored(amount).has(name))) reach('requires', required);
    else if (paid.some((amount) => stored(amount).has(name))) reach('pays', paid);
  }
  return found;
}

/** Conditions of the action on the new value (a parameter written by the effect), other than the access check. */
function boundsOn(action: Action, effect: Effect): Expr[] {
  const parameters = new Set([...(effect.value ? walkExpr(effect.value) : [])].filter((e) => e.kind === 'variable' && e.scope === 'parameter').map((e) => (e as { name: string }).name));
  if (parameters.size === 0) return [];
  return action.conditions
    .filter((c) => !c.isAccess && [...walkExpr(c.expr)].some((e) => e.kind === 'variable' && parameters.has(e.name)))
    .map((c) => c.expr);
}

function timelockOf(action: Action): { expr: Expr; when: Expr[] } | null {
  const timed = action.conditions.find((c) => !c.isAccess && timeComparisons(c.expr).length > 0);
  return timed ? { expr: timed.expr, when: timed.when } : null;
}

/**
 * Money the holder takes: an amount the caller chooses, or the whole balance, paid to the caller, to an
 * address the caller gives, or to the holder itself. Paying an address its own credit (`deposits[payee]`),
 * a fixed fee, or the balance to someone else is not taking the money.
 */
function takesAtWill(to: Expr, amount: Expr, holders: string[]): boolean {
  const bare = to.kind === 'convert' ? to.operand : to;
  const whole = amount.kind === 'balance' || amount.kind === 'token-balance';
  const chosen = [...walkExpr(amount)].some((e) => e.kind === 'variable' && e.scope === 'parameter') && !ownCredit(amount, bare);
  if (!whole && !chosen) return false;
  if (bare.kind === 'caller' || (bare.kind === 'variable' && bare.scope === 'parameter')) return true;
  const party = bare.kind === 'variable' ? bare.party : null;
  return party !== null && holders.includes(party);
}

/**
 * The conditions of an action that require a one-way step (a flag or a time set, for good) that someone
 * other than the holders brings about: `require(isFunded)`, set when contributions reach the goal.
 */
function stagesReached(action: Action, terms: ContractTerms, holders: string[]): Expr[] {
  return action.conditions
    .filter((c) => !c.isAccess && c.when.length === 0)
    .filter((c) =>
      terms.lifecycles.some((lifecycle) => {
        if (lifecycle.kind === 'enum' || !statesOf(c.expr, lifecycle)?.every((state) => state === 'on')) return false;
        const setters = lifecycle.transitions.map((t) => terms.actions.find((a) => a.id === t.action)).filter((a): a is Action => a !== undefined && a.kind !== 'constructor');
        return setters.some((setter) => setter.access.anyone || setter.access.rules.some((rule) => !holders.includes(ruleHolder(rule) ?? '')));
      }),
    )
    .map((c) => c.expr);
}

/** A power with nothing changed: the holders, the action, its source. */
function draftPower(count: number, kind: PowerKind, action: Action, holders: string[]): Power {
  return { id: `power:${count + 1}`, kind, action: action.id, holders, target: null, value: null, bounds: [], affectsExisting: null, timelock: null, timelockWhen: [], rateScale: null, source: action.source, basis: 'code' };
}

/** The unconditional checks that limit a recipient the caller gives to named parties (`to == buyer || to == seller`). */
function recipientLimits(action: Action, to: Expr): Expr[] {
  const recipient = unwrap(to);
  if (recipient.kind !== 'variable' || recipient.scope !== 'parameter') return [];
  const namesParties = (expr: Expr): boolean => {
    if (expr.kind === 'or') return expr.operands.every(namesParties);
    if (expr.kind !== 'compare' || expr.op !== '==') return false;
    const [left, right] = [unwrap(expr.left), unwrap(expr.right)];
    const other = left.kind === 'variable' && left.name === recipient.name ? right : right.kind === 'variable' && right.name === recipient.name ? left : null;
    return other !== null && other.kind === 'variable' && other.party !== null;
  };
  return action.conditions.filter((c) => !c.isAccess && c.when.length === 0 && namesParties(c.expr)).map((c) => c.expr);
}


/**
 * An action open to anyone that makes the caller a party, for nothing (no ETH, no condition but on who the
 * caller is): anyone may take that party's place, whenever they like (a stranger signing as the Tenant of
 * a running lease). A bid that must beat the last one, or a role set once, is a step of the deal instead.
 */
function selfAppointments(terms: ContractTerms, action: Action, count: number): Power[] {
  if (action.payable || action.conditions.some((c) => !c.isAccess && ![...walkExpr(c.expr)].some((e) => e.kind === 'caller'))) return [];
  return action.effects
    .filter((effect) => effect.kind === 'set' && effect.when.length === 0 && effect.target.kind === 'variable' && effect.value?.kind === 'caller')
    .filter((effect) => {
      const party = terms.parties.find((p) => effect.target.kind === 'variable' && p.id === effect.target.party);
      return party !== undefined && party.kind !== 'owner' && party.changedBy.includes(action.id);
    })
    .map((effect, index) => ({ ...draftPower(count + index, 'change-party', action, []), target: effect.target, value: effect.value, source: effect.source }));
}

/**
 * A payment of the contract's whole balance (of ETH or of a token) to a party named by one record
 * (`jobs[id].client`): where the contract keeps a record per deal, that balance holds the other deals'
 * money as well.
 */
function paysPoolToRecordParty(amount: Expr, toParty: string | null, terms: ContractTerms): boolean {
  const whole = unwrap(amount);
  if ((whole.kind !== 'balance' && whole.kind !== 'token-balance') || unwrap(whole.of).kind !== 'this') return false;
  return terms.parties.some((party) => party.id === toParty && party.kind === 'item-field');
}

/** `ledger[to]` (as it stood before the call): what the recipient itself is owed. */
function ownCredit(amount: Expr, to: Expr): boolean {
  const entry = amount.kind === 'prior' ? amount.of : amount;
  return entry.kind === 'index' && JSON.stringify(entry.index) === JSON.stringify(to);
}

/**
 * A step of the deal rather than a power over it: the action is open only at a stage of the deal or after
 * a time (a remedy after the other side's default, a claim after a deadline).
 */
function isStepOfDeal(action: Action): boolean {
  return action.conditions.some((c) => !c.isAccess && (timeComparisons(c.expr).length > 0 || [...walkExpr(c.expr)].some((e) => e.kind === 'enum-member')));
}

/**
 * The action goes ahead only after another party's own step: a signature it checks, or a record its
 * conditions read (directly or through a view such as `isOperationReady`) that only other parties' actions
 * write (an operation a proposer scheduled). Then its holders cannot take the money alone.
 */
function needsOthersStep(action: Action, holders: string[], terms: ContractTerms, stored: StoredReads): boolean {
  const checks = action.conditions.filter((c) => !c.isAccess).map((c) => c.expr);
  const read = new Set(checks.flatMap((expr) => [...stored(expr)]));
  if (read.has(SIGNATURE)) return true;
  return [...read].some((name) => {
    // Actions open to the same callers (execute and executeBatch) are not another party's step.
    const same = (a: Action) => JSON.stringify(a.access.rules) === JSON.stringify(action.access.rules) && a.access.anyone === action.access.anyone;
    const writers = terms.actions.filter((a) => !same(a) && a.kind !== 'constructor' && a.effects.some((e) => targetName(e.target) === name));
    return writers.length > 0 && writers.every((w) => !w.access.anyone && w.access.rules.length > 0 && w.access.rules.every((r) => { const holder = ruleHolder(r); return holder !== null && !holders.includes(holder); }));
  });
}


function dedupe(list: Power[]): Power[] {
  const seen = new Map<string, Power>();
  return list.filter((p) => {
    // Moves of one record to different states are different powers.
    const key = `${p.action}|${p.kind}|${JSON.stringify(p.target)}${p.kind === 'strand-funds' ? JSON.stringify(p.value) : ''}`;
    const kept = seen.get(key);
    if (kept) {
      // The same change made on several paths: it happens when any of them is taken (always, if one is unconditional).
      if (!kept.when || !p.when) delete kept.when;
      else if (JSON.stringify(kept.when) !== JSON.stringify(p.when)) kept.when = [or([and(kept.when), and(p.when)])];
      return false;
    }
    seen.set(key, p);
    return true;
  });
}

