/**
 * Powers that override the deal. The headline of each power goes first in the document ("Read this
 * first", section `warning`, id `power:<id>`); its fine print — limits on the new value, whether running
 * deals are affected, any delay — goes in section `powers` (`power:<id>:bounds|existing|timelock`).
 * With no powers: `powers:none`.
 */
import type { ContractTerms, Lifecycle, Party, Power } from '../../terms/index.ts';
import type { Action, Expr, Payment } from '../../terms/index.ts';
import { unwrap, walkExpr } from '../../terms/index.ts';
import { paysOnEveryPath } from '../../extract/unpaid-paths.ts';
import { requiredStates } from '../../extract/lifecycle.ts';
import { ruleHolder } from '../../extract/actions.ts';
import { flagRequired } from '../../extract/flag-zero.ts';
import { actionNames, findAction, prefixed, spanSources, spec, type StatementSpec } from './spec.ts';
import { rolePlace } from '../roles.ts';
import { balanceLeft } from './money.ts';
import { storedPath } from '../../extract/time-anchors.ts';
import { definitionsOf, namingOf, type Naming } from '../named-values.ts';
import type { NamedValue } from '../../ir/named-values.ts';

/** Kinds whose new value can be bounded by the code. */
const BOUNDED_KINDS = new Set<Power['kind']>(['change-term', 'change-party']);

export function buildWarningSpecs(terms: ContractTerms): StatementSpec[] {
  return terms.powers.map((power) => {
    const places = recordNames(terms, power);
    const made = spec(prefixed('power', power.id), 'warning', 'power', {
      basis: power.basis,
      source: power.source,
      context: withSplit({ ...powerContext(terms, power), places: places?.places ?? [] }),
    });
    if (places) made.naming = places.naming;
    return made;
  });
}

/** Conditions said in a sentence of their own when a record is defined first or there are more than two of them. */
function withSplit(context: Record<string, unknown>): Record<string, unknown> {
  const places = context.places as unknown[];
  const onlyWhen = (context.onlyWhen as unknown[] | undefined) ?? [];
  return { ...context, splitConditions: places.length > 0 || onlyWhen.length > 2 };
}

/**
 * For taking money (`withdraw-funds`): the records the action names by a storage reference (`Schedule storage
 * schedule = schedules[b][i]`), so its sentence names "the Schedule" once defined, not the full path in every
 * condition and amount (review 7b N2: one sentence of 134 words). Only when every value the action's block
 * names is such a record, set once: a computed value would need its own definition.
 */
function recordNames(terms: ContractTerms, power: Power): { naming: Naming; places: { label: string; name: string; named: NamedValue }[] } | null {
  const action = findAction(terms, power.action);
  if (power.kind !== 'withdraw-funds' || !action) return null;
  const naming = namingOf(action, action.source.path);
  const defined = definitionsOf(naming);
  if (defined.length === 0 || defined.some((d) => !d.local.place || d.values.length !== 1)) return null;
  return { naming, places: defined.map((d) => ({ label: d.local.label, name: d.local.name, named: d.values[0]! })) };
}

export function buildPowerSpecs(terms: ContractTerms): StatementSpec[] {
  if (terms.powers.length === 0) {
    return [spec('powers:none', 'powers', 'powers-none', { basis: 'code', source: terms.source, context: {} })];
  }
  // The actions whose powers take effect with no delay of their own: said once, in one sentence, before the fine print.
  const atOnce: string[] = [];
  const fine = terms.powers.flatMap((power) => {
    const id = prefixed('power', power.id);
    const context = powerContext(terms, power);
    const fields = { basis: power.basis, source: power.source, context };
    const specs: StatementSpec[] = [];
    // A party who makes themselves the party gives no new value to bound: who may do so is the limit, stated above.
    // A fixed value (`waived = true`) has no new value to bound.
    if (BOUNDED_KINDS.has(power.kind) && power.value?.kind !== 'caller' && !power.reaches) specs.push(spec(`${id}:bounds`, 'powers', 'power-bounds', fields));
    // A nomination changes nothing under way until it is accepted; the timelock line says so.
    if (BOUNDED_KINDS.has(power.kind) && power.affectsExisting !== null && !context.acceptance) specs.push(spec(`${id}:existing`, 'powers', 'power-existing', fields));
    const plain = power.timelock === null && !context.acceptance && !context.queuedBy;
    if (!plain) specs.push(spec(`${id}:timelock`, 'powers', 'power-timelock', fields));
    else {
      const name = findAction(terms, power.action)?.name;
      if (name && !atOnce.includes(name)) atOnce.push(name);
    }
    return specs;
  });
  const sources = terms.powers.filter((power) => atOnce.includes(findAction(terms, power.action)?.name ?? '')).map((power) => power.source);
  const immediate = atOnce.length === 0 ? [] : [spec('powers:at-once', 'powers', 'powers-at-once', { basis: 'code', source: spanSources(sources, terms.source), context: { actions: atOnce } })];
  return [...immediate, ...fine];
}

