/**
 * Money sent when creating a record: a payable action writes a new record (`transactions.push(Transaction({…,
 * amount: msg.value, …}))`, or `orders[id] = Order({…})`) with the ETH sent as one of its fields. That ETH is
 * then held for that record, and leaves through the actions that pay an amount drawn on that field: read from it
 * (`transaction.amount` paid to the receiver) or taken off it in the same call (`transaction.amount -= _amount`
 * with `_amount` paid). What it does not handle: ETH added to an existing record (`+= msg.value`), records written
 * field by field, and a field copied into a local before it is paid.
 */
import type { Action, Expr, MoneyFact, Payment } from '../terms/index.ts';
import { unwrap, walkExpr } from '../terms/index.ts';

type Draft = Omit<MoneyFact, 'id' | 'basis'>;

/** The collection a record is written to or read from: the variable itself (push) or the variable indexed (`orders[id]`), as it stands or stood. */
export function collectionOf(target: Expr): Extract<Expr, { kind: 'variable' }> | null {
  if (target.kind === 'variable') return target;
  if (target.kind === 'prior') return collectionOf(target.of);
  if (target.kind === 'convert') return collectionOf(target.operand);
  if (target.kind === 'index') return collectionOf(target.base);
  return null;
}

/**
 * One fact per payable action and field that some payment draws on: the subject is the field of the collection
 * (`transactions`, `amount`).
 */
export function recordFunds(actions: Action[]): Draft[] {
  const drafts: Draft[] = [];
  for (const action of actions) {
    if (!action.payable || action.kind === 'constructor') continue;
    for (const effect of action.effects) {
      if ((effect.kind !== 'push' && effect.kind !== 'set') || effect.value?.kind !== 'struct' || effect.each !== null) continue;
      const collection = collectionOf(effect.target);
      const field = effect.value.fields.find((f) => unwrap(f.value).kind === 'value-sent');
      if (!collection || !field || (effect.kind === 'set' && effect.target.kind !== 'index')) continue;
      const subject: Expr = { kind: 'member', object: collection, member: field.name, label: field.label, type: effect.value.label };
      // A field no payment draws on is a note of what was sent (a receipt kept while the ETH is credited elsewhere), not money held for the record.
      if (!actions.some((a) => a.payments.some((p) => drawsOn(a, p, subject)))) continue;
      drafts.push({ kind: 'record-funds', action: action.id, subject, detail: null, withdrawal: null, party: null, when: effect.when, source: effect.source, excess: null });
    }
  }
  return drafts;
}

/** The field of a record of the collection, read anywhere in the expression (`transactions[_id].amount`). */
function readsField(expr: Expr, collection: string, field: string): boolean {
  return [...walkExpr(expr)].some((e) => e.kind === 'member' && e.member === field && collectionOf(e.object)?.name === collection);
}

/** True when the payment is drawn on the field: its amount reads it, or the action takes that amount off it on the payment's path. */
export function drawsOn(action: Action, payment: Payment, subject: Expr): boolean {
  if (subject.kind !== 'member' || subject.object.kind !== 'variable' || payment.direction !== 'out') return false;
  const [collection, field] = [subject.object.name, subject.member];
  if (readsField(payment.amount, collection, field)) return true;
  // The amount taken off, or a part of it (`_amount - fee` to the receiver and `fee` to the platform, with `fee` a share of `_amount`).
  const parts = new Set([...walkExpr(payment.amount)].map((e) => JSON.stringify(unwrap(e))));
  return action.effects.some((e) => e.kind === 'decrease' && e.value !== null && e.when.length === 0 && readsField(e.target, collection, field) && parts.has(JSON.stringify(unwrap(e.value))));
}
