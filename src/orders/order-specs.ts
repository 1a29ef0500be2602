/**
 * The sentences of an order before wording: id, section, the template that words it
 * (`templates/<locale>/order/statements/<kind>.hbs`), its data, source and, for conditions, status.
 */
import type { Basis, ContractTerms, Effect, Expr, SourceRef } from '../terms/index.ts';
import type { ConditionStatus, OrderTerms } from './model.ts';
import { senderNode } from './render-cache.ts';

export const ORDER_SECTIONS = ['order', 'deployment', 'arguments', 'access', 'conditions', 'payments', 'changes', 'disclaimer'] as const;
export type OrderSection = (typeof ORDER_SECTIONS)[number];

export type OrderStatementKind =
  | 'title' | 'actor' | 'signed' | 'value' | 'argument' | 'access' | 'condition' | 'outcome'
  | 'payment' | 'payments-none' | 'transition' | 'effect' | 'disclaimer';

export interface OrderSpec {
  id: string;
  section: OrderSection;
  kind: OrderStatementKind;
  context: Record<string, unknown>;
  status: ConditionStatus | null;
  basis: Basis;
  source: SourceRef | null;
}

const DISCLAIMER_PARTS = ['generated', 'not-advice', 'code-governs', 'off-chain'] as const;

export function collectOrderSpecs(order: OrderTerms, terms: ContractTerms): OrderSpec[] {
  const { action } = order;
  const spec = (id: string, section: OrderSection, kind: OrderStatementKind, context: Record<string, unknown>, source: SourceRef | null, extra: Partial<OrderSpec> = {}): OrderSpec => ({
    id, section, kind, context: { order, ...context }, status: null, basis: 'code', source, ...extra,
  });
  const specs: OrderSpec[] = [
    spec('order:title', 'order', 'title', {}, action.source),
    ...(order.signed ? [spec('order:signed', 'order', 'signed', { signed: order.signed }, null)] : []),
    spec('order:actor', 'order', 'actor', { parties: order.actor.parties, sender: senderNode(order) }, null, { basis: order.actor.parties.length > 0 ? 'deployment' : 'code' }),
  ];
  if (action.payable || order.call.value !== '0') specs.push(spec('order:value', 'order', 'value', {}, action.source));
  for (const argument of order.arguments) {
    specs.push(spec(`argument:${argument.name}`, 'arguments', 'argument', { argument }, argument.evidence.source));
  }
  specs.push(spec('access', 'access', 'access', { access: order.access }, order.access.source ?? action.source));
  order.conditions.forEach((condition, index) => {
    if (condition.isAccess && order.actor.address === null) return;
    specs.push(spec(`condition:${index + 1}`, 'conditions', 'condition', { condition }, condition.source, { status: condition.status, basis: condition.basis }));
  });
  specs.push(spec('outcome', 'conditions', 'outcome', { unmet: order.unmet, open: order.conditions.filter((c) => c.status === 'open').length }, null));
  order.payments.forEach((payment, index) => {
    specs.push(spec(`payment:${index + 1}`, 'payments', 'payment', { payment }, payment.source, { basis: payment.basis }));
  });
  if (order.payments.length === 0) specs.push(spec('payments:none', 'payments', 'payments-none', {}, action.source));
  order.transitions.forEach((transition, index) => {
    const lifecycle = terms.lifecycles.find((candidate) => candidate.id === transition.lifecycle) ?? null;
    const label = (state: string) => lifecycle?.states.find((candidate) => candidate.name === state)?.label ?? state;
    const context = { transition, lifecycle, from: transition.from.map(label), to: label(transition.to) };
    specs.push(spec(`transition:${index + 1}`, 'changes', 'transition', context, transition.source));
  });
  order.effects.forEach((effect, index) => {
    if (isLifecycleEffect(order, terms, effect)) return;
    specs.push(spec(`effect:${index + 1}`, 'changes', 'effect', { effect }, effect.source, { basis: effect.basis }));
  });
  for (const part of DISCLAIMER_PARTS) specs.push(spec(`disclaimer:${part}`, 'disclaimer', 'disclaimer', { part }, null));
  return specs;
}

/** Changes of a lifecycle's variable are told by the order's transitions instead. */
function isLifecycleEffect(order: OrderTerms, terms: ContractTerms, effect: Effect): boolean {
  const name = targetName(effect.target);
  return order.transitions.some((transition) => terms.lifecycles.find((l) => l.id === transition.lifecycle)?.variable === name);
}

function targetName(target: Expr): string | null {
  if (target.kind === 'variable') return target.name;
  if (target.kind === 'member') return target.member;
  if (target.kind === 'convert') return targetName(target.operand);
  return null;
}
