/** Questions the lowering asks of nodes and values: comparisons, storage references, places, flags in conditions. */
import type { Expression, FunctionCall, FunctionDefinition, ModifierDefinition, VariableDeclaration } from 'solidity-ast';
import { findAll } from 'solidity-ast/utils.js';
import type { CompareOp, Expr } from '../terms/index.ts';
import { hasCode, walkExpr } from '../terms/index.ts';
import { isBuiltinId, isExternalTarget, isViewCall } from './calls.ts';
import { and, arith, choose, compareNumbers, constantOf, key, rewrite, same, variableExpr, ZERO } from './exprs.ts';
import type { Instr } from './types.ts';


export function instrHasCode(instr: Instr): boolean {
  const exprs: Expr[] = [...instr.guard, ...(instr.each ? [instr.each.over, ...instr.each.where] : [])];
  switch (instr.k) {
    case 'store': exprs.push(instr.target, ...(instr.value ? [instr.value] : [])); break;
    case 'pay': exprs.push(instr.to, instr.amount, ...(instr.from ? [instr.from] : []), ...(instr.asset.kind === 'token' ? [instr.asset.token] : [])); break;
    case 'call': exprs.push(instr.target); break;
    case 'emit': exprs.push(...instr.args); break;
    case 'require': exprs.push(instr.cond); break;
    default: break;
  }
  return exprs.some(hasCode);
}

/**
 * A comparison, with the time of the call moved out of a difference: `now - t > d` is `now > t + d`
 * (the call is made more than d after t), which is how deadlines read.
 */
export function compareOf(op: CompareOp, left: Expr, right: Expr): Expr {
  // The same value on both sides (a modifier's check that nothing changed, when nothing did).
  if (same(left, right) && !hasCode(left)) return { kind: 'bool', value: op === '==' || op === '<=' || op === '>=' };
  const a = constantOf(left);
  const b = constantOf(right);
  if (a !== null && b !== null) return { kind: 'bool', value: compareNumbers(op, BigInt(a), BigInt(b)) };
  // Two members of one enum (a constant passed to a helper, compared there with another): equal only when the same.
  if ((op === '==' || op === '!=') && left.kind === 'enum-member' && right.kind === 'enum-member' && left.enumName === right.enumName) {
    return { kind: 'bool', value: (left.member === right.member) === (op === '==') };
  }
  // `(c ? 0 : x) != 0` is `not c and x != 0`: a comparison with a constant goes into each side of a choice,
  // kept only when a side folds to true or false.
  if (left.kind === 'conditional' && b !== null) {
    const then = compareOf(op, left.then, right);
    const otherwise = compareOf(op, left.otherwise, right);
    if (then.kind === 'bool' || otherwise.kind === 'bool') return choose(left.condition, then, otherwise);
  }
  if (op !== '==' && op !== '!=' && left.kind === 'arith' && left.op === '-' && left.left.kind === 'now' && right.kind !== 'now') {
    return { kind: 'compare', op, left: left.left, right: arith('+', left.right, right) };
  }
  const flipped: Record<CompareOp, CompareOp> = { '==': '==', '!=': '!=', '<': '>', '<=': '>=', '>': '<', '>=': '<=' };
  if (op !== '==' && op !== '!=' && right.kind === 'arith' && right.op === '-' && right.left.kind === 'now' && left.kind !== 'now') {
    return { kind: 'compare', op: flipped[op], left: right.left, right: arith('+', right.right, left) };
  }
  return { kind: 'compare', op, left, right };
}

/** True when the only stored value a condition reads is the given place (a lock's flag). */
export function onlyAbout(cond: Expr, place: string): boolean {
  if (!JSON.stringify(cond).includes(place)) return false;
  const stripped = rewrite(cond, (e) => (key(e) === place || (e.kind === 'prior' && key(e.of) === place) ? ZERO : null));
  for (const node of walkExpr(stripped)) if (node.kind === 'variable' && (node.scope === 'state' || node.scope === 'immutable')) return false;
  return true;
}

/** The caller, or a choice between the caller and an address the code reads otherwise. */
export function isSender(expr: Expr): boolean {
  if (expr.kind === 'caller') return true;
  return expr.kind === 'conditional' && (expr.then.kind === 'caller' || expr.otherwise.kind === 'caller');
}

/** A stored value: a state variable, or a field or entry of one. */
export function isPlace(expr: Expr): boolean {
  if (expr.kind === 'variable') return expr.scope === 'state' || expr.scope === 'immutable' || expr.scope === 'constant';
  if (expr.kind === 'member') return isPlace(expr.object);
  if (expr.kind === 'index') return isPlace(expr.base) && !hasCode(expr.index);
  return false;
}

/** A variable that refers to storage (a reference, not a copy): `Order storage o`, `S storage $`. */
export function isStorageRef(decl: VariableDeclaration): boolean {
  return / storage (pointer|ref)$/.test(decl.typeDescriptions.typeString ?? '') || /_storage(_ptr)?$/.test(decl.typeDescriptions.typeIdentifier ?? '');
}

export function callName(call: FunctionCall): string {
  const callee = call.expression;
  if (callee.nodeType === 'Identifier') return callee.name;
  if (callee.nodeType === 'MemberAccess') return callee.memberName;
  return '';
}

/** keccak256(abi.encode(a, b)) hashes a and b: the encoding is a detail of how, not of what. */
export function encodedArguments(args: readonly Expression[]): readonly Expression[] {
  const only = args.length === 1 ? args[0] : null;
  if (only?.nodeType === 'FunctionCall' && only.expression.nodeType === 'MemberAccess') {
    const target = only.expression.expression;
    if (target.nodeType === 'Identifier' && target.name === 'abi' && /^encode(Packed)?$/.test(only.expression.memberName)) return only.arguments;
  }
  return args;
}

