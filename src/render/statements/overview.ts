/**
 * The top of the document: key facts (one phrase per row) and the parties.
 * Ids: `key-fact:parties`, `key-fact:money`, `key-fact:shares`, `key-fact:schedule:<definition id>`, `key-fact:amounts`, `key-fact:deadline:<id>`, `key-fact:lifecycle:<id>`,
 * `key-fact:powers`, `key-fact:coverage`, `party:<party id>`.
 */
import type { Action, ContractTerms, Deadline, Expr, Lifecycle, Party } from '../../terms/index.ts';
import { readTimeOffset, unwrap } from '../expr-helpers.ts';
import { walkExpr } from '../../terms/index.ts';
import { roughBlockSeconds } from '../format.ts';
import { describeMoves, describeRecipients, heldItems } from './money.ts';
import { proxiedMoney } from './proxied.ts';
import { describeAmountsIn } from './amounts.ts';
import { describeShares } from './shares.ts';
import { queuingAction } from './powers.ts';
import { describeSchedules } from './schedule.ts';
import { actionNames, combineBasis, spanSources, spec, type StatementSpec } from './spec.ts';
import { stateLabel, stateLabels } from './actions.ts';
import { onlyGiven } from './role-grants.ts';
import { deadlineMoves } from './time.ts';

export function buildKeyFactSpecs(terms: ContractTerms): StatementSpec[] {
  const specs: StatementSpec[] = [];
  const whole = terms.source;
  if (terms.abstract) {
    specs.push(spec('key-fact:abstract', 'key-facts', 'key-fact-abstract', { basis: 'code', source: whole, context: { terms } }));
  }
  if (terms.parties.length === 0) {
    // Said, so that a reader does not take the missing line for an oversight.
    specs.push(spec('key-fact:parties', 'key-facts', 'key-fact-parties-none', { basis: 'code', source: whole, context: {} }));
  } else {
    specs.push(
      spec('key-fact:parties', 'key-facts', 'key-fact-parties', {
        basis: combineBasis(terms.parties.map((party) => party.basis)),
        source: spanSources(terms.parties.map((party) => party.source), whole),
        // A party set once by an action after deployment (a buyer who confirms) is not replaced; one set at deployment and changed once is.
        // A role only ever given (never set to false) gains holders but loses none: not replaced.
        context: {
          // Two parties humanised to one name (the contract's `owner` and each item's `owner`): the item's says whose it is.
          parties: terms.parties.map((party) => ({ ...party, clash: party.kind === 'item-field' && party.itemLabel !== null && terms.parties.some((other) => other !== party && other.label === party.label) })),
          replaceable: terms.parties.filter((party) => !onlyGiven(terms, party) && (party.changedBy.length > 0 || (party.setOnceBy.length > 0 && party.setAt !== 'action'))),
          added: terms.parties.filter((party) => onlyGiven(terms, party)),
        },
      }),
    );
  }
  const payments = terms.actions.flatMap((action) => action.payments);
  const proxied = proxiedMoney(terms);
  specs.push(
    spec('key-fact:money', 'key-facts', 'key-fact-money', {
      basis: combineBasis(payments.map((payment) => payment.basis)),
      source: spanSources([...payments.map((payment) => payment.source), ...proxied.flatMap((p) => p.sources)], whole),
      context: { assets: terms.assets, recipients: describeRecipients(terms), moves: describeMoves(terms), held: heldItems(terms), proxied },
    }),
  );
  const shares = describeShares(terms);
  if (shares.length > 0) {
    specs.push(
      spec('key-fact:shares', 'key-facts', 'key-fact-shares', {
        basis: 'code',
        source: spanSources(shares.map((share) => share.source), whole),
        context: { shares },
      }),
    );
  }
  for (const schedule of describeSchedules(terms)) {
    specs.push(spec(`key-fact:schedule:${schedule.definition.id}`, 'key-facts', 'key-fact-schedule', { basis: 'code', source: schedule.definition.source, context: { schedule } }));
  }
  const amounts = describeAmountsIn(terms);
  if (amounts.length > 0) {
    specs.push(spec('key-fact:amounts', 'key-facts', 'key-fact-amounts', { basis: 'code', source: spanSources(amounts.map((item) => item.source), whole), context: { amounts } }));
  }
  for (const deadline of terms.deadlines) {
    const setBy = deadline.setBy.map((set) => {
      const action = terms.actions.find((candidate) => candidate.id === set.action);
      return { ...set, actionKind: action?.kind ?? null, name: action?.name ?? set.action };
    });
    specs.push(
      spec(`key-fact:deadline:${deadline.id}`, 'key-facts', 'key-fact-deadline', {
        basis: deadline.basis,
        source: spanSources([...deadline.setBy, ...(deadline.movedBy ?? [])].map((set) => set.source), deadline.source),
        // Every check allows the action only after the moment: it is when something opens, not a deadline.
        context: {
          deadline,
          setBy,
          moved: deadlineMoves(terms, deadline),
          offset: commonOffset(deadline),
          moments: separateMoments(terms, deadline),
          atTheMoment: atTheMoment(deadline),
          roughSeconds: roughSeconds(deadline),
          // Only when nothing else lets the action through earlier (no path conditions, no alternatives).
          from: windowOpens(terms, deadline),
          opens: deadline.checks.every((check) => (check.op === '>' || check.op === '>=') && check.when.length === 0 && check.otherwise.length === 0) ? { strict: deadline.checks.every((check) => check.op === '>'), actions: actionNames(terms, deadline.checks.map((check) => check.action)), anyone: deadline.checks.every((check) => terms.actions.find((a) => a.id === check.action)?.access.anyone === true) } : null,
        },
      }),
    );
  }
  for (const lifecycle of terms.lifecycles) {
    if (lifecycle.kind !== 'enum') continue;
    specs.push(
      spec(`key-fact:lifecycle:${lifecycle.id}`, 'key-facts', 'key-fact-lifecycle', {
        basis: lifecycle.basis,
        source: lifecycle.source,
        context: {
          lifecycle,
          states: lifecycle.states.map((state) => state.label),
          finals: lifecycle.states.filter((state) => state.final).map((state) => state.label),
          // Whole records written anew over existing ones: a record in these states can be started again.
          replacements: lifecycle.transitions.filter((t) => t.replaces).map((t) => ({ name: terms.actions.find((a) => a.id === t.action)?.name ?? t.action, from: stateLabels(terms, lifecycle.id, t.from), to: stateLabel(terms, lifecycle.id, t.to) })),
        },
      }),
    );
  }
  specs.push(...stepKeyFacts(terms));
  specs.push(...deciderKeyFacts(terms));
  specs.push(
    spec('key-fact:powers', 'key-facts', 'key-fact-powers', {
      basis: 'code',
      source: spanSources(terms.powers.map((power) => power.source), whole),
      context: { holders: describePowerHolders(terms) },
    }),
  );
  specs.push(spec('key-fact:coverage', 'key-facts', 'key-fact-coverage', { basis: 'code', source: whole, context: { coverage: terms.coverage } }));
  return specs;
}

