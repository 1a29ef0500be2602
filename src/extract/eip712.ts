/**
 * The EIP-712 domain a contract signs in: the name and version its code passes to OpenZeppelin's EIP712,
 * as a base constructor argument (`is EIP712("Book", "1")`), a constructor modifier
 * (`constructor() EIP712("Book", "1")`) or an initializer call (`__EIP712_init("Book", "1")`). A signed
 * order whose domain differs would not verify, so orders are checked against it.
 */
import type { ContractDefinition, Expression } from 'solidity-ast';
import { findAll } from 'solidity-ast/utils.js';
import type { SourceRef } from '../terms/index.ts';

const CONSTRUCTORS = new Set(['EIP712', 'EIP712Upgradeable']);
const INITIALIZERS = new Set(['__EIP712_init', '__EIP712_init_unchained']);

export function readEip712Domain(linearized: ContractDefinition[], locate: (node: { src: string }) => SourceRef): { name: string | null; version: string | null; source: SourceRef } | null {
  for (const contract of linearized) {
    for (const base of contract.baseContracts) {
      if (CONSTRUCTORS.has(base.baseName.name ?? '') && base.arguments?.length === 2) return domainOf(base.arguments, base, locate);
    }
    for (const invocation of findAll('ModifierInvocation', contract)) {
      if (CONSTRUCTORS.has(invocation.modifierName.name ?? '') && invocation.arguments?.length === 2) return domainOf(invocation.arguments, invocation, locate);
    }
    for (const call of findAll('FunctionCall', contract)) {
      const callee = call.expression;
      if (callee.nodeType === 'Identifier' && INITIALIZERS.has(callee.name) && call.arguments.length === 2) return domainOf(call.arguments, call, locate);
    }
  }
  return null;
}

function domainOf(args: Expression[], node: { src: string }, locate: (node: { src: string }) => SourceRef) {
  const text = (arg: Expression) => (arg.nodeType === 'Literal' && arg.kind === 'string' && typeof arg.value === 'string' ? arg.value : null);
  return { name: text(args[0]), version: text(args[1]), source: locate(node) };
}
