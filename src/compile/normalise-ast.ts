/**
 * One layer between the ASTs of older compilers (0.4.13 … 0.7.x) and the extractors, which read the
 * 0.8 shape only. solc's output is parsed fresh for each compilation, and each node is rebuilt (never
 * changed in place) by a handler for its kind:
 * - no null-valued properties (0.4–0.7 write nulls where 0.8 leaves the key out);
 * - `isConstructor`/`payable`/`constant` → `kind`/`stateMutability`; `superFunction` → `baseFunctions`;
 *   `virtual`, `mutability`, `abstract` and `functionSelector` filled in;
 * - documentation strings → StructuredDocumentation nodes;
 * - base contracts, modifier names, overrides and `using` libraries → IdentifierPath;
 *   user-defined type names get a `pathNode`;
 * - builtins (`msg`, `require`, …) get 0.8's negative ids; `now` → `block.timestamp`, `sha3` →
 *   `keccak256`, `suicide` → `selfdestruct`, `throw` → `revert()`;
 * - `x.call.value(v).gas(g)(…)` → call options; events called without `emit` → EmitStatement;
 *   type names in conversions as strings → ElementaryTypeName nodes.
 * New nodes get ids above every id solc gave, so dereferencing by id stays exact.
 */
import semver from 'semver';
import { computeSelector, type NodeIndex, type RawNode } from './function-selectors.ts';

/** 0.8's ids of the builtins (ids < 0 mark a builtin for the extractors). */
const BUILTIN_IDS: Record<string, number> = {
  abi: -1, addmod: -2, assert: -3, block: -4, blockhash: -5, ecrecover: -6, gasleft: -7, keccak256: -8,
  msg: -15, mulmod: -16, now: -17, require: -18, revert: -19, ripemd160: -20, selfdestruct: -21, sha256: -22,
  sha3: -23, suicide: -24, super: -25, tx: -26, type: -27, this: -28,
};
const RENAMED_BUILTINS: Record<string, string> = { sha3: 'keccak256', suicide: 'selfdestruct' };

interface Context {
  index: NodeIndex;
  nextId(): number;
}

type Handler = (node: RawNode, context: Context) => RawNode;

export interface AstOutput {
  sources?: Record<string, { id: number; ast: any }>;
}

/** True when ASTs of this compiler release need normalising. */
export function needsNormalising(version: string): boolean {
  const release = semver.coerce(version);
  return release !== null && semver.lt(release, '0.8.0');
}

/** The sources with every AST in the 0.8 shape; the output is returned as is from 0.8 on. */
export function normaliseSources<T extends AstOutput>(output: T, version: string): T {
  if (!needsNormalising(version) || output.sources === undefined) return output;
  const index: NodeIndex = new Map();
  let maxId = 0;
  for (const { ast } of Object.values(output.sources)) {
    walkNodes(ast, (node) => {
      index.set(node.id, node);
      if (node.id > maxId) maxId = node.id;
    });
  }
  const context: Context = { index, nextId: () => (maxId += 1) };
  const sources = Object.fromEntries(
    Object.entries(output.sources).map(([unitName, source]) => [unitName, { ...source, ast: normalise(source.ast, context) }]),
  );
  return { ...output, sources };
}

function normalise(value: unknown, context: Context): any {
  if (Array.isArray(value)) return value.map((item) => (item === null ? null : normalise(item, context)));
  if (value === null || typeof value !== 'object') return value;
  const node: RawNode = {};
  for (const [key, child] of Object.entries(value)) {
    if (child !== null) node[key] = normalise(child, context);
  }
  if (typeof node.documentation === 'string') node.documentation = structuredDocumentation(node, context);
  const handler = typeof node.nodeType === 'string' ? HANDLERS[node.nodeType] : undefined;
  return handler ? handler(node, context) : node;
}

