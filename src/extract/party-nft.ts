/**
 * Parties who hold an item token (ERC-721): the contract keeps who owns each token id (`mapping(uint256 =>
 * address)`, with an `ownerOf`), and a payment goes to that owner, or to an address checked against it. Each
 * record keyed by the same id then has its own party: whoever holds the token of that id (a stream's
 * Recipient). It is named by what the code calls the owner where it reads it (`address recipient =
 * _ownerOf(streamId)`), and changes whenever the token moves.
 */
import type { Expression, FunctionDefinition, VariableDeclaration } from 'solidity-ast';
import { findAll } from 'solidity-ast/utils.js';
import { makeDeref } from '../ir/calls.ts';
import { humanise } from '../ir/names.ts';
import type { Action, Expr, Party } from '../terms/index.ts';
import { unwrap, walkExpr } from '../terms/index.ts';
import type { ExtractContext } from './context.ts';
import { newParty } from './new-party.ts';

export function tokenHolderParties(context: ExtractContext, actions: Action[], known: Party[]): Party[] {
  const hasOwnerOf = context.scope.linearized.some((c) => c.nodes.some((n) => n.nodeType === 'FunctionDefinition' && n.name === 'ownerOf' && n.parameters.parameters.length === 1));
  if (!hasOwnerOf) return [];
  const found: Party[] = [];
  for (const decl of context.scope.stateVariables) {
    if (!/^mapping\(uint256 => address( payable)?\)$/.test(decl.typeDescriptions.typeString ?? '') || known.some((p) => p.name === decl.name)) continue;
    const entry = (e: Expr) => e.kind === 'index' && e.base.kind === 'variable' && e.base.name === decl.name;
    const paid = actions.filter((a) => a.payments.some((p) => p.direction === 'out' && (entry(unwrap(p.to)) || a.conditions.some((c) => comparesWith(c.expr, p.to, entry)))));
    if (paid.length === 0) continue;
    const record = recordKeyedLike(paid, entry);
    const party = newParty({
      id: `${decl.name}[]`,
      name: decl.name,
      kind: 'token-holder',
      mutability: 'mutable',
      setAt: 'action',
      changedBy: context.reads.filter((r) => r.id !== 'constructor' && r.facts.effects.some((e) => e.target.kind === 'index' && entry(e.target))).map((r) => r.id),
      collection: record?.collection ?? null,
      itemLabel: record?.item ?? null,
      source: context.locate(decl),
    });
    const local = ownerName(context, decl);
    found.push(local ? { ...party, label: humanise(local) } : party);
  }
  return found;
}

/** `to == owners[id]` (either side, inside and/or/not): the condition checks the payee against the owner. */
function comparesWith(condition: Expr, payee: Expr, entry: (e: Expr) => boolean): boolean {
  const payeeText = JSON.stringify(unwrap(payee));
  return [...walkExpr(condition)].some(
    (e) => e.kind === 'compare' && ((entry(unwrap(e.left)) && JSON.stringify(unwrap(e.right)) === payeeText) || (entry(unwrap(e.right)) && JSON.stringify(unwrap(e.left)) === payeeText)),
  );
}

/** The record kept under the same id as the owner's entry (`_streams[streamId]` beside `_owners[streamId]`). */
function recordKeyedLike(actions: Action[], entry: (e: Expr) => boolean): { collection: string; item: string } | null {
  for (const action of actions) {
    const exprs = [...action.conditions.map((c) => c.expr), ...action.payments.flatMap((p) => [p.to, p.amount])].flatMap((root) => [...walkExpr(root)]);
    const keys = new Set(exprs.filter((e) => e.kind === 'index' && entry(e)).map((e) => JSON.stringify((e as { index: Expr }).index)));
    for (const e of exprs) {
      if (e.kind === 'index' && e.base.kind === 'variable' && e.item && keys.has(JSON.stringify(e.index))) return { collection: e.base.name, item: e.item };
    }
  }
  return null;
}

/**
 * What the code calls the owner where it reads it: address locals and return values set from a function
 * that reads the mapping (through at most two more internal functions). The name used most often wins.
 */
function ownerName(context: ExtractContext, map: VariableDeclaration): string | null {
  const deref = makeDeref(context.scope);
  const readsMap = (fn: FunctionDefinition | null, depth: number): boolean => {
    if (!fn?.body || depth > 3) return false;
    for (const id of findAll('Identifier', fn.body)) if (id.referencedDeclaration === map.id) return true;
    return [...findAll('FunctionCall', fn.body)].some((call) => readsMap(calledDefinition(call.expression), depth + 1));
  };
  const calledDefinition = (callee: Expression) =>
    callee.nodeType === 'Identifier' || callee.nodeType === 'MemberAccess' ? deref('FunctionDefinition', callee.referencedDeclaration) : null;
  const ownerValue = (value: Expression | null | undefined) => value?.nodeType === 'FunctionCall' && readsMap(calledDefinition(value.expression), 1);
  const counts = new Map<string, number>();
  const count = (name: string) => counts.set(name, (counts.get(name) ?? 0) + 1);
  for (const contract of context.scope.linearized) {
    for (const fn of findAll('FunctionDefinition', contract)) {
      if (!fn.body) continue;
      for (const statement of findAll('VariableDeclarationStatement', fn.body)) {
        const [decl] = statement.declarations;
        if (statement.declarations.length === 1 && decl && /^address/.test(decl.typeDescriptions.typeString ?? '') && ownerValue(statement.initialValue)) count(decl.name);
      }
      const returns = new Map(fn.returnParameters.parameters.filter((p) => p.name).map((p) => [p.id, p.name]));
      for (const assignment of findAll('Assignment', fn.body)) {
        const name = assignment.leftHandSide.nodeType === 'Identifier' ? returns.get(assignment.leftHandSide.referencedDeclaration ?? -1) : undefined;
        if (name && ownerValue(assignment.rightHandSide)) count(name);
      }
    }
  }
  const best = [...counts].filter(([name]) => !/^_*owner$/i.test(name)).sort((a, b) => b[1] - a[1])[0];
  return best ? best[0].replace(/^_+/, '') : null;
}
