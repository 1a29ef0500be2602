/**
 * Inline assembly, read only where its meaning is plain: a block that ends in `revert` reverts, and
 * `$.slot := LOCATION` points a local at a namespaced storage struct (ERC-7201). Anything else is opaque,
 * with what the code around it must not assume: the Solidity variables it names (it may write them), whether
 * it reads what the last call returned (`returndatasize`, `returndatacopy`: it may check that call), and
 * whether it may end the call itself (`return`, `stop`, `selfdestruct`: what follows may never run).
 * Not read: what it stores or sends by itself (`sstore`, `call`); the block stays under "Not explained".
 */
import type { Statement, VariableDeclaration, YulBlock } from 'solidity-ast';
import type { Deref } from './calls.ts';

export type AssemblyReading =
  | { k: 'revert' }
  | { k: 'namespace'; bindings: { decl: VariableDeclaration; struct: string }[] }
  | { k: 'opaque'; referenced: VariableDeclaration[]; readsReturnData: boolean; mayEnd: boolean };

export function readAssembly(statement: Extract<Statement, { nodeType: 'InlineAssembly' }>, deref: Deref): AssemblyReading {
  // Compilers before 0.6 give the assembly as text only.
  const block = (statement.AST as YulBlock | undefined) ?? { statements: [], nodeType: 'YulBlock', src: statement.src };
  const references = statement.externalReferences ?? [];
  const last = block.statements[block.statements.length - 1];
  if (last?.nodeType === 'YulExpressionStatement' && last.expression.nodeType === 'YulFunctionCall' && last.expression.functionName.name === 'revert') return { k: 'revert' };
  const slots = references.filter((r) => r.isSlot);
  const onlySlots = block.statements.length > 0 && block.statements.every((s) => s.nodeType === 'YulAssignment' && s.variableNames.every((v) => v.name.endsWith('.slot')));
  if (slots.length > 0 && onlySlots) {
    const bindings: { decl: VariableDeclaration; struct: string }[] = [];
    for (const reference of slots) {
      const decl = deref('VariableDeclaration', reference.declaration);
      const struct = /^struct (\S+)/.exec(decl?.typeDescriptions.typeString ?? '');
      if (decl && struct) bindings.push({ decl, struct: struct[1] });
    }
    return { k: 'namespace', bindings };
  }
  const referenced = references.map((r) => deref('VariableDeclaration', r.declaration)).filter((d): d is VariableDeclaration => d !== null);
  const called = yulCalls(statement);
  return { k: 'opaque', referenced, readsReturnData: called.has('returndatasize') || called.has('returndatacopy'), mayEnd: ['return', 'stop', 'selfdestruct'].some((name) => called.has(name)) };
}

/** The names of the functions a block calls (0.6 on: its Yul tree; before: the text solc prints of it). */
function yulCalls(statement: Extract<Statement, { nodeType: 'InlineAssembly' }>): Set<string> {
  const names = new Set<string>();
  const legacy = (statement as { operations?: string }).operations;
  if (legacy !== undefined) for (const m of legacy.matchAll(/\b(\w+)\s*\(/g)) names.add(m[1]);
  const walk = (node: unknown): void => {
    if (Array.isArray(node)) return node.forEach(walk);
    if (node === null || typeof node !== 'object') return;
    const yul = node as { nodeType?: string; functionName?: { name: string } };
    if (yul.nodeType === 'YulFunctionCall' && yul.functionName) names.add(yul.functionName.name);
    Object.values(node).forEach(walk);
  };
  walk(statement.AST);
  return names;
}
