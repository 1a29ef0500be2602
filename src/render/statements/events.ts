/**
 * What an action's events record that its other statements do not: an event's arguments are read only
 * where they carry a value given in the call that nothing else the action does uses (a note, a document's
 * hash). The rest (the caller, amounts paid, fields stored) repeat what the action's own lines already say.
 */
import type { Action, Emit, Expr } from '../../terms/index.ts';
import { walkExpr } from '../../terms/index.ts';

/** The action's events, each with only the arguments that say something the action's other lines do not. */
export function tellingEmits(action: Action): Emit[] {
  const used = new Set<string>();
  collectParameters([action.access, action.conditions, action.effects, action.payments, action.transitions, action.externalCalls], used);
  const emits = action.emits.map((emit) => ({ ...emit, args: emit.args.filter((arg) => givenOnlyHere(arg, used)) }));
  // Once its arguments are left out, an event recorded twice under the same conditions reads the same: name it once.
  const key = (emit: Emit) => JSON.stringify([emit.event, emit.args, emit.when, emit.each]);
  return emits.filter((emit, index) => emits.findIndex((other) => key(other) === key(emit)) === index);
}

function givenOnlyHere(arg: Expr, used: Set<string>): boolean {
  return [...walkExpr(arg)].some((part) => part.kind === 'variable' && part.scope === 'parameter' && !used.has(part.name));
}

/** Every parameter named anywhere in a part of the model (any object with kind 'variable' and scope 'parameter'). */
function collectParameters(value: unknown, into: Set<string>): void {
  if (Array.isArray(value)) {
    for (const item of value) collectParameters(item, into);
    return;
  }
  if (value === null || typeof value !== 'object') return;
  const record = value as Record<string, unknown>;
  if (record.kind === 'variable' && record.scope === 'parameter' && typeof record.name === 'string') into.add(record.name);
  for (const item of Object.values(record)) collectParameters(item, into);
}
