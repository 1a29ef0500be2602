/**
 * What an expression means: Solidity expression → expression tree. Calls to small view functions
 * (`owner()`, `_msgSender()`) are read through; anything not understood becomes a `code` node.
 */
import type { Expression, FunctionCall, FunctionDefinition, MemberAccess, VariableDeclaration } from 'solidity-ast';
import type { ArithOp, CompareOp, Expr } from '../terms/index.ts';
import { bindArguments, childFrame, type Frame } from './context.ts';
import { humanise } from './names.ts';
import { constValueFromType, isUnit, literalValue } from './numbers.ts';
import { resolveFunction } from './scope.ts';

const COMPARE_OPS = new Set(['==', '!=', '<', '<=', '>', '>=']);
const ARITH_OPS = new Set(['+', '-', '*', '/', '%', '**']);
const SHARE_SCALES = new Set(['100', '1000', '10000']);

export function translate(node: Expression, frame: Frame): Expr {
  const code = (): Expr => ({ kind: 'code', text: frame.analysis.codeOf(node) });
  switch (node.nodeType) {
    case 'Literal':
      return translateLiteral(node, code);
    case 'Identifier':
      return translateIdentifier(node, frame) ?? code();
    case 'MemberAccess':
      return translateMember(node, frame) ?? code();
    case 'IndexAccess':
      return node.indexExpression ? { kind: 'index', base: translate(node.baseExpression, frame), index: translate(node.indexExpression, frame), item: recordName(node.typeDescriptions.typeString) } : code();
    case 'BinaryOperation':
      return translateBinary(node.operator, node.leftExpression, node.rightExpression, frame);
    case 'UnaryOperation':
      if (node.operator === '!') return negate(translate(node.subExpression, frame));
      // x++ yields the old value; ++x the new one. The write itself is an effect, recorded by the body reader.
      if (node.operator === '++' || node.operator === '--') {
        const operand = translate(node.subExpression, frame);
        if (!node.prefix) return operand;
        return { kind: 'arith', op: node.operator === '++' ? '+' : '-', left: operand, right: { kind: 'number', value: '1', written: '1', unit: null } };
      }
      return code();
    case 'Conditional':
      return { kind: 'conditional', condition: translate(node.condition, frame), then: translate(node.trueExpression, frame), otherwise: translate(node.falseExpression, frame) };
    case 'TupleExpression':
      if (node.components.length === 1 && node.components[0]) return translate(node.components[0], frame);
      return code();
    case 'FunctionCall':
      return translateCall(node, frame) ?? code();
    default:
      return code();
  }
}

function translateLiteral(node: Extract<Expression, { nodeType: 'Literal' }>, code: () => Expr): Expr {
  if (node.kind === 'bool') return { kind: 'bool', value: node.value === 'true' };
  if (node.kind === 'string' || node.kind === 'unicodeString') return { kind: 'text', value: node.value ?? '' };
  if (node.kind === 'number') {
    const unit = isUnit(node.subdenomination) ? node.subdenomination : null;
    const written = node.value ?? '';
    if (/^0x[0-9a-fA-F]{40}$/.test(written)) return { kind: 'address', value: written };
    const value = literalValue(written, unit) ?? constValueFromType(node.typeDescriptions.typeString);
    return value === null ? code() : { kind: 'number', value, written, unit };
  }
  return code();
}

function translateIdentifier(node: Extract<Expression, { nodeType: 'Identifier' }>, frame: Frame): Expr | null {
  if (node.name === 'now' && node.referencedDeclaration !== undefined && node.referencedDeclaration !== null && node.referencedDeclaration < 0) return { kind: 'now' };
  if (node.name === 'this') return { kind: 'this' };
  const id = node.referencedDeclaration;
  if (id === null || id === undefined) return null;
  const bound = frame.env.get(id);
  if (bound) return bound;
  const decl = tryDeref(frame, 'VariableDeclaration', id);
  if (decl) return variableExpr(decl, frame);
  return null;
}

