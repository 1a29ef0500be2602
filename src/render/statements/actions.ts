/**
 * What each party may do: for every action, who may call it, only if what, and what it then changes,
 * pays and calls, and the events it records (one line). Ids: `action:<action id>:<part>[:<n>]`, n counting from 1 in the model's order.
 */
import type { Action, ContractTerms, Effect, Expr, SourceRef } from '../../terms/index.ts';
import { unwrap } from '../../terms/index.ts';
import { isMaxUint, rewrite } from '../../ir/exprs.ts';
import { rolePlace, type RolePlace } from '../roles.ts';
import { balanceLeft, clearedClaim, failsOnlyWithFalse } from './money.ts';
import { firstSets, isOnceBookkeeping, isOnceCheck, succeedsOnce } from './once.ts';
import type { NamedValue } from '../../ir/named-values.ts';
import { definitionsOf, namingOf, placeOf, type Naming } from '../named-values.ts';
import { tellingEmits } from './events.ts';
import { isRefusal } from '../../extract/read-actions.ts';
import { paysNothing } from '../../extract/never-recorded.ts';
import { isZero } from '../expr-helpers.ts';
import { combineBasis, spanSources, spec, type StatementSpec } from './spec.ts';

export function buildActionSpecs(terms: ContractTerms): StatementSpec[] {
  const specs = terms.actions.flatMap((action) => buildOneAction(terms, action));
  // That a call which fails changes nothing is said once, before the actions, not after each rule.
  const ruled = terms.actions.some((action) => !action.access.anyone || action.conditions.length > 0);
  const intro = ruled ? [spec('actions:all-or-nothing', 'actions', 'all-or-nothing', { basis: 'code', source: null, context: {} })] : [];
  return [...intro, ...specs];
}

function buildOneAction(terms: ContractTerms, action: Action): StatementSpec[] {
  const naming = namingOf(action, action.source.path);
  const specs = buildActionParts(terms, action);
  // The computed values the block names are defined after who may call and what the call must carry.
  const at = specs.findIndex((s) => !/:(inherited|access|payable)$/.test(s.id));
  specs.splice(at < 0 ? specs.length : at, 0, ...namedValueSpecs(action, naming));
  for (const s of specs) s.naming = naming;
  return specs;
}

/** One statement per value a named local takes, in the order the code sets them; the first of each local introduces it. */
function namedValueSpecs(action: Action, naming: Naming): StatementSpec[] {
  const prefix = `action:${action.id}`;
  return definitionsOf(naming)
    .flatMap(({ local, values }) =>
      values.map((value, index) => ({
        context: {
          action,
          label: local.label,
          name: local.name,
          within: local.within && { name: local.within.name, call: placeOf({ source: local.within.call, joined: false }, naming.path) },
          first: index === 0,
          place: local.place,
          named: value,
          at: local.versions.length > 1 ? placeOf(value, naming.path) : null,
          // A value set inside an `if` and chosen between after it: set on some paths only.
          partial: joinOf(local, value, naming.path),
        },
        source: value.source,
      })),
    )
    // In the order the code sets them: a value defined before the values that use it.
    .sort((a, b) => a.context.named.order - b.context.named.order)
    .map(({ context, source }, index) =>
      spec(`${prefix}:value:${index + 1}`, 'actions', 'named-value', { actionKind: action.kind, group: prefix, basis: 'code', source, context }),
    );
}

/** For a value set inside an `if` and chosen between after it (so set on some paths only): where the choice is made. */
function joinOf(local: NamedValue, value: NamedValue, path: string): ReturnType<typeof placeOf> | null {
  const join = value.joined ? undefined : local.versions.find((other) => other.joined && within(value.source, other.source));
  return join ? placeOf(join, path) : null;
}

function within(inner: SourceRef, outer: SourceRef): boolean {
  return inner.path === outer.path && inner.line >= outer.line && inner.endLine <= outer.endLine;
}

