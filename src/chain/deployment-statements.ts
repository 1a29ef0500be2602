/**
 * Deployment facts as statements (basis `deployment`, section `deployment`): where and when the chain
 * was read, whether the code matches the source, and each party, value, lifecycle state and token read.
 * Worded by templates/<locale>/order/deployment/*.hbs. For `plainterms order --rpc` and for a summary
 * read against a deployment (`summarize --rpc --address`).
 */
import { renderSpecs, type OrderStatement, type TemplateSpec } from '../orders/render.ts';
import type { ContractTerms } from '../terms/index.ts';
import type { DeploymentFacts } from './model.ts';
import type { MinedCall } from './transaction.ts';

/** `mined`: the transaction read as the order, when there is one (stated first). */
export function buildDeploymentStatements(deployment: DeploymentFacts, terms: ContractTerms, lang = 'en', mined: MinedCall | null = null): OrderStatement[] {
  const spec = (id: string, template: string, context: unknown): TemplateSpec => ({
    id: `deployment:${id}`, section: 'deployment', template: `deployment/${template}`, context, basis: 'deployment', source: null,
  });
  const shown = new Set([...deployment.parties.map((party) => terms.parties.find((p) => p.id === party.id)?.name.replace(/^_+/, '')), ...deployment.tokens.map((t) => t.variable)]);
  for (const lifecycle of deployment.lifecycles) shown.add(terms.lifecycles.find((l) => l.id === lifecycle.id)?.variable);
  const specs: TemplateSpec[] = [
    ...(mined ? [spec('transaction', 'transaction', mined)] : []),
    spec('read', 'read', deployment),
    spec('code', 'code', deployment),
    ...deployment.parties.map((party) => spec(`party:${party.id}`, 'party', party)),
    ...deployment.lifecycles.map((lifecycle) => spec(`lifecycle:${lifecycle.id}`, 'lifecycle', lifecycle)),
    ...deployment.tokens.map((token) => spec(`token:${token.variable}`, 'token', { ...token, label: labelOf(terms, token.variable) })),
    ...(deployment.balances ? [spec('balance', 'balance', balanceContext(deployment.balances, terms))] : []),
    ...deployment.values.filter((value) => !shown.has(value.name)).map((value) => spec(`value:${value.name}`, 'value', value)),
  ];
  return renderSpecs(specs, terms, lang);
}

/** The balances as values with their formats, so templates state them in ETH and in each token's units. */
function balanceContext(balances: NonNullable<DeploymentFacts['balances']>, terms: ContractTerms) {
  return {
    eth: { value: balances.eth, format: { kind: 'eth' } },
    tokens: balances.tokens.map((token) => ({
      variable: token.variable,
      label: labelOf(terms, token.variable),
      value: token.balance,
      format: { kind: 'token', decimals: token.decimals, symbol: token.symbol },
    })),
  };
}

/** The defined term of a variable, as the model labels it wherever it appears; its name otherwise. */
function labelOf(terms: ContractTerms, name: string): string {
  for (const asset of terms.assets) if (asset.kind === 'token' && asset.token.kind === 'variable' && asset.token.name === name) return asset.token.label;
  return name;
}
