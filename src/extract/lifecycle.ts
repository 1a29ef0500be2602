/**
 * Lifecycles: enum state variables, and enum fields of records kept in a mapping or array (a state per
 * item). Transitions come from assignments of an enum member; the states an action moves from come from
 * its conditions on the same variable. The initial state is the declared or deployed value, or the
 * enum's first member (Solidity's default); final states have no way out.
 */
import type { EnumDefinition, VariableDeclaration } from 'solidity-ast';
import { humanise } from '../ir/names.ts';
import { targetName } from '../ir/exprs.ts';
import { typeDefinitions } from '../ir/scope.ts';
import type { Action, Condition, Expr, Lifecycle, Transition } from '../terms/index.ts';
import type { ExtractContext, Extractor } from './context.ts';
import { storedStruct } from './parties.ts';

interface Holder {
  id: string;
  item: string | null;
  variable: string;
  enumDef: EnumDefinition;
  collection: string | null;
  source: { src: string };
}

export const lifecycle: Extractor = {
  name: 'lifecycle',
  extract(context, terms) {
    terms.lifecycles = findHolders(context).map((holder) => buildLifecycle(context, holder, terms.actions));
    for (const action of terms.actions) {
      action.transitions = terms.lifecycles.flatMap((l) => l.transitions.filter((t) => t.action === action.id));
    }
  },
};

function findHolders(context: ExtractContext): Holder[] {
  const { enums, structs } = typeDefinitions(context.scope);
  const holders: Holder[] = [];
  for (const decl of context.scope.stateVariables) {
    const enumDef = enumOf(decl, enums);
    if (enumDef && !decl.constant) {
      holders.push({ id: decl.name, item: null, variable: decl.name, enumDef, collection: null, source: decl });
      continue;
    }
    const struct = storedStruct(decl, structs);
    for (const member of struct?.members ?? []) {
      const memberEnum = enumOf(member, enums);
      if (memberEnum) holders.push({ id: `${decl.name}.${member.name}`, item: humanise(struct!.name), variable: member.name, enumDef: memberEnum, collection: decl.name, source: member });
    }
  }
  return holders;
}

function enumOf(decl: VariableDeclaration, enums: Map<number, EnumDefinition>): EnumDefinition | null {
  const match = /^t_enum\$_\w+?_\$(\d+)$/.exec(decl.typeDescriptions.typeIdentifier ?? '');
  return match ? enums.get(Number(match[1])) ?? null : null;
}

function buildLifecycle(context: ExtractContext, holder: Holder, actions: Action[]): Lifecycle {
  const members = holder.enumDef.members.map((m) => m.name);
  const transitions: Transition[] = [];
  let initial: string | null = holder.collection ? null : members[0] ?? null;
  const creations: Transition[] = [];
  for (const action of actions) {
    const required = statesRequired(action.conditions, holder, members);
    // Successive writes under the same conditions chain: Submitted → Approved, then Approved → Paid.
    const last = new Map<string, string>();
    for (const effect of action.effects) {
      if (effect.kind !== 'set' || !refersTo(effect.target, holder)) continue;
      const to = memberOf(effect.value, holder);
      if (!to) continue;
      if (action.kind === 'constructor') {
        initial = to;
        continue;
      }
      const key = JSON.stringify(effect.when);
      const previous = last.get(key);
      // Only the states the path's own conditions allow: under `if (status == Reclaimed)`, from Reclaimed.
      const allowed = effect.when.map((w) => statesOf(w, holder, members)).filter((x): x is string[] => x !== null);
      const from = allowed.reduce((states, only) => (states.length === 0 ? only : states.filter((s) => only.includes(s))), required);
      transitions.push({ lifecycle: holder.id, from: previous ? [previous] : from, to, action: action.id, when: effect.when, creates: false, source: effect.source });
      last.set(key, to);
    }
    // A record written whole (orders[id] = Order({... state: Placed}), milestones.push(...)) starts in the state it names.
    for (const effect of action.effects) {
      if (!holder.collection || effect.value?.kind !== 'struct' || effect.value.name === undefined) continue;
      if (targetName(effect.target) !== holder.collection) continue;
      const field = effect.value.fields.find((f) => f.name === holder.variable);
      const to = field ? memberOf(field.value, holder) : null;
      if (to) creations.push({ lifecycle: holder.id, from: [], to, action: action.id, when: effect.when, creates: true, source: effect.source });
    }
  }
  if (holder.collection) initial = creations[0]?.to ?? members[0] ?? null;
  transitions.unshift(...creations);
  const leaving = new Set(transitions.filter((t) => !creations.includes(t)).flatMap((t) => (t.from.length ? t.from : members)));
  const reached = new Set([initial, ...transitions.map((t) => t.to)]);
  return {
    id: holder.id,
    variable: holder.variable,
    label: humanise(holder.variable),
    enumName: holder.enumDef.name,
    perItem: holder.collection !== null,
    collection: holder.collection,
    collectionLabel: holder.collection ? humanise(holder.collection) : null,
    itemLabel: holder.item,
    states: members.map((name) => ({ name, label: humanise(name), initial: name === initial, final: reached.has(name) && !leaving.has(name) && name !== initial })),
    initial,
    transitions,
    source: context.locate(holder.source),
    basis: 'code',
  };
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

function memberOf(expr: Expr | null, holder: Holder): string | null {
  return expr?.kind === 'enum-member' && expr.enumName === holder.enumDef.name ? expr.member : null;
}

/** States the action requires before it runs: `state == X`, `state == X || state == Y`, `state != X`. */
function statesRequired(conditions: Condition[], holder: Holder, members: string[]): string[] {
  for (const condition of conditions) {
    if (condition.when.length > 0) continue;
    const states = statesOf(condition.expr, holder, members);
    if (states) return states;
  }
  return [];
}

function statesOf(expr: Expr, holder: Holder, members: string[]): string[] | null {
  if (expr.kind === 'or') {
    const parts = expr.operands.map((e) => statesOf(e, holder, members));
    return parts.every(Boolean) ? [...new Set(parts.flat() as string[])] : null;
  }
  if (expr.kind === 'and') {
    for (const operand of expr.operands) {
      const states = statesOf(operand, holder, members);
      if (states) return states;
    }
    return null;
  }
  if (expr.kind !== 'compare' || (expr.op !== '==' && expr.op !== '!=')) return null;
  const [subject, value] = refersTo(expr.left, holder) ? [expr.left, expr.right] : refersTo(expr.right, holder) ? [expr.right, expr.left] : [null, null];
  if (!subject || !value) return null;
  const member = memberOf(value, holder);
  if (!member) return null;
  return expr.op === '==' ? [member] : members.filter((m) => m !== member);
}
