/**
 * An allow-list that lets an address's own code run inside other parties' actions: a restricted action sets
 * `allowed[account] = true` (a `mapping(address => bool)`), and other actions call that account only when
 * its entry is set (a recipient's hook on cancel and withdraw). The holder alone decides whose code runs
 * there; when a check reads the call's answer, that code can make those actions fail.
 */
import type { Action, ContractTerms, Effect, Expr, Power } from '../terms/index.ts';
import { walkExpr } from '../terms/index.ts';
import { ruleHolder } from './actions.ts';

export function hookAllowances(action: Action, holders: string[], terms: ContractTerms, count: number): Power[] {
  const found: Power[] = [];
  for (const effect of action.effects) {
    const map = allowListOf(effect);
    if (!map) continue;
    const gated = (expr: Expr) => [...walkExpr(expr)].some((e) => e.kind === 'index' && e.base.kind === 'variable' && e.base.name === map);
    const hooked = terms.actions.filter((other) => other.id !== action.id && other.kind !== 'constructor' && !onlyHolders(other, holders) && other.externalCalls.some((c) => gatedCall(c, gated)));
    if (hooked.length === 0) continue;
    const names = new Set(hooked.flatMap((other) => other.externalCalls.filter((c) => gatedCall(c, gated)).map((c) => c.name)));
    // A check on what the call returns (`selector == onHook.selector`): its answer can make the action fail.
    const canFail = hooked.some((other) => other.conditions.some((c) => [...walkExpr(c.expr)].some((e) => e.kind === 'external-call' && names.has(e.name))));
    const removable = terms.actions.some((other) => other.effects.some((e) => allowListOf(e) === null && e.target.kind === 'index' && e.target.base.kind === 'variable' && e.target.base.name === map));
    found.push({
      id: `power:${count + found.length + 1}`,
      kind: 'allow-hook',
      action: action.id,
      holders,
      target: effect.target,
      value: effect.value,
      bounds: [],
      affectsExisting: true,
      timelock: null,
      timelockWhen: [],
      rateScale: null,
      hooked: { actions: hooked.map((a) => a.id), canFail, removable },
      source: effect.source,
      basis: 'code',
    });
  }
  return found;
}

/** `allowed[account] = true` on a `mapping(address => bool)`: the map's name. */
function allowListOf(effect: Effect): string | null {
  const target = effect.target;
  if (effect.kind !== 'set' || effect.value?.kind !== 'bool' || !effect.value.value) return null;
  if (target.kind !== 'index' || target.base.kind !== 'variable' || target.base.scope !== 'state') return null;
  return /^mapping\(address( payable)? => bool\)$/.test(target.base.type ?? '') ? target.base.name : null;
}

/** Only the holders themselves may call it: their own action, not another party's. */
function onlyHolders(action: Action, holders: string[]): boolean {
  return !action.access.anyone && action.access.rules.length > 0 && action.access.rules.every((r) => holders.includes(ruleHolder(r) ?? ''));
}

/** A call made only when a condition holds, its own or, in a loop, the item's (`for` each stream whose recipient is allowed). */
function gatedCall(call: Action['externalCalls'][number], gated: (expr: Expr) => boolean): boolean {
  return [...call.when, ...(call.each?.where ?? [])].some(gated);
}
