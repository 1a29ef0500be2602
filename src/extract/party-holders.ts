/**
 * Parties made by paying in: `pledgedAmount[id][msg.sender] += amount` in an action that takes that same
 * amount from the caller (or `deposits[msg.sender] += msg.value`) makes each caller a party with an entry
 * of their own, of the record the outer key names (the Campaign concerned) or of the contract. The party
 * is named by the mapping (the Pledged Amount), never by a role the code does not name.
 */
import type { Action, Expr, Party } from '../terms/index.ts';
import { unwrap, walkExpr } from '../terms/index.ts';
import type { ExtractContext } from './context.ts';
import { newParty } from './new-party.ts';

export function holderParties(context: ExtractContext, actions: Action[], known: Party[]): Party[] {
  const found = new Map<string, Party>();
  for (const action of actions) {
    if (action.kind === 'constructor') continue;
    for (const effect of action.effects) {
      if (effect.kind !== 'increase' || !effect.value || effect.when.length > 0 || effect.each) continue;
      const entry = callerEntry(effect.target);
      if (!entry || known.some((p) => p.id === entry.mapping) || !paidIn(action, effect.value)) continue;
      const record = entry.outer ? recordOf(action, entry.outer) : null;
      // An outer key that is not a record's key (a mapping by token, by day): the model cannot say whose entry it is.
      if (entry.outer && !record) continue;
      const decl = context.scope.stateVariables.find((v) => v.name === entry.mapping);
      if (!decl) continue;
      const party = found.get(entry.mapping) ?? newParty({
        id: entry.mapping,
        name: entry.mapping,
        kind: 'holder',
        mutability: 'mutable',
        setAt: 'action',
        collection: record?.collection ?? null,
        itemLabel: record?.item ?? null,
        source: context.locate(decl),
      });
      if (!party.joinedBy.includes(action.id)) party.joinedBy.push(action.id);
      found.set(entry.mapping, party);
    }
  }
  return [...found.values()];
}

/** `m[msg.sender]` or `m[key][msg.sender]`: the mapping and the outer key, when the caller is the last key. */
function callerEntry(target: Expr): { mapping: string; outer: Expr | null } | null {
  if (target.kind !== 'index' || unwrap(target.index).kind !== 'caller') return null;
  const base = target.base;
  if (base.kind === 'variable' && base.scope === 'state') return { mapping: base.name, outer: null };
  if (base.kind === 'index' && base.base.kind === 'variable' && base.base.scope === 'state') return { mapping: base.base.name, outer: base.index };
  return null;
}

/** True when the action takes the same amount from the caller: the ETH sent, or a token pulled from them into the contract. */
function paidIn(action: Action, value: Expr): boolean {
  const same = (a: Expr, b: Expr) => JSON.stringify(unwrap(a)) === JSON.stringify(unwrap(b));
  if (unwrap(value).kind === 'value-sent') return action.payable;
  return action.payments.some(
    (p) => p.direction === 'in' && p.when.length === 0 && p.from !== null && unwrap(p.from).kind === 'caller' && unwrap(p.to).kind === 'this' && same(p.amount, value),
  );
}

/** The record an outer key names: the same key indexes a collection of records in the action (`campaigns[_id]`). */
function recordOf(action: Action, key: Expr): { collection: string; item: string } | null {
  const text = JSON.stringify(key);
  for (const effect of action.effects) {
    for (const expr of [effect.target, ...(effect.value ? [effect.value] : [])]) {
      const found = recordIn(expr, text);
      if (found) return found;
    }
  }
  for (const condition of action.conditions) {
    const found = recordIn(condition.expr, text);
    if (found) return found;
  }
  return null;
}

function recordIn(root: Expr, key: string): { collection: string; item: string } | null {
  for (const expr of walkExpr(root)) {
    if (expr.kind === 'index' && expr.base.kind === 'variable' && expr.item && JSON.stringify(expr.index) === key) return { collection: expr.base.name, item: expr.item };
  }
  return null;
}
