/** Shapes of statements the body reader recognises: reverts, early returns, getters, tx.origin checks. */
import type { FunctionCall, FunctionDefinition, Statement } from 'solidity-ast';
import { findAll } from 'solidity-ast/utils.js';
import type { Expr, SourceRef } from '../terms/index.ts';

export function revertOf(body: Statement): { message: string | null; error: string | null } | null {
  const only = body.nodeType === 'Block' && body.statements?.length === 1 ? body.statements[0] : body;
  if (only.nodeType === 'RevertStatement') return revertDetails(only.errorCall);
  if (only.nodeType === 'ExpressionStatement' && only.expression.nodeType === 'FunctionCall') {
    const callee = only.expression.expression;
    if (callee.nodeType === 'Identifier' && callee.name === 'revert') return revertDetails(only.expression);
  }
  return null;
}

export function revertDetails(call: FunctionCall): { message: string | null; error: string | null } {
  const callee = call.expression;
  if (callee.nodeType === 'Identifier' && callee.name === 'revert') {
    const arg = call.arguments[0];
    return { message: arg?.nodeType === 'Literal' ? arg.value ?? null : null, error: null };
  }
  return { message: null, error: eventName(call) };
}

export function eventName(call: FunctionCall): string {
  const callee = call.expression;
  if (callee.nodeType === 'Identifier') return callee.name;
  if (callee.nodeType === 'MemberAccess') return callee.memberName;
  return '';
}

export function endsWithReturn(body: Statement): boolean {
  if (body.nodeType === 'Return') return true;
  if (body.nodeType === 'Block') {
    const last = body.statements?.[body.statements.length - 1];
    return last?.nodeType === 'Return';
  }
  return false;
}

/** A view or pure function that only returns a value: it is read through where it is used instead. */
export function isSimpleGetter(fn: FunctionDefinition): boolean {
  const statements = fn.body?.statements ?? [];
  return (fn.stateMutability === 'view' || fn.stateMutability === 'pure') && statements.length === 1 && statements[0].nodeType === 'Return';
}

export function isOriginCheck(call: FunctionCall): boolean {
  return [...findAll('MemberAccess', call)].some((m) => m.memberName === 'origin' && m.expression.nodeType === 'Identifier' && m.expression.name === 'tx');
}

export function targetName(expr: Expr): string | null {
  if (expr.kind === 'variable') return expr.name;
  if (expr.kind === 'member') return targetName(expr.object);
  if (expr.kind === 'index') return targetName(expr.base);
  return null;
}

export function sameSource(a: SourceRef, b: SourceRef): boolean {
  return a.path === b.path && a.line === b.line && a.endLine === b.endLine;
}

export function firstLine(code: string): string {
  const line = code.split('\n')[0].trim();
  return line.length > 120 ? `${line.slice(0, 117)}...` : line;
}

export function loopHeader(code: string): string {
  return firstLine(code).replace(/\s*\{\s*$/, '');
}
