/**
 * Deadlines and lifecycles. Ids: `deadline:<id>`, `deadline:<id>:check:<n>`, `deadline:<id>:manual`,
 * `deadlines:none`, `deadlines:block-time`; `lifecycle:<id>:states`, `lifecycle:<id>:initial`,
 * `lifecycle:<id>:transition:<n>`, `lifecycle:<id>:final`.
 */
import type { Action, ContractTerms, Deadline, Expr, Lifecycle, SourceRef, Transition } from '../../terms/index.ts';
import { isPathPrefix, walkExpr } from '../../terms/index.ts';
import { refersTo } from '../../extract/lifecycle.ts';
import { pathOf, placeSet, setByOf } from '../../extract/deadlines.ts';
import { formulaDates, formulaSubjects, mentionsTime, type FormulaDate } from '../../extract/formula-dates.ts';
import { stateLabel, stateLabels } from './actions.ts';
import { checkOffset, commonOffset, type TimeOffset } from './overview.ts';
import { actionNames, findAction, prefixed, spanSources, spec, type StatementSpec } from './spec.ts';
import { sweepingActions } from './money.ts';

/** Comparisons that make an action possible only once the time has come. */
const AFTER_OPS = new Set(['>', '>=']);

export function buildDeadlineSpecs(terms: ContractTerms): StatementSpec[] {
  const dates = formulaDates(terms);
  const specs: StatementSpec[] = [];
  if (terms.deadlines.length === 0) {
    const { refused, paid, changed } = timedActions(terms);
    const computed = unique([...paid, ...changed]);
    // What each action computes from the time: what it pays, what it changes, or both; said only as far as true.
    const clauses = (['both', 'pays', 'changes'] as const)
      .map((kind) => ({ kind, ids: computed.filter((id) => (paid.includes(id) ? (changed.includes(id) ? 'both' : 'pays') : 'changes') === kind) }))
      .filter((clause) => clause.ids.length > 0)
      .map((clause) => ({ kind: clause.kind, actions: actionNames(terms, clause.ids) }));
    // `dated`: a stored date is compared with the time inside a formula the actions read, so "no stored deadline" would be false.
    const context = { timed: actionNames(terms, unique([...refused, ...computed])), refused: actionNames(terms, refused), computed: actionNames(terms, computed), clauses, oneComputed: clauses.length === 1 && clauses[0]!.actions.length === 1, dated: dates.length > 0 };
    specs.push(spec('deadlines:none', 'deadlines', 'deadlines-none', { basis: 'code', source: terms.source, context }));
    if (dates.length === 0) return specs;
  }
  specs.push(...terms.deadlines.flatMap((deadline) => buildOneDeadline(terms, deadline)), ...buildFormulaDates(terms, dates));
  const timed = terms.deadlines.find((deadline) => deadline.clock === 'time') ?? dates[0];
  // Who sets the block time is said once: by the risk that they can shift it, where there is one.
  if (timed) specs.push(spec('deadlines:block-time', 'deadlines', 'block-time', { basis: 'code', source: timed.source, context: { shifted: terms.risks.some((risk) => risk.kind === 'timestamp') } }));
  const counted = terms.deadlines.find((deadline) => deadline.clock === 'blocks');
  if (counted) specs.push(spec('deadlines:block-numbers', 'deadlines', 'block-numbers', { basis: 'code', source: counted.source, context: {} }));
  return specs;
}

/**
 * Actions whose terms depend on the time of the call although no stored deadline is checked: those with a
 * condition on the block time (a start given in the call that must not be past), refused at some times; and
 * those that pay an amount computed from it (a vesting schedule), or store a value computed from it (a funding
 * deadline a day after the call), directly or through a named formula.
 */
function timedActions(terms: ContractTerms): { refused: string[]; paid: string[]; changed: string[] } {
  const timedFormulas = new Set(terms.definitions.filter((d) => d.formula !== null && mentionsTime(d.formula)).map((d) => d.name));
  const timed = (expr: Expr | null) => expr !== null && [...walkExpr(expr)].some((e) => e.kind === 'now' || e.kind === 'block-number' || (e.kind === 'call' && timedFormulas.has(e.name)));
  const actions = terms.actions.filter((a) => a.kind !== 'constructor');
  return {
    refused: actions.filter((a) => a.conditions.some((c) => timed(c.expr))).map((a) => a.id),
    paid: actions.filter((a) => a.payments.some((p) => timed(p.amount))).map((a) => a.id),
    changed: actions.filter((a) => a.effects.some((e) => timed(e.value))).map((a) => a.id),
  };
}

