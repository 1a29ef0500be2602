/**
 * The formula of a view or pure function: its body read symbolically into one expression. Early returns
 * become conditionals; `if (x > cap) x = cap;` becomes min(x, cap). Bodies with loops, calls that change
 * state or anything else not understood give null.
 */
import type { Expression, FunctionDefinition, Statement } from 'solidity-ast';
import type { Expr } from '../terms/index.ts';
import { hasCode } from '../terms/index.ts';
import { childFrame, type Frame } from './context.ts';
import { translate } from './expressions.ts';

interface Early {
  condition: Expr;
  value: Expr;
}

export function formulaOf(fn: FunctionDefinition, frame: Frame): Expr | null {
  if (!fn.body || fn.returnParameters.parameters.length !== 1) return null;
  const inner = childFrame(frame, fn.scope, `formula:${fn.id}`, new Map());
  const returned = fn.returnParameters.parameters[0];
  if (returned.name) inner.env.set(returned.id, { kind: 'number', value: '0', written: '0', unit: null });
  const early: Early[] = [];
  let result: Expr | null = null;
  for (const statement of fn.body.statements ?? []) {
    if (result) return null;
    const outcome = readStatement(statement, inner, early);
    if (outcome === false) return null;
    if (outcome) result = outcome;
  }
  result ??= returned.name ? inner.env.get(returned.id) ?? null : null;
  if (!result) return null;
  const formula = early.reduceRight<Expr>((otherwise, e) => ({ kind: 'conditional', condition: e.condition, then: e.value, otherwise }), result);
  return hasCode(formula) ? null : formula;
}

/** Returns the returned value, false when the statement is not understood, or undefined to go on. */
function readStatement(statement: Statement, frame: Frame, early: Early[]): Expr | false | undefined {
  switch (statement.nodeType) {
    case 'Return':
      return statement.expression ? translate(statement.expression, frame) : false;
    case 'VariableDeclarationStatement': {
      const [decl] = statement.declarations;
      if (statement.declarations.length !== 1 || !decl) return false;
      frame.env.set(decl.id, statement.initialValue ? translate(statement.initialValue, frame) : { kind: 'number', value: '0', written: '0', unit: null });
      return undefined;
    }
    case 'ExpressionStatement':
      return assign(statement.expression, frame, null) ? undefined : false;
    case 'IfStatement': {
      if (statement.falseBody) return false;
      const condition = translate(statement.condition, frame);
      const body = statement.trueBody.nodeType === 'Block' && statement.trueBody.statements?.length === 1 ? statement.trueBody.statements[0] : statement.trueBody;
      if (body.nodeType === 'Return' && body.expression) {
        early.push({ condition, value: translate(body.expression, frame) });
        return undefined;
      }
      if (body.nodeType === 'ExpressionStatement') return assign(body.expression, frame, condition) ? undefined : false;
      return false;
    }
    case 'Block':
    case 'UncheckedBlock':
      for (const inner of statement.statements ?? []) {
        const outcome = readStatement(inner, frame, early);
        if (outcome !== undefined) return outcome;
      }
      return undefined;
    default:
      return false;
  }
}

/** `x = v` to a local, optionally under a condition: x becomes `condition ? v : x`, or min/max when it caps. */
function assign(expression: Expression, frame: Frame, condition: Expr | null): boolean {
  if (expression.nodeType !== 'Assignment' || expression.operator !== '=' || expression.leftHandSide.nodeType !== 'Identifier') return false;
  const id = expression.leftHandSide.referencedDeclaration;
  if (id === null || id === undefined || !frame.env.has(id)) return false;
  const current = frame.env.get(id)!;
  const value = translate(expression.rightHandSide, frame);
  if (!condition) {
    frame.env.set(id, value);
    return true;
  }
  frame.env.set(id, capped(current, value, condition) ?? { kind: 'conditional', condition, then: value, otherwise: current });
  return true;
}

/** `if (x > cap) x = cap` is min(x, cap); `if (x < floor) x = floor` is max(x, floor). */
function capped(current: Expr, value: Expr, condition: Expr): Expr | null {
  if (condition.kind !== 'compare') return null;
  const same = (a: Expr, b: Expr) => JSON.stringify(a) === JSON.stringify(b);
  if (same(condition.left, current) && same(condition.right, value)) {
    if (condition.op === '>' || condition.op === '>=') return { kind: 'min', operands: [current, value] };
    if (condition.op === '<' || condition.op === '<=') return { kind: 'max', operands: [current, value] };
  }
  return null;
}