/** The party an expression names: a party's variable, possibly converted (`payable(seller)`). */
export function partyOfExpr(expr: Expr): string | null {
  if (expr.kind === 'variable') return expr.party;
  if (expr.kind === 'convert') return partyOfExpr(expr.operand);
  return null;
}

export function variableExpr(decl: VariableDeclaration, frame: Frame): Expr {
  const scope = decl.stateVariable
    ? decl.constant ? 'constant' : decl.mutability === 'immutable' ? 'immutable' : 'state'
    : frame.analysis.parameterIds.has(decl.id) ? 'parameter' : 'local';
  const value = decl.constant && decl.value ? constantValue(decl.value, frame) : null;
  const literal = decl.constant && decl.value?.nodeType === 'Literal' ? decl.value : null;
  const unit = literal && isUnit(literal.subdenomination) ? literal.subdenomination : null;
  return { kind: 'variable', name: decl.name, label: humanise(decl.name), scope, party: decl.stateVariable ? frame.analysis.partyOf(decl) : null, value, unit, type: typeName(decl.typeDescriptions.typeString) };
}

function translateMember(node: MemberAccess, frame: Frame): Expr | null {
  const base = node.expression;
  if (base.nodeType === 'Identifier') {
    const global = `${base.name}.${node.memberName}`;
    if (base.referencedDeclaration !== undefined && base.referencedDeclaration !== null && base.referencedDeclaration < 0) {
      if (global === 'msg.sender') return { kind: 'caller' };
      if (global === 'msg.value') return { kind: 'value-sent' };
      if (global === 'block.timestamp') return { kind: 'now' };
      if (global === 'block.number') return { kind: 'block-number' };
      if (global === 'tx.origin') return { kind: 'origin' };
      return null;
    }
    const enumDef = base.referencedDeclaration ? tryDeref(frame, 'EnumDefinition', base.referencedDeclaration) : null;
    if (enumDef) return { kind: 'enum-member', enumName: enumDef.name, member: node.memberName, label: humanise(node.memberName) };
  }
  if (node.memberName === 'balance') return { kind: 'balance', of: translate(base, frame) };
  if (node.memberName === 'length') return { kind: 'length', of: translate(base, frame) };
  const object = translate(base, frame);
  if (object.kind === 'code') return null;
  return { kind: 'member', object, member: node.memberName, label: humanise(node.memberName), type: typeName(node.typeDescriptions.typeString) };
}

/** The type as a reader of the code would write it: `uint256`, `bool`, `struct Order`, without data locations. */
function typeName(typeString: string | null | undefined): string {
  return (typeString ?? '').replace(/ (storage ref|storage pointer|memory|calldata)$/, '');
}

/** `struct MarketplaceOrder.Order storage ref` → "Order". */
function recordName(typeString: string | null | undefined): string | null {
  const match = /^struct (?:\w+\.)?(\w+)/.exec(typeString ?? '');
  return match ? humanise(match[1]) : null;
}

function translateBinary(operator: string, leftNode: Expression, rightNode: Expression, frame: Frame): Expr {
  const left = translate(leftNode, frame);
  const right = translate(rightNode, frame);
  if (COMPARE_OPS.has(operator)) return { kind: 'compare', op: operator as CompareOp, left, right };
  if (operator === '&&') return { kind: 'and', operands: [...flatten('and', left), ...flatten('and', right)] };
  if (operator === '||') return { kind: 'or', operands: [...flatten('or', left), ...flatten('or', right)] };
  if (ARITH_OPS.has(operator)) {
    if (operator === '/') {
      const share = asShare(leftNode, rightNode, left, frame);
      if (share) return share;
    }
    return { kind: 'arith', op: operator as ArithOp, left, right };
  }
  return { kind: 'code', text: `${frame.analysis.codeOf(leftNode)} ${operator} ${frame.analysis.codeOf(rightNode)}` };
}