/**
 * The stored dates that formulas compare with the time: how each is set (when no deadline already says so),
 * then what each formula comes to on one side of it.
 */
function buildFormulaDates(terms: ContractTerms, dates: FormulaDate[]): StatementSpec[] {
  const specs: StatementSpec[] = [];
  const known = new Set(terms.deadlines.map((deadline) => pathOf(deadline.subject)));
  for (const subject of formulaSubjects(dates)) {
    const setBy = setByOf(terms, subject);
    if (known.has(pathOf(subject)) || setBy.length === 0) continue;
    const source = setBy.length === 1 ? setBy[0]!.source : dates[0]!.source;
    const deadline: Deadline = { id: `formula:${pathOf(subject)}`, subject, label: '', setBy, checks: [], derived: false, clock: 'time', source, basis: 'code' };
    // Set only at deployment: the deployment's block says so, on the same line of code.
    if (setOnlyAtDeployment(terms, deadline)) continue;
    const named = setBy.map((set) => ({ ...set, actionKind: findAction(terms, set.action)?.kind ?? null, name: findAction(terms, set.action)?.name ?? set.action }));
    specs.push(spec(prefixed('deadline', deadline.id), 'deadlines', 'deadline', { basis: 'code', source, context: { deadline: { ...deadline, subject: placeSet(deadline) }, setBy: named, given: null } }));
  }
  dates.forEach((date, index) => {
    const context = { date, check: { op: date.op, against: date.against }, actions: actionNames(terms, date.actions) };
    specs.push(spec(`deadline:formula:${index + 1}`, 'deadlines', 'deadline-formula', { basis: 'code', source: date.source, context }));
  });
  return specs;
}

/**
 * The actions that move the date on from its old value (`nextChargeAt += frequency`). `catchUp`: the same action
 * can succeed only once the date is reached, and moves it later from the old date, so after missed periods it can
 * succeed again at once, once for each period that has passed.
 */
export function deadlineMoves(terms: ContractTerms, deadline: Deadline) {
  return (deadline.movedBy ?? []).map((move) => {
    const action = findAction(terms, move.action);
    const catchUp = move.op === 'increase' && deadline.checks.some((check) => check.action === move.action && AFTER_OPS.has(check.op));
    return { ...move, actionKind: action?.kind ?? null, name: action?.name ?? move.action, catchUp };
  });
}

