/**
 * Putting this order's values into the action's expression trees: each parameter variable becomes an
 * `argument` node with its decoded value and format; the ETH sent and (when known) the sender likewise.
 * Trees are copied where they change and shared where they do not.
 */
import { childrenOf, type Expr } from '../terms/index.ts';
import type { ArgumentNode } from './model.ts';

export interface Substitutions {
  parameters: Map<string, ArgumentNode>;
  value: ArgumentNode;
  caller: ArgumentNode | null;
}

/** The tree with this order's values in place (argument nodes are typed as Expr for the model's trees). */
export function substitute(expr: Expr, subs: Substitutions): Expr {
  const replaced = replaceLeaf(expr, subs);
  if (replaced !== null) return replaced as unknown as Expr;
  return mapChildren(expr, (child) => substitute(child, subs));
}

function replaceLeaf(expr: Expr, subs: Substitutions): ArgumentNode | null {
  if (expr.kind === 'variable' && expr.scope === 'parameter') return subs.parameters.get(expr.name) ?? null;
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
