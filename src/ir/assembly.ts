/**
 * Inline assembly, read only where its meaning is plain: a block that ends in `revert` reverts, and
 * `$.slot := LOCATION` points a local at a namespaced storage struct (ERC-7201). Anything else is opaque.
 */
import type { Statement, VariableDeclaration, YulBlock } from 'solidity-ast';
import type { Deref } from './calls.ts';

export type AssemblyReading =
  | { k: 'revert' }
  | { k: 'namespace'; bindings: { decl: VariableDeclaration; struct: string }[] }
  | { k: 'opaque'; referenced: VariableDeclaration[] };

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
  return { k: 'opaque', referenced };
}
