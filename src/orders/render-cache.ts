/**
 * Sentences shared by orders of the same shape. The skeleton of a shape is its statements worded with
 * a placeholder for each value (`\u0001role:name:s\u0002`, s for the short form used inside sentences,
 * l for the long form); an order's statements are the skeleton with its own values worded and put in.
 * The result is the same text as wording the order directly (tests/orders/render-cache.test.ts).
 */
import type { ContractTerms } from '../terms/index.ts';
import type { ArgumentNode, OrderTerms } from './model.ts';
import type { OrderStatement } from './render.ts';

export interface Skeleton {
  statements: OrderStatement[];
  /** Each statement's text split at its placeholders: text, placeholder index, text, … (odd entries are indexes). */
  parts: (string | number)[][];
  /** The distinct placeholders, in order of first appearance. */
  placeholders: string[];
  /** Each placeholder's value (`role:name`, as valueNodes keys it) and whether it is in its short form. */
  slots: { key: string; short: boolean }[];
}

const PLACEHOLDER = /\u0001([^\u0001\u0002]*)\u0002/g;
const SPLIT = /\u0001([^\u0001\u0002]*)\u0002/;
const MAX_SHAPES_PER_CONTRACT = 2000;
const skeletons = new WeakMap<ContractTerms, Map<string, Skeleton>>();

/** The placeholder standing for a value of the order. */
export function placeholder(node: Pick<ArgumentNode, 'role' | 'name'>, short: boolean): string {
  return `\u0001${node.role}:${node.name}:${short ? 's' : 'l'}\u0002`;
}

/** The skeleton of a shape, worded by `word` the first time. */
export function skeletonFor(terms: ContractTerms, key: string, word: () => OrderStatement[]): Skeleton {
  let byShape = skeletons.get(terms);
  if (!byShape) skeletons.set(terms, (byShape = new Map()));
  let found = byShape.get(key);
  if (!found) {
    if (byShape.size >= MAX_SHAPES_PER_CONTRACT) byShape.clear();
    const statements = word();
    const placeholders = [...new Set(statements.flatMap((statement) => statement.text.match(PLACEHOLDER) ?? []))];
    const index = new Map(placeholders.map((text, position) => [text, position]));
    const parts = statements.map((statement) => statement.text.split(SPLIT).map((part, position) => (position % 2 === 1 ? index.get(`\u0001${part}\u0002`)! : part)));
    const slots = placeholders.map((text) => {
      const [role, name, form] = text.slice(1, -1).split(':');
      return { key: `${role}:${name}`, short: form === 's' };
    });
    byShape.set(key, (found = { statements, parts, placeholders, slots }));
  }
  return found;
}

export interface ValueItem {
  node: ArgumentNode;
  short: boolean;
}

/** The values a skeleton needs from this order, in placeholder order (each worded once). */
export function valueItems(skeleton: Skeleton, order: OrderTerms): ValueItem[] {
  if (skeleton.placeholders.length === 0) return [];
  const nodes = valueNodes(order);
  return skeleton.slots.map(({ key, short }) => {
    const node = nodes.get(key);
    if (!node) throw new Error(`order ${order.action.id} has no value for the placeholder ${key}`);
    return { node, short };
  });
}

/** A statement's text from its parts and the worded values. */
export function joinParts(parts: readonly (string | number)[], words: readonly string[]): string {
  if (parts.length === 1) return parts[0] as string;
  let text = '';
  for (const part of parts) text += typeof part === 'number' ? words[part] : part;
  return text;
}

/** The skeleton's statements with the order's values worded (by `wordValues`, in one call) and put in. */
export function fillValues(skeleton: Skeleton, order: OrderTerms, wordValues: (items: ValueItem[]) => string[]): OrderStatement[] {
  if (skeleton.placeholders.length === 0) return skeleton.statements;
  const words = wordValues(valueItems(skeleton, order));
  return skeleton.statements.map((statement, index) => {
    const parts = skeleton.parts[index];
    return parts.length === 1 ? statement : { ...statement, text: joinParts(parts, words) };
  });
}

/** The order's values by `role:name`: arguments, the ETH sent and the sender. */
function valueNodes(order: OrderTerms): Map<string, ArgumentNode> {
  const nodes = new Map<string, ArgumentNode>(order.arguments.map((argument) => [`parameter:${argument.name}`, argument]));
  if (order.value) nodes.set('value:msg.value', order.value);
  const sender = senderNode(order);
  if (sender) nodes.set('caller:msg.sender', sender);
  return nodes;
}

/** The sender as a value node, as it appears in the order's expressions. */
export function senderNode(order: OrderTerms): ArgumentNode | null {
  const { address, parties } = order.actor;
  if (address === null) return null;
  return { kind: 'argument', role: 'caller', name: 'msg.sender', label: '', type: 'address', value: address, format: { kind: 'address', party: parties[0] ?? null } };
}