function powerContext(terms: ContractTerms, power: Power): Record<string, unknown> {
  return {
    power,
    evm: terms.evm,
    // The money goes to the holder itself (`selfdestruct(owner)` by the Owner): they take it.
    toHolder: toHolder(power),
    action: findAction(terms, power.action),
    holders: power.holders.map((holder) => terms.parties.find((party) => party.id === holder) ?? null).filter((party) => party !== null),
    // Actions paying the party the power replaces: their payments follow the new holder (VestingWallet's release).
    paidAfter: actionNames(terms, paidTo(terms, power)),
    // What taking money pays the holders, as the action's payments say it: never "money held by the contract" at large.
    // Each with the party paid (`payee`): the holder, however the code names them (the caller, `owner`).
    taken: power.kind === 'withdraw-funds' ? (findAction(terms, power.action)?.payments ?? []).filter((p) => p.direction === 'out' && p.toParty !== null && power.holders.includes(p.toParty)).map((p) => ({ ...p, payee: terms.parties.find((party) => party.id === p.toParty) ?? null })) : [],
    // The flags the action always requires (`s.revocable && !s.revoked`): the power reaches only what they allow.
    ...takeConditions(terms, power),
    // A fixed value read in what another party must pay (`waive`, read in `pay` through `lateFee`).
    reached: (power.reaches ?? []).map((r) => ({ action: findAction(terms, r.action), how: r.how, zeroed: r.zeroed, chosen: r.chosen ?? null, payers: r.payers.map((id) => terms.parties.find((party) => party.id === id) ?? null).filter((party) => party !== null) })),
    ...stageDecided(terms, power),
    ...stranded(terms, power),
    acceptance: acceptance(terms, power),
    ...pausedActions(terms, power),
    ...exitMade(terms, power),
    ...settlement(terms, power),
    ...recordStops(terms, power),
    // For an allow-list of hooks (`allow-hook`): the other parties' actions that call an address on it.
    hooked: actionNames(terms, power.hooked?.actions ?? []),
    // For giving or taking roles: the actions a role is needed for, other than managing roles.
    roleActions: power.kind === 'grant-role' || power.kind === 'revoke-role' ? roleGatedActions(terms) : [],
    // For a call queued in advance (`arbitrary-call`): the action whose check sets the delay (`queue`), and
    // the window in which the queued call may run.
    queuedBy: queuingAction(terms, power)?.name ?? null,
    ...queueWindow(terms, power),
  };
}

/**
 * For a one-sided exit (`exit`): the actions it stops, the places its own payments go to, and each total it
 * lowers with the actions whose payments that total limits.
 */
