/**
 * Powers reached through the deal's stages and queues: a restricted move into the only stage in which money
 * is paid out (the holders decide where it goes), and the delay a queue proves before a queued call runs.
 */
import { targetName } from '../ir/exprs.ts';
import type { Action, ContractTerms, Expr } from '../terms/index.ts';
import { unwrap, walkExpr } from '../terms/index.ts';
import { ruleHolder } from './actions.ts';
import { timeComparisons } from './deadlines.ts';
import { requiredStates } from './lifecycle.ts';
import { SIGNATURE, type StoredReads } from './stored-reads.ts';

/**
 * A delay the code proves between a call being queued and being run: the action runs only once a time the
 * caller gives has come (`block.timestamp >= _timestamp`), and only for an entry of a stored record keyed by
 * that time (`queued[keccak256(…, _timestamp)]`) that the only action setting it sets only when the time is
 * at least a minimum ahead (`_timestamp >= block.timestamp + MIN_DELAY`). The timelock is that condition
 * of the queuing action; `timelockWhen` is empty. Nothing when any link is missing.
 */
export function queuedDelay(action: Action, terms: ContractTerms): { timelock: Expr; timelockWhen: Expr[] } | {} {
  const parameterNamed = (e: Expr | undefined): string | null => (e && unwrap(e).kind === 'variable' && (unwrap(e) as { scope: string }).scope === 'parameter' ? (unwrap(e) as { name: string }).name : null);
  const time = action.conditions.map((c) => c.expr).find((e) => e.kind === 'compare' && e.left.kind === 'now' && e.op === '>=' && parameterNamed(e.right) !== null);
  if (!time || time.kind !== 'compare') return {};
  const when = parameterNamed(time.right)!;
  const keyed = action.conditions.map((c) => c.expr).find((e) => e.kind === 'index' && e.base.kind === 'variable' && e.base.scope === 'state' && [...walkExpr(e.index)].some((n) => n.kind === 'variable' && n.scope === 'parameter' && n.name === when));
  if (!keyed || keyed.kind !== 'index' || keyed.base.kind !== 'variable') return {};
  const record = keyed.base.name;
  const setters = terms.actions.filter((a) => a.kind !== 'constructor' && a.effects.some((e) => targetName(e.target) === record && e.value?.kind === 'bool' && e.value.value));
  if (setters.length !== 1) return {};
  const [queue] = setters;
  const write = queue.effects.find((e) => targetName(e.target) === record && e.value?.kind === 'bool' && e.value.value);
  if (!write || write.when.length > 0 || write.target.kind !== 'index' || JSON.stringify(write.target.index) !== JSON.stringify(keyed.index)) return {};
  // `_timestamp >= block.timestamp + D` among the queuing action's unconditional checks (alone or in a conjunction).
  const parts = queue.conditions.filter((c) => !c.isAccess && c.when.length === 0).flatMap((c) => (c.expr.kind === 'and' ? c.expr.operands : [c.expr]));
  const ahead = parts.find((e) => e.kind === 'compare' && e.op === '>=' && parameterNamed(e.left) === when && e.right.kind === 'arith' && e.right.op === '+' && e.right.left.kind === 'now');
  return ahead ? { timelock: ahead, timelockWhen: [] } : {};
}

/**
 * The holders alone move the deal into a stage in which another action pays out money the contract holds,
 * and which that action requires (RefundEscrow's `close`, after which `beneficiaryWithdraw` pays the
 * Beneficiary; `enableRefunds`, after which the deposits are paid back). The move is a power when nothing
 * the other side controls stands in its way: no time, no signature, and every stored value it checks
 * written only by the holders' own actions or at deployment. The holders then decide where the money goes.
 */
