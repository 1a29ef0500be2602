/**
 * Orders: the terms of one call to a contract, for platforms that settle trades on-chain.
 *
 * ```ts
 * const contract = await loadContract(['contracts/MarketplaceOrder.sol'], 'MarketplaceOrder'); // once per contract
 * const order = describeOrder(contract, { data, value, from }, facts);                          // per order
 * const text = renderOrder(order, contract.terms, { format: 'md' });
 * const hash = termsHash(order);                                                                // store with the order
 * ```
 */

/**
 * Decodes calldata (ethers, against the compiled ABI) and reads it against the contract's Terms: the
 * action, the sender and their party, each argument with the format the code gives it, the conditions
 * (met / unmet / open), payments, changes and events with the decoded values in place.
 * Throws PlaintermsError BAD_CALLDATA for an unknown selector, calldata that does not decode or ETH
 * sent to a non-payable function.
 */
export { describeOrder } from './describe.ts';

/**
 * An EIP-712 message (domain, types, message) read as an order: the function that takes the signed
 * struct gives the terms; each field is read by what that function does with it; the digest is kept.
 */
export { describeSignedOrder, type SignedOrderOptions, type TypedDataInput } from './typed-data.ts';

/**
 * keccak256 of the canonical JSON of a contract's Terms or of an order (RFC 8785, without statements,
 * labels and source positions; see docs/terms-hash.md). Stable across runs; template wording never
 * changes it; any change to a term does.
 */
export { termsHash, canonicalJson, HASH_EXCLUDED_KEYS } from './terms-hash.ts';

/**
 * An ERC-7730 v2.0.0 clear-signing descriptor for the contract's state-changing functions, with field
 * formats from the code's semantics, every field that moves value shown always, and an interpolated
 * intent saying only what the model proves; v1 (deprecated) from it; and its test fixtures (calldata
 * from sample arguments, and the fields a wallet shows), checkable against our decoder (fieldsOfOrder).
 */
export {
  toErc7730,
  buildErc7730,
  ERC7730_SCHEMA,
  type Erc7730Descriptor,
  type Erc7730Field,
  type Erc7730Format,
  type Erc7730Implementation,
  type Erc7730Model,
  type Erc7730Options,
} from './erc7730.ts';
export { toErc7730V1, ERC7730_V1_SCHEMA, type Erc7730V1Descriptor } from './erc7730-v1.ts';
export { toErc7730Tests, fieldsOfOrder, formatFieldValue, ERC7730_TESTS_SCHEMA, type Erc7730Tests, type Erc7730TestsOptions } from './erc7730-tests.ts';

/** The order's sentences (each with its source lines) and the order as a text or Markdown document. */
export { buildOrderStatements, renderOrder, type OrderStatement, type RenderOrderOptions } from './render.ts';

/** Compile + extract a contract for describeOrder; the order as a JSON document (what `order --format json` prints). */
export { buildOrderDocument, loadContract, type CompiledContract, type OrderDocument } from './order-document.ts';

/** Parameter semantics of every action (the format each argument is read in, and why). */
export { readSemantics, readStateFormats } from './semantics.ts';

export type {
  ArgumentNode,
  ConditionStatus,
  DecodedValue,
  FormatEvidence,
  FormatReason,
  OrderActor,
  OrderArgument,
  OrderCall,
  OrderCallInput,
  OrderCondition,
  OrderContract,
  OrderFacts,
  OrderTerms,
  ParameterSemantics,
  SignedOrder,
  TokenFacts,
  ValueFormat,
} from './model.ts';