/**
 * The function and arguments a call's data names: `abi.encodeWithSignature("f(address,uint256)", a, b)`,
 * `abi.encodeWithSelector(I.f.selector, a, b)` or `abi.encodeCall(I.f, (a, b))`; null for other data.
 */
export function encodedCall(args: readonly Expression[]): { name: string; args: readonly Expression[] } | null {
  const only = args.length === 1 ? args[0] : null;
  if (only?.nodeType !== 'FunctionCall' || only.expression.nodeType !== 'MemberAccess') return null;
  const abi = only.expression.expression;
  if (abi.nodeType !== 'Identifier' || abi.name !== 'abi') return null;
  const [first, ...rest] = only.arguments;
  if (!first) return null;
  switch (only.expression.memberName) {
    case 'encodeWithSignature': {
      const signature = first.nodeType === 'Literal' ? first.value ?? '' : '';
      const name = /^([A-Za-z_$][\w$]*)\(/.exec(signature)?.[1];
      return name ? { name, args: rest } : null;
    }
    case 'encodeWithSelector':
      return first.nodeType === 'MemberAccess' && first.memberName === 'selector' && first.expression.nodeType === 'MemberAccess' ? { name: first.expression.memberName, args: rest } : null;
    case 'encodeCall': {
      const name = first.nodeType === 'MemberAccess' ? first.memberName : first.nodeType === 'Identifier' ? first.name : null;
      const tuple = rest[0];
      if (!name || !tuple) return null;
      return { name, args: tuple.nodeType === 'TupleExpression' ? tuple.components.filter((c): c is Expression => c !== null) : [tuple] };
    }
    default:
      return null;
  }
}

/** True when evaluating the expression may do something (a call, a write), so a short circuit is a branch. */
export function hasEffects(node: Expression): boolean {
  for (const call of findAll('FunctionCall', node)) {
    if (call.kind === 'typeConversion' || call.kind === 'structConstructorCall') continue;
    if (isViewCall(call.expression) && call.expression.nodeType === 'MemberAccess' && isExternalTarget(call.expression)) continue;
    const type = call.expression.typeDescriptions.typeString ?? '';
    if (/^function \([^)]*\) pure/.test(type) && call.expression.nodeType === 'Identifier' && isBuiltinId(call.expression.referencedDeclaration)) continue;
    return true;
  }
  if ([...findAll('Assignment', node)].length > 0) return true;
  return [...findAll('UnaryOperation', node)].some((u) => u.operator === '++' || u.operator === '--' || u.operator === 'delete');
}

/** A condition with the success flags taken out (they are checks of their payment); null when nothing is left. */
export function withoutOutcomes(cond: Expr): Expr | null {
  if (cond.kind === 'call-outcome') return null;
  // `ok` chosen from two payments' flags (`c ? a.send(x) : b.send(x)`): each is its own payment's check.
  if (cond.kind === 'conditional' && withoutOutcomes(cond.then) === null && withoutOutcomes(cond.otherwise) === null) return null;
  if (cond.kind === 'and') {
    const rest = cond.operands.map(withoutOutcomes).filter((e): e is Expr => e !== null);
    return rest.length === 0 ? null : and(rest);
  }
  return cond;
}

/** The variable a place is rooted in (`orders` for orders[id].status), as a key. */
export function placeRoot(place: Expr): string | null {
  if (place.kind === 'variable') return place.name;
  if (place.kind === 'member') return placeRoot(place.object);
  if (place.kind === 'index' || place.kind === 'each') return placeRoot(place.kind === 'index' ? place.base : place.of);
  if (place.kind === 'prior') return placeRoot(place.of);
  return null;
}

export function mentionsPlace(outer: Expr, inner: Expr): boolean {
  const k = key(inner);
  for (const node of walkExpr(outer)) if (key(node) === k) return true;
  return false;
}

/** Two places in the same collection whose keys may be equal (different expressions for the key). */
export function mayAlias(a: Expr, b: Expr): boolean {
  return a.kind === 'index' && b.kind === 'index' && same(a.base, b.base) && !same(a.index, b.index);
}

/**
 * A parameter the body assigns to is bound to itself first, so one assigned on some paths only
 * (`if (x > cap) x = cap;`) joins as a choice ("the smaller of x and the cap"), not as the new value lost.
 */
export function bindAssignedParameters(fn: FunctionDefinition, env: Map<number, Expr>): void {
  if (!fn.body) return;
  const assigned = new Set<number>();
  for (const node of findAll(['Assignment', 'UnaryOperation'], fn.body)) {
    const target = node.nodeType === 'Assignment' ? node.leftHandSide : node.operator === '++' || node.operator === '--' ? node.subExpression : null;
    if (target?.nodeType === 'Identifier' && typeof target.referencedDeclaration === 'number') assigned.add(target.referencedDeclaration);
  }
  for (const param of fn.parameters.parameters) if (assigned.has(param.id) && !env.has(param.id)) env.set(param.id, variableExpr(param, 'parameter', null, null));
}

/**
 * True when a modifier runs the function's body exactly once and returns nothing of its own: one `_` at its
 * top level and no `return` (`require(exists); _;`). The function then returns what its body returns; a body
 * that may be skipped or run twice has no single value.
 */
export function runsBodyOnce(definition: ModifierDefinition): boolean {
  const statements = definition.body?.statements ?? [];
  return statements.filter((s) => s.nodeType === 'PlaceholderStatement').length === 1 && [...findAll('Return', definition)].length === 0;
}