const HANDLERS: Record<string, Handler> = {
  ContractDefinition: (node) => ({ ...node, abstract: node.abstract ?? (node.contractKind === 'contract' && node.fullyImplemented === false) }),

  FunctionDefinition: (node, context) => {
    const { isConstructor, isDeclaredConst, payable, constant, superFunction, ...rest } = node;
    const kind = rest.kind ?? (isConstructor ? 'constructor' : rest.name === '' ? 'fallback' : 'function');
    const stateMutability = rest.stateMutability ?? (payable ? 'payable' : constant || isDeclaredConst ? 'view' : 'nonpayable');
    const fn: RawNode = { ...rest, kind, stateMutability, name: kind === 'function' ? rest.name : '' };
    fn.virtual ??= kind !== 'constructor' && rest.visibility !== 'private';
    if (superFunction !== undefined && fn.baseFunctions === undefined) fn.baseFunctions = [superFunction];
    const inLibrary = context.index.get(rest.scope)?.contractKind === 'library';
    if (fn.functionSelector === undefined && kind === 'function' && !inLibrary && (rest.visibility === 'public' || rest.visibility === 'external')) {
      const selector = computeSelector(fn, context.index);
      if (selector !== null) fn.functionSelector = selector;
    }
    return fn;
  },

  ModifierDefinition: (node) => ({ ...node, virtual: node.virtual ?? true }),

  VariableDeclaration: (node) => ({ ...node, mutability: node.mutability ?? (node.constant ? 'constant' : 'mutable') }),

  FunctionTypeName: (node) => {
    const { payable, constant, isDeclaredConst, ...rest } = node;
    return { ...rest, stateMutability: rest.stateMutability ?? (payable ? 'payable' : constant || isDeclaredConst ? 'view' : 'nonpayable') };
  },

  InheritanceSpecifier: (node, context) => ({ ...node, baseName: toIdentifierPath(node.baseName, context) }),

  ModifierInvocation: (node, context) => ({
    ...node,
    modifierName: toIdentifierPath(node.modifierName, context),
    kind: node.kind ?? (context.index.get(node.modifierName.referencedDeclaration)?.nodeType === 'ContractDefinition' ? 'baseConstructorSpecifier' : 'modifierInvocation'),
  }),

  OverrideSpecifier: (node, context) => ({ ...node, overrides: node.overrides.map((name: RawNode) => toIdentifierPath(name, context)) }),

  UsingForDirective: (node, context) => (node.libraryName ? { ...node, libraryName: toIdentifierPath(node.libraryName, context) } : node),

  UserDefinedTypeName: (node, context) => (node.pathNode || node.name === undefined ? node : { ...node, pathNode: toIdentifierPath(node, context) }),

  Identifier: (node, context) => {
    if (!isBuiltin(node, context)) return node;
    const name = RENAMED_BUILTINS[node.name] ?? node.name;
    if (name === 'now') return blockTimestamp(node, context);
    return { ...node, name, referencedDeclaration: BUILTIN_IDS[name], overloadedDeclarations: [] };
  },

  FunctionCall: (node) => toCallOptions(node) ?? node,

  ExpressionStatement: (node, context) => {
    const call = node.expression;
    const callee = call.nodeType === 'FunctionCall' ? call.expression : null;
    const isEvent = callee?.nodeType === 'Identifier' && context.index.get(callee.referencedDeclaration)?.nodeType === 'EventDefinition';
    return isEvent ? { id: node.id, nodeType: 'EmitStatement', src: node.src, eventCall: call } : node;
  },

  Throw: (node, context) => ({
    id: node.id,
    nodeType: 'ExpressionStatement',
    src: node.src,
    expression: {
      ...expressionFlags(context, node.src, { typeIdentifier: 't_tuple$__$', typeString: 'tuple()' }),
      nodeType: 'FunctionCall',
      kind: 'functionCall',
      names: [],
      arguments: [],
      tryCall: false,
      expression: {
        ...expressionFlags(context, node.src, { typeIdentifier: 't_function_revert_pure$__$returns$__$', typeString: 'function () pure' }),
        nodeType: 'Identifier',
        name: 'revert',
        referencedDeclaration: BUILTIN_IDS.revert,
        overloadedDeclarations: [],
      },
    },
  }),

  ElementaryTypeNameExpression: (node, context) =>
    typeof node.typeName === 'string'
      ? { ...node, typeName: { id: context.nextId(), nodeType: 'ElementaryTypeName', name: node.typeName, src: node.src, typeDescriptions: {} } }
      : node,

  // 0.4/0.5 key each reference by the name used in the block (`[{ answer: {declaration, …} }]`); 0.6 on lists them flat.
  InlineAssembly: (node) => ({
    ...node,
    externalReferences: (node.externalReferences ?? []).flatMap((reference: RawNode) => (typeof reference.declaration === 'number' ? [reference] : Object.values(reference))),
  }),

  Literal: (node) => {
    if (node.hexvalue === undefined) return node;
    const { hexvalue, ...rest } = node;
    return { ...rest, hexValue: rest.hexValue ?? hexvalue };
  },
};

