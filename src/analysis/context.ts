/**
 * What the analysis carries while it reads code: the contract scope, bindings of parameters and locals to
 * the expressions they stand for, the contract the code is written in (for `super` and dispatch), and the
 * source text for verbatim code.
 */
import type { Expression, VariableDeclaration } from 'solidity-ast';
import type { Expr } from '../terms/index.ts';
import type { ContractScope } from './scope.ts';

export interface Analysis {
  scope: ContractScope;
  /** The party id a state variable stands for, if it is a party. */
  partyOf(decl: VariableDeclaration): string | null;
  /** Ids of every function, modifier and event parameter, to tell parameters from locals. */
  parameterIds: Set<number>;
  /** Verbatim source text of a node (solc offsets are UTF-8 bytes). */
  codeOf(node: { src: string }): string;
}

export interface Frame {
  analysis: Analysis;
  /** Declaration id → the expression bound to it (arguments of inlined calls, locals). */
  env: Map<number, Expr>;
  /** Id of the contract whose code is being read. */
  from: number;
  /** Names of the functions and modifiers being inlined, outermost first (guards recursion). */
  stack: string[];
}

export function childFrame(frame: Frame, from: number, name: string, bindings: Map<number, Expr>): Frame {
  return { analysis: frame.analysis, env: bindings, from, stack: [...frame.stack, name] };
}

export function bindArguments(frame: Frame, parameters: VariableDeclaration[], args: readonly Expression[], translate: (e: Expression, f: Frame) => Expr): Map<number, Expr> {
  const bindings = new Map<number, Expr>();
  parameters.forEach((param, i) => {
    const arg = args[i];
    if (arg) bindings.set(param.id, translate(arg, frame));
  });
  return bindings;
}

export function makeCodeReader(sources: { id: number; content: string }[]): (node: { src: string }) => string {
  const buffers = new Map<number, Buffer>();
  for (const source of sources) buffers.set(source.id, Buffer.from(source.content, 'utf8'));
  return (node) => {
    const [start, length, id] = node.src.split(':').map(Number);
    const buffer = buffers.get(id);
    if (!buffer) return '';
    return buffer.subarray(start, start + length).toString('utf8');
  };
}