function flatten(kind: 'and' | 'or', expr: Expr): Expr[] {
  return expr.kind === kind ? expr.operands : [expr];
}

/** `base * rate / scale` (factors in any order) with a scale of 100, 1,000 or 10,000. */
function asShare(leftNode: Expression, rightNode: Expression, left: Expr, frame: Frame): Expr | null {
  const scale = constantValue(rightNode, frame);
  if (scale === null || !SHARE_SCALES.has(scale)) return null;
  if (left.kind !== 'arith' || left.op !== '*') {
    // x / 100 is 1% of x.
    const one: Expr = { kind: 'number', value: '1', written: '1', unit: null };
    return left.kind === 'number' ? null : { kind: 'percent-of', base: left, rate: one, scale, percent: exactDivide(100n, BigInt(scale)) };
  }
  const factors = productFactors(unwrapTuple(leftNode));
  const constants = factors.filter((f) => constantValue(f, frame) !== null);
  let rateNode: Expression | undefined;
  if (constants.length === 1) rateNode = constants[0];
  else if (constants.length === 0) rateNode = factors.find((f) => isRateName(translate(f, frame))) ?? factors[factors.length - 1];
  if (!rateNode) return null;
  const rest = factors.filter((f) => f !== rateNode).map((f) => translate(f, frame));
  const base = rest.slice(1).reduce<Expr>((product, factor) => ({ kind: 'arith', op: '*', left: product, right: factor }), rest[0]);
  const rateValue = constantValue(rateNode, frame);
  const percent = rateValue === null ? null : exactDivide(BigInt(rateValue) * 100n, BigInt(scale));
  return { kind: 'percent-of', base, rate: translate(rateNode, frame), scale, percent };
}

function productFactors(node: Expression): Expression[] {
  const inner = unwrapTuple(node);
  if (inner.nodeType === 'BinaryOperation' && inner.operator === '*') return [...productFactors(inner.leftExpression), ...productFactors(inner.rightExpression)];
  return [inner];
}

function isRateName(expr: Expr): boolean {
  return expr.kind === 'variable' && /bps|percent|rate|fee|share|pct|basis/i.test(expr.name);
}

function unwrapTuple(node: Expression): Expression {
  return node.nodeType === 'TupleExpression' && node.components.length === 1 && node.components[0] ? unwrapTuple(node.components[0]) : node;
}

/** A decimal string for numerator / denominator, exact (the divisor here is always 10^k). */
export function exactDivide(numerator: bigint, denominator: bigint): string {
  const whole = numerator / denominator;
  let rest = numerator % denominator;
  if (rest === 0n) return whole.toString();
  let digits = '';
  for (let i = 0; i < 18 && rest !== 0n; i++) {
    rest *= 10n;
    digits += (rest / denominator).toString();
    rest %= denominator;
  }
  return `${whole}.${digits}`;
}

/** The value of a compile-time constant expression, or null. */
export function constantValue(node: Expression, frame: Frame): string | null {
  const fromType = constValueFromType(node.typeDescriptions.typeString);
  if (fromType !== null) return fromType;
  const inner = unwrapTuple(node);
  if (inner.nodeType === 'Literal' && inner.kind === 'number') return literalValue(inner.value ?? '', isUnit(inner.subdenomination) ? inner.subdenomination : null);
  if (inner.nodeType === 'Identifier' && inner.referencedDeclaration) {
    const decl = tryDeref(frame, 'VariableDeclaration', inner.referencedDeclaration);
    if (decl?.constant && decl.value) return constantValue(decl.value, frame);
  }
  if (inner.nodeType === 'BinaryOperation' && ['+', '-', '*', '/', '**'].includes(inner.operator)) {
    const a = constantValue(inner.leftExpression, frame);
    const b = constantValue(inner.rightExpression, frame);
    if (a === null || b === null) return null;
    const x = BigInt(a);
    const y = BigInt(b);
    switch (inner.operator) {
      case '+': return (x + y).toString();
      case '-': return (x - y).toString();
      case '*': return (x * y).toString();
      case '/': return y === 0n ? null : (x / y).toString();
      default: return (x ** y).toString();
    }
  }
  return null;
}