/**
 * A party fixed at deployment (no action changes it) who alone may call an action that pays two or more
 * parties, each payment only under a condition on a value the caller gives (an arbitrator's ruling): that
 * party decides who is paid. One key fact per such action.
 */
function deciderKeyFacts(terms: ContractTerms): StatementSpec[] {
  return terms.actions.flatMap((action) => {
    if (action.kind === 'constructor' || action.access.anyone || action.access.rules.length !== 1) return [];
    const rule = action.access.rules[0];
    const party = rule.kind === 'party' ? terms.parties.find((p) => p.id === rule.party) : undefined;
    if (!party || party.kind !== 'address' || party.setAt !== 'deployment' || party.changedBy.length > 0 || party.setOnceBy.length > 0) return [];
    const parameters = new Set(action.parameters.map((p) => p.name));
    const chosen = (expr: Expr) => [...walkExpr(expr)].some((e) => e.kind === 'variable' && e.scope === 'parameter' && parameters.has(e.name));
    const outs = action.payments.filter((p) => p.direction === 'out' && p.toParty !== null && p.toParty !== party.id);
    if (outs.length === 0 || !outs.every((p) => p.when.some(chosen))) return [];
    const paid = [...new Set(outs.map((p) => p.toParty!))].map((id) => terms.parties.find((p) => p.id === id)).filter((p): p is Party => p !== undefined);
    if (paid.length < 2) return [];
    const deciding = action.parameters.filter((p) => outs.some((payment) => payment.when.some((w) => [...walkExpr(w)].some((e) => e.kind === 'variable' && e.scope === 'parameter' && e.name === p.name))));
    return [spec(`key-fact:decides:${action.id}`, 'key-facts', 'key-fact-decides', { basis: 'code', source: action.source, context: { party, action, paid, deciding } })];
  });
}