function buildActionParts(terms: ContractTerms, action: Action): StatementSpec[] {
  const prefix = `action:${action.id}`;
  const base = { actionKind: action.kind, basis: action.basis, group: prefix };
  const specs: StatementSpec[] = [];
  if (action.inherited) {
    specs.push(spec(`${prefix}:inherited`, 'actions', 'inherited', { ...base, source: action.source, context: { action } }));
  }
  if (action.alwaysFails) {
    // Nothing else it says can happen: one sentence, with the code's message.
    const refusal = action.conditions.find(isRefusal)!;
    return [...specs, spec(`${prefix}:always-fails`, 'actions', 'always-fails', { ...base, basis: 'code', source: refusal.source, context: { action, condition: refusal } })];
  }
  // Two or more conditions: "otherwise it fails and nothing changes" is said once, before them, in the
  // sentence that says who may call a function (or in one of its own).
  // The check that the caller's own entry holds the amount is said with the access: not again as a condition.
  const own = action.access.anyone ? ownEntry(action) : null;
  const checks = action.conditions.filter((condition) => !condition.isAccess && condition !== own?.condition && !isOnceCheck(action, condition));
  const listed = checks.length > 1;
  const told = listed && action.kind === 'function';
  const access = spec(`${prefix}:access`, 'actions', 'access', { ...base, basis: 'code', source: own?.condition.source ?? action.access.source ?? action.source, context: { action, ownEntry: own, selfNamed: selfNamed(action), conditionsFollow: told, once: succeedsOnce(terms, action), firstSets: firstSets(action) } });
  const payable = action.payable ? [spec(`${prefix}:payable`, 'actions', 'payable', { ...base, basis: 'code', source: action.source, context: { action } })] : [];
  // The sentence that announces the conditions comes right before them.
  // Anyone may deploy: with conditions to meet, the sentence that states them says all the first would.
  const plainDeploy = action.kind === 'constructor' && action.access.anyone && checks.length > 0;
  specs.push(...(told ? [...payable, access] : plainDeploy ? payable : [access, ...payable]));
  if (listed && !told) {
    const source = spanSources(checks.map((condition) => condition.source), checks[0]!.source);
    specs.push(spec(`${prefix}:conditions`, 'actions', 'conditions', { ...base, basis: combineBasis(checks.map((c) => c.basis)), source, context: { action } }));
  }
  const conditionKey = (condition: Action['conditions'][number]) => JSON.stringify([condition.expr, condition.message, condition.error, condition.when, condition.each]);
  action.conditions.forEach((condition, index) => {
    if (condition.isAccess || condition === own?.condition || isOnceCheck(action, condition)) return;
    // The same check made again (OpenZeppelin 4's _mint checks that the token is new before and after its hook) is stated once.
    if (action.conditions.slice(0, index).some((earlier) => conditionKey(earlier) === conditionKey(condition))) return;
    const context = { action, condition, listed };
    const table = listed ? { table: 'conditions' } : {};
    specs.push(spec(`${prefix}:condition:${index + 1}`, 'actions', 'condition', { ...base, ...table, basis: condition.basis, source: condition.source, context }));
  });
  action.transitions.forEach((transition, index) => {
    // A new record written whole on the same line is stated by that write, its state included.
    if (transition.creates && action.effects.some((effect) => effect.value?.kind === 'struct' && sameLine(effect.source, transition.source))) return;
    const lifecycle = terms.lifecycles.find((candidate) => candidate.id === transition.lifecycle) ?? null;
    const context = { action, transition, sameWhen: false, lifecycle, from: stateLabels(terms, transition.lifecycle, transition.from), to: stateLabel(terms, transition.lifecycle, transition.to) };
    specs.push(spec(`${prefix}:transition:${index + 1}`, 'actions', 'transition', { ...base, basis: 'code', source: transition.source, context }));
  });
  action.effects.forEach((effect, index) => {
    if (isLifecycleEffect(terms, action, effect) || isPartySetting(terms, action, effect) || isInitialState(terms, action, effect) || isOnceBookkeeping(action, effect)) return;
    const grant = roleGrant(effect);
    if (grant) {
      specs.push(spec(`${prefix}:effect:${index + 1}`, 'actions', 'role-grant', { ...base, basis: effect.basis, source: effect.source, context: { action, ...grant } }));
      return;
    }
    const record = recordWritten(effect);
    const id = `${prefix}:effect:${index + 1}`;
    specs.push(spec(id, 'actions', 'effect', { ...base, basis: effect.basis, source: effect.source, context: { action, effect, sameWhen: false, fieldsFollow: record !== null } }));
    // A new record of several fields: one row per field, rather than one long sentence.
    record?.fields.forEach((field, at) => {
      specs.push(spec(`${id}:field:${at + 1}`, 'actions', 'record-field', { ...base, table: 'record', basis: effect.basis, source: effect.source, context: { action, field } }));
    });
  });
  action.payments.forEach((payment, index) => {
    const id = `${prefix}:payment:${index + 1}`;
    specs.push(spec(id, 'actions', 'payment', { ...base, basis: payment.basis, source: payment.source, context: { action, payment: withoutZeroGuard(payment), sameWhen: false, left: balanceLeft(action, payment), unrecorded: paysNothing(terms, action.id, payment), instead: payment.instead === true } }));
    // What `selfdestruct` does besides paying depends on the EVM version the code is compiled for.
    if (payment.method === 'selfdestruct') specs.push(spec(`${id}:self-destruct`, 'actions', 'self-destruct', { ...base, basis: 'code', source: payment.source, context: { action, payment, evm: terms.evm } }));
    // A call whose target and data the holder of an `arbitrary-call` power chooses: the code it runs is theirs to pick.
    if (terms.powers.some((p) => p.kind === 'arbitrary-call' && p.action === action.id && JSON.stringify(p.target) === JSON.stringify(payment.to))) {
      specs.push(spec(`${id}:arbitrary-code`, 'actions', 'payment-arbitrary-code', { ...base, basis: 'code', source: payment.source, context: { action, payment } }));
    }
    if (payment.resultChecked === false) {
      specs.push(spec(`${id}:unchecked`, 'actions', 'payment-unchecked', { ...base, basis: 'code', source: payment.source, context: { action, payment, cleared: clearedClaim(terms, action, payment), viaToken: failsOnlyWithFalse(payment) } }));
    }
  });
  specs.splice(0, specs.length, ...groupByCondition(specs));
  if (action.emits.length > 0) {
    // Every event the action records, in one line: a record for the chain's readers, not a term.
    const source = spanSources(action.emits.map((emit) => emit.source), action.emits[0]!.source);
    const basis = combineBasis(action.emits.map((emit) => emit.basis));
    specs.push(spec(`${prefix}:events`, 'actions', 'events', { ...base, basis, source, context: { action, emits: tellingEmits(action), conditional: action.emits.length > 1 && action.emits.some((emit) => emit.when.length > 0) } }));
  }
  action.externalCalls.forEach((call, index) => {
    const context = { action, call, described: terms.actions.some((a) => a.name === call.name) || terms.definitions.some((d) => d.name === call.name), unlimited: isMaxUint(call.approval?.amount ?? null), ...selfCallPayees(terms, action, call) };
    specs.push(spec(`${prefix}:external-call:${index + 1}`, 'actions', 'external-call', { ...base, basis: 'code', source: call.source, context }));
  });
  return specs;
}

