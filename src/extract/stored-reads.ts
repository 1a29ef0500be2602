/**
 * What an expression reads from storage, following the views it calls: used to tell whether a stored value
 * a restricted action writes reaches another party's checks or payments, and whether a check is a signature.
 */
import type { FunctionDefinition } from 'solidity-ast';
import { findAll } from 'solidity-ast/utils.js';
import { Lowerer } from '../ir/lower.ts';
import type { Expr } from '../terms/index.ts';
import { walkExpr } from '../terms/index.ts';
import type { ExtractContext } from './context.ts';
import { findFunctions } from './definitions.ts';

/** Stands in the reads of an expression for a signature it checks (`ecrecover`, ECDSA `recover`). */
export const SIGNATURE = '#signature';

export type StoredReads = ((expr: Expr) => Set<string>) & { formulasOf?: (name: string) => Expr[] };

/**
 * The state variables an expression reads, through the views it calls too, and SIGNATURE when it checks a
 * signature. A view whose formula cannot be read (assembly splitting a signature) is searched for a call
 * to `ecrecover` or `recover`, in its body and in the functions it calls.
 */
export function storedReads(context: ExtractContext): StoredReads {
  const formulas = new Map<string, Expr[]>();
  const formulasOf = (name: string): Expr[] => {
    if (!formulas.has(name)) {
      formulas.set(name, []);
      const found = findFunctions(context.scope.linearized, name).map((fn) => new Lowerer(context.lower).formula(fn));
      formulas.set(name, found.filter((f): f is Expr => f !== null));
    }
    return formulas.get(name)!;
  };
  const collect = (expr: Expr, into: Set<string>, depth: number): Set<string> => {
    for (const node of walkExpr(expr)) {
      if (node.kind === 'variable' && node.scope === 'state') into.add(node.name);
      if (node.kind === 'signer') into.add(SIGNATURE);
      if (node.kind !== 'call' || depth >= 4) continue;
      for (const formula of formulasOf(node.name)) collect(formula, into, depth + 1);
      if (findFunctions(context.scope.linearized, node.name).some((fn) => recoversSigner(context, fn, new Set()))) into.add(SIGNATURE);
    }
    return into;
  };
  return Object.assign((expr: Expr) => collect(expr, new Set(), 0), { formulasOf });
}

function recoversSigner(context: ExtractContext, fn: FunctionDefinition, seen: Set<number>): boolean {
  if (seen.has(fn.id) || !fn.body) return false;
  seen.add(fn.id);
  for (const call of findAll('FunctionCall', fn.body)) {
    const callee = call.expression;
    const name = callee.nodeType === 'Identifier' ? callee.name : callee.nodeType === 'MemberAccess' ? callee.memberName : null;
    if (name === 'ecrecover' || name === 'recover' || name === 'tryRecover') return true;
    const id = callee.nodeType === 'Identifier' ? callee.referencedDeclaration : null;
    const target = id ? context.scope.functions.find((f) => f.id === id) : undefined;
    if (target && recoversSigner(context, target, seen)) return true;
  }
  return false;
}
