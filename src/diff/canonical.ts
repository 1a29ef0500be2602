/**
 * Canonical forms of expressions, so that two versions of a contract compare by meaning, not by
 * spelling: labels are dropped, parameters become their position in the action's parameter list
 * (a renamed parameter is the same term), constants are compared by name (a changed value is
 * reported once, as its own change), and type conversions are kept only for their operand.
 */
import type { Expr, Parameter } from '../terms/index.ts';

/** The parameter names of the action an expression belongs to, in order. */
export type ParamList = readonly Pick<Parameter, 'name'>[] | null;

/** A canonical copy of an expression tree: same kinds, no labels, parameters by position. */
export function canonicalExpr(expr: Expr, params: ParamList, shape = false): unknown {
  switch (expr.kind) {
    case 'variable':
      return canonicalVariable(expr, params, shape);
    case 'number':
      return shape ? { kind: 'number' } : { kind: 'number', value: expr.value };
    case 'compare':
      return {
        kind: 'compare',
        op: shape ? '?' : expr.op,
        left: canonicalExpr(expr.left, params, shape),
        right: canonicalExpr(expr.right, params, shape),
      };
    case 'convert':
      return canonicalExpr(expr.operand, params, shape);
    case 'member':
      return { kind: 'member', object: canonicalExpr(expr.object, params, shape), member: expr.member };
    case 'enum-member':
      return { kind: 'enum-member', enumName: expr.enumName, member: expr.member };
    case 'call':
      return { kind: 'call', name: expr.name, args: expr.args.map((arg) => canonicalExpr(arg, params, shape)) };
    case 'struct':
      return {
        kind: 'struct',
        name: expr.name,
        fields: expr.fields.map((field) => ({ name: field.name, value: canonicalExpr(field.value, params, shape) })),
      };
    case 'percent-of':
      return {
        kind: 'percent-of',
        base: canonicalExpr(expr.base, params, shape),
        rate: canonicalExpr(expr.rate, params, shape),
        scale: shape ? null : expr.scale,
      };
    default:
      return canonicalChildren(expr, params, shape);
  }
}

function canonicalVariable(expr: Extract<Expr, { kind: 'variable' }>, params: ParamList, shape: boolean): unknown {
  if (expr.scope === 'parameter' && params !== null) {
    const position = params.findIndex((param) => param.name === expr.name);
    if (position >= 0) return { kind: 'parameter', position };
  }
  if (expr.scope === 'constant') return shape ? { kind: 'number' } : { kind: 'constant', name: expr.name };
  return { kind: 'variable', scope: expr.scope, name: expr.name };
}

/** Generic case: every own field except labels, children canonicalised. */
function canonicalChildren(expr: Expr, params: ParamList, shape: boolean): unknown {
  const out: Record<string, unknown> = {};
  for (const [key, value] of Object.entries(expr)) {
    if (key === 'label') continue;
    if (isExpr(value)) out[key] = canonicalExpr(value, params, shape);
    else if (Array.isArray(value)) out[key] = value.map((item) => (isExpr(item) ? canonicalExpr(item, params, shape) : item));
    else out[key] = value;
  }
  return out;
}

function isExpr(value: unknown): value is Expr {
  return typeof value === 'object' && value !== null && typeof (value as { kind?: unknown }).kind === 'string';
}

/** A string key for an expression: equal keys mean the same term. */
export function exprKey(expr: Expr | null, params: ParamList): string {
  return expr === null ? 'null' : stableJson(canonicalExpr(expr, params));
}

/** A key for the shape of an expression: operators, numbers and constants left out. */
export function shapeKey(expr: Expr, params: ParamList): string {
  return stableJson(canonicalExpr(expr, params, true));
}

/** A key for a list of expressions where order does not matter. */
export function exprSetKey(exprs: readonly Expr[], params: ParamList): string {
  return JSON.stringify(exprs.map((expr) => exprKey(expr, params)).sort());
}

/** JSON with object keys sorted, so equal values give equal strings. */
export function stableJson(value: unknown): string {
  if (Array.isArray(value)) return `[${value.map(stableJson).join(',')}]`;
  if (typeof value === 'object' && value !== null) {
    const entries = Object.entries(value as Record<string, unknown>).sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0));
    return `{${entries.map(([key, item]) => `${JSON.stringify(key)}:${stableJson(item)}`).join(',')}}`;
  }
  return JSON.stringify(value);
}

/** Every constant (with its value) mentioned anywhere in a model. */
export function collectConstants(root: unknown, found = new Map<string, Extract<Expr, { kind: 'variable' }>>()) {
  if (Array.isArray(root)) {
    for (const item of root) collectConstants(item, found);
  } else if (typeof root === 'object' && root !== null) {
    const node = root as Record<string, unknown>;
    if (node.kind === 'variable' && node.scope === 'constant' && typeof node.name === 'string' && !found.has(node.name)) {
      found.set(node.name, node as Extract<Expr, { kind: 'variable' }>);
    }
    for (const value of Object.values(node)) collectConstants(value, found);
  }
  return found;
}

/**
 * A key for what an expression is about: the values it reads (variables, fields, states), numbers and
 * operators left out. Two checks about the same values are one condition that changed.
 */
export function leavesKey(expr: Expr, params: ParamList): string {
  const leaves = new Set<string>();
  const visit = (node: unknown): void => {
    if (Array.isArray(node)) node.forEach(visit);
    else if (typeof node === 'object' && node !== null) {
      const record = node as Record<string, unknown>;
      if (['variable', 'parameter', 'enum-member', 'member', 'caller', 'now', 'value-sent'].includes(String(record.kind))) {
        leaves.add(stableJson(record));
      }
      Object.values(record).forEach(visit);
    }
  };
  visit(canonicalExpr(expr, params, true));
  return JSON.stringify([...leaves].sort());
}