function exitMade(terms: ContractTerms, power: Power): { stops?: string[]; empties?: string[]; payees?: Expr[]; maybe?: boolean; frees?: { target: Expr; readers: string[]; callers: Party[] }[] } {
  if (power.kind !== 'exit' || !power.exit) return {};
  const action = findAction(terms, power.action);
  const payees: Expr[] = [];
  for (const payment of action?.payments ?? []) {
    // The same payee paid in ETH on one branch and in a token on another (`payable(host)`, `host`) is named once.
    if (payment.direction === 'out' && !payees.some((p) => JSON.stringify(unwrap(p)) === JSON.stringify(unwrap(payment.to)))) payees.push(payment.to);
  }
  // Who may call the actions a lowered total limits: they may then take what it no longer holds back.
  const callers = (ids: string[]) => [...new Set(ids.flatMap((id) => findAction(terms, id)?.access.rules.map((r) => ruleHolder(r)) ?? []))].map((id) => terms.parties.find((p) => p.id === id) ?? null).filter((p): p is Party => p !== null);
  // Every payment under a condition (`if (balance > 0)`): it may pay, not always; unless one branch or the other
  // always pays (in ETH on one branch, in a token on the other).
  const outs = (action?.payments ?? []).filter((p) => p.direction === 'out');
  const maybe = outs.every((p) => p.when.length > 0) && !(action && paysOnEveryPath(action, [], terms.actions, false));
  return { stops: actionNames(terms, power.exit.stops), empties: actionNames(terms, power.exit.empties), payees, maybe, frees: power.exit.frees.map((f) => ({ target: f.target, readers: actionNames(terms, f.readers), callers: callers(f.readers) })) };
}

/**
 * For a third party's settlement (`settle`): the action's own conditions, each payment with what is left of
 * the balance before it and whether the caller chooses its amount, and the flags it sets with their readers.
 */
function settlement(terms: ContractTerms, power: Power): { settleConditions?: Expr[]; settlePaid?: { payment: Payment; left: ReturnType<typeof balanceLeft>; chosen: boolean }[]; settleFlags?: { target: Expr; value: Expr; readers: string[] }[] } {
  const action = findAction(terms, power.action);
  if (power.kind !== 'settle' || !power.settle || !action) return {};
  const chosen = (amount: Expr) => [...walkExpr(amount)].some((e) => e.kind === 'variable' && e.scope === 'parameter');
  return {
    settleConditions: action.conditions.filter((c) => !c.isAccess && c.when.length === 0).map((c) => c.expr),
    settlePaid: action.payments.filter((p) => p.direction === 'out').map((payment) => ({ payment, left: balanceLeft(action, payment), chosen: chosen(payment.amount) })),
    settleFlags: power.settle.flags.map((flag) => ({ ...flag, readers: actionNames(terms, flag.readers) })),
  };
}

/**
 * For taking money (`withdraw-funds`) from one record: the other actions that pay out and require a flag of
 * that record which this action sets the other way (`claim` requires `!schedule.revoked`; `revoke` sets it).
 * They pay nothing more for that record. `keptIn`: no other action pays out, and this one needs the flag as it
 * was too, so what they would still have paid for it stays in the contract.
 */
function recordStops(terms: ContractTerms, power: Power): { stopsPaying?: string[]; stopRecord?: string | null; keptIn?: boolean } {
  const action = findAction(terms, power.action);
  if (power.kind !== 'withdraw-funds' || !action) return {};
  const sets = action.effects.filter((e) => e.kind === 'set' && e.when.length === 0 && e.value?.kind === 'bool' && e.target.kind === 'member' && storedPath(e.target) !== null);
  const stops = sets.flatMap((set) => {
    const path = storedPath(set.target)!;
    const value = (set.value as { value: boolean }).value;
    const others = terms.actions.filter((a) => a.id !== action.id && a.kind !== 'constructor' && paysOut(a) && recordFlag(a, path) === !value);
    return others.length > 0 ? [{ set, path, value, others }] : [];
  });
  const first = stops[0];
  if (!first) return {};
  const record = first.set.target.kind === 'member' && first.set.target.object.kind === 'index' ? first.set.target.object.item : null;
  const keptIn = recordFlag(action, first.path) === !first.value && terms.actions.every((a) => a.id === action.id || !paysOut(a) || first.others.includes(a));
  return { stopsPaying: actionNames(terms, first.others.map((a) => a.id)), stopRecord: record, keptIn };
}

function paysOut(action: Action): boolean {
  return action.payments.some((p) => p.direction === 'out' && unwrap(p.amount).kind !== 'value-sent');
}

