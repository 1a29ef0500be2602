/**
 * describeSignedOrder: an EIP-712 message (domain, types, message) read as an order. The contract's
 * function that takes the signed struct gives the terms: each field is read by what that function does
 * with it, and its conditions, payments and changes are stated with the signed values in place. The
 * signature itself, and what is not in the message (the ETH sent, the submitter), stay open.
 */
import { getAddress, type ParamType, type TypedDataField, TypedDataEncoder } from 'ethers';
import { humanise } from '../ir/names.ts';
import { fail } from '../errors.ts';
import type { Action } from '../terms/index.ts';
import { interfaceOf, readAddress } from './decode.ts';
import { argumentNode, describeAction, withTokenFacts } from './describe.ts';
import { isJsonObject } from '../json-shape.ts';
import type { DecodedValue, OrderArgument, OrderContract, OrderFacts, OrderTerms } from './model.ts';
import { readFieldSemantics } from './semantics.ts';

/** The JSON of eth_signTypedData_v4: domain, types (EIP712Domain may be included), primaryType, message. */
export interface TypedDataInput {
  domain: Record<string, unknown>;
  types: Record<string, TypedDataField[]>;
  primaryType?: string;
  message: Record<string, unknown>;
}

export interface SignedOrderOptions {
  /** The function that takes the signed struct, when several do (its id, e.g. 'fill((address,…),bytes)'). */
  action?: string | null;
  /** Wei to be sent when the order is submitted, if known. */
  value?: string | bigint | null;
  /** The account that will submit it, if known. */
  from?: string | null;
}

export function describeSignedOrder(contract: OrderContract, typedData: TypedDataInput, options: SignedOrderOptions = {}, facts: OrderFacts = {}): OrderTerms {
  checkShape(typedData);
  checkDomain(contract, typedData.domain);
  const { domain, message } = typedData;
  const types = Object.fromEntries(Object.entries(typedData.types ?? {}).filter(([name]) => name !== 'EIP712Domain'));
  let primaryType: string;
  let digest: string;
  try {
    primaryType = typedData.primaryType ?? TypedDataEncoder.getPrimaryType(types);
    digest = TypedDataEncoder.hash(domain, types, message);
  } catch (error) {
    fail('BAD_INPUT', `the typed data is not a valid EIP-712 message: ${(error as { shortMessage?: string }).shortMessage ?? String(error)}`, {
      hint: 'give the JSON of eth_signTypedData_v4: { domain, types, primaryType, message }',
    });
  }
  const { action, parameter } = findConsumer(contract, primaryType, options.action ?? null);
  const components = parameter.components ?? [];
  checkFields(types[primaryType] ?? [], components, primaryType);
  const semantics = readFieldSemantics(contract.terms, action.id, parameter.name, components.map((c) => ({ name: c.name, type: c.type })));
  const args: OrderArgument[] = components.map((component, index) => {
    const meaning = semantics[index];
    const node = argumentNode('parameter', `${parameter.name}.${component.name}`, humanise(component.name), component.type, toValue(component, message[component.name]), withTokenFacts(meaning.format, facts));
    return { ...node, evidence: meaning.evidence };
  });
  const value = options.value === undefined || options.value === null ? null : BigInt(options.value).toString();
  if (value !== null && value !== '0' && !action.payable) fail('BAD_INPUT', `${action.id} is not payable: it accepts no ETH, but ${value} wei would be sent`);
  const signed = { primaryType, domain: Object.fromEntries(Object.entries(domain).map(([key, item]) => [key, String(item)])), digest, parameter: parameter.name };
  return describeAction(contract, action, { args, data: null, value, from: readAddress(options.from ?? null, 'from'), signed }, facts);
}

/**
 * The domain's name and version against the ones the contract signs in (`EIP712("Book", "1")`): a message
 * signed in another domain does not verify, so the contract would reject it. Values the code takes from a
 * parameter are not known here and not checked.
 */