/** One-way flags and times, in one key fact for the contract and one for each kind of record. */
function stepKeyFacts(terms: ContractTerms): StatementSpec[] {
  const groups = new Map<string, Lifecycle[]>();
  for (const lifecycle of terms.lifecycles) {
    if (lifecycle.kind === 'enum') continue;
    const key = lifecycle.collection ?? '';
    groups.set(key, [...(groups.get(key) ?? []), lifecycle]);
  }
  return [...groups].map(([key, lifecycles]) => {
    const steps = lifecycles.map((lifecycle) => ({
      lifecycle,
      actions: actionNames(terms, lifecycle.transitions.filter((t) => !t.creates).map((t) => t.action)),
    }));
    return spec(`key-fact:steps${key ? `:${key}` : ''}`, 'key-facts', 'key-fact-steps', {
      basis: 'code',
      source: spanSources(lifecycles.map((l) => l.source), lifecycles[0].source),
      context: { first: lifecycles[0], steps },
    });
  });
}

/** For each party holding powers: the party and the names of the actions that give the powers. */
function describePowerHolders(terms: ContractTerms): { party: Party | null; holder: string; actions: string[] }[] {
  const byHolder = new Map<string, string[]>();
  for (const power of terms.powers) {
    // A call queued in advance is one power in two steps: queuing it and running it.
    const steps = [queuingAction(terms, power)?.id, power.action].filter((id): id is string => id !== undefined);
    for (const holder of power.holders.length > 0 ? power.holders : ['']) {
      const actions = byHolder.get(holder) ?? [];
      for (const step of steps) if (!actions.includes(step)) actions.push(step);
      byHolder.set(holder, actions);
    }
  }
  return [...byHolder].map(([holder, actions]) => ({
    party: terms.parties.find((party) => party.id === holder) ?? null,
    holder,
    actions: actionNames(terms, actions),
  }));
}

/** True when an action a payer joins through takes their money with a transfer whose reported failure the code ignores. */
function paysInUnchecked(terms: ContractTerms, ids: string[]): boolean {
  return terms.actions.some((action) => ids.includes(action.id) && action.payments.some((p) => p.direction === 'in' && p.resultChecked === false));
}

export function buildPartySpecs(terms: ContractTerms): StatementSpec[] {
  return terms.parties.map((party) =>
    spec(`party:${party.id}`, 'parties', 'party', {
      table: 'parties',
      basis: party.basis,
      source: party.source,
      actionKind: party.setAt === 'deployment' ? 'constructor' : null,
      context: { party, changers: actionNames(terms, party.changedBy), onlyGiven: onlyGiven(terms, party), setOnce: actionNames(terms, party.setOnceBy), recorders: actionNames(terms, party.recordedBy ?? []), joiners: actionNames(terms, party.joinedBy), unchecked: paysInUnchecked(terms, party.joinedBy) },
    }),
  );
}

/**
 * The moment every check of a deadline uses, when it is the stored time plus one period (`createdAt +
 * reclamationPeriod`): the key fact names that moment, not the stored time it counts from.
 */
export function commonOffset(deadline: Deadline): TimeOffset | null {
  const offsets = deadline.checks.map((check) => checkOffset(deadline, check.against));
  const first = offsets[0];
  if (!first || offsets.some((o) => o === null || o.sign !== first.sign || JSON.stringify(o.amount) !== JSON.stringify(first.amount))) return null;
  return first;
}

export type TimeOffset = { base: Expr; amount: Expr; sign: '+' | '-' };

