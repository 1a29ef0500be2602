/**
 * toErc7730: an ERC-7730 (v1) clear-signing descriptor for calls to a contract. One display format per
 * state-changing function, keyed by its signature with parameter names; each field's format comes from
 * what the code does with the parameter (see semantics.ts), and every field is required, so nothing
 * that moves value is hidden; payable functions also show the ETH sent (`@.value`). Intents and labels
 * are worded by templates/<locale>/order/erc7730/.
 */
import { getAddress, type FunctionFragment } from 'ethers';
import type { Action, ContractTerms, Expr } from '../terms/index.ts';
import { interfaceOf, readAddress } from './decode.ts';
import type { OrderFacts, ParameterSemantics, ValueFormat } from './model.ts';
import { renderOrderText } from './render.ts';
import { readSemantics } from './semantics.ts';

export const ERC7730_SCHEMA = 'https://github.com/LedgerHQ/clear-signing-erc7730-registry/blob/master/specs/erc7730-v1.schema.json';

export interface Erc7730Options {
  /** With `address`: the deployment the descriptor binds to. Without both, `deployments` is left out. */
  chainId?: number | null;
  address?: string | null;
  /** Known token addresses (by the variable holding the token), so token amounts name their token. */
  tokens?: OrderFacts['tokens'];
  /** Language of intents and labels; default 'en'. */
  lang?: string;
}

export interface Erc7730Field {
  path: string;
  label: string;
  format: string;
  params?: Record<string, unknown>;
}

export interface Erc7730Format {
  $id: string;
  intent: string;
  fields: Erc7730Field[];
  required: string[];
  excluded: string[];
}

export interface Erc7730Descriptor {
  $schema: string;
  context: { $id: string; contract: { abi: readonly unknown[]; deployments?: { chainId: number; address: string }[] } };
  metadata: { owner: string };
  display: { formats: Record<string, Erc7730Format> };
}

/**
 * The ERC-7730 calldata descriptor of a contract, from its Terms and compiled ABI.
 * Token amounts: `tokenPath` when the token is a parameter of the same function; `token` when the
 * token's address is known (options.tokens); otherwise `tokenAmount` without a token, which wallets
 * show as a raw amount with an "unknown token" warning (the token is fixed per deployment).
 */
export function toErc7730(terms: ContractTerms, abi: readonly unknown[], options: Erc7730Options = {}): Erc7730Descriptor {
  const lang = options.lang ?? 'en';
  const semantics = readSemantics(terms);
  const iface = interfaceOf(abi);
  const formats: Record<string, Erc7730Format> = {};
  for (const action of terms.actions) {
    if (action.kind !== 'function' || action.selector === null) continue;
    const fragment = iface.getFunction(action.selector);
    if (!fragment) continue;
    formats[signatureWithNames(fragment)] = describeFunction(action, fragment, semantics.get(action.id) ?? [], terms, options, lang);
  }
  const address = readAddress(options.address ?? null, '--address');
  const deployments = address !== null && options.chainId != null ? [{ chainId: options.chainId, address: getAddress(address) }] : undefined;
  return {
    $schema: ERC7730_SCHEMA,
    context: { $id: terms.name, contract: { abi, ...(deployments ? { deployments } : {}) } },
    metadata: { owner: terms.name },
    display: { formats },
  };
}

function describeFunction(action: Action, fragment: FunctionFragment, params: ParameterSemantics[], terms: ContractTerms, options: Erc7730Options, lang: string): Erc7730Format {
  const fields = fragment.inputs.map((input, index): Erc7730Field => {
    const parameter = action.parameters[index];
    const path = input.name || `[${index}]`;
    const format = params[index]?.format ?? { kind: 'other' };
    const label = renderOrderText('erc7730/field-label', { label: parameter?.label ?? input.name, name: input.name, format }, lang, terms);
    return { path, label, ...fieldFormat(format, fragment, options) };
  });
  if (action.payable) fields.push({ path: '@.value', label: renderOrderText('erc7730/value-label', { action }, lang, terms), format: 'amount' });
  return {
    $id: action.name,
    intent: renderOrderText('erc7730/intent', action, lang, terms),
    fields,
    required: fields.map((field) => field.path),
    excluded: [],
  };
}

function fieldFormat(format: ValueFormat, fragment: FunctionFragment, options: Erc7730Options): Pick<Erc7730Field, 'format' | 'params'> {
  switch (format.kind) {
    case 'eth': return { format: 'amount' };
    case 'token': return { format: 'tokenAmount', params: tokenParams(format.token, fragment, options) };
    case 'datetime': return { format: 'date', params: { encoding: 'timestamp' } };
    case 'duration': return { format: 'duration' };
    case 'percent':
      // rate / 10^k as a percentage: k - 2 decimals of '%' (basis points: 250 → 2.50%).
      return /^10{2,}$/.test(format.scale) ? { format: 'unit', params: { base: '%', decimals: format.scale.length - 3 } } : { format: 'raw' };
    case 'address': return { format: 'addressName', params: { sources: ['local', 'ens'] } };
    default: return { format: 'raw' };
  }
}

/** tokenPath when the token is a parameter of this function, token when its address is known, else none. */
function tokenParams(token: Expr, fragment: FunctionFragment, options: Erc7730Options): Record<string, string> {
  const inner = token.kind === 'convert' ? token.operand : token;
  if (inner.kind !== 'variable') return {};
  if (inner.scope === 'parameter' && fragment.inputs.some((input) => input.name === inner.name)) return { tokenPath: inner.name };
  const address = options.tokens?.[inner.name]?.address;
  return address ? { token: getAddress(address.toLowerCase()) } : {};
}

/** `placeOrder(address seller,uint256 amount,uint64 deliverBy)`: the signature with parameter names. */
export function signatureWithNames(fragment: FunctionFragment): string {
  if (fragment.inputs.some((input) => !input.name)) return fragment.format('sighash');
  return `${fragment.name}(${fragment.inputs.map((input) => `${input.format('sighash')} ${input.name}`).join(',')})`;
}
