/**
 * Which code a call reaches: internal functions (virtual dispatch and `super` resolved in the linearised
 * contract), library functions (`using L for T` included), or another contract.
 */
import type { Expression, FunctionCall, FunctionDefinition, MemberAccess } from 'solidity-ast';
import type { NodeType, NodeTypeMap } from 'solidity-ast/node.js';
import { findAll } from 'solidity-ast/utils.js';
import { resolveFunction, type ContractScope } from '../ir/scope.ts';

export interface CalledFunction {
  definition: FunctionDefinition;
  /** Arguments including the bound `self` of a `using for` call. */
  allArgs: Expression[];
  internal: boolean;
  library: boolean;
  /** The library's name, for library functions. */
  libraryName: string | null;
}

export type Deref = <T extends NodeType>(type: T, id: number | null | undefined) => NodeTypeMap[T] | null;

/**
 * A built-in (`require`, `msg`, `now`): solc gives them negative ids, except some 0.8 releases, which write
 * the same numbers as unsigned 32-bit ones (4294967278 for -18).
 */
export function isBuiltinId(id: number | null | undefined): boolean {
  return id !== null && id !== undefined && (id < 0 || id >= 2 ** 32 - 1000);
}

/** The node with this id if it is of this type, else null (built-ins have none). */
export function makeDeref(scope: ContractScope): Deref {
  return function deref<T extends NodeType>(type: T, id: number | null | undefined): NodeTypeMap[T] | null {
    if (id === null || id === undefined || isBuiltinId(id)) return null;
    try {
      return scope.compilation.deref(type, id) as NodeTypeMap[T];
    } catch {
      return null;
    }
  };
}

export function calledFunction(scope: ContractScope, node: FunctionCall, from: number): CalledFunction | null {
  const deref = makeDeref(scope);
  const callee = node.expression;
  let id: number | null | undefined = null;
  let bound: Expression | null = null;
  let isSuper = false;
  if (callee.nodeType === 'Identifier') id = callee.referencedDeclaration;
  else if (callee.nodeType === 'MemberAccess') {
    id = callee.referencedDeclaration;
    if (callee.expression.nodeType === 'Identifier' && callee.expression.name === 'super') isSuper = true;
  } else return null;
  const definition = deref('FunctionDefinition', id);
  if (!definition) return null;
  const owner = deref('ContractDefinition', definition.scope);
  const library = owner?.contractKind === 'library';
  let namesBase = false;
  if (callee.nodeType === 'MemberAccess' && !isSuper) {
    const target = callee.expression;
    const namesLibrary = target.nodeType === 'Identifier' && target.referencedDeclaration === owner?.id;
    // `Base.f()` inside a contract that inherits Base: that exact function, run as an internal call.
    namesBase = !library && target.nodeType === 'Identifier' && scope.linearized.some((c) => c.id === target.referencedDeclaration);
    // `using L for T`: x.f(a) calls L.f(x, a).
    if (library && !namesLibrary) bound = target;
    else if (!library && !namesBase) return null;
  }
  if (namesBase) return { definition, allArgs: [...node.arguments], internal: true, library: false, libraryName: null };
  const internal = library ? definition.visibility === 'internal' || definition.visibility === 'private' : callee.nodeType === 'Identifier' || isSuper;
  const resolved = internal && !library ? resolveFunction(scope, definition, from, isSuper) : definition;
  return { definition: resolved, allArgs: bound ? [bound, ...node.arguments] : [...node.arguments], internal, library: Boolean(library), libraryName: library ? owner!.name : null };
}

/** A call to another contract or address (not a library function bound with `using for`). */
export function isExternalTarget(callee: MemberAccess): boolean {
  const type = callee.expression.typeDescriptions.typeString ?? '';
  return /^contract |^address/.test(type) && !(callee.typeDescriptions.typeString ?? '').includes('bound to');
}

/** A view or pure external function: reading it changes nothing. */
export function isViewCall(callee: Expression): boolean {
  return /^function \(.*\) (view|pure)/.test(callee.typeDescriptions.typeString ?? '');
}

