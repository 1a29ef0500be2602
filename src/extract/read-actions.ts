/**
 * Reads every action the contract offers: external and public functions that are not view or pure
 * (inherited ones included, most derived override), deployment (base constructors and state variable
 * initialisers), receive and fallback. Each is lowered once by the analysis core (src/ir) and its
 * per-action facts are read off the guarded instructions.
 */
import type { ContractDefinition, FunctionDefinition, VariableDeclaration } from 'solidity-ast';
import { makeDeref, type Deref } from '../ir/calls.ts';
import { factsOf } from '../ir/facts.ts';
import { Lowerer } from '../ir/lower.ts';
import type { Condition } from '../terms/index.ts';
import type { ActionRead, ExtractContext } from './context.ts';

/** The action's id: its canonical ABI signature (structs as tuples), or 'constructor', 'receive', 'fallback'. */
export function actionId(fn: FunctionDefinition, deref: Deref): string {
  if (fn.kind !== 'function') return fn.kind === 'freeFunction' ? fn.name : fn.kind;
  return `${fn.name}(${fn.parameters.parameters.map((p) => abiType(p, deref)).join(',')})`;
}

/** A parameter's type as the ABI writes it: a struct is the tuple of its members, with any array suffix kept. */
function abiType(decl: VariableDeclaration, deref: Deref): string {
  const struct = /^t_(?:array\$_t_)?struct\$_\w+?_\$(\d+)/.exec(decl.typeDescriptions.typeIdentifier ?? '');
  const definition = struct ? deref('StructDefinition', Number(struct[1])) : null;
  if (definition) {
    const suffix = /((?:\[\d*\])*)(?: \w+)*$/.exec((decl.typeDescriptions.typeString ?? '').replace(/^struct \S+?(?=\[|\s|$)/, ''))?.[1] ?? '';
    return `(${definition.members.map((m) => abiType(m, deref)).join(',')})${suffix}`;
  }
  // A user-defined value type (`type UD60x18 is uint256`) is its underlying type.
  const udvt = /^t_userDefinedValueType\$_\w+?_\$(\d+)/.exec(decl.typeDescriptions.typeIdentifier ?? '');
  const underlying = udvt ? deref('UserDefinedValueTypeDefinition', Number(udvt[1]))?.underlyingType.typeDescriptions.typeString : null;
  if (underlying) return canonicalType(underlying + ((decl.typeDescriptions.typeString ?? '').match(/(\[\d*\])+/)?.[0] ?? ''));
  return canonicalType(decl.typeDescriptions.typeString ?? '');
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
  const deref = makeDeref(context.scope);
  const locate = (src: string) => context.locate({ src });
  const codeOf = (src: string) => context.lower.codeOf({ src });
  const reads: ActionRead[] = [
    { id: 'constructor', definition: constructorOf(context.scope.contract), facts: factsOf(new Lowerer(context.lower).lowerDeployment(), 'constructor', locate, codeOf) },
  ];
  for (const fn of context.scope.functions) {
    if (!isDescribed(fn)) continue;
    const id = actionId(fn, deref);
    reads.push({ id, definition: fn, facts: factsOf(new Lowerer(context.lower).lowerAction(fn), id, locate, codeOf) });
  }
  refuseSelfSends(reads);
  for (const read of reads) if (refusedAlways(read.facts)) clearWhatNeverHappens(read.facts);
  // The lock's first write at deployment (ReentrancyGuard's constructor) is bookkeeping too.
  const locks = new Set(reads.flatMap((r) => r.facts.lockTargets));
  const deployment = reads[0].facts;
  deployment.effects = deployment.effects.filter((e) => !locks.has(JSON.stringify(e.target)));
  return reads;
}

function constructorOf(contract: ContractDefinition): FunctionDefinition | null {
  return contract.nodes.find((n): n is FunctionDefinition => n.nodeType === 'FunctionDefinition' && n.kind === 'constructor') ?? null;
}

/**
 * A contract with no `receive` and no `fallback` refuses every call that carries no matching function:
 * `payable(address(this)).transfer(x)` made on every path of an action reverts, so the action always fails.
 */
function refuseSelfSends(reads: ActionRead[]): void {
  if (reads.some((read) => read.definition?.kind === 'receive' || read.definition?.kind === 'fallback')) return;
  for (const read of reads) {
    const [send] = read.facts.selfSends;
    if (!send) continue;
    read.facts.conditions.push({ expr: { kind: 'bool', value: false }, message: null, error: null, form: 'self-send', via: null, when: [], isAccess: false, each: null, helperSource: null, source: send, basis: 'code' });
  }
}

/** A check that can never hold, made on every path (`revert()`, `require(x = false)`). */
export function isRefusal(c: Condition): boolean {
  return c.when.length === 0 && c.each === null && c.expr.kind === 'bool' && !c.expr.value;
}

/** The action never goes ahead: one of its checks is a refusal. */
export function refusedAlways(facts: ActionRead['facts']): boolean {
  return facts.conditions.some(isRefusal);
}

/** An action that always fails pays, changes, records and calls nothing: no other part of the summary may count on it. */
function clearWhatNeverHappens(facts: ActionRead['facts']): void {
  // Its other checks are moot: only the refusal is said (no deadline or party rule is read from them).
  facts.conditions = facts.conditions.filter(isRefusal);
  facts.payments = [];
  facts.effects = [];
  facts.emits = [];
  facts.externalCalls = [];
  facts.itemMoves = [];
  facts.callData = [];
  facts.requiredPayments = [];
  facts.selfDestruct = null;
  facts.delegatecall = null;
}
