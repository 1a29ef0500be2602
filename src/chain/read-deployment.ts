/**
 * readDeployment: the public state of a deployed contract through ethers, all read at one block, and
 * (given the compiled bytecode) whether the deployed code matches the source. Values are read through
 * the ABI's argument-free view functions: public state variables and functions like `balanceDue()`.
 */
import { Contract, type FunctionFragment, getAddress, type JsonRpcProvider, type Result } from 'ethers';
import { humanise } from '../ir/names.ts';
import { fail } from '../errors.ts';
import { interfaceOf, readAddress } from '../orders/decode.ts';
import type { DecodedValue, OrderContract, OrderFacts } from '../orders/model.ts';
import { readStateFormats } from '../orders/semantics.ts';
import { formatFromType } from '../orders/slots.ts';
import { findAll } from 'solidity-ast/utils.js';
import type { Compilation } from '../compile/index.ts';
import { type ContractTerms, walkExpr } from '../terms/index.ts';
import { readBalances } from './balances.ts';
import { checkBytecode } from './bytecode.ts';
import { checkCode, type CodeSource } from './check-code.ts';
import { readProxy } from './proxy.ts';
import type { ContractBytecode } from './compile-bytecode.ts';
import type { DeploymentFacts, DeploymentValue } from './model.ts';
import { type ChainSource, connect, onChain } from './provider.ts';

export interface ReadDeploymentOptions {
  /** The block to read at; default the latest. */
  blockTag?: number | 'latest';
  /** The compiled bytecode, to check the deployed code; the check is skipped without it. */
  bytecode?: ContractBytecode | null;
  /** The solc version the bytecode was compiled with, reported beside the deployed one. */
  compiledSolc?: string;
  /** The compiled side of the full check (settings, releases, proxies); preferred to `bytecode`. */
  codeSource?: CodeSource | null;
}

const ERC20 = ['function name() view returns (string)', 'function symbol() view returns (string)', 'function decimals() view returns (uint8)'];

/**
 * Reads a deployment of `contract` at `address` (see DeploymentFacts). Give the compilation with the
 * contract to tell state variables from view functions exactly. CHAIN_ERROR when the chain cannot be
 * read or holds no code there.
 */
export async function readDeployment(source: ChainSource, address: string, contract: OrderContract & { compilation?: Compilation }, options: ReadDeploymentOptions = {}): Promise<DeploymentFacts> {
  const provider = await connect(source);
  const target = readAddress(address, '--address') ?? fail('USAGE', 'give the contract’s --address');
  const network = await onChain('read the chain id', provider, () => provider.getNetwork());
  const block = await onChain('read the block', provider, () => provider.getBlock(options.blockTag ?? 'latest'));
  if (!block) fail('CHAIN_ERROR', `block ${options.blockTag} does not exist on chain ${network.chainId}`);
  const code = await onChain('read the code', provider, () => provider.getCode(target, block.number));
  if (code === '0x') fail('CHAIN_ERROR', `there is no contract at ${target} on chain ${network.chainId} at block ${block.number}`, { hint: 'check the address and the network of --rpc' });
  const values = await readValues(provider, target, contract, block.number);
  const byName = new Map(values.map((value) => [value.name, value.value]));
  const checked = await compareCode(provider, target, code, block.number, options);
  const tokens = await readTokens(provider, contract.terms, byName, block.number);
  return {
    schema: 'plainterms/deployment@1',
    contract: contract.terms.name,
    chainId: network.chainId.toString(),
    address: target,
    block: { number: block.number, timestamp: block.timestamp.toString(), hash: block.hash ?? '' },
    code: checked,
    parties: readParties(contract.terms, byName),
    values,
    lifecycles: contract.terms.lifecycles
      .filter((lifecycle) => !lifecycle.perItem && byName.has(lifecycle.variable))
      .map((lifecycle) => {
        const value = String(byName.get(lifecycle.variable));
        return { id: lifecycle.id, state: lifecycle.states[Number(value)]?.name ?? null, value };
      }),
    tokens,
    balances: checked?.matches ? await readBalances(provider, target, tokens, block.number) : null,
  };
}

/**
 * The code check: the address's own code, and when that does not match and the address is a proxy,
 * the implementation's code. Null when there is nothing compiled to compare with.
 */
async function compareCode(provider: JsonRpcProvider, address: string, code: string, blockTag: number, options: ReadDeploymentOptions): Promise<DeploymentFacts['code']> {
  if (options.codeSource) {
    const own = await checkCode(code, options.codeSource);
    if (own.matches) return own;
    const proxy = await readProxy(provider, address, code, blockTag);
    if (proxy === null) return own;
    const implementation = await onChain('read the implementation’s code', provider, () => provider.getCode(proxy.implementation, blockTag));
    if (implementation === '0x') return { ...own, proxy };
    return { ...(await checkCode(implementation, options.codeSource)), proxy };
  }
  if (!options.bytecode) return null;
  return { ...checkBytecode(code, options.bytecode).check, compiledSolc: (options.compiledSolc ?? '').split('+')[0] };
}