/**
 * A function of another contract that passes its parameters on to an ERC-721 move (`transferFrom(token,
 * from, to, id)` of a transfer helper, whose body calls `IERC721(token).transferFrom(from, to, id)`): which of
 * its parameters name the token, sender, recipient and item. Null when its body does not do that.
 */
export function forwardedItemMove(definition: FunctionDefinition | null): { token: number; from: number; to: number; id: number; name: string } | null {
  if (!definition?.body) return null;
  const params = definition.parameters.parameters.map((p) => p.id);
  const param = (e: Expression | undefined) => (e?.nodeType === 'Identifier' ? params.indexOf(e.referencedDeclaration ?? -1) : -1);
  for (const call of findAll('FunctionCall', definition.body)) {
    const callee = call.expression;
    if (callee.nodeType !== 'MemberAccess' || (callee.memberName !== 'transferFrom' && callee.memberName !== 'safeTransferFrom') || call.arguments.length !== 3) continue;
    if (!/^contract I?ERC721\b/.test(callee.expression.typeDescriptions.typeString ?? '')) continue;
    const base = callee.expression;
    const token = base.nodeType === 'FunctionCall' && base.kind === 'typeConversion' ? param(base.arguments[0]) : param(base);
    const [from, to, id] = call.arguments.map(param);
    if ([token, from, to, id].every((i) => i >= 0)) return { token, from, to, id, name: callee.memberName };
  }
  return null;
}

/** Parameters an ERC-721 or ERC-1155 move takes: from and to addresses, then the item's id. */
export function hasItemMoveParameters(definition: FunctionDefinition): boolean {
  const types = definition.parameters.parameters.map((p) => p.typeDescriptions.typeString ?? '');
  return /^address( payable)?$/.test(types[0] ?? '') && /^address( payable)?$/.test(types[1] ?? '') && types[2] === 'uint256';
}

/**
 * Whether a contract type is a non-fungible token's (ERC-721 or ERC-1155): the type, or an interface or
 * contract it derives from, is named so or declares what only those standards have (`ownerOf`,
 * `safeBatchTransferFrom`). `INounsToken is IERC721` counts, whatever its own name.
 */
export function isItemContractType(deref: Deref, typeIdentifier: string | null | undefined, typeString: string | null | undefined): boolean {
  if (/\b\w*(721|1155)\w*\b/.test(typeString ?? '')) return true;
  const id = /^t_contract\$_.*_\$(\d+)$/.exec(typeIdentifier ?? '')?.[1];
  const contract = id === undefined ? null : deref('ContractDefinition', Number(id));
  if (!contract) return false;
  return contract.linearizedBaseContracts.some((baseId) => {
    const base = deref('ContractDefinition', baseId);
    if (!base) return false;
    if (/(721|1155)/.test(base.name)) return true;
    return base.nodes.some((n) => n.nodeType === 'FunctionDefinition' && (n.name === 'ownerOf' || n.name === 'safeBatchTransferFrom'));
  });
}

/**
 * The function named `name` with `arity` parameters on the contract type behind an address
 * (`address(paymentProxy)` for `IERC20FeeProxy paymentProxy`), searched through its bases; null when
 * the address has no contract type or the type declares no such function.
 */
export function declaredFunction(deref: Deref, expression: Expression, name: string, arity: number): FunctionDefinition | null {
  const typed = expression.nodeType === 'FunctionCall' && expression.kind === 'typeConversion' && expression.arguments.length === 1 ? expression.arguments[0] : expression;
  const id = /^t_contract\$_.*_\$(\d+)$/.exec(typed.typeDescriptions.typeIdentifier ?? '')?.[1];
  const contract = id === undefined ? null : deref('ContractDefinition', Number(id));
  for (const baseId of contract?.linearizedBaseContracts ?? []) {
    const found = deref('ContractDefinition', baseId)?.nodes.find((n): n is FunctionDefinition => n.nodeType === 'FunctionDefinition' && n.name === name && n.parameters.parameters.length === arity);
    if (found) return found;
  }
  return null;
}
