/**
 * Putting this order's values into the action's expression trees: each parameter variable becomes an
 * `argument` node with its decoded value and format; the ETH sent and (when known) the sender likewise.
 * Trees are copied where they change and shared where they do not.
 */
import { childrenOf, type Expr } from '../terms/index.ts';
import { isPlainNumber, unwrap } from './slots.ts';
import type { ArgumentNode } from './model.ts';

export interface Substitutions {
  /** By parameter name, or `param.field` for a field of a struct parameter. */
  parameters: Map<string, ArgumentNode>;
  value: ArgumentNode | null;
  caller: ArgumentNode | null;
}

/** The tree with this order's values in place (argument nodes are typed as Expr for the model's trees). */
export function substitute(expr: Expr, subs: Substitutions): Expr {
  const replaced = replaceLeaf(expr, subs);
  if (replaced !== null) return replaced as unknown as Expr;
  const mapped = mapChildren(expr, (child) => substitute(child, subs));
  return mapped.kind === 'compare' && mapped !== expr ? formatLiteral(mapped) : mapped;
}

/** Formats in which a plain number compared with a value reads better as that kind of value. */
const LITERAL_FORMATS = new Set(['eth', 'token', 'percent', 'datetime', 'duration']);

/**
 * `fee <= 1000` with the fee a percentage: the 1000 is a percentage too, and is shown as one (10%). The
 * number becomes a `constant` argument node with the format of the value it is compared with.
 */
function formatLiteral(expr: Extract<Expr, { kind: 'compare' }>): Expr {
  const left = asArgument(expr.left);
  const right = asArgument(expr.right);
  if (left && !right && isPlainNumber(expr.right) && LITERAL_FORMATS.has(left.format.kind)) return { ...expr, right: constant(expr.right, left) };
  if (right && !left && isPlainNumber(expr.left) && LITERAL_FORMATS.has(right.format.kind)) return { ...expr, left: constant(expr.left, right) };
  return expr;
}

function asArgument(expr: Expr): ArgumentNode | null {
  const inner = unwrap(expr) as Expr | ArgumentNode;
  return inner.kind === 'argument' ? inner : null;
}

function constant(number: Expr, like: ArgumentNode): Expr {
  const value = (unwrap(number) as Extract<Expr, { kind: 'number' }>).value;
  const node: ArgumentNode = { kind: 'argument', role: 'constant', name: value, label: '', type: like.type, value, format: like.format };
  return node as unknown as Expr;
}

function replaceLeaf(expr: Expr, subs: Substitutions): ArgumentNode | null {
  if (expr.kind === 'variable' && expr.scope === 'parameter') return subs.parameters.get(expr.name) ?? null;
  if (expr.kind === 'member' && expr.object.kind === 'variable' && expr.object.scope === 'parameter') {
    return subs.parameters.get(`${expr.object.name}.${expr.member}`) ?? null;
  }
  if (expr.kind === 'value-sent') return subs.value;
  if (expr.kind === 'caller') return subs.caller;
  return null;
}

/** A copy of the node with `fn` applied to each child expression; the node itself when nothing changes. */
export function mapChildren(expr: Expr, fn: (child: Expr) => Expr): Expr {
  const next = rebuild(expr, fn);
  const before = childrenOf(expr);
  return childrenOf(next).some((child, index) => child !== before[index]) ? next : expr;
}

function rebuild(expr: Expr, fn: (child: Expr) => Expr): Expr {
  switch (expr.kind) {
    case 'member': return { ...expr, object: fn(expr.object) };
    case 'index': return { ...expr, base: fn(expr.base), index: fn(expr.index) };
    case 'balance': case 'length': return { ...expr, of: fn(expr.of) };
    case 'token-balance': return { ...expr, token: fn(expr.token), of: fn(expr.of) };
    case 'arith': case 'compare': return { ...expr, left: fn(expr.left), right: fn(expr.right) };
    case 'percent-of': return { ...expr, base: fn(expr.base), rate: fn(expr.rate) };
    case 'and': case 'or': case 'min': case 'max': return { ...expr, operands: expr.operands.map(fn) };
    case 'not': case 'convert': return { ...expr, operand: fn(expr.operand) };
    case 'conditional': return { ...expr, condition: fn(expr.condition), then: fn(expr.then), otherwise: fn(expr.otherwise) };
    case 'hash': case 'signer': case 'call': return { ...expr, args: expr.args.map(fn) };
    case 'external-call': return { ...expr, target: fn(expr.target), args: expr.args.map(fn) };
    case 'struct': return { ...expr, fields: expr.fields.map((field) => ({ ...field, value: fn(field.value) })) };
    default: return expr;
  }
}