/** The facts describeOrder uses: party addresses, state values and token details. */
export function toOrderFacts(deployment: DeploymentFacts): OrderFacts {
  const state: Record<string, string | boolean> = {};
  for (const { name, value } of deployment.values) {
    if (typeof value === 'string' || typeof value === 'boolean') {
      state[name] = value;
      state[`_${name}`] ??= value;
    }
  }
  return {
    parties: Object.fromEntries(deployment.parties.map(({ id, address }) => [id, address])),
    state,
    tokens: Object.fromEntries(deployment.tokens.map(({ variable, address, symbol, decimals }) => [variable, { address, symbol, decimals }])),
  };
}

async function readValues(provider: JsonRpcProvider, address: string, contract: OrderContract & { compilation?: Compilation }, blockTag: number): Promise<DeploymentValue[]> {
  const iface = interfaceOf(contract.abi);
  const getters: FunctionFragment[] = [];
  iface.forEachFunction((fragment) => {
    if ((fragment.stateMutability === 'view' || fragment.stateMutability === 'pure') && fragment.inputs.length === 0 && fragment.outputs.length === 1) getters.push(fragment);
  });
  const formats = readStateFormats(contract.terms);
  const variables = listStateVariables(contract);
  const read = await Promise.all(
    getters.map(async (fragment) => {
      const data = iface.encodeFunctionData(fragment);
      const result = await onChain(`call ${fragment.name}()`, provider, () => provider.call({ to: address, data, blockTag })).catch(() => null);
      if (result === null || result === '0x') return null;
      const [decoded] = iface.decodeFunctionResult(fragment, result) as Result;
      const type = fragment.outputs[0].type;
      const format = formats.get(fragment.name) ?? formats.get(`_${fragment.name}`) ?? formatFromType(type);
      const kind: DeploymentValue['kind'] = variables.has(fragment.name) ? 'variable' : 'function';
      return { name: fragment.name, label: humanise(fragment.name), kind, type, value: toValue(decoded), format } satisfies DeploymentValue;
    }),
  );
  return read.filter((value) => value !== null);
}

/**
 * Names of the contract's state variables (public getters are named like them): from the AST when the
 * compilation is given, else every state variable, constant or immutable the Terms mention.
 */
function listStateVariables(contract: OrderContract & { compilation?: Compilation }): Set<string> {
  const names = new Set<string>();
  if (contract.compilation) {
    for (const source of contract.compilation.sources) {
      for (const declaration of findAll('VariableDeclaration', source.ast)) if (declaration.stateVariable) names.add(declaration.name);
    }
    return names;
  }
  const terms = contract.terms;
  for (const party of terms.parties) names.add(party.name.replace(/^_+/, ''));
  const roots = terms.actions.flatMap((action) => [
    ...action.conditions.flatMap((condition) => [condition.expr, ...condition.when]),
    ...action.effects.flatMap((effect) => [effect.target, ...(effect.value ? [effect.value] : [])]),
    ...action.payments.flatMap((payment) => [payment.amount, payment.to]),
  ]);
  for (const root of roots) {
    for (const expr of walkExpr(root)) if (expr.kind === 'variable' && expr.scope !== 'parameter' && expr.scope !== 'local') names.add(expr.name);
  }
  return names;
}

function readParties(terms: ContractTerms, values: Map<string, DecodedValue>): DeploymentFacts['parties'] {
  const parties: DeploymentFacts['parties'] = [];
  for (const party of terms.parties) {
    if (party.kind !== 'address' && party.kind !== 'owner') continue;
    const value = values.get(party.kind === 'owner' ? 'owner' : party.name) ?? values.get(party.name.replace(/^_+/, ''));
    if (typeof value === 'string' && /^0x[0-9a-fA-F]{40}$/.test(value)) parties.push({ id: party.id, address: getAddress(value) });
  }
  return parties;
}

async function readTokens(provider: JsonRpcProvider, terms: ContractTerms, values: Map<string, DecodedValue>, blockTag: number): Promise<DeploymentFacts['tokens']> {
  const variables = terms.assets.flatMap((asset) => (asset.kind === 'token' && asset.token.kind === 'variable' ? [asset.token.name] : []));
  return Promise.all(
    [...new Set(variables)]
      .filter((variable) => typeof values.get(variable) === 'string')
      .map(async (variable) => {
        const address = getAddress(String(values.get(variable)));
        const token = new Contract(address, ERC20, provider);
        const ask = <T>(name: string) => (token.getFunction(name)({ blockTag }) as Promise<T>).catch(() => null);
        const [name, symbol, decimals] = await Promise.all([ask<string>('name'), ask<string>('symbol'), ask<bigint>('decimals')]);
        return { variable, address, name, symbol, decimals: decimals === null ? null : Number(decimals) };
      }),
  );
}

function toValue(value: unknown): DecodedValue {
  if (typeof value === 'bigint') return value.toString();
  if (typeof value === 'boolean' || typeof value === 'string') return value;
  if (Array.isArray(value)) return value.map(toValue);
  return String(value);
}