function buildOneDeadline(terms: ContractTerms, deadline: Deadline): StatementSpec[] {
  const prefix = prefixed('deadline', deadline.id);
  const setBy = deadline.setBy.map((set) => {
    const action = findAction(terms, set.action);
    return { ...set, actionKind: action?.kind ?? null, name: action?.name ?? set.action };
  });
  // The sentence says how the deadline is set: cite where it is set, when that is one place.
  const writes = [...deadline.setBy, ...(deadline.movedBy ?? [])];
  const source = writes.length === 1 ? writes[0]!.source : deadline.movedBy?.length ? spanSources(writes.map((w) => w.source), deadline.source) : deadline.source;
  // A deadline set only at deployment is stated in the deployment's block, on the same line of code.
  const given = deadline.derived && givenInCall(deadline.subject) ? { actions: actionNames(terms, unique(deadline.checks.map((check) => check.action))), computed: !isGivenValue(deadline.subject) } : null;
  // How it is set is said of the place its writers write, keyed as they key it.
  const named = { ...deadline, subject: placeSet(deadline) };
  const specs = setOnlyAtDeployment(terms, deadline) ? [] : [spec(prefix, 'deadlines', 'deadline', { basis: deadline.basis, source, context: { deadline: named, setBy, moved: deadlineMoves(terms, deadline), given } })];
  deadline.checks.forEach((check, index) => {
    const action = findAction(terms, check.action);
    // A check the action's conditions already state, on the same line of code, is not said twice.
    if (action?.conditions.some((condition) => !condition.isAccess && sameSource(condition.source, check.source))) return;
    specs.push(
      spec(`${prefix}:check:${index + 1}`, 'deadlines', 'deadline-check', {
        basis: 'code',
        source: check.source,
        actionKind: action?.kind ?? null,
        context: { deadline, check, action, name: action?.name ?? check.action },
      }),
    );
  });
  const after = deadline.checks.filter((check) => AFTER_OPS.has(check.op));
  // Actions that open at the moment must be called by someone; actions that close at it simply stop succeeding.
  // Actions held to different periods from the stored time (`lastInteraction + timeoutPayment` for one,
  // `lastInteraction + feeTimeout` for others) open at different moments: one sentence for each.
  const groups = new Map<string, { offset: TimeOffset | null; actions: string[] }>();
  for (const check of after) {
    const offset = checkOffset(deadline, check.against);
    const key = JSON.stringify(offset && [offset.sign, offset.amount]);
    const group = groups.get(key) ?? { offset, actions: [] };
    groups.set(key, { offset: group.offset, actions: unique([...group.actions, check.action]) });
  }
  if (groups.size > 1) {
    [...groups.values()].forEach(({ offset, actions }, index) => {
      const context = { deadline, callers: actionNames(terms, actions), closes: [], narrows: [], caller: soleCaller(terms, actions), offset };
      specs.push(spec(`${prefix}:manual:${index + 1}`, 'deadlines', 'deadline-manual', { basis: 'code', source: deadline.source, context }));
    });
    return specs;
  }
  const callers = actionNames(terms, unique(after.map((check) => check.action)));
  const caller = soleCaller(terms, unique(after.map((check) => check.action)));
  // An action closes for good only where its time check applies on every path; a check made only in some
  // cases (`if (startChanged)`), or with another way through, leaves it open in the others.
  const closing = after.length > 0 ? [] : unique(deadline.checks.map((check) => check.action));
  const always = (id: string) => deadline.checks.every((check) => check.action !== id || (check.when.length === 0 && check.otherwise.length === 0));
  const closes = actionNames(terms, closing.filter(always));
  const narrows = actionNames(terms, closing.filter((id) => !always(id)));
  const openers = unique(after.map((check) => check.action));
  const own = caller ? [] : ownEntries(terms, openers);
  const until = own.length > 0 ? closedBy(terms, deadline, openers) : [];
  // What is left once the time to act has passed: actions that pay out the whole balance (a deposit not
  // reclaimed in time goes with it).
  const sweeps = until.length > 0 ? sweepingActions(terms, null).filter((a) => !callers.includes(a.name)) : [];
  specs.push(spec(`${prefix}:manual`, 'deadlines', 'deadline-manual', { basis: 'code', source: deadline.source, context: { deadline, callers, closes, narrows, caller, own, until, sweeps, offset: commonOffset(deadline) } }));
  return specs;
}

/**
 * Collections in which every action that opens at the moment changes the caller's own entry and no other
 * (`bids[msg.sender]`): no one can act for another, so each account must call for itself. [] otherwise.
 */
function ownEntries(terms: ContractTerms, ids: string[]): Expr[] {
  const actions = ids.map((id) => findAction(terms, id));
  if (actions.length === 0 || actions.some((a) => a === null)) return [];
  const keyed = (action: Action) => action.effects.flatMap((e) => [e.target, ...(e.each ? [e.each.over] : [])]).flatMap(entryOf);
  const per = actions.map((a) => keyed(a!));
  const names = (list: { base: Expr; caller: boolean }[], caller: boolean) => new Set(list.filter((k) => k.caller === caller).map((k) => JSON.stringify(k.base)));
  const shared = [...names(per[0]!, true)].filter((n) => per.every((list) => names(list, true).has(n) && !names(list, false).has(n)));
  return shared.map((n) => JSON.parse(n) as Expr);
}

/** The stored collections a place is an entry of (`bids[caller][i].blindedBid`: the Bids, by the caller). */
function entryOf(place: Expr): { base: Expr; caller: boolean }[] {
  const found: { base: Expr; caller: boolean }[] = [];
  for (const node of walkExpr(place)) {
    if (node.kind === 'index' && node.base.kind === 'variable' && node.base.scope === 'state') found.push({ base: node.base, caller: node.index.kind === 'caller' });
  }
  return found;
}

