/**
 * Lifecycles: the stages a deal, or each record of it, passes through, read from any stored state that
 * guards actions.
 *
 * - An enum state variable, or an enum field of records kept in a mapping or array (a state per item).
 *   Transitions come from assignments of an enum member; the states an action moves from come from its
 *   conditions on the same variable. The initial state is the declared or deployed value, or the enum's
 *   first member (Solidity's default); final states have no way out.
 * - A one-way flag: a bool, or a time that is zero until set (`deliveredAt`), held by the contract or by
 *   each record, that some action's conditions read and that actions only ever move from false (zero) to
 *   true (set). A switch that actions can also turn back (a pause, a lock held during a call, a flag set
 *   from a parameter, a record deleted) is not a stage of the deal and is left to the actions' own
 *   sentences.
 */
import type { EnumDefinition, VariableDeclaration } from 'solidity-ast';
import { humanise } from '../ir/names.ts';
import { targetName } from '../ir/exprs.ts';
import { typeDefinitions } from '../ir/scope.ts';
import type { Action, CompareOp, Condition, Effect, Expr, Lifecycle, Transition } from '../terms/index.ts';
import { FLIPPED_COMPARE, isPathPrefix, unwrap, walkExpr } from '../terms/index.ts';
import { writesNewRecord } from './records.ts';
import { enumDefaults } from './blank-record.ts';
import type { ExtractContext, Extractor } from './context.ts';
import { storedStruct } from './parties.ts';

type HolderKind = Lifecycle['kind'];

/** What reading a condition about a state needs: a holder while extracting, or a built lifecycle. */
type StateHolder = Pick<Holder, 'kind' | 'variable' | 'collection' | 'enumName'> & { members?: string[]; states?: { name: string }[] };

interface Holder {
  id: string;
  kind: HolderKind;
  item: string | null;
  variable: string;
  /** The enum's members for an enum; ['off', 'on'] for a flag or a time. */
  members: string[];
  enumName: string | null;
  collection: string | null;
  source: { src: string };
}

/** Which members satisfy `member OP other`, by their positions in the enum's declaration. */
const ENUM_ORDER: Record<CompareOp, (i: number, at: number) => boolean> = {
  '==': (i, at) => i === at,
  '!=': (i, at) => i !== at,
  '<': (i, at) => i < at,
  '<=': (i, at) => i <= at,
  '>': (i, at) => i > at,
  '>=': (i, at) => i >= at,
};

/** The two states of a flag or a time: false (zero, not yet set) and true (set). */
const OFF = 'off';
const ON = 'on';

export const lifecycle: Extractor = {
  name: 'lifecycle',
  extract(context, terms) {
    terms.lifecycles = findHolders(context)
      .map((holder) => buildLifecycle(context, holder, terms.actions))
      .filter((built): built is Lifecycle => built !== null);
    // An action's own sentences tell an enum move as a move; setting a one-way flag stays an effect.
    const enums = terms.lifecycles.filter((l) => l.kind === 'enum');
    for (const action of terms.actions) {
      action.transitions = enums.flatMap((l) => l.transitions.filter((t) => t.action === action.id));
    }
  },
};

function findHolders(context: ExtractContext): Holder[] {
  const { enums, structs } = typeDefinitions(context.scope);
  const holders: Holder[] = [];
  const flags: Holder[] = [];
  const add = (decl: VariableDeclaration, struct: { name: string } | null, collection: string | null, id: string) => {
    const common = { id, item: struct ? humanise(struct.name) : null, variable: decl.name, collection, source: decl };
    const enumDef = enumOf(decl, enums);
    if (enumDef) holders.push({ ...common, kind: 'enum', members: enumDef.members.map((m) => m.name), enumName: enumDef.name });
    else if (decl.typeDescriptions.typeString === 'bool') flags.push({ ...common, kind: 'flag', members: [OFF, ON], enumName: null });
    else if (/^uint\d*$/.test(decl.typeDescriptions.typeString ?? '')) flags.push({ ...common, kind: 'time', members: [OFF, ON], enumName: null });
  };
  for (const decl of context.scope.stateVariables) {
    if (decl.constant || decl.mutability === 'immutable') continue;
    const struct = storedStruct(decl, structs);
    if (struct) for (const member of struct.members) add(member, struct, decl.name, `${decl.name}.${member.name}`);
    else add(decl, null, null, decl.name);
  }
  // Enums first, as before; flags and times after them, in declaration order.
  return [...holders, ...flags];
}