/** The value an action's unconditional checks require of a record's flag (`!schedule.revoked`: false), by path. */
function recordFlag(action: Action, path: string): boolean | null {
  const values = new Set<boolean>();
  for (const condition of action.conditions) {
    if (condition.when.length > 0 || condition.isAccess) continue;
    for (const part of condition.expr.kind === 'and' ? condition.expr.operands : [condition.expr]) {
      const negated = part.kind === 'not';
      const flag = unwrap(negated ? (part as { operand: Expr }).operand : part);
      if (flag.kind === 'member' && flag.type === 'bool' && storedPath(flag) === path) values.add(!negated);
    }
  }
  return values.size === 1 ? [...values][0]! : null;
}

/** For a call queued in advance (`arbitrary-call`): the action whose check proves the delay (`queue`). */
export function queuingAction(terms: ContractTerms, power: Power): Action | null {
  if (power.kind !== 'arbitrary-call' || power.timelock === null) return null;
  const check = JSON.stringify(power.timelock);
  return terms.actions.find((a) => a.id !== power.action && a.conditions.some((c) => JSON.stringify(c.expr).includes(check))) ?? null;
}

/**
 * The window of a queued call, from the time named when queuing (`_timestamp` in `_timestamp >= now +
 * MIN_DELAY`): the latest time the queuing action accepts (`_timestamp <= now + MAX_DELAY`), and how long
 * after that time the call may still run (`now <= _timestamp + GRACE_PERIOD`). Each null when the code sets none.
 */
function queueWindow(terms: ContractTerms, power: Power): { latest?: Expr; grace?: Expr } {
  const queue = queuingAction(terms, power);
  const timelock = power.timelock;
  if (!queue || timelock?.kind !== 'compare') return {};
  const named = JSON.stringify(unwrap(timelock.left));
  const parts = (action: Action) => action.conditions.filter((c) => c.when.length === 0).flatMap((c) => (c.expr.kind === 'and' ? c.expr.operands : [c.expr]));
  // `named <= now + Y` when queuing; `now <= named + X` when running.
  const latest = parts(queue).find((e) => e.kind === 'compare' && (e.op === '<=' || e.op === '<') && JSON.stringify(unwrap(e.left)) === named && e.right.kind === 'arith' && e.right.op === '+' && unwrap(e.right.left).kind === 'now');
  const run = findAction(terms, power.action);
  const grace = run ? parts(run).find((e) => e.kind === 'compare' && (e.op === '<=' || e.op === '<') && unwrap(e.left).kind === 'now' && e.right.kind === 'arith' && e.right.op === '+' && JSON.stringify(unwrap(e.right.left)) === named) : undefined;
  return {
    ...(latest?.kind === 'compare' && latest.right.kind === 'arith' ? { latest: latest.right.right } : {}),
    ...(grace?.kind === 'compare' && grace.right.kind === 'arith' ? { grace: grace.right.right } : {}),
  };
}

/**
 * For a power that moves the deal into a stage (`decide-payout`): the stage (`State == Closed`) and the
 * actions that pay out money the contract holds only there, with their payments out.
 */
function stageDecided(terms: ContractTerms, power: Power): { stage?: Expr; payers?: { action: Action; payments: Action['payments']; holdersOnly: boolean }[]; heldBack?: string[] } {
  if (power.kind !== 'decide-payout' || power.target === null || power.value?.kind !== 'enum-member') return {};
  const target = power.target;
  const state = power.value.member;
  const lifecycle = terms.lifecycles.find((l) => !l.perItem && target.kind === 'variable' && l.variable === target.name);
  if (!lifecycle) return {};
  const payers = terms.actions
    .filter((a) => a.id !== power.action && a.kind !== 'constructor' && (requiredStates(a, lifecycle) ?? []).join() === state)
    .map((action) => ({
      action,
      payments: action.payments.filter((p) => p.direction === 'out' && unwrap(p.amount).kind !== 'value-sent'),
      // Only the holders may call it: the payees cannot collect themselves.
      holdersOnly: !action.access.anyone && action.access.rules.length > 0 && action.access.rules.every((r) => power.holders.includes(ruleHolder(r) ?? '')),
    }))
    .filter((payer) => payer.payments.length > 0);
  return { stage: { kind: 'compare', op: '==', left: target, right: power.value }, payers, heldBack: payers.filter((p) => p.holdersOnly).map((p) => p.action.name) };
}