/**
 * A call of this contract's own action from outside (`this._payRoyalties(…)`): whom that action pays, and
 * whether the calling action makes all its own payments after it, in the code's order (royalties first).
 */
function selfCallPayees(terms: ContractTerms, action: Action, call: Action['externalCalls'][number]): { payees?: Expr[]; paysFirst?: boolean } {
  if (call.target.kind !== 'this') return {};
  const called = terms.actions.find((a) => a.name === call.name && a.id !== action.id);
  const outs = called?.payments.filter((p) => p.direction === 'out') ?? [];
  if (outs.length === 0) return {};
  const seen = new Set<string>();
  const payees = outs.map((p) => asCaller(unwrap(p.to))).filter((to) => !seen.has(JSON.stringify(to)) && Boolean(seen.add(JSON.stringify(to))));
  const after = (line: number) => action.payments.filter((p) => p.direction === 'out').every((p) => p.source.path === call.source.path ? p.source.line > line : false);
  const own = action.payments.filter((p) => p.direction === 'out');
  return { payees, paysFirst: own.length > 0 && after(call.source.line) };
}

/**
 * A payee of the called action as the caller's reader sees it: every entry of a list it walks (not the
 * entry "at the same position"), and another contract's answer without the called action's own parameters.
 */
function asCaller(payee: Expr): Expr {
  const whole = payee.kind === 'index' && payee.index.kind === 'position' ? payee.base : payee;
  return rewrite(whole, (e) => (e.kind === 'external-call' && e.args.length > 0 ? { ...e, args: [] } : null));
}

