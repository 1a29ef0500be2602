/**
 * The contract as the EVM sees it: its linearised bases, the state variables of all of them, and
 * virtual dispatch (which body runs for a function or modifier, `super` included).
 */
import type {
  ContractDefinition,
  Expression,
  EnumDefinition,
  FunctionDefinition,
  ModifierDefinition,
  StructDefinition,
  VariableDeclaration,
} from 'solidity-ast';
import { findAll } from 'solidity-ast/utils.js';
import type { Compilation } from '../compile/index.ts';

export interface ContractScope {
  compilation: Compilation;
  contract: ContractDefinition;
  /** Most derived first (the contract itself first). */
  linearized: ContractDefinition[];
  stateVariables: VariableDeclaration[];
  /**
   * Fields of namespaced storage (ERC-7201 structs marked `@custom:storage-location`, reached through
   * assembly): state variables in all but where they are kept.
   */
  namespacedFields: VariableDeclaration[];
  /** Functions that end up in the contract after overriding: one per signature, most derived wins. */
  functions: FunctionDefinition[];
  contractOf(nodeScope: number): ContractDefinition | null;
}

export function buildScope(compilation: Compilation, contract: ContractDefinition): ContractScope {
  const linearized = contract.linearizedBaseContracts.map((id) => compilation.deref('ContractDefinition', id));
  const stateVariables: VariableDeclaration[] = [];
  for (const base of [...linearized].reverse()) {
    for (const node of base.nodes) {
      if (node.nodeType === 'VariableDeclaration' && node.stateVariable) stateVariables.push(node);
    }
  }
  const namespacedFields: VariableDeclaration[] = [];
  for (const base of [...linearized].reverse()) {
    for (const node of base.nodes) {
      if (node.nodeType !== 'StructDefinition') continue;
      const doc = typeof node.documentation === 'string' ? node.documentation : node.documentation?.text ?? '';
      if (/@custom:storage-location/.test(doc)) namespacedFields.push(...node.members);
    }
  }
  const seen = new Set<string>();
  const functions: FunctionDefinition[] = [];
  for (const base of linearized) {
    for (const node of base.nodes) {
      if (node.nodeType !== 'FunctionDefinition' || !node.implemented) continue;
      const key = node.kind === 'function' ? `${node.name}(${parameterTypes(node).join(',')})` : node.kind;
      if (node.kind === 'constructor') continue;
      if (seen.has(key)) continue;
      seen.add(key);
      functions.push(node);
    }
  }
  const byId = new Map(linearized.map((c) => [c.id, c]));
  return {
    compilation,
    contract,
    linearized,
    stateVariables,
    namespacedFields,
    functions,
    contractOf: (id) => byId.get(id) ?? null,
  };
}

export function parameterTypes(fn: FunctionDefinition | ModifierDefinition): string[] {
  return fn.parameters.parameters.map((p) => p.typeDescriptions.typeString ?? '');
}

/**
 * The body that runs when `fn` is called from code in contract `from`: the most derived override in the
 * linearisation, or with `isSuper`, the next one after `from`.
 */
export function resolveFunction(scope: ContractScope, fn: FunctionDefinition, from: number, isSuper: boolean): FunctionDefinition {
  if (fn.visibility === 'private' || scope.contractOf(fn.scope) === null) return fn;
  const key = parameterTypes(fn).join(',');
  let start = 0;
  if (isSuper) start = scope.linearized.findIndex((c) => c.id === from) + 1;
  for (const base of scope.linearized.slice(start)) {
    for (const node of base.nodes) {
      if (node.nodeType === 'FunctionDefinition' && node.name === fn.name && node.kind === fn.kind && node.implemented && parameterTypes(node).join(',') === key) {
        return node;
      }
    }
  }
  return fn;
}

export function resolveModifier(scope: ContractScope, modifier: ModifierDefinition): ModifierDefinition {
  for (const base of scope.linearized) {
    for (const node of base.nodes) {
      if (node.nodeType === 'ModifierDefinition' && node.name === modifier.name && node.body) return node;
    }
  }
  return modifier;
}

/** Every enum and struct visible to the contract, by id. */
export function typeDefinitions(scope: ContractScope): { enums: Map<number, EnumDefinition>; structs: Map<number, StructDefinition> } {
  const enums = new Map<number, EnumDefinition>();
  const structs = new Map<number, StructDefinition>();
  for (const source of scope.compilation.sources) {
    for (const e of findAll('EnumDefinition', source.ast)) enums.set(e.id, e);
    for (const s of findAll('StructDefinition', source.ast)) structs.set(s.id, s);
  }
  return { enums, structs };
}

/** Arguments given to a base's constructor, in an inheritance specifier or a constructor's modifier list. */
export function baseArguments(scope: ContractScope, base: ContractDefinition): readonly Expression[] | null {
  for (const contract of scope.linearized) {
    for (const spec of contract.baseContracts) {
      if (spec.baseName.referencedDeclaration === base.id && spec.arguments?.length) return spec.arguments;
    }
    const ctor = contract.nodes.find((n): n is FunctionDefinition => n.nodeType === 'FunctionDefinition' && n.kind === 'constructor');
    for (const modifier of ctor?.modifiers ?? []) {
      if (modifier.modifierName.referencedDeclaration === base.id && modifier.arguments?.length) return modifier.arguments;
    }
  }
  return null;
}