/** Other deadlines after which every one of these actions can no longer succeed: the time left to act. */
function closedBy(terms: ContractTerms, deadline: Deadline, ids: string[]): Expr[] {
  return terms.deadlines
    .filter((other) => other !== deadline && ids.every((id) => other.checks.some((check) => check.action === id && !AFTER_OPS.has(check.op) && check.when.length === 0 && check.otherwise.length === 0)))
    .map((other) => other.subject);
}

/**
 * True when a time is made only of values given in the call (`p.deadline`, `p.firstPayment + (index - 1) *
 * p.periodSeconds`), with numbers and constants: nothing stored, so nothing to work out from other values.
 */
function givenInCall(expr: Expr): boolean {
  if (isGivenValue(expr)) return true;
  if (expr.kind === 'convert') return givenInCall(expr.operand);
  if (expr.kind !== 'arith') return false;
  const fixed = (side: Expr) => side.kind === 'number' || (side.kind === 'variable' && side.scope === 'constant');
  return (givenInCall(expr.left) || fixed(expr.left)) && (givenInCall(expr.right) || fixed(expr.right)) && !(fixed(expr.left) && fixed(expr.right));
}

/** A parameter, or a field or item of one (a calldata struct's `p.deadline`). */
function isGivenValue(expr: Expr): boolean {
  if (expr.kind === 'variable') return expr.scope === 'parameter';
  if (expr.kind === 'member') return isGivenValue(expr.object);
  if (expr.kind === 'index') return isGivenValue(expr.base) && (isGivenValue(expr.index) || expr.index.kind === 'number');
  if (expr.kind === 'convert') return isGivenValue(expr.operand);
  return false;
}

function sameSource(a: SourceRef, b: SourceRef): boolean {
  return a.path === b.path && a.line === b.line && a.endLine === b.endLine;
}

/** Set by the constructor alone, each time by an effect its block states on the same line. */
function setOnlyAtDeployment(terms: ContractTerms, deadline: Deadline): boolean {
  return (
    deadline.setBy.length > 0 &&
    deadline.setBy.every((set) => {
      const action = findAction(terms, set.action);
      return action?.kind === 'constructor' && action.effects.some((effect) => sameSource(effect.source, set.source));
    })
  );
}

/** Who must call: one party when every action that opens is restricted to that same party. */
function soleCaller(terms: ContractTerms, ids: string[]): Action['access'] | null {
  const openers = ids.map((id) => findAction(terms, id)).filter((a): a is Action => a !== null);
  const accesses = unique(openers.map((a) => JSON.stringify(a.access.rules)));
  return openers.length > 0 && accesses.length === 1 && !openers[0]!.access.anyone && openers[0]!.access.rules.length > 0 ? openers[0]!.access : null;
}

export function buildLifecycleSpecs(terms: ContractTerms): StatementSpec[] {
  return terms.lifecycles.flatMap((lifecycle) => buildOneLifecycle(terms, lifecycle));
}

function buildOneLifecycle(terms: ContractTerms, lifecycle: Lifecycle): StatementSpec[] {
  const prefix = prefixed('lifecycle', lifecycle.id);
  const base = { basis: lifecycle.basis, source: lifecycle.source };
  if (lifecycle.kind !== 'enum') return buildOneStep(terms, lifecycle, prefix, base);
  const first = lifecycle.states[0]?.label ?? null;
  const initial = lifecycle.initial === null ? null : stateLabel(terms, lifecycle.id, lifecycle.initial);
  const specs = [
    // The states are listed in the key facts and the table below; this says where each record's state starts.
    // A record's state before an action records it is the first value; the creating write sets another.
    spec(`${prefix}:initial`, 'lifecycle', 'lifecycle-initial', { ...base, context: { lifecycle, initial, first, created: lifecycle.perItem && initial !== null && first !== null && first !== initial } }),
  ];
  lifecycle.transitions.forEach((transition, index) => {
    const action = findAction(terms, transition.action);
    specs.push(
      spec(`${prefix}:transition:${index + 1}`, 'lifecycle', 'lifecycle-transition', {
        basis: 'code',
        source: transition.source,
        actionKind: action?.kind ?? null,
        table: 'lifecycle',
        context: {
          lifecycle,
          transition,
          action: action && pathAction(action, transition),
          name: action?.name ?? transition.action,
          from: stateLabels(terms, lifecycle.id, transition.from),
          to: stateLabel(terms, lifecycle.id, transition.to),
          further: furtherConditions(action, lifecycle) || transition.branchChecks,
        },
      }),
    );
  });
  const finals = lifecycle.states.filter((state) => state.final).map((state) => state.label);
  if (finals.length > 0) specs.push(spec(`${prefix}:final`, 'lifecycle', 'lifecycle-final', { ...base, context: { lifecycle, finals } }));
  return specs;
}