/** Effects on a lifecycle's variable are told by the action's transitions instead. */
function isLifecycleEffect(terms: ContractTerms, action: Action, effect: Effect): boolean {
  const name = targetName(effect.target);
  return action.transitions.some((transition) => {
    const lifecycle = terms.lifecycles.find((candidate) => candidate.id === transition.lifecycle);
    return lifecycle !== undefined && name === lifecycle.variable;
  });
}

/** A deployment that sets a state variable to what the lifecycle section says it starts as ("The State starts as Created"). */
function isInitialState(terms: ContractTerms, action: Action, effect: Effect): boolean {
  if (action.kind !== 'constructor' || effect.kind !== 'set' || effect.when.length > 0 || effect.each !== null) return false;
  const { target, value } = effect;
  if (target.kind !== 'variable' || value?.kind !== 'enum-member') return false;
  return terms.lifecycles.some((lifecycle) => lifecycle.kind === 'enum' && !lifecycle.perItem && lifecycle.variable === target.name && lifecycle.initial === value.member);
}

/**
 * A deployment that sets a party to the value the parties section already states ("set at deployment to …"),
 * or to a value the constructor itself then replaces (`Ownable()` sets the deployer, `transferOwnership(admin)` the admin):
 * the parties section states where deployment leaves it.
 */
function isPartySetting(terms: ContractTerms, action: Action, effect: Effect): boolean {
  if (action.kind !== 'constructor' || effect.kind !== 'set' || effect.when.length > 0 || effect.each !== null) return false;
  const name = effect.target.kind === 'variable' ? effect.target.name : null;
  const value = JSON.stringify(effect.value);
  const later = action.effects.slice(action.effects.indexOf(effect) + 1);
  const replaced = later.some((e) => (e.kind === 'set' || e.kind === 'delete') && e.when.length === 0 && e.each === null && e.target.kind === 'variable' && e.target.name === name);
  return terms.parties.some((party) => party.setAt === 'deployment' && party.collection === null && party.name === name && ((party.initial !== null && JSON.stringify(party.initial) === value) || replaced));
}

function targetName(target: Expr): string | null {
  if (target.kind === 'variable') return target.name;
  if (target.kind === 'member') return target.member;
  if (target.kind === 'convert') return targetName(target.operand);
  return null;
}

export function stateLabel(terms: ContractTerms, lifecycleId: string, state: string): string {
  const lifecycle = terms.lifecycles.find((candidate) => candidate.id === lifecycleId);
  return lifecycle?.states.find((candidate) => candidate.name === state)?.label ?? state;
}

export function stateLabels(terms: ContractTerms, lifecycleId: string, states: string[]): string[] {
  return states.map((state) => stateLabel(terms, lifecycleId, state));
}

/**
 * An action anyone may call that takes an amount off the caller's own entry in a ledger (`pledged[_id][msg.sender]
 * -= _amount`), which must hold at least that amount (a require, or the checked subtraction itself): it can do
 * something only for a caller with an entry. The entry and the amount; null otherwise.
 */
function ownEntry(action: Action): { entry: Expr; amount: Expr; condition: Action['conditions'][number] } | null {
  const same = (a: Expr, b: Expr) => JSON.stringify(a) === JSON.stringify(b);
  const callersOwn = (e: Expr): boolean => e.kind === 'index' && (e.index.kind === 'caller' || callersOwn(e.base));
  for (const effect of action.effects) {
    if (effect.kind !== 'decrease' || effect.value === null || effect.when.length > 0 || !callersOwn(effect.target)) continue;
    const [entry, amount] = [effect.target, effect.value];
    const condition = action.conditions.find(({ expr, when }) => when.length === 0 && expr.kind === 'compare' &&
      ((expr.op === '<=' && same(expr.left, amount) && same(expr.right, entry)) || (expr.op === '>=' && same(expr.left, entry) && same(expr.right, amount))));
    if (condition) return { entry, amount, condition };
  }
  return null;
}

/**
 * A write to a role's membership (`_roles[role].hasRole[account] = true`): the account is given the role
 * (or loses it). The check that it did not hold it already changes nothing and is not repeated.
 */
