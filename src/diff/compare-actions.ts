/**
 * Changes inside actions: actions added or removed, who may call, the conditions that must hold and
 * the payments made. Expressions are compared in canonical form, relative to each action's own
 * parameter list, so renamed parameters, moved checks and extracted helpers change nothing.
 */
import type { Access, Action, Asset, CallerRule, Condition, ContractTerms, Payment } from '../terms/index.ts';
import { exprKey, exprSetKey, leavesKey, type ParamList, shapeKey } from './canonical.ts';
import { change, matchBy, type TermChange } from './types.ts';

export function compareActions(before: ContractTerms, after: ContractTerms): TermChange[] {
  const { pairs, removed, added } = matchBy(before.actions, after.actions, (action) => action.id);
  const changes: TermChange[] = [];
  for (const action of removed) {
    changes.push(change('action-removed', { action: action.id, subject: action.id, old: describeAction(action), oldSource: action.source }));
  }
  for (const action of added) {
    changes.push(change('action-added', { action: action.id, subject: action.id, new: describeAction(action), newSource: action.source }));
  }
  for (const [old, now] of pairs) changes.push(...compareAccess(old, now), ...compareConditions(old, now), ...comparePayments(old, now));
  return changes;
}

function describeAction(action: Action) {
  return { id: action.id, name: action.name, label: action.label, kind: action.kind, access: action.access };
}

function accessKey(access: Access, params: ParamList): string {
  if (access.anyone) return 'anyone';
  return JSON.stringify(access.rules.map((rule) => ruleKey(rule, params)).sort());
}

function ruleKey(rule: CallerRule, params: ParamList): string {
  if (rule.kind === 'party') return `party:${rule.party}`;
  if (rule.kind === 'role') return `role:${rule.role}`;
  return `expr:${exprKey(rule.expr, params)}`;
}

function compareAccess(old: Action, now: Action): TermChange[] {
  if (accessKey(old.access, old.parameters) === accessKey(now.access, now.parameters)) return [];
  return [
    change('access-changed', {
      action: now.id,
      subject: now.id,
      old: old.access,
      new: now.access,
      oldSource: old.access.source ?? old.source,
      newSource: now.access.source ?? now.source,
    }),
  ];
}

function conditionKey(condition: Condition, params: ParamList): string {
  return `${exprKey(condition.expr, params)}|${exprSetKey(condition.when, params)}`;
}

function compareConditions(old: Action, now: Action): TermChange[] {
  const olds = old.conditions.filter((condition) => !condition.isAccess);
  const news = now.conditions.filter((condition) => !condition.isAccess);
  const paramsOf = (condition: Condition) => (olds.includes(condition) ? old.parameters : now.parameters);
  const exact = matchBy(olds, news, (c) => conditionKey(c, paramsOf(c)));
  const shaped = matchBy(exact.removed, exact.added, (c) => `${shapeKey(c.expr, paramsOf(c))}|${c.when.length}`);
  const related = matchBy(shaped.removed, shaped.added, (c) => leavesKey(c.expr, paramsOf(c)));
  const changes: TermChange[] = [];
  for (const [before, after] of [...shaped.pairs, ...related.pairs]) {
    changes.push(
      change('condition-changed', {
        action: now.id,
        subject: now.id,
        old: before.expr,
        new: after.expr,
        oldSource: before.source,
        newSource: after.source,
      }),
    );
  }
  for (const before of related.removed) {
    changes.push(change('condition-removed', { action: now.id, subject: now.id, old: before.expr, oldSource: before.source }));
  }
  for (const after of related.added) {
    changes.push(change('condition-added', { action: now.id, subject: now.id, new: after.expr, newSource: after.source }));
  }
  return changes;
}

function assetKey(asset: Asset): string {
  return asset.kind === 'eth' ? 'eth' : `token:${exprKey(asset.token, null)}`;
}

function paymentKeys(payment: Payment, params: ParamList) {
  const base = `${payment.direction}|${assetKey(payment.asset)}|${exprKey(payment.from, params)}|${exprSetKey(payment.when, params)}`;
  const to = payment.toParty === null ? exprKey(payment.to, params) : `party:${payment.toParty}`;
  const amount = exprKey(payment.amount, params);
  return { full: `${base}|${to}|${amount}`, byRecipient: `${base}|${to}`, byAmount: `${base}|${amount}` };
}

function comparePayments(old: Action, now: Action): TermChange[] {
  const paramsOf = (payment: Payment) => (old.payments.includes(payment) ? old.parameters : now.parameters);
  const keys = (payment: Payment) => paymentKeys(payment, paramsOf(payment));
  const exact = matchBy(old.payments, now.payments, (p) => keys(p).full);
  const sameRecipient = matchBy(exact.removed, exact.added, (p) => keys(p).byRecipient);
  const sameAmount = matchBy(sameRecipient.removed, sameRecipient.added, (p) => keys(p).byAmount);
  const at = { action: now.id, subject: now.id };
  const changes: TermChange[] = [];
  for (const [before, after] of sameRecipient.pairs) {
    changes.push(
      change('payment-amount-changed', { ...at, old: before.amount, new: after.amount, oldSource: before.source, newSource: after.source }),
    );
  }
  for (const [before, after] of sameAmount.pairs) {
    changes.push(
      change('payment-redirected', {
        ...at,
        old: { to: before.to, toParty: before.toParty, amount: before.amount },
        new: { to: after.to, toParty: after.toParty, amount: after.amount },
        oldSource: before.source,
        newSource: after.source,
      }),
    );
  }
  for (const before of sameAmount.removed) changes.push(change('payment-removed', { ...at, old: before, oldSource: before.source }));
  for (const after of sameAmount.added) changes.push(change('payment-added', { ...at, new: after, newSource: after.source }));
  return changes;
}