export function negate(expr: Expr): Expr {
  if (expr.kind === 'not') return expr.operand;
  if (expr.kind === 'compare') {
    const inverse: Record<CompareOp, CompareOp> = { '==': '!=', '!=': '==', '<': '>=', '<=': '>', '>': '<=', '>=': '<' };
    return { ...expr, op: inverse[expr.op] };
  }
  if (expr.kind === 'and') return { kind: 'or', operands: expr.operands.map(negate) };
  if (expr.kind === 'or') return { kind: 'and', operands: expr.operands.map(negate) };
  if (expr.kind === 'bool') return { kind: 'bool', value: !expr.value };
  return { kind: 'not', operand: expr };
}

function translateCall(node: FunctionCall, frame: Frame): Expr | null {
  const callee = node.expression;
  const args = node.arguments;
  if (node.kind === 'typeConversion') {
    const arg = args[0];
    if (!arg) return null;
    const to = node.typeDescriptions.typeString ?? '';
    const value = constantValue(arg, frame);
    if (to.startsWith('address') && value === '0') return { kind: 'zero-address' };
    const operand = translate(arg, frame);
    if (operand.kind === 'this') return operand;
    return { kind: 'convert', to, operand };
  }
  if (node.kind === 'structConstructorCall') return translateStruct(node, frame);
  if (node.kind !== 'functionCall') return null;
  if (callee.nodeType === 'Identifier') {
    if (callee.name === 'keccak256' || callee.name === 'sha256') return { kind: 'hash', fn: callee.name, args: encodedArguments(args).map((a) => translate(a, frame)) };
    if (callee.name === 'ecrecover') return { kind: 'signer', args: args.map((a) => translate(a, frame)) };
  }
  const fn = calledFunction(node, frame);
  if (fn) {
    if (fn.definition.name === 'min' || fn.definition.name === 'max') {
      if (args.length === 2 && fn.library) return { kind: fn.definition.name, operands: fn.allArgs.map((a) => translate(a, frame)) };
    }
    if (fn.library && ['add', 'sub', 'mul', 'div', 'mod'].includes(fn.definition.name) && fn.allArgs.length === 2) {
      const op = ({ add: '+', sub: '-', mul: '*', div: '/', mod: '%' } as const)[fn.definition.name as 'add'];
      return translateBinary(op, fn.allArgs[0], fn.allArgs[1], frame);
    }
    if (fn.library && (fn.definition.name === 'recover' || fn.definition.name === 'tryRecover')) return { kind: 'signer', args: fn.allArgs.map((a) => translate(a, frame)) };
    if (fn.internal) return readThrough(fn.definition, fn.allArgs, frame);
  }
  if (callee.nodeType === 'MemberAccess' && isExternalTarget(callee)) {
    const target = translate(callee.expression, frame);
    if (callee.memberName === 'balanceOf' && args.length === 1) return { kind: 'token-balance', token: target, of: translate(args[0], frame) };
    return { kind: 'external-call', target, name: callee.memberName, args: args.map((a) => translate(a, frame)) };
  }
  return null;
}

/** keccak256(abi.encode(a, b)) hashes a and b: the encoding is a detail of how, not of what. */
function encodedArguments(args: readonly Expression[]): readonly Expression[] {
  const only = args.length === 1 ? args[0] : null;
  if (only?.nodeType === 'FunctionCall' && only.expression.nodeType === 'MemberAccess') {
    const target = only.expression.expression;
    if (target.nodeType === 'Identifier' && target.name === 'abi' && /^encode(Packed)?$/.test(only.expression.memberName)) return only.arguments;
  }
  return args;
}

