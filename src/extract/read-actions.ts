/**
 * Reads every action the contract offers: external and public functions that are not view or pure
 * (inherited ones included, most derived override), the constructor with its base constructors and
 * state variable initialisers, receive and fallback.
 */
import type { ContractDefinition, Expression, FunctionDefinition } from 'solidity-ast';
import { BodyReader } from '../analysis/body.ts';
import { translate } from '../analysis/expressions.ts';
import type { ActionRead, ExtractContext } from './context.ts';

export function actionId(fn: FunctionDefinition): string {
  if (fn.kind !== 'function') return fn.kind === 'freeFunction' ? fn.name : fn.kind;
  return `${fn.name}(${fn.parameters.parameters.map((p) => canonicalType(p.typeDescriptions.typeString ?? '')).join(',')})`;
}

function canonicalType(typeString: string): string {
  return typeString
    .replace(/^contract \S+$/, 'address')
    .replace(/^enum \S+$/, 'uint8')
    .replace(/^struct (\S+)(?: memory| calldata| storage.*)?$/, '$1')
    .replace(/ (memory|calldata|storage ref|storage pointer|payable)/g, '')
    .replace(/^address payable$/, 'address');
}

export function isDescribed(fn: FunctionDefinition): boolean {
  if (fn.kind === 'receive' || fn.kind === 'fallback') return true;
  if (fn.kind !== 'function') return false;
  return (fn.visibility === 'external' || fn.visibility === 'public') && fn.stateMutability !== 'view' && fn.stateMutability !== 'pure';
}

export function readActions(context: ExtractContext): ActionRead[] {
  const reads: ActionRead[] = [readConstructor(context)];
  for (const fn of context.scope.functions) {
    if (!isDescribed(fn)) continue;
    const id = actionId(fn);
    const reader = new BodyReader(id);
    reader.readFunction(fn, { frame: context.frame(fn.scope), when: [], via: null });
    reads.push({ id, definition: fn, facts: reader.facts });
  }
  // The lock's first write at deployment (ReentrancyGuard's constructor) is bookkeeping too.
  const locks = new Set(reads.flatMap((r) => r.facts.lockTargets));
  const deployment = reads[0].facts;
  deployment.effects = deployment.effects.filter((e) => !locks.has(JSON.stringify(e.target)));
  return reads;
}

/** Deployment: state variable initialisers and base constructors, most base first, then the contract's own. */
function readConstructor(context: ExtractContext): ActionRead {
  const reader = new BodyReader('constructor');
  const { scope } = context;
  let own: FunctionDefinition | null = null;
  for (const base of [...scope.linearized].reverse()) {
    readInitialisers(context, reader, base);
    const ctor = constructorOf(base);
    if (!ctor) continue;
    if (base.id === scope.contract.id) own = ctor;
    const frame = context.frame(base.id);
    const args = baseArguments(context, base);
    ctor.parameters.parameters.forEach((param, i) => {
      if (args?.[i]) frame.env.set(param.id, translate(args[i], context.frame(scope.contract.id)));
    });
    reader.readFunction(ctor, { frame, when: [], via: base.id === scope.contract.id ? null : base.name });
  }
  return { id: 'constructor', definition: own, facts: reader.facts };
}

function readInitialisers(context: ExtractContext, reader: BodyReader, base: ContractDefinition): void {
  for (const node of base.nodes) {
    if (node.nodeType !== 'VariableDeclaration' || !node.stateVariable || node.constant || !node.value) continue;
    const frame = context.frame(base.id);
    const value = translate(node.value, frame);
    const target = translate({ ...identifierFor(node), src: node.src } as unknown as Expression, frame);
    reader.facts.effects.push({ kind: 'set', target, value, when: [], via: null, source: context.locate(node), basis: 'code' });
  }
}

function identifierFor(node: { id: number; name: string; typeDescriptions: unknown }) {
  return { nodeType: 'Identifier', name: node.name, referencedDeclaration: node.id, typeDescriptions: node.typeDescriptions, overloadedDeclarations: [], id: -1 };
}

function constructorOf(contract: ContractDefinition): FunctionDefinition | null {
  return contract.nodes.find((n): n is FunctionDefinition => n.nodeType === 'FunctionDefinition' && n.kind === 'constructor') ?? null;
}

/** Arguments given to a base's constructor, in an inheritance specifier or a constructor's modifier list. */
function baseArguments(context: ExtractContext, base: ContractDefinition): readonly Expression[] | null {
  for (const contract of context.scope.linearized) {
    for (const spec of contract.baseContracts) {
      if (spec.baseName.referencedDeclaration === base.id && spec.arguments?.length) return spec.arguments;
    }
    const ctor = constructorOf(contract);
    for (const modifier of ctor?.modifiers ?? []) {
      if (modifier.modifierName.referencedDeclaration === base.id && modifier.arguments?.length) return modifier.arguments;
    }
  }
  return null;
}
