/**
 * Claims on internal and private functions (Kleros's `executeRuling`: "1 : Reimburse the receiver. 2 : Pay
 * the sender."). Such a function is not an action: its code runs inside the actions that call it. Its
 * comment is checked against the facts that code produces there: the payments, changes and checks each
 * calling action makes inside it (`via` the function, or written on its lines), gathered into one view of
 * the function, with the callers' parameters as its inputs.
 *
 * Only comments the checker can read are kept (a check of any verdict): the rest of a library's internal
 * documentation says nothing a lawyer needs. Facts made by a function it calls in turn count as its own,
 * whether or not it is the outermost helper of the action (the call sites of nested helpers are kept beside
 * the facts, `nestedCallSites`). Limits: who may call is not checked (the callers decide); a fact another
 * extractor copied after reading loses its call sites, and then counts only as before (through `via` or on
 * the function's own lines).
 */
import type { FunctionDefinition } from 'solidity-ast';
import { nestedCallSites } from '../ir/facts.ts';
import { parseNatspec } from '../ir/natspec.ts';
import type { Action, Claim, ContractTerms, SourceRef } from '../terms/index.ts';
import { checkClaim } from './claim-check.ts';
import type { ExtractContext } from './context.ts';

type Draft = Omit<Claim, 'id' | 'basis'>;

export function helperClaims(context: ExtractContext, terms: ContractTerms): Draft[] {
  const drafts: Draft[] = [];
  const seen = new Set<number>();
  for (const contract of context.scope.linearized) {
    for (const fn of contract.nodes as FunctionDefinition[]) {
      if (fn.nodeType !== 'FunctionDefinition' || fn.kind !== 'function' || !fn.implemented || !fn.documentation) continue;
      if (fn.visibility !== 'internal' && fn.visibility !== 'private') continue;
      if (seen.has(fn.id)) continue;
      seen.add(fn.id);
      const range = context.locate(fn);
      const view = helperView(fn.name, range, terms);
      if (!view) continue;
      const natspec = parseNatspec(fn.documentation);
      const source = { ...range, endLine: range.line };
      const texts: { tag: Draft['tag']; param: string | null; text: string }[] = [
        ...(['notice', 'dev'] as const).flatMap((tag) => (natspec[tag] ? [{ tag, param: null, text: natspec[tag]! }] : [])),
        ...natspec.params.map((param) => ({ tag: 'param' as const, param: param.name, text: param.text })),
      ];
      for (const { tag, param, text } of texts) {
        const checks = checkClaim(text, view, terms, null, true);
        if (checks.length > 0) drafts.push({ action: null, helper: fn.name, tag, param, text, checks, source });
      }
    }
  }
  return drafts;
}

/**
 * The facts the actions produce inside the function: those made through it (`via`) or written on its own
 * lines. Null when no action reaches it.
 */
function helperView(name: string, range: SourceRef, terms: ContractTerms): Action | null {
  const within = (line: SourceRef | null) => line !== null && line.path === range.path && line.line >= range.line && line.line <= range.endLine;
  // Made inside it: through it as the outermost helper, on its lines, or by a function it calls (a call site on its lines).
  const inside = (fact: { via: string | null; helperSource: SourceRef | null }) =>
    fact.via === name || within(fact.helperSource) || (nestedCallSites.get(fact) ?? []).some(within);
  const callers = terms.actions.filter((a) => a.payments.some(inside) || a.effects.some(inside));
  if (callers.length === 0) return null;
  const first = callers[0]!;
  return {
    ...first,
    name,
    // Cited on the function's own lines, not at the callers' call sites.
    payments: callers.flatMap((a) => a.payments.filter(inside)).map((p) => ({ ...p, source: p.helperSource ?? p.source })),
    effects: callers.flatMap((a) => a.effects.filter(inside)).map((e) => ({ ...e, source: e.helperSource ?? e.source })),
    conditions: callers.flatMap((a) => a.conditions.filter(inside)),
    parameters: [],
  };
}