function translateStruct(node: FunctionCall, frame: Frame): Expr | null {
  const id = node.expression.nodeType === 'Identifier' || node.expression.nodeType === 'MemberAccess' ? node.expression.referencedDeclaration : null;
  const definition = id ? tryDeref(frame, 'StructDefinition', id) : null;
  if (!definition) return null;
  const names = node.names.length > 0 ? node.names : definition.members.map((m) => m.name);
  const fields = names.map((name, i) => ({ name, label: humanise(name), value: translate(node.arguments[i], frame) }));
  return { kind: 'struct', name: definition.name, label: humanise(definition.name), fields };
}

export interface CalledFunction {
  definition: FunctionDefinition;
  /** Arguments including the bound `self` of a `using for` call. */
  allArgs: Expression[];
  internal: boolean;
  library: boolean;
  isSuper: boolean;
}

/** The function a call reaches inside this contract's code (internal calls, `super`, library calls). */
export function calledFunction(node: FunctionCall, frame: Frame): CalledFunction | null {
  const callee = node.expression;
  let id: number | null | undefined = null;
  let bound: Expression | null = null;
  let isSuper = false;
  if (callee.nodeType === 'Identifier') id = callee.referencedDeclaration;
  else if (callee.nodeType === 'MemberAccess') {
    id = callee.referencedDeclaration;
    if (callee.expression.nodeType === 'Identifier' && callee.expression.name === 'super') isSuper = true;
  } else return null;
  if (id === null || id === undefined) return null;
  const definition = tryDeref(frame, 'FunctionDefinition', id);
  if (!definition) return null;
  const owner = tryDeref(frame, 'ContractDefinition', definition.scope);
  const library = owner?.contractKind === 'library';
  if (callee.nodeType === 'MemberAccess' && !isSuper) {
    const target = callee.expression;
    const namesLibrary = target.nodeType === 'Identifier' && target.referencedDeclaration === owner?.id;
    // `using L for T`: x.f(a) calls L.f(x, a).
    if (library && !namesLibrary) bound = target;
    else if (!library) return null;
  }
  const internal = library ? definition.visibility === 'internal' || definition.visibility === 'private' : callee.nodeType === 'Identifier' || isSuper;
  const resolved = internal && !library ? resolveFunction(frame.analysis.scope, definition, frame.from, isSuper) : definition;
  return { definition: resolved, allArgs: bound ? [bound, ...node.arguments] : [...node.arguments], internal, library: Boolean(library), isSuper };
}

/** A view or pure function whose body is one `return`: read through it; otherwise name the call. */
function readThrough(fn: FunctionDefinition, args: Expression[], frame: Frame): Expr {
  const label = humanise(fn.name);
  const statements = fn.body?.statements ?? [];
  const only = statements.length === 1 ? statements[0] : null;
  if (only && only.nodeType === 'Return' && only.expression && frame.stack.length < 12 && !frame.stack.includes(`fn:${fn.id}`)) {
    const bindings = bindArguments(frame, fn.parameters.parameters, args, translate);
    const inner = childFrame(frame, fn.scope, `fn:${fn.id}`, bindings);
    return translate(only.expression, inner);
  }
  return { kind: 'call', name: fn.name, label, args: args.map((a) => translate(a, frame)) };
}

function isExternalTarget(callee: MemberAccess): boolean {
  const type = callee.expression.typeDescriptions.typeString ?? '';
  return /^contract |^address/.test(type) && !(callee.typeDescriptions.typeString ?? '').includes('bound to');
}

export function tryDeref<T extends 'VariableDeclaration' | 'EnumDefinition' | 'FunctionDefinition' | 'ContractDefinition' | 'ModifierDefinition' | 'StructDefinition' | 'EventDefinition' | 'ErrorDefinition'>(
  frame: Frame,
  type: T,
  id: number,
) {
  try {
    return frame.analysis.scope.compilation.deref(type, id);
  } catch {
    return null;
  }
}