function enumOf(decl: VariableDeclaration, enums: Map<number, EnumDefinition>): EnumDefinition | null {
  const match = /^t_enum\$_\w+?_\$(\d+)$/.exec(decl.typeDescriptions.typeIdentifier ?? '');
  return match ? enums.get(Number(match[1])) ?? null : null;
}

function buildLifecycle(context: ExtractContext, holder: Holder, actions: Action[]): Lifecycle | null {
  const members = holder.members;
  const transitions: Transition[] = [];
  let initial: string | null = holder.collection ? null : members[0] ?? null;
  const creations: Transition[] = [];
  const replacements: Transition[] = [];
  const all = actions.map((action) => ({ id: action.id, effects: action.effects, conditions: action.conditions }));
  const defaults = enumDefaults(context.scope);
  // A flag or a time that some write moves back, or to a value the code cannot place: not one-way.
  let backwards = false;
  for (const action of actions) {
    const { states: required, emptiedBy } = statesRequired(action.conditions, holder);
    // Checks no state passes together (`require(s == A); require(s == B)`): the action never moves this
    // lifecycle. Told under "Not explained", not as a move from any state.
    if (emptiedBy) {
      context.reads.find((read) => read.id === action.id)?.facts.notExplained.push({ action: action.id, code: holder.variable, reason: 'contradiction', source: emptiedBy.source });
      continue;
    }
    // Successive writes under the same conditions chain: Submitted → Approved, then Approved → Paid.
    const last = new Map<string, string>();
    const written = action.effects.filter((effect) => writes(effect, holder)).flatMap(branches);
    for (const { effect, path } of written.flatMap((branch) => byGivenValue(branch, holder).map((effect) => ({ effect, path: branch.when })))) {
      const to = stateWritten(effect, holder);
      if (holder.kind !== 'enum' && action.kind !== 'constructor' && to !== ON) backwards = true;
      if (!to) continue;
      if (action.kind === 'constructor') {
        initial = to;
        continue;
      }
      // A new record filled field by field (`jobCounter++; jobs[jobCounter].status = Active`) starts in that state.
      if (holder.collection && writesNewRecord(effect.target, action.id, all, defaults)) {
        creations.push({ lifecycle: holder.id, from: [], to, action: action.id, when: effect.when, creates: true, callers: [], branchChecks: false, replaces: false, source: effect.source });
        continue;
      }
      const key = JSON.stringify(effect.when);
      const previous = last.get(key);
      // Only the states the path's own conditions allow: under `if (status == Reclaimed)`, from Reclaimed.
      const allowed = effect.when.map((w) => statesOf(w, holder)).filter((x): x is string[] => x !== null);
      // And the checks made on the way to the write (`if (to == Sent) { require(status == Validated); … }`).
      const checked = path.length > 0 ? statesRequired(action.conditions, holder, path).states : required;
      const from = allowed.reduce<string[] | null>((states, only) => (states === null ? only : states.filter((s) => only.includes(s))), checked);
      // A branch whose own conditions no state passes is never taken.
      if (from?.length === 0) continue;
      transitions.push({ lifecycle: holder.id, from: previous ? [previous] : from ?? [], to, action: action.id, when: effect.when, creates: false, ...pathChecks(action.conditions, path), replaces: false, source: effect.source });
      last.set(key, to);
    }
    // A record written whole (orders[id] = Order({... state: Placed}), milestones.push(...)) starts in the state it names.
    for (const effect of action.effects) {
      if (!holder.collection || effect.value?.kind !== 'struct' || effect.value.name === undefined) continue;
      if (targetName(effect.target) !== holder.collection) continue;
      const field = effect.value.fields.find((f) => f.name === holder.variable);
      const to = field ? valueState(field.value, holder) : null;
      if (to) creations.push({ lifecycle: holder.id, from: [], to, action: action.id, when: effect.when, creates: true, callers: [], branchChecks: false, replaces: false, source: effect.source });
      else if (holder.kind !== 'enum') backwards = true;
      // At a key the caller chooses, the record may already exist: it is replaced, from any state the checks allow.
      if (to && holder.kind === 'enum' && effect.kind === 'set' && effect.target.kind === 'index' && !writesNewRecord(effect.target, action.id, all, defaults)) {
        const allowed = statesRequired(action.conditions, holder, effect.when).states ?? members;
        replacements.push({ lifecycle: holder.id, from: allowed, to, action: action.id, when: effect.when, creates: false, ...pathChecks(action.conditions, effect.when), replaces: true, source: effect.source });
      }
    }
  }
  transitions.push(...existingOnly(replacements, members, [initial, ...creations.map((t) => t.to), ...transitions.map((t) => t.to)], transitions));
  if (holder.kind !== 'enum' && (backwards || !isStage(holder, actions, transitions, initial, creations))) return null;
  if (holder.collection) initial = creations[0]?.to ?? members[0] ?? null;
  transitions.unshift(...creations);
  // A move back into the state it starts from (`cancel` allowed again once Cancelled) does not leave it.
  const leaving = new Set(transitions.filter((t) => !creations.includes(t)).flatMap((t) => (t.from.length ? t.from : members).filter((from) => from !== t.to)));
  const reached = new Set([initial, ...transitions.map((t) => t.to)]);
  const label = humanise(holder.variable);
  return {
    id: holder.id,
    kind: holder.kind,
    variable: holder.variable,
    label,
    enumName: holder.enumName,
    perItem: holder.collection !== null,
    collection: holder.collection,
    collectionLabel: holder.collection ? humanise(holder.collection) : null,
    itemLabel: holder.item,
    states: members.map((name) => ({
      name,
      label: holder.kind === 'enum' ? humanise(name) : label,
      initial: name === initial,
      // A one-way flag's set state is final however often it is set again.
      final: holder.kind === 'enum' ? reached.has(name) && !leaving.has(name) && name !== initial : name === ON,
    })),
    initial,
    transitions,
    source: context.locate(holder.source),
    basis: 'code',
  };
}

