/**
 * Definitions: every view function the terms mention by name (`the Late Penalty`), with the formula
 * read from its body. A formula that cannot be read is listed as not explained, with its lines.
 */
import type { FunctionDefinition } from 'solidity-ast';
import { humanise } from '../ir/names.ts';
import type { ContractTerms, Definition, Expr } from '../terms/index.ts';
import { walkExpr } from '../terms/index.ts';
import { Lowerer } from '../ir/lower.ts';
import type { Extractor } from './context.ts';

export const definitions: Extractor = {
  name: 'definitions',
  extract(context, terms) {
    const names = new Set<string>();
    for (const expr of allExpressions(terms)) for (const node of walkExpr(expr)) if (node.kind === 'call') names.add(node.name);
    const list: Definition[] = [];
    for (const name of names) {
      // Overloads (`releasable(account)` and `releasable(token, account)`) each have their own formula.
      const overloads = findFunctions(context.scope.linearized, name);
      for (const fn of overloads) {
        const formula = new Lowerer(context.lower).formula(fn);
        const source = context.locate(fn);
        const types = fn.parameters.parameters.map((p) => p.typeDescriptions.typeString ?? '').join(',');
        list.push({
          id: overloads.length > 1 ? `definition:${name}(${types})` : `definition:${name}`,
          name,
          label: humanise(name),
          parameters: fn.parameters.parameters.map((p) => ({ name: p.name, label: humanise(p.name), type: p.typeDescriptions.typeString ?? '' })),
          formula,
          source,
          basis: 'code',
        });
        if (!formula) {
          // The amount it computes is named in the terms but its formula is not stated: one statement not explained.
          terms.notExplained.push({ action: null, code: `function ${name}(…)`, reason: 'expression', source });
          terms.coverage.statements += 1;
        }
      }
    }
    terms.definitions = list;
  },
};

/** The implemented functions of that name, most derived first, one per parameter list. */
export function findFunctions(contracts: { nodes: unknown[] }[], name: string): FunctionDefinition[] {
  const found: FunctionDefinition[] = [];
  const seen = new Set<string>();
  for (const contract of contracts) {
    for (const node of contract.nodes as FunctionDefinition[]) {
      if (node.nodeType !== 'FunctionDefinition' || node.name !== name || !node.implemented) continue;
      const key = node.parameters.parameters.map((p) => p.typeDescriptions.typeString ?? '').join(',');
      if (seen.has(key)) continue;
      seen.add(key);
      found.push(node);
    }
  }
  return found;
}


function allExpressions(terms: ContractTerms): Expr[] {
  return terms.actions.flatMap((a) => [
    ...a.conditions.map((c) => c.expr),
    ...a.payments.flatMap((p) => [p.amount, p.to]),
    ...a.effects.flatMap((e) => (e.value ? [e.target, e.value] : [e.target])),
  ]);
}
