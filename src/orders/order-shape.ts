/**
 * The shape of an order: everything its sentences depend on except the decoded values themselves
 * (which terms were kept, condition statuses, who the sender is known to be, whether ETH is sent,
 * token details). Orders of the same shape share their sentences, with the values put in; describeOrder
 * records the shape of each order it makes, so renderOrder can reuse the sentences.
 */
import type { OrderTerms } from './model.ts';

const shapes = new WeakMap<OrderTerms, string>();

/** `parts` are describeOrder's marks of what was kept (`c0m`, `101`, `|`, `k2`): short, and without commas. */
export function recordShape(order: OrderTerms, parts: readonly string[]): void {
  const tokens = order.arguments.map((argument) => (argument.format.kind === 'token' ? `${argument.format.decimals}/${argument.format.symbol}` : ''));
  const { actor } = order;
  const head = [order.action.id, actor.address === null, actor.parties, actor.checked.length > 0, order.call.value === '0', order.call.value === null, order.signed === null, order.unmet, tokens];
  shapes.set(order, `${JSON.stringify(head)}${parts.join(',')}`);
}

/** The recorded shape, or undefined for an order describeOrder did not make (e.g. parsed from JSON). */
export function shapeOf(order: OrderTerms): string | undefined {
  return shapes.get(order);
}