/**
 * A flag or a time is a stage of the deal when it starts unset, an action other than creation sets it,
 * and some action's conditions read whether it is set. A time must be set from the block time.
 */
function isStage(holder: Holder, actions: Action[], transitions: Transition[], initial: string | null, creations: Transition[]): boolean {
  if (holder.collection ? creations.some((t) => t.to !== OFF) : initial !== OFF) return false;
  if (!transitions.some((t) => t.to === ON)) return false;
  if (holder.kind === 'time') {
    const fromClock = (effect: Effect) => effect.value !== null && [...walkExpr(effect.value)].some((e) => e.kind === 'now');
    if (!actions.every((a) => a.kind === 'constructor' || a.effects.every((e) => !writes(e, holder) || fromClock(e)))) return false;
  }
  return actions.some((a) => a.conditions.some((c) => [...walkExpr(c.expr)].some((e) => statesOf(e, holder) !== null)));
}

/** `state = favorBuyer ? Refunded : Complete`: one write for each branch, under its own condition. */
function branches(effect: Effect): Effect[] {
  const value = effect.value;
  if (effect.kind !== 'set' || value?.kind !== 'conditional') return [effect];
  const not: Expr = { kind: 'not', operand: value.condition };
  return [
    ...branches({ ...effect, value: value.then, when: [...effect.when, value.condition] }),
    ...branches({ ...effect, value: value.otherwise, when: [...effect.when, not] }),
  ];
}

/**
 * Replacements of existing records, from the states a record can be in once it exists: those some action
 * reaches. The default (the first member) is what a key that was never written holds, so writing there is
 * the creation already told, unless some move also brings a record back to it.
 */
function existingOnly(replacements: Transition[], members: string[], reachedBy: (string | null)[], moves: Transition[]): Transition[] {
  const fallback = members[0];
  const reached = new Set(reachedBy.filter((s): s is string => s !== null && s !== fallback));
  if (moves.some((t) => t.to === fallback)) reached.add(fallback);
  return replacements
    .map((t) => ({ ...t, from: t.from.filter((s) => reached.has(s)) }))
    .filter((t) => t.from.length > 0);
}