function checkDomain(contract: OrderContract, domain: Record<string, unknown>): void {
  const own = contract.terms.eip712;
  if (!own) return;
  const where = `${own.source.path}:${own.source.line}`;
  for (const [field, expected] of [['name', own.name], ['version', own.version]] as const) {
    if (expected === null || domain[field] === expected) continue;
    const given = domain[field] === undefined ? 'no ' + field : `the ${field} ${JSON.stringify(domain[field])}`;
    fail('BAD_INPUT', `the typed data's domain has ${given}, but ${contract.terms.name} signs with the ${field} ${JSON.stringify(expected)} (${where}): the contract would reject this signature`, {
      hint: 'check that the order was signed for this contract (its EIP712 name and version)',
    });
  }
}

/** The parts of eth_signTypedData_v4's JSON, each an object (primaryType a string when given), or BAD_INPUT naming what is wrong. */
function checkShape(typedData: unknown): asserts typedData is TypedDataInput {
  const hint = 'give the JSON of eth_signTypedData_v4: { domain, types, primaryType, message }';
  if (!isJsonObject(typedData)) fail('BAD_INPUT', 'the typed data is not a JSON object', { hint });
  const input = typedData as Record<string, unknown>;
  for (const part of ['domain', 'types', 'message']) {
    if (!isJsonObject(input[part])) fail('BAD_INPUT', `the typed data has no ${part} object`, { hint });
  }
  if (input.primaryType !== undefined && typeof input.primaryType !== 'string') fail('BAD_INPUT', 'the typed data’s primaryType is not a type name', { hint });
}

/** The function taking a struct of the primary type, and that parameter (with the ABI's field list). */
function findConsumer(contract: OrderContract, primaryType: string, wanted: string | null): { action: Action; parameter: ParamType } {
  const iface = interfaceOf(contract.abi);
  const found: { action: Action; parameter: ParamType }[] = [];
  for (const action of contract.terms.actions) {
    if (action.selector === null || (wanted !== null && action.id !== wanted && action.name !== wanted)) continue;
    const index = action.parameters.findIndex((p) => p.type === `struct ${primaryType}` || p.type.endsWith(`.${primaryType}`));
    const fragment = index < 0 ? null : iface.getFunction(action.selector);
    if (fragment) found.push({ action, parameter: fragment.inputs[index] });
  }
  if (found.length === 0) {
    fail('BAD_INPUT', `no function of ${contract.terms.name}${wanted ? ` named ${wanted}` : ''} takes a ${primaryType}`, {
      hint: 'check the primary type of the message and the contract',
    });
  }
  if (found.length > 1) fail('USAGE', `several functions take a ${primaryType}: ${found.map((f) => f.action.id).join(', ')}`, { hint: 'choose one with --action' });
  return found[0];
}

/** The signed type must have the Solidity struct's fields, in order, with the same types. */
function checkFields(fields: TypedDataField[], components: readonly ParamType[], primaryType: string): void {
  const signed = fields.map((field) => `${field.type} ${field.name}`).join(', ');
  const code = components.map((component) => `${component.format('sighash')} ${component.name}`).join(', ');
  if (signed !== code) {
    fail('BAD_INPUT', `the signed ${primaryType} is (${signed}), but the contract's struct is (${code})`, {
      hint: 'the message was made for another version of the contract, or for another contract',
    });
  }
}

function toValue(component: ParamType, value: unknown): DecodedValue {
  if (value === undefined) fail('BAD_INPUT', `the message has no ${component.name}`);
  if (component.baseType === 'address') return getAddress(String(value));
  if (/^u?int\d*$/.test(component.baseType)) return BigInt(value as string).toString();
  if (component.baseType === 'bool') return Boolean(value);
  if (/^bytes\d*$/.test(component.baseType)) return String(value).toLowerCase();
  return value as DecodedValue;
}
