/**
 * toErc7730: an ERC-7730 clear-signing descriptor for calls to a contract, v2.0.0 (the spec's Active
 * version) by default. One display format per state-changing function, keyed by its signature with
 * parameter names (which is how v2 carries the ABI); each field's format comes from what the code does
 * with the parameter (see semantics.ts and erc7730-fields.ts), every field that moves value is shown
 * always, payable functions show the ETH sent (`@.value`), and `interpolatedIntent` says what the model
 * proves (erc7730-intent.ts). Intents and labels are worded by templates/<locale>/order/erc7730/.
 * Version 1 (deprecated by the spec) is the same descriptor in v1's shape (erc7730-v1.ts).
 */
import { getAddress } from 'ethers';
import type { ContractTerms } from '../terms/index.ts';
import { interfaceOf, readAddress } from './decode.ts';
import { buildFields, type Erc7730Field, formatKey, type ModelField } from './erc7730-fields.ts';
import { buildInterpolatedIntent } from './erc7730-intent.ts';
import type { OrderFacts } from './model.ts';
import { renderOrderText } from './render.ts';
import { readSemantics } from './semantics.ts';

export const ERC7730_SCHEMA = 'https://eips.ethereum.org/assets/eip-7730/erc7730-v2.schema.json';

/**
 * The code a deployment runs, read from chain (see chain/implementation.ts): the address it was read at,
 * the implementation behind an ERC-1967 proxy (the address itself otherwise), and the keccak256 of the
 * implementation's runtime code, at `block`.
 */
export interface Erc7730Implementation {
  address: string;
  implementation: string;
  proxy: boolean;
  codeHash: string;
  block: number;
  /**
   * Whether that code, without its metadata and immutables, is what the source compiles to (with solc's
   * default settings: code compiled with the optimizer or via IR does not match); null when not checked.
   */
  matchesSource: boolean | null;
}

export interface Erc7730Options {
  /** With `address`: the deployment the descriptor binds to. Without both, `deployments` is left out. */
  chainId?: number | null;
  address?: string | null;
  /** Known token addresses (by the variable holding the token), so token amounts name their token. */
  tokens?: OrderFacts['tokens'];
  /** What was read from chain about the code at `address`, recorded in `metadata.constants`. */
  implementation?: Erc7730Implementation | null;
  /** Language of intents and labels; default 'en' (the spec expects English; 'zh' is offered for reading). */
  lang?: string;
}

export type { Erc7730Field } from './erc7730-fields.ts';

export interface Erc7730Format {
  $id: string;
  intent: string;
  interpolatedIntent: string;
  fields: Erc7730Field[];
}

export interface Erc7730Deployment {
  chainId: number;
  address: string;
}

export interface Erc7730Descriptor {
  $schema: string;
  context: { $id: string; contract: { deployments?: Erc7730Deployment[] } };
  metadata: { contractName: string; constants?: Record<string, string | number | boolean> };
  display: { formats: Record<string, Erc7730Format> };
}

/** A descriptor with, per format key, the fields as the model gives them (for test fixtures). */
export interface Erc7730Model {
  descriptor: Erc7730Descriptor;
  formats: Map<string, { actionId: string; selector: string; fields: ModelField[] }>;
}

/**
 * The ERC-7730 v2 calldata descriptor of a contract, from its Terms and compiled ABI.
 * Token amounts: `tokenPath` when the token is a parameter (or struct field) of the same function;
 * `token` when the token's address is known (options.tokens); otherwise `tokenAmount` without a token,
 * which wallets show as a raw amount with an "unknown token" warning (the token is fixed per deployment).
 */
export function toErc7730(terms: ContractTerms, abi: readonly unknown[], options: Erc7730Options = {}): Erc7730Descriptor {
  return buildErc7730(terms, abi, options).descriptor;
}

export function buildErc7730(terms: ContractTerms, abi: readonly unknown[], options: Erc7730Options = {}): Erc7730Model {
  const lang = options.lang ?? 'en';
  const semantics = readSemantics(terms);
  const iface = interfaceOf(abi);
  const formats: Record<string, Erc7730Format> = {};
  const model: Erc7730Model['formats'] = new Map();
  for (const action of terms.actions) {
    if (action.kind !== 'function' || action.selector === null) continue;
    const fragment = iface.getFunction(action.selector);
    if (!fragment) continue;
    const fields = buildFields(action, fragment, semantics.get(action.id) ?? [], { terms, tokens: options.tokens, lang });
    const key = formatKey(fragment);
    formats[key] = {
      $id: action.name,
      intent: renderOrderText('erc7730/intent', action, lang, terms),
      interpolatedIntent: buildInterpolatedIntent(action, fields, terms, lang),
      fields: fields.map(({ field }) => field),
    };
    model.set(key, { actionId: action.id, selector: action.selector, fields });
  }
  const address = readAddress(options.address ?? null, '--address');
  const deployments = address !== null && options.chainId != null ? [{ chainId: options.chainId, address: getAddress(address) }] : undefined;
  const constants = options.implementation ? implementationConstants(options.implementation) : undefined;
  const descriptor: Erc7730Descriptor = {
    $schema: ERC7730_SCHEMA,
    context: { $id: terms.name, contract: deployments ? { deployments } : {} },
    metadata: { contractName: terms.name, ...(constants ? { constants } : {}) },
    display: { formats },
  };
  return { descriptor, formats: model };
}

/**
 * ERC-7730 v2 has no key for the code a deployment runs (`deployments` holds chainId and address only,
 * and the spec binds an upgradeable proxy by its own address). It is recorded as constants, which the
 * spec allows for "constants that make sense in the context of this contract" (docs/erc7730.md).
 */
function implementationConstants(implementation: Erc7730Implementation): Record<string, string | number | boolean> {
  return {
    implementationAddress: getAddress(implementation.implementation),
    implementationCodeHash: implementation.codeHash,
    implementationIsProxy: implementation.proxy,
    implementationReadAtBlock: implementation.block,
    ...(implementation.matchesSource === null ? {} : { implementationMatchesSource: implementation.matchesSource }),
  };
}