/**
 * Who the checks on a write's own path require the caller to be (`require(msg.sender == shipper && …)` under
 * the branch that leads to the write), and whether checks made on only some of its paths also apply.
 */
function pathChecks(conditions: Condition[], path: Expr[]): Pick<Transition, 'callers' | 'branchChecks'> {
  const callers = new Set<string>();
  for (const condition of conditions) {
    if (condition.when.length === 0 || !isPathPrefix(condition.when, path)) continue;
    for (const part of condition.expr.kind === 'and' ? condition.expr.operands : [condition.expr]) {
      if (part.kind !== 'compare' || part.op !== '==') continue;
      const other = part.left.kind === 'caller' ? part.right : part.right.kind === 'caller' ? part.left : null;
      if (other?.kind === 'variable' && other.party) callers.add(other.party);
    }
  }
  const branchChecks = conditions.some((c) => c.when.length > path.length && isPathPrefix(path, c.when));
  return { callers: callers.size === 1 ? [...callers] : [], branchChecks };
}

/**
 * `status = to` where the path allows only some members for `to` (`if (to == Accepted || to == Declined)`):
 * one write for each of them. A value the path does not pin down is left as it is.
 */
function byGivenValue(effect: Effect, holder: Holder): Effect[] {
  const value = effect.value ? unwrap(effect.value) : null;
  if (holder.kind !== 'enum' || effect.kind !== 'set' || value?.kind !== 'variable') return [effect];
  const given = { kind: 'enum' as const, variable: value.name, collection: null, enumName: holder.enumName, members: holder.members };
  const allowed = effect.when.map((w) => statesOf(w, given)).filter((x): x is string[] => x !== null);
  if (allowed.length === 0) return [effect];
  const members = allowed.reduce((states, only) => states.filter((m) => only.includes(m)));
  return members.map((member) => {
    const chosen: Expr = { kind: 'enum-member', enumName: holder.enumName!, member, label: humanise(member) };
    // On this write's path the given value is that member: the path reads so.
    const when = effect.when.map((w): Expr => (statesOf(w, given) === null ? w : { kind: 'compare', op: '==', left: effect.value!, right: chosen }));
    return { ...effect, value: chosen, when };
  });
}

/** True when the effect writes the holder: the variable or field itself, or (to clear it) the whole record. */
function writes(effect: Effect, holder: Holder): boolean {
  if (refersTo(effect.target, holder)) return true;
  // `delete orders[id]` clears every field of the record.
  return holder.kind !== 'enum' && holder.collection !== null && effect.kind === 'delete' && targetName(effect.target) === holder.collection && effect.target.kind !== 'member';
}

function stateWritten(effect: Effect, holder: Holder): string | null {
  if (effect.kind === 'delete') return holder.kind === 'enum' ? holder.members[0] ?? null : OFF;
  if (effect.kind !== 'set') return null;
  return valueState(effect.value, holder);
}

/** The state a written value puts the holder in, when the code says: a member, true or false, zero or a time. */
function valueState(expr: Expr | null, holder: Holder): string | null {
  if (!expr) return null;
  const value = unwrap(expr);
  if (holder.kind === 'enum') return value.kind === 'enum-member' && value.enumName === holder.enumName ? value.member : null;
  if (holder.kind === 'flag') return value.kind === 'bool' ? (value.value ? ON : OFF) : null;
  if (value.kind === 'number') return value.value === '0' ? OFF : null;
  return [...walkExpr(value)].some((e) => e.kind === 'now') ? ON : null;
}

/** True when an expression is the holder: the state variable, or the field of an item of the collection. */
export function refersTo(expr: Expr, holder: { variable: string; collection: string | null }): boolean {
  if (holder.collection === null) return expr.kind === 'variable' && expr.name === holder.variable;
  return expr.kind === 'member' && expr.member === holder.variable && collectionOf(expr.object) === holder.collection;
}

function collectionOf(expr: Expr): string | null {
  if (expr.kind === 'index') return expr.base.kind === 'variable' ? expr.base.name : null;
  if (expr.kind === 'member') return collectionOf(expr.object);
  return null;
}

