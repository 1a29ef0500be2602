/**
 * Definitions: every view function the terms mention by name (`the Late Penalty`), with the formula
 * read from its body. A formula that cannot be read is listed as not explained, with its lines.
 */
import type { FunctionDefinition } from 'solidity-ast';
import { humanise } from '../ir/names.ts';
import type { ContractTerms, Definition, Expr } from '../terms/index.ts';
import { walkExpr } from '../terms/index.ts';
import { Lowerer } from '../ir/lower.ts';
import type { ExtractContext, Extractor } from './context.ts';
import { rewrite } from '../ir/exprs.ts';

export const definitions: Extractor = {
  name: 'definitions',
  extract(context, terms) {
    const names = new Set<string>();
    for (const expr of allExpressions(terms)) for (const node of walkExpr(expr)) if (node.kind === 'call') names.add(node.name);
    const list: Definition[] = [];
    // A formula that names another (the Balance Of from the Delta Of) adds it to the list: the set grows as it is walked.
    for (const name of names) {
      // Overloads (`releasable(account)` and `releasable(token, account)`) each have their own formula.
      const overloads = findFunctions(context.scope.linearized, name);
      for (const fn of overloads) {
        const formula = withSuper(name, fn, context, new Lowerer(context.lower).formula(fn));
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
        if (formula) for (const node of walkExpr(formula)) if (node.kind === 'call') names.add(node.name);
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

/**
 * An override's formula with its call to the function it overrides (`super._vestingSchedule(total, t)`, read
 * as a call of the same name) replaced by that function's own formula, its parameters bound to the call's
 * arguments: VestingWalletCliff's schedule is zero before the cliff, otherwise VestingWallet's linear one.
 */
function withSuper(name: string, fn: FunctionDefinition, context: ExtractContext, formula: Expr | null, depth = 0): Expr | null {
  if (!formula || depth > 3) return formula;
  const types = (f: FunctionDefinition) => f.parameters.parameters.map((p) => p.typeDescriptions.typeString ?? '').join(',');
  const bases = context.scope.linearized.flatMap((c) => (c.nodes as FunctionDefinition[]).filter((n) => n.nodeType === 'FunctionDefinition' && n.name === name && n.implemented && types(n) === types(fn)));
  const base = bases[bases.indexOf(fn) + 1];
  if (!base) return formula;
  let baseFormula: Expr | null | undefined;
  return rewrite(formula, (node) => {
    if (node.kind !== 'call' || node.name !== name || node.args.length !== base.parameters.parameters.length) return null;
    if (baseFormula === undefined) baseFormula = withSuper(name, base, context, new Lowerer(context.lower).formula(base), depth + 1);
    if (!baseFormula) return null;
    const bound = new Map(base.parameters.parameters.map((p, i) => [p.name, node.args[i]!]));
    return rewrite(baseFormula, (inner) => (inner.kind === 'variable' && inner.scope === 'parameter' && bound.has(inner.name) ? bound.get(inner.name)! : null));
  });
}

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