/**
 * For a move back to a state from which nothing pays out (`strand-funds`): the lifecycle, the state reached,
 * and the actions that would pay out in the states the move leaves.
 */
function stranded(terms: ContractTerms, power: Power): { strandLifecycle?: Lifecycle; strandTo?: string; strandPayers?: string[] } {
  const value = power.value;
  if (power.kind !== 'strand-funds' || value?.kind !== 'enum-member') return {};
  for (const lifecycle of terms.lifecycles) {
    if (lifecycle.enumName !== value.enumName) continue;
    const moves = lifecycle.transitions.filter((t) => t.action === power.action && t.to === value.member && !t.creates);
    if (moves.length === 0) continue;
    const left = new Set(moves.flatMap((t) => (t.from.length > 0 ? t.from : lifecycle.states.map((s) => s.name))));
    const payers = terms.actions.filter((a) => a.id !== power.action && a.payments.some((p) => p.direction === 'out') && (requiredStates(a, lifecycle) ?? []).some((s) => left.has(s)));
    const label = lifecycle.states.find((s) => s.name === value.member)?.label ?? value.member;
    return { strandLifecycle: lifecycle, strandTo: label, strandPayers: payers.map((a) => a.name) };
  }
  return {};
}

/**
 * A power that only names someone (`_pendingOwner = newOwner`) whom the code lets do one thing: take over
 * another party's place by calling an action themselves (`acceptOwnership` sets the owner to the caller).
 * The change to that party waits for them: the nominee and the party, with the actions that accept.
 */
function acceptance(terms: ContractTerms, power: Power): { nominee: Party; taken: Party; accept: string[] } | null {
  const target = power.target === null ? null : unwrap(power.target);
  if (target?.kind !== 'variable' || !target.party || power.value?.kind === 'caller') return null;
  const nominee = terms.parties.find((party) => party.id === target.party);
  let taken: Party | undefined;
  const accept = terms.actions.filter((action) => {
    if (action.id === power.action || action.access.anyone || action.access.rules.length === 0) return false;
    if (!action.access.rules.every((rule) => rule.kind === 'party' && rule.party === target.party)) return false;
    const takeover = action.effects.find((effect) => {
      const place = effect.kind === 'set' ? unwrap(effect.target) : null;
      return place?.kind === 'variable' && place.party !== null && place.party !== target.party && effect.value !== null && unwrap(effect.value).kind === 'caller';
    });
    const place = takeover ? unwrap(takeover.target) : null;
    if (place?.kind === 'variable') taken = terms.parties.find((party) => party.id === place.party);
    return takeover !== undefined;
  });
  return nominee && taken && accept.length > 0 ? { nominee, taken, accept: accept.map((action) => action.name) } : null;
}

/**
 * For a pause: what the flag it sets does to the other actions, read from which way each one's check points.
 * An action that requires the flag clear (`whenNotPaused`) cannot be used while it stands (`blocked`); one that
 * requires it set (`whenPaused`) can be used only then (`onlyPaused`); one that pays out and does not check
 * it still can (`open`). The actions that set or clear the flag whatever else happens (`pause`, `unpause`) are
 * the pause itself, not actions it stops; a check whose direction the model cannot tell puts the action in no list.
 */
function pausedActions(terms: ContractTerms, power: Power): { blocked?: string[]; onlyPaused?: string[]; open?: string[] } {
  const target = power.target === null ? null : unwrap(power.target);
  if (power.kind !== 'pause' || target?.kind !== 'variable' || power.value?.kind !== 'bool') return {};
  const pausedValue = power.value.value;
  const isFlag = (node: Expr) => node.kind === 'variable' && node.name === target.name && node.scope === target.scope;
  const readsFlag = (action: Action) => action.conditions.some((condition) => [...walkExpr(condition.expr)].some(isFlag));
  const setsFlag = (action: Action) => action.effects.some((effect) => effect.when.length === 0 && isFlag(unwrap(effect.target)));
  const users = terms.actions.filter((action) => action.kind !== 'constructor' && !setsFlag(action) && !terms.powers.some((p) => p.action === action.id && (p.kind === 'pause' || p.kind === 'unpause')));
  const names = (actions: Action[]) => [...new Set(actions.map((action) => action.name))];
  const blocked = users.filter((action) => requiredFlag(action, target.name) === !pausedValue);
  const onlyPaused = users.filter((action) => requiredFlag(action, target.name) === pausedValue);
  if (blocked.length === 0 && onlyPaused.length === 0) return {};
  const open = users.filter((action) => !readsFlag(action) && action.payments.some((payment) => payment.direction === 'out'));
  return { blocked: names(blocked), onlyPaused: names(onlyPaused), open: names(open) };
}