function roleGrant(effect: Effect): (RolePlace & { granted: boolean }) | null {
  const value = effect.value === null ? null : unwrap(effect.value);
  if (effect.kind !== 'set' || value?.kind !== 'bool') return null;
  const place = rolePlace(effect.target);
  return place ? { ...place, granted: value.value } : null;
}

/** The caller must be a value the caller gives (`account == msg.sender` on `renounceRole(role, account)`): anyone may act, for themselves. */
function selfNamed(action: Action): Expr | null {
  const rules = action.access.rules;
  if (rules.length !== 1 || rules[0]!.kind !== 'expr') return null;
  const expr = unwrap(rules[0]!.expr);
  return expr.kind === 'variable' && expr.scope === 'parameter' ? expr : null;
}

function sameLine(a: SourceRef, b: SourceRef): boolean {
  return a.path === b.path && a.line === b.line;
}

/** The record a write stores whole (`orders[id] = Order(…)`, `list.push(Item(…))`), when it has enough fields to read better as a table. */
function recordWritten(effect: Effect): Extract<Expr, { kind: 'struct' }> | null {
  const value = effect.value;
  if (value?.kind !== 'struct' || (effect.kind !== 'set' && effect.kind !== 'push')) return null;
  return value.fields.length >= 3 ? value : null;
}

/**
 * A payment made only if its own amount is not zero says no more with that condition than without it
 * (paying zero pays nothing): "if the fee is not zero, pays the fee" reads "pays the fee".
 */
function withoutZeroGuard(payment: Action['payments'][number]): Action['payments'][number] {
  const amount = JSON.stringify(unwrap(payment.amount));
  const guards = (condition: Expr) => {
    const c = unwrap(condition);
    if (c.kind !== 'compare' || (c.op !== '!=' && c.op !== '>')) return false;
    return isZero(c.right) && JSON.stringify(unwrap(c.left)) === amount;
  };
  return payment.when.some(guards) ? { ...payment, when: payment.when.filter((condition) => !guards(condition)) } : payment;
}


/** The condition a transition, effect or payment statement opens with ('If …,'), or null for other statements. */
function openingCondition(item: StatementSpec): unknown[] | null {
  if (item.kind === 'transition') return (item.context.transition as Action['transitions'][number]).when;
  if (item.kind === 'effect') return (item.context.effect as Effect).when;
  if (item.kind === 'payment') return (item.context.payment as Action['payments'][number]).when;
  return null;
}

/**
 * What an action changes and pays, with the statements under one condition side by side (each with the
 * statements that belong to it, such as a record's field rows), in the order each condition first appears;
 * a statement whose condition is the one just stated opens "In that case" rather than repeating it. The
 * model states each change as of the start of the call ("as it stood before the call"), so the order of
 * these statements carries no meaning of its own.
 */
function groupByCondition(specs: StatementSpec[]): StatementSpec[] {
  // Called before the events and external calls are added: from the first change on, every statement is a change, a payment or part of one.
  const start = specs.findIndex((item) => openingCondition(item) !== null || item.kind === 'role-grant');
  if (start < 0) return specs;
  const units: StatementSpec[][] = [];
  for (const item of specs.slice(start)) {
    if (!isDependent(item) || units.length === 0) units.push([item]);
    else units.at(-1)!.push(item);
  }
  const keyOf = (unit: StatementSpec[], index: number) => {
    const when = openingCondition(unit[0]!);
    return when === null ? `#${index}` : JSON.stringify(when);
  };
  const keys = units.map(keyOf);
  const order = [...new Set(keys)];
  const sorted = units.map((unit, index) => ({ unit, key: keys[index]! })).sort((a, b) => order.indexOf(a.key) - order.indexOf(b.key));
  sorted.forEach(({ unit, key }, index) => {
    if (index > 0 && sorted[index - 1]!.key === key && key !== '[]' && !key.startsWith('#')) unit[0]!.context = { ...unit[0]!.context, sameWhen: true };
  });
  return [...specs.slice(0, start), ...sorted.flatMap(({ unit }) => unit)];
}

/** Statements that follow the transition, effect or payment they belong to. */
function isDependent(item: StatementSpec): boolean {
  return item.kind === 'record-field' || item.kind === 'role-grant' || item.kind === 'self-destruct' || item.kind === 'payment-arbitrary-code' || item.kind === 'payment-unchecked';
}