export function decidesPayout(action: Action, holders: string[], terms: ContractTerms, stored: StoredReads): { target: Expr; value: Expr; source: Action['source'] }[] {
  if (holders.some((h) => h === 'caller' || h === 'checked')) return [];
  const own = (a: Action) => a.kind === 'constructor' || (!a.access.anyone && a.access.rules.length > 0 && a.access.rules.every((r) => { const holder = ruleHolder(r); return holder !== null && holders.includes(holder); }));
  const checks = action.conditions.filter((c) => !c.isAccess);
  if (checks.some((c) => timeComparisons(c.expr).length > 0)) return [];
  const read = new Set(checks.flatMap((c) => [...stored(c.expr)]));
  if (read.has(SIGNATURE)) return [];
  for (const name of read) {
    if (terms.actions.some((a) => !own(a) && a.effects.some((e) => targetName(e.target) === name))) return [];
  }
  const found: { target: Expr; value: Expr; source: Action['source'] }[] = [];
  for (const lifecycle of terms.lifecycles) {
    if (lifecycle.perItem || lifecycle.kind !== 'enum') continue;
    for (const move of lifecycle.transitions) {
      if (move.action !== action.id || move.creates || move.when.length > 0) continue;
      const state = lifecycle.states.find((s) => s.name === move.to);
      if (!state || !lifecycle.enumName) continue;
      // Another action pays out money the contract holds in that stage only, not in the one the move leaves.
      const pays = terms.actions.some((other) => {
        if (other.id === action.id || other.kind === 'constructor') return false;
        if (!other.payments.some((p) => p.direction === 'out' && unwrap(p.amount).kind !== 'value-sent')) return false;
        const required = requiredStates(other, lifecycle);
        return required !== null && required.length === 1 && required[0] === move.to && move.from.length > 0 && !move.from.includes(move.to);
      });
      if (!pays) continue;
      const variable = terms.actions.flatMap((a) => a.effects).find((e) => e.target.kind === 'variable' && e.target.name === lifecycle.variable)?.target;
      if (!variable) continue;
      found.push({ target: variable, value: { kind: 'enum-member', enumName: lifecycle.enumName, member: state.name, label: state.label }, source: move.source });
    }
  }
  return found;
}

/**
 * The holders alone move a record, or the deal, back to a state from which no action pays out (the money
 * held for it may then stay in the contract): the move pays no one itself, it leaves a state in which another
 * action would pay out, and every action that pays out requires a state other than the one reached. A way
 * back to a paying state through further moves is not followed: it may need new money from someone else.
 */
export function strandsFunds(action: Action, holders: string[], terms: ContractTerms): { target: Expr; value: Expr; source: Action['source'] }[] {
  if (holders.some((h) => h === 'caller' || h === 'checked')) return [];
  if (action.payments.some((p) => p.direction === 'out')) return [];
  const found: { target: Expr; value: Expr; source: Action['source'] }[] = [];
  for (const lifecycle of terms.lifecycles) {
    if (lifecycle.kind !== 'enum' || !lifecycle.enumName) continue;
    const payers = terms.actions
      .filter((a) => a.id !== action.id && a.kind !== 'constructor' && a.payments.some((p) => p.direction === 'out' && unwrap(p.amount).kind !== 'value-sent'))
      .map((a) => requiredStates(a, lifecycle));
    // A payer the lifecycle does not restrict can pay out in any state.
    if (payers.length === 0 || payers.some((required) => required === null)) continue;
    const paysIn = (state: string) => payers.some((required) => required!.includes(state));
    for (const move of lifecycle.transitions) {
      if (move.action !== action.id || move.creates || paysIn(move.to)) continue;
      const left = move.from.length > 0 ? move.from : lifecycle.states.map((s) => s.name).filter((s) => s !== move.to);
      if (!left.some(paysIn)) continue;
      const effect = action.effects.find((e) => sameSource(e.source, move.source));
      const state = lifecycle.states.find((s) => s.name === move.to);
      if (!effect || !state) continue;
      found.push({ target: effect.target, value: { kind: 'enum-member', enumName: lifecycle.enumName, member: state.name, label: state.label }, source: move.source });
    }
  }
  return found;
}

function sameSource(a: Action['source'], b: Action['source']): boolean {
  return a.path === b.path && a.line === b.line && a.endLine === b.endLine;
}