/** The period a check counts from the stored time (`createdAt + reclamationPeriod`), even without a time unit. */
export function checkOffset(deadline: Deadline, against: Expr): TimeOffset | null {
  return (
    (deadline.clock === 'time' ? readTimeOffset(against, (side) => JSON.stringify(unwrap(side)) === JSON.stringify(deadline.subject)) : null) ??
    (against.kind === 'arith' && (against.op === '+' || against.op === '-') && JSON.stringify(against.left) === JSON.stringify(deadline.subject)
      ? { base: against.left, amount: against.right, sign: against.op }
      : null)
  );
}

/**
 * The moments each action is held to, when they are not one moment: checks that count different periods
 * from the stored time (`startedAt + 1 day` for one action, `startedAt + GRACE` for another) or compare an
 * expression of it that is not a plain offset. The key fact then states each rule, never the stored time
 * alone as the deadline. Null when every check compares with the stored time or with one offset of it.
 */
function separateMoments(terms: ContractTerms, deadline: Deadline): { names: string[]; check: Deadline['checks'][number] }[] | null {
  const before = deadline.checks.every((check) => check.op === '<' || check.op === '<=');
  const after = deadline.checks.every((check) => check.op === '>' || check.op === '>=');
  // A moment that only closes actions, or only opens them, is said as such. One that closes some actions
  // and opens others is told rule by rule, so that neither side reads as the whole.
  // A check that holds only in some cases (a state, an alternative such as "or the caller is the payer")
  // is told with its case, never folded into a bare "Deadline:".
  const oneKind = (before || after) && deadline.checks.every((check) => check.when.length === 0 && check.otherwise.length === 0);
  if (oneKind && commonOffset(deadline)) return null;
  const subject = JSON.stringify(deadline.subject);
  if (oneKind && deadline.checks.every((check) => JSON.stringify(check.against) === subject)) return null;
  const groups = new Map<string, { actions: string[]; check: Deadline['checks'][number] }>();
  for (const check of deadline.checks) {
    const key = JSON.stringify([check.op, check.against, check.when, check.otherwise]);
    const group = groups.get(key);
    if (!group) groups.set(key, { actions: [check.action], check });
    else if (!group.actions.includes(check.action)) group.actions.push(check.action);
  }
  return [...groups.values()].map(({ actions, check }) => ({ names: actionNames(terms, actions), check }));
}

/**
 * For a deadline counted from a time (`_timestamp + GRACE_PERIOD`) that every action it holds also waits
 * for (`block.timestamp >= _timestamp`, unconditionally): the window opens at that time. Null otherwise.
 */
function windowOpens(terms: ContractTerms, deadline: Deadline): { strict: boolean; actions: string[] } | null {
  const offset = commonOffset(deadline);
  if (deadline.clock !== 'time' || !offset || offset.sign !== '+' || deadline.checks.length === 0) return null;
  if (!deadline.checks.every((check) => (check.op === '<' || check.op === '<=') && check.when.length === 0 && check.otherwise.length === 0)) return null;
  const base = JSON.stringify(unwrap(offset.base));
  const opening = (action: Action | undefined) =>
    action?.conditions.filter((c) => c.when.length === 0).flatMap((c) => (c.expr.kind === 'and' ? c.expr.operands : [c.expr])).find((e) => e.kind === 'compare' && (e.op === '>=' || e.op === '>') && unwrap(e.left).kind === 'now' && JSON.stringify(unwrap(e.right)) === base);
  const opens = deadline.checks.map((check) => opening(terms.actions.find((a) => a.id === check.action)));
  if (opens.some((e) => e === undefined)) return null;
  return { strict: opens.every((e) => e?.kind === 'compare' && e.op === '>'), actions: actionNames(terms, [...new Set(deadline.checks.map((check) => check.action))]) };
}

/** True when every check compares with the stored time itself, not a period counted from it. */
function atTheMoment(deadline: Deadline): boolean {
  const subject = JSON.stringify(deadline.subject);
  return deadline.checks.every((check) => JSON.stringify(check.against) === subject);
}

/** About how long a window counted in blocks lasts, at 12 seconds a block (Ethereum since the Merge). */
function roughSeconds(deadline: Deadline): string | null {
  if (deadline.clock !== 'blocks') return null;
  const amount = commonOffset(deadline)?.amount;
  const blocks = amount?.kind === 'number' || amount?.kind === 'variable' ? amount.value : null;
  return blocks !== null ? roughBlockSeconds(blocks) : null;
}
