/**
 * Decoding one call with ethers against the contract's compiled ABI, and finding the action it selects
 * in the Terms. Every way the input can be wrong is a BAD_CALLDATA (or BAD_INPUT) error with a hint.
 */
import { AbiCoder, dataSlice, type FunctionFragment, getAddress, Interface, type InterfaceAbi, isHexString, type ParamType, type Result } from 'ethers';
import { fail } from '../errors.ts';
import type { Action, ContractTerms } from '../terms/index.ts';
import type { DecodedValue, OrderCallInput, OrderContract } from './model.ts';

export interface DecodedCall {
  action: Action;
  /** ABI inputs of the function, or [] for receive and fallback. */
  inputs: readonly ParamType[];
  args: DecodedValue[];
  data: string;
  value: bigint;
  from: string | null;
}

interface Compiled {
  iface: Interface;
  /** Selector → function; ethers recomputes each fragment's selector (a keccak) on every look-up. */
  bySelector: Map<string, FunctionFragment>;
}

const interfaces = new WeakMap<object, Compiled>();

function compiledOf(abi: readonly unknown[]): Compiled {
  let found = interfaces.get(abi);
  if (!found) {
    const iface = new Interface(abi as InterfaceAbi);
    const bySelector = new Map<string, FunctionFragment>();
    iface.forEachFunction((fragment) => bySelector.set(fragment.selector, fragment));
    interfaces.set(abi, (found = { iface, bySelector }));
  }
  return found;
}

const actionMaps = new WeakMap<ContractTerms, Map<string, Action>>();

/** The actions of a contract by selector. */
function actionsOf(terms: ContractTerms): Map<string, Action> {
  let found = actionMaps.get(terms);
  if (!found) {
    found = new Map(terms.actions.flatMap((action) => (action.selector === null ? [] : [[action.selector, action] as const])));
    actionMaps.set(terms, found);
  }
  return found;
}

/** The ethers Interface of an ABI, built once per ABI array. */
export function interfaceOf(abi: readonly unknown[]): Interface {
  return compiledOf(abi).iface;
}

export function decodeCall(contract: OrderContract, call: OrderCallInput): DecodedCall {
  const { terms } = contract;
  const data = readCalldata(call.data);
  const value = readValue(call.value);
  const from = readAddress(call.from ?? null, 'from');
  const selector = data.slice(0, 10);
  const fragment = data.length === 2 ? null : (compiledOf(contract.abi).bySelector.get(selector) ?? null);
  if (fragment === null) return decodeWithoutFunction(terms, data, value, from);
  const action = actionsOf(terms).get(selector);
  if (!action) {
    fail('BAD_CALLDATA', `the calldata selects ${fragment.format('sighash')}, a read-only function of ${terms.name}: it changes nothing and is not an order`, {
      hint: `functions that change state: ${listFunctions(terms)}`,
    });
  }
  if (value > 0n && !action.payable) {
    fail('BAD_CALLDATA', `${fragment.format('sighash')} is not payable: it accepts no ETH, but ${value} wei would be sent`, {
      hint: 'leave out --value, or check that the calldata is for the intended function',
    });
  }
  let decoded: Result;
  try {
    decoded = AbiCoder.defaultAbiCoder().decode(fragment.inputs, dataSlice(data, 4));
  } catch (error) {
    fail('BAD_CALLDATA', `the calldata does not decode as ${fragment.format('sighash')}: ${shortReason(error)}`, {
      hint: `expected the selector ${fragment.selector} followed by the ABI encoding of (${fragment.inputs.map((input) => input.type).join(', ')})`,
    });
  }
  return { action, inputs: fragment.inputs, args: fragment.inputs.map((input, index) => toDecoded(input, decoded[index])), data, value, from };
}

/** Empty calldata goes to receive (or fallback); an unknown selector to fallback, if the contract has one. */
function decodeWithoutFunction(terms: ContractTerms, data: string, value: bigint, from: string | null): DecodedCall {
  const receive = terms.actions.find((action) => action.kind === 'receive');
  const fallback = terms.actions.find((action) => action.kind === 'fallback');
  const action = data.length === 2 && receive && value > 0n ? receive : fallback;
  if (!action) {
    const what = data.length === 2 ? 'the calldata is empty and' : `no function of ${terms.name} has the selector ${data.slice(0, 10)}, and`;
    fail('BAD_CALLDATA', `${what} ${terms.name} has no ${data.length === 2 ? 'receive or ' : ''}fallback function`, {
      hint: `functions that change state: ${listFunctions(terms)}`,
    });
  }
  if (value > 0n && !action.payable) fail('BAD_CALLDATA', `the ${action.kind} function of ${terms.name} is not payable, but ${value} wei would be sent`);
  return { action, inputs: [], args: [], data, value, from };
}

function readCalldata(data: string): string {
  if (typeof data !== 'string' || !isHexString(data)) {
    fail('BAD_CALLDATA', 'the calldata is not 0x-prefixed hex with an even number of digits', { hint: 'pass it as --calldata 0x…' });
  }
  const lower = data.toLowerCase();
  if (lower.length > 2 && lower.length < 10) fail('BAD_CALLDATA', `the calldata is ${(lower.length - 2) / 2} bytes long, shorter than a 4-byte selector`);
  return lower;
}

function readValue(value: OrderCallInput['value']): bigint {
  if (value === undefined || value === null || value === '') return 0n;
  let wei: bigint;
  try {
    wei = BigInt(value);
  } catch {
    fail('BAD_INPUT', `the value '${String(value)}' is not a whole number of wei`, { hint: 'give the ETH sent in wei, e.g. --value 300000000000000000 for 0.3 ETH' });
  }
  if (wei < 0n) fail('BAD_INPUT', `the value ${wei} is negative`);
  return wei;
}

const checksummed = new Map<string, string>();
const MAX_CHECKSUMMED = 10_000;

/** A checksummed address, or null; BAD_INPUT when it is not an address. Senders repeat, so results are kept. */
export function readAddress(address: string | null, what: string): string | null {
  if (address === null || address === '') return null;
  const known = checksummed.get(address);
  if (known !== undefined) return known;
  let result: string;
  try {
    result = getAddress(address.toLowerCase());
  } catch {
    fail('BAD_INPUT', `${what}: '${address}' is not an address`, { hint: 'give 20 bytes as 0x-prefixed hex' });
  }
  if (checksummed.size >= MAX_CHECKSUMMED) checksummed.clear();
  checksummed.set(address, result);
  return result;
}

/** ABI values as plain JSON: integers as decimal strings, addresses checksummed, bytes as hex. */
function toDecoded(param: ParamType, value: unknown): DecodedValue {
  if (param.isArray()) return (value as unknown[]).map((item) => toDecoded(param.arrayChildren, item));
  if (param.isTuple()) {
    const result = value as Result;
    return Object.fromEntries(param.components.map((component, index) => [component.name || String(index), toDecoded(component, result[index])]));
  }
  if (typeof value === 'bigint') return value.toString();
  if (typeof value === 'boolean' || typeof value === 'string') return param.baseType === 'bytes' || /^bytes\d+$/.test(param.baseType) ? value.toString().toLowerCase() : value;
  return String(value);
}

function listFunctions(terms: ContractTerms): string {
  return terms.actions.filter((action) => action.kind === 'function').map((action) => action.id).join(', ') || 'none';
}

function shortReason(error: unknown): string {
  const shortMessage = (error as { shortMessage?: string }).shortMessage;
  return shortMessage ?? (error instanceof Error ? error.message.split(' (')[0] : String(error));
}

export type { FunctionFragment };
