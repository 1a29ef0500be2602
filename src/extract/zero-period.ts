/**
 * A date moved on by a stored period that nothing keeps above zero (`nextChargeAt += plan.frequency`, where
 * `createPlan` stores any `frequency` it is given): with a period of zero the date never moves, so the action
 * that may run once the date is reached can run again and again at once.
 */
import type { Action, ContractTerms, Expr, Risk } from '../terms/index.ts';
import { unwrap, walkExpr } from '../terms/index.ts';
import { targetName } from '../ir/exprs.ts';
import { pathOf } from './deadlines.ts';

type Draft = Omit<Risk, 'id' | 'basis'>;

const ZERO: Expr = { kind: 'number', value: '0', written: '0', unit: null };

export function zeroPeriods(terms: ContractTerms): Draft[] {
  const drafts: Draft[] = [];
  for (const deadline of terms.deadlines) {
    for (const move of deadline.movedBy ?? []) {
      if (move.op !== 'increase') continue;
      // The same action must be the one the date opens: it moves the date on from the old date, then may run again.
      if (!deadline.checks.some((check) => check.action === move.action && (check.op === '>=' || check.op === '>'))) continue;
      const period = storedPlace(move.by);
      if (period === null) continue;
      const writes = writesOf(terms, pathOf(period));
      // Never written, or some write that can only store a positive value (a non-zero number, or a value its action checks): no risk said.
      if (writes.length === 0 || writes.some(({ action, value }) => !unbounded(action, value))) continue;
      drafts.push({ kind: 'zero-period', action: move.action, party: null, subject: period, text: deadline.id, state: null, source: move.source, also: [...new Set(writes.map((w) => w.action.id))] });
    }
  }
  return drafts;
}

/** The stored value the period reads (`plans[id].frequency`, `period`); null for anything else (a number, a parameter, a sum). */
function storedPlace(expr: Expr): Expr | null {
  const bare = unwrap(expr.kind === 'prior' ? expr.of : expr);
  if (bare.kind === 'variable') return bare.scope === 'state' ? bare : null;
  if (bare.kind === 'member') return storedPlace(bare.object.kind === 'index' ? bare.object.base : bare.object) ? bare : null;
  return null;
}

/** Every value written to the stored path: plain writes, and the field of a whole record written at once. */
function writesOf(terms: ContractTerms, path: string): { action: Action; value: Expr }[] {
  const found: { action: Action; value: Expr }[] = [];
  const [collection, member] = path.split('.');
  for (const action of terms.actions) {
    for (const effect of action.effects) {
      if (pathOf(effect.target) === path) {
        // A delete stores zero; a change by an amount (`+=`) starts from a value already written.
        if (effect.kind === 'delete') found.push({ action, value: ZERO });
        else if (effect.kind === 'set' && effect.value !== null) found.push({ action, value: effect.value });
        continue;
      }
      if (member !== undefined && effect.value?.kind === 'struct' && targetName(effect.target) === collection) {
        const field = effect.value.fields.find((f) => f.name === member);
        if (field) found.push({ action, value: field.value });
      }
    }
  }
  return found;
}

/** A value that may be zero: not a non-zero number, and not checked by any condition of the action that writes it. */
function unbounded(action: Action, value: Expr): boolean {
  const bare = unwrap(value);
  if (bare.kind === 'number') return bare.value === '0';
  const key = JSON.stringify(bare);
  return !action.conditions.some((condition) => [...walkExpr(condition.expr)].some((node) => JSON.stringify(node) === key));
}