/** The action as this move sees it: only the callers that the checks on the move's own path allow. */
function pathAction(action: Action, transition: Transition): Action {
  if (transition.callers.length === 0) return branchCaller(action, transition);
  const kept = action.access.rules.filter((r) => r.kind === 'party' && transition.callers.includes(r.party));
  const rules = kept.length > 0 ? kept : transition.callers.map((party) => ({ kind: 'party' as const, party, via: null }));
  return { ...action, access: { ...action.access, anyone: false, rules } };
}

/**
 * The caller a check inside a branch names (`if (active) { require(msg.sender == loan.borrower); … }`), when
 * exactly one such check applies whenever the transition's branch is taken; the action as it is otherwise.
 */
function branchCaller(action: Action, transition: Transition): Action {
  if (action.access.anyone || action.access.rules.length > 0) return action;
  const named = action.conditions.flatMap((c) => {
    const expr = c.expr;
    if (expr.kind !== 'compare' || expr.op !== '==' || !isPathPrefix(c.when, transition.when)) return [];
    if (expr.left.kind === 'caller' && expr.right.kind !== 'caller') return [expr.right];
    return expr.right.kind === 'caller' && expr.left.kind !== 'caller' ? [expr.left] : [];
  });
  if (named.length !== 1) return action;
  return { ...action, access: { ...action.access, rules: [{ kind: 'expr', expr: named[0], via: null }] } };
}

/**
 * True when the action has checks beyond who may call it and the state it starts from: the lifecycle line
 * then points to them rather than reading as unconditional.
 */
function furtherConditions(action: Action | null, lifecycle: Lifecycle): boolean {
  if (!action || action.kind === 'constructor') return false;
  return action.conditions.some((c) => !c.isAccess && ![...walkExpr(c.expr)].some((e) => refersTo(e, lifecycle)));
}

/**
 * A one-way flag or time: one sentence for what it is (unset at first, never cleared once set), then one for
 * each action that sets it. Records created with it unset are told by the creating action's own sentences.
 */
function buildOneStep(terms: ContractTerms, lifecycle: Lifecycle, prefix: string, base: { basis: Lifecycle['basis']; source: Lifecycle['source'] }): StatementSpec[] {
  const specs = [spec(`${prefix}:states`, 'lifecycle', 'lifecycle-step', { ...base, context: { lifecycle } })];
  lifecycle.transitions.forEach((transition, index) => {
    if (transition.creates) return;
    const action = findAction(terms, transition.action);
    specs.push(
      spec(`${prefix}:transition:${index + 1}`, 'lifecycle', 'lifecycle-step-set', {
        basis: 'code',
        source: transition.source,
        actionKind: action?.kind ?? null,
        context: { lifecycle, transition, action, name: action?.name ?? transition.action, own: action ? ownRecord(action, lifecycle) : false, further: furtherConditions(action, lifecycle) },
      }),
    );
  });
  return specs;
}

/** True when every write of the lifecycle's field is to the caller's own record (`voters[msg.sender].voted`). */
function ownRecord(action: Action, lifecycle: Lifecycle): boolean {
  if (!lifecycle.collection) return false;
  const writes = action.effects.filter((e) => e.target.kind === 'member' && e.target.member === lifecycle.variable);
  return writes.length > 0 && writes.every((e) => {
    const record = (e.target as { object: Expr }).object;
    return record.kind === 'index' && record.base.kind === 'variable' && record.base.name === lifecycle.collection && record.index.kind === 'caller';
  });
}

function unique<T>(items: T[]): T[] {
  return [...new Set(items)];
}