/**
 * States the action requires before it runs: `state == X`, `state == X || state == Y`, `state != X`, `!paid`,
 * all of them together. `states` is null when no check restricts the state, and empty when the checks
 * together allow none; `emptiedBy` is then the check that ruled out the last state. For records, the checks
 * are taken to be on the same record: checks on two different records (`orders[a]`, `orders[b]`) are not
 * told apart.
 */
function statesRequired(conditions: Condition[], holder: StateHolder, path: Expr[] = []): { states: string[] | null; emptiedBy: Condition | null } {
  let states: string[] | null = null;
  for (const condition of conditions) {
    if (!isPathPrefix(condition.when, path)) continue;
    const only = statesOf(condition.expr, holder);
    if (!only) continue;
    states = states === null ? only : states.filter((s) => only.includes(s));
    if (states.length === 0) return { states, emptiedBy: condition };
  }
  return { states, emptiedBy: null };
}

/** The states in which a condition holds, when it is about the holder alone; else null. */
export function statesOf(expr: Expr, holder: StateHolder, negate = false): string[] | null {
  const members = holder.members ?? holder.states?.map((s) => s.name) ?? [];
  const flip = (states: string[]) => (negate ? members.filter((m) => !states.includes(m)) : states);
  if (expr.kind === 'not') return statesOf(expr.operand, holder, !negate);
  if ((expr.kind === 'or' && !negate) || (expr.kind === 'and' && negate)) {
    const parts = expr.operands.map((e) => statesOf(e, holder, negate));
    return parts.every(Boolean) ? [...new Set(parts.flat() as string[])] : null;
  }
  if (expr.kind === 'and' || expr.kind === 'or') {
    // A conjunction holds only where each of its parts about the holder holds: `stage > Funded && stage != Closed`.
    const parts = expr.operands.map((e) => statesOf(e, holder, negate)).filter((x): x is string[] => x !== null);
    return parts.length === 0 ? null : parts.reduce((states, only) => states.filter((s) => only.includes(s)));
  }
  if (holder.kind === 'flag' && refersTo(expr, holder)) return flip([ON]);
  if (expr.kind !== 'compare') return null;
  const [subject, value] = refersTo(expr.left, holder) ? [expr.left, expr.right] : refersTo(expr.right, holder) ? [expr.right, expr.left] : [null, null];
  if (!subject || !value) return null;
  const op = subject === expr.left ? expr.op : FLIPPED_COMPARE[expr.op];
  if (holder.kind === 'enum') {
    const member = value.kind === 'enum-member' && value.enumName === holder.enumName ? value.member : null;
    const at = member === null ? -1 : members.indexOf(member);
    if (at < 0) return null;
    // Members compare in declaration order: `status < DisputeCreated` holds in the members declared before it.
    return flip(members.filter((_, i) => ENUM_ORDER[op](i, at)));
  }
  if (holder.kind === 'flag') {
    if (value.kind !== 'bool' || (op !== '==' && op !== '!=')) return null;
    return flip(value.value === (op === '==') ? [ON] : [OFF]);
  }
  if (value.kind !== 'number' || value.value !== '0') return null;
  if (op === '==' || op === '<=') return flip([OFF]);
  if (op === '!=' || op === '>') return flip([ON]);
  return null;
}

/** The states of a lifecycle an action's unconditional checks require: null when they do not restrict it, [] when they allow none. */
export function requiredStates(action: Action, lifecycle: Lifecycle): string[] | null {
  return statesRequired(action.conditions, lifecycle).states;
}

/**
 * True when the action can run at most once (for each record, for a lifecycle of records): it requires
 * states that it always leaves, and no action ever moves back into them.
 */
export function runsOnce(action: Action, lifecycle: Lifecycle): boolean {
  const required = requiredStates(action, lifecycle);
  if (required === null || required.length === 0) return false;
  const leaves = lifecycle.transitions.some((t) => t.action === action.id && !t.creates && t.when.length === 0 && !required.includes(t.to));
  const reenters = lifecycle.transitions.some((t) => !t.creates && required.includes(t.to) && (t.from.length === 0 || t.from.some((f) => !required.includes(f))));
  return leaves && !reenters;
}