/** A builtin: a known name whose id points at no declaration of that name (0.4/0.5 use positive ids). */
function isBuiltin(node: RawNode, context: Context): boolean {
  if (BUILTIN_IDS[node.name] === undefined || typeof node.referencedDeclaration !== 'number') return false;
  const declaration = context.index.get(node.referencedDeclaration);
  return node.referencedDeclaration < 0 || declaration === undefined || declaration.name !== node.name;
}

/** `now` as 0.8 writes `block.timestamp`. */
function blockTimestamp(node: RawNode, context: Context): RawNode {
  return {
    ...expressionFlags(context, node.src, { typeIdentifier: 't_uint256', typeString: 'uint256' }),
    id: node.id,
    nodeType: 'MemberAccess',
    memberName: 'timestamp',
    expression: {
      ...expressionFlags(context, node.src, { typeIdentifier: 't_magic_block', typeString: 'block' }),
      nodeType: 'Identifier',
      name: 'block',
      referencedDeclaration: BUILTIN_IDS.block,
      overloadedDeclarations: [],
    },
  };
}

/** `f.value(v)` and `f.gas(g)` (before 0.7) as the call options `f{value: v, gas: g}`. */
function toCallOptions(node: RawNode): RawNode | null {
  const member = node.expression;
  const setter = /^t_function_set(value|gas)_/.exec(member?.typeDescriptions?.typeIdentifier ?? '');
  if (member?.nodeType !== 'MemberAccess' || setter === null || node.arguments?.length !== 1) return null;
  const target = member.expression;
  const merged = target.nodeType === 'FunctionCallOptions';
  return {
    id: node.id,
    nodeType: 'FunctionCallOptions',
    src: node.src,
    expression: merged ? target.expression : target,
    names: [...(merged ? target.names : []), setter[1]],
    options: [...(merged ? target.options : []), node.arguments[0]],
    typeDescriptions: target.typeDescriptions,
    isConstant: false,
    isLValue: false,
    isPure: false,
    lValueRequested: false,
  };
}

function toIdentifierPath(name: RawNode, context: Context): RawNode {
  if (name.nodeType === 'IdentifierPath') return name;
  const id = name.nodeType === 'UserDefinedTypeName' && name.pathNode === undefined ? context.nextId() : name.id;
  return { id, name: name.name, nodeType: 'IdentifierPath', referencedDeclaration: name.referencedDeclaration, src: name.src };
}

function structuredDocumentation(node: RawNode, context: Context): RawNode {
  const [start, , sourceId] = String(node.src).split(':');
  return { id: context.nextId(), nodeType: 'StructuredDocumentation', src: `${start}:0:${sourceId}`, text: node.documentation };
}

function expressionFlags(context: Context, src: string, typeDescriptions: { typeIdentifier: string; typeString: string }) {
  return { id: context.nextId(), src, typeDescriptions, isConstant: false, isLValue: false, isPure: false, lValueRequested: false };
}

function walkNodes(value: unknown, visit: (node: RawNode) => void): void {
  if (Array.isArray(value)) {
    for (const item of value) walkNodes(item, visit);
  } else if (value !== null && typeof value === 'object') {
    const node = value as RawNode;
    if (typeof node.nodeType === 'string' && typeof node.id === 'number') visit(node);
    for (const child of Object.values(node)) if (child !== null && typeof child === 'object') walkNodes(child, visit);
  }
}
