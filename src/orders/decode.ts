/**
 * Decoding one call with ethers against the contract's compiled ABI, and finding the action it selects
 * in the Terms. Every way the input can be wrong is a BAD_CALLDATA (or BAD_INPUT) error with a hint.
 */
import { findDirtyWord } from './strict-abi.ts';
import { AbiCoder, dataSlice, type FunctionFragment, Interface, type InterfaceAbi, isHexString, type ParamType, type Result } from 'ethers';
import { fail } from '../errors.ts';
import { checksumAddress, checksumHex } from '../address.ts';
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
  /** Per function, how to read its arguments word by word, or null when one is not a one-word value. */
  words: Map<FunctionFragment, Word[] | null>;
}

/** A one-word ABI value: an address, a bool, an integer of `bits` bits, or `bits / 8` fixed bytes. */
interface Word {
  kind: 'address' | 'bool' | 'uint' | 'int' | 'bytes';
  bits: number;
}

const interfaces = new WeakMap<object, Compiled>();

function compiledOf(abi: readonly unknown[]): Compiled {
  let found = interfaces.get(abi);
  if (!found) {
    const iface = new Interface(abi as InterfaceAbi);
    const bySelector = new Map<string, FunctionFragment>();
    const words = new Map<FunctionFragment, Word[] | null>();
    iface.forEachFunction((fragment) => {
      bySelector.set(fragment.selector, fragment);
      words.set(fragment, wordsOf(fragment.inputs));
    });
    interfaces.set(abi, (found = { iface, bySelector, words }));
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

const typeNames = new WeakMap<ParamType, string>();

/** An input's type as written in a signature (`address`, `(uint256,address)[]`), formatted once per input. */
export function typeName(input: ParamType): string {
  let name = typeNames.get(input);
  if (name === undefined) typeNames.set(input, (name = input.format('sighash')));
  return name;
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
  const compiled = compiledOf(contract.abi);
  const fragment = data.length === 2 ? null : (compiled.bySelector.get(selector) ?? null);
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
  const dirty = contract.abiCoder === 'v1' ? null : findDirtyWord(fragment.inputs, data.slice(10));
  if (dirty) {
    fail('BAD_CALLDATA', `the calldata's ${dirty.path} (${dirty.type}) ${dirty.reason}: Solidity's ABI decoder rejects it, so the contract would revert this call`, {
      hint: 'the calldata is not what an ABI encoder produces; check how it was built',
    });
  }
  const words = compiled.words.get(fragment);
  const args = words ? readWords(words, data) : null;
  if (args !== null) return { action, inputs: fragment.inputs, args, data, value, from };
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
    // Terminal messages are English, as every CLI error is; each is one whole message, not pieces joined.
    const message = data.length === 2
      ? `the calldata is empty and ${terms.name} has no receive or fallback function`
      : `no function of ${terms.name} has the selector ${data.slice(0, 10)}, and ${terms.name} has no fallback function`;
    fail('BAD_CALLDATA', message, { hint: `functions that change state: ${listFunctions(terms)}` });
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
    result = checksumAddress(address);
  } catch {
    fail('BAD_INPUT', `${what}: '${address}' is not an address`, { hint: 'give 20 bytes as 0x-prefixed hex' });
  }
  if (checksummed.size >= MAX_CHECKSUMMED) checksummed.clear();
  checksummed.set(address, result);
  return result;
}

/**
 * How to read the arguments of a function whose inputs are all one-word values (addresses, bools,
 * integers, fixed bytes; enums are uint8 in the ABI), or null.
 */
function wordsOf(inputs: readonly ParamType[]): Word[] | null {
  const words: Word[] = [];
  for (const input of inputs) {
    const match = /^(address|bool|uint|int|bytes)(\d*)$/.exec(input.type);
    if (!match || (match[1] === 'bytes' && match[2] === '')) return null;
    const kind = match[1] as Word['kind'];
    const bits = kind === 'bytes' ? Number(match[2]) * 8 : kind === 'uint' || kind === 'int' ? Number(match[2] || 256) : 0;
    words.push({ kind, bits });
  }
  return words;
}

/**
 * The arguments read straight from the calldata's hex, as toDecoded gives ethers' values: integers
 * masked to their width (and signed from two's complement), any non-zero word true, addresses
 * checksummed, fixed bytes as lower-case hex. Null when the calldata is too short or an address word
 * has bits above its 20 bytes: ethers then decodes it, and says what is wrong.
 */
function readWords(words: readonly Word[], data: string): DecodedValue[] | null {
  if (data.length < 10 + 64 * words.length) return null;
  const values: DecodedValue[] = [];
  for (let index = 0; index < words.length; index++) {
    const start = 10 + 64 * index;
    const { kind, bits } = words[index];
    if (kind === 'address') {
      for (let at = start; at < start + 24; at++) if (data.charCodeAt(at) !== 48) return null;
      values.push(checksumHex(data.slice(start + 24, start + 64)));
    } else if (kind === 'bytes') {
      values.push(`0x${data.slice(start, start + bits / 4)}`);
    } else {
      let word = BigInt(`0x${data.slice(start, start + 64)}`);
      if (kind === 'bool') {
        values.push(word !== 0n);
        continue;
      }
      if (bits < 256) word &= (1n << BigInt(bits)) - 1n;
      if (kind === 'int' && word >> BigInt(bits - 1) !== 0n) word -= 1n << BigInt(bits);
      values.push(word.toString());
    }
  }
  return values;
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