/** The value an action always requires of a stored flag (`!paused` → false), or null when no unconditional check says. */
function requiredFlag(action: Action, name: string): boolean | null {
  const values = new Set<boolean>();
  for (const condition of action.conditions) {
    if (condition.when.length > 0) continue;
    for (const part of condition.expr.kind === 'and' ? condition.expr.operands : [condition.expr]) {
      const flag = flagRequired(part);
      if (flag?.name === name) values.add(flag.value);
    }
  }
  return values.size === 1 ? [...values][0]! : null;
}

/** The flags taking money requires beyond the power's bounds (`requires`), and both together (`onlyWhen`). */
function takeConditions(terms: ContractTerms, power: Power): { requires: Expr[]; onlyWhen: Expr[] } {
  if (power.kind !== 'withdraw-funds') return { requires: [], onlyWhen: [] };
  const requires = requiredFlags(findAction(terms, power.action)).filter((f) => !power.bounds.some((b) => JSON.stringify(b) === JSON.stringify(f)));
  return { requires, onlyWhen: [...power.bounds, ...requires] };
}

/**
 * The stored flags an action requires whatever else happens, other than who may call it: a flag of the
 * contract (`!closed`) or of a record (`s.revocable`, `!s.revoked`), as the checks write them.
 */
function requiredFlags(action: Action | null | undefined): Expr[] {
  const isFlag = (e: Expr): boolean => {
    const bare = unwrap(e);
    if (bare.kind === 'not') return isFlag(bare.operand);
    if (bare.kind === 'variable') return bare.scope === 'state' && bare.type === 'bool';
    if (bare.kind !== 'member' || bare.type !== 'bool') return false;
    let root: Expr = bare.object;
    while (root.kind === 'index' || root.kind === 'member') root = root.kind === 'index' ? root.base : root.object;
    return root.kind === 'variable' && root.scope === 'state';
  };
  return (action?.conditions ?? [])
    .filter((c) => c.when.length === 0 && !c.isAccess)
    .flatMap((c) => (c.expr.kind === 'and' ? c.expr.operands : [c.expr]))
    .filter(isFlag);
}

/** Names of the actions only a role's holders may call, other than those that give, take or renounce roles. */
function roleGatedActions(terms: ContractTerms): string[] {
  const managing = new Set(terms.powers.filter((p) => p.kind === 'grant-role' || p.kind === 'revoke-role').map((p) => p.action));
  const renounces = (action: Action) => action.effects.some((effect) => rolePlace(effect.target) !== null) && !action.access.rules.some((rule) => rule.kind === 'role');
  const gated = terms.actions.filter((action) => !managing.has(action.id) && !renounces(action) && action.access.rules.some((rule) => rule.kind === 'role'));
  return [...new Set(gated.map((action) => action.name))];
}

function toHolder(power: Power): boolean {
  const target = power.target === null ? null : unwrap(power.target);
  if (target?.kind === 'caller') return true;
  return target?.kind === 'variable' && target.party !== null && power.holders.length === 1 && power.holders[0] === target.party;
}

function paidTo(terms: ContractTerms, power: Power): string[] {
  if (power.kind !== 'transfer-ownership' && power.kind !== 'change-party') return [];
  const target = power.target?.kind === 'variable' ? power.target : null;
  const party = target?.party ?? null;
  if (!party) return [];
  return terms.actions.filter((a) => a.kind !== 'constructor' && a.payments.some((p) => p.direction !== 'in' && p.toParty === party)).map((a) => a.id);
}
