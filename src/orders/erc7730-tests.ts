/**
 * The test-fixtures file of an ERC-7730 descriptor (erc7730-tests-v2.schema.json): for each display
 * format, one unsigned transaction to the deployment whose calldata carries sample arguments chosen from
 * the model (an ETH amount of 1.5 ETH, a date of 1 January 2026, a rate of 2.5%, …), encoded with ethers,
 * and the fields a wallet shows for it, formatted as the spec says (ERC-55 addresses, RFC 3339 dates,
 * HH:MM:ss durations, amounts with their ticker when the token is known, else the raw amount).
 * `fieldsOfOrder` gives the same fields from an order our decoder read, so a test can check that the
 * fixtures' calldata still decodes to what they expect.
 */
import { formatEther, formatUnits, getAddress, Interface, type InterfaceAbi, type ParamType, Transaction } from 'ethers';
import { fail } from '../errors.ts';
import type { Erc7730Model } from './erc7730.ts';
import { type Erc7730Field, type ModelField, parameterName } from './erc7730-fields.ts';
import { interpolatedPaths } from './erc7730-intent.ts';
import type { DecodedValue, OrderTerms, ValueFormat } from './model.ts';

export const ERC7730_TESTS_SCHEMA = 'https://github.com/LedgerHQ/clear-signing-erc7730-registry/blob/master/specs/erc7730-tests-v2.schema.json';

export interface Erc7730TokenInfo {
  symbol: string;
  decimals: number;
  name: string;
}

export interface Erc7730RenderedField {
  label: string;
  value: string;
}

export interface Erc7730Expected {
  intent: string;
  interpolatedIntent?: string;
  fields: Erc7730RenderedField[];
}

export interface Erc7730Tests {
  $schema: string;
  descriptor: string;
  dataProvider?: { tokens: Record<string, Erc7730TokenInfo> };
  tests: { description: string; rawTx: string; expected: Erc7730Expected }[];
}

export interface Erc7730TestsOptions {
  /** The descriptor's path relative to the tests file's folder. */
  descriptor: string;
  /** Tokens whose metadata is known (from chain or given), by the variable that holds them. */
  tokens?: Record<string, { address: string | null; symbol: string | null; decimals: number | null; name?: string | null }>;
}

/** Sample values by format: round, recognisable, and within the ABI types the code uses. */
const SAMPLE_WEI = 1_500_000_000_000_000_000n;
const SAMPLE_DATE = 1_767_225_600n; // 2026-01-01T00:00:00Z
const SAMPLE_DURATION = 604_800n; // 7 days

export function toErc7730Tests(model: Erc7730Model, abi: readonly unknown[], options: Erc7730TestsOptions): Erc7730Tests {
  const deployment = model.descriptor.context.contract.deployments?.[0];
  if (!deployment) fail('USAGE', 'test fixtures are transactions to a deployment: give --chain-id and --address, or --rpc and --address');
  const iface = new Interface(abi as InterfaceAbi);
  const tokens = tokenInfo(options.tokens);
  const tests: Erc7730Tests['tests'] = [];
  for (const [key, entry] of model.formats) {
    const fragment = iface.getFunction(entry.selector)!;
    const format = model.descriptor.display.formats[key];
    const samples = new Map<string, DecodedValue>();
    const counter: Counter = { next: 0, decimals: (valueFormat) => tokenDecimals(valueFormat, options.tokens) };
    const args = fragment.inputs.map((input, index) => sampleArgument(input, parameterName(input, index), entry.fields, samples, counter));
    const value = entry.fields.some(({ field }) => field.path === '@.value') ? SAMPLE_WEI : 0n;
    samples.set('@.value', value.toString());
    const rawTx = Transaction.from({
      type: 2, chainId: deployment.chainId, nonce: 0, to: deployment.address, value, data: iface.encodeFunctionData(fragment, args),
      gasLimit: 200_000n, maxFeePerGas: 30_000_000_000n, maxPriorityFeePerGas: 1_000_000_000n,
    }).unsignedSerialized;
    tests.push({ description: key, rawTx, expected: expectedFor(format, entry.fields, (path) => samples.get(path), tokens) });
  }
  return {
    $schema: ERC7730_TESTS_SCHEMA,
    descriptor: options.descriptor,
    ...(Object.keys(tokens).length > 0 ? { dataProvider: { tokens } } : {}),
    tests,
  };
}

/** What a wallet shows for an order our decoder read (`describeOrder`), by the descriptor's format. */
export function fieldsOfOrder(model: Erc7730Model, order: OrderTerms, tokens: Record<string, Erc7730TokenInfo> = {}): Erc7730Expected {
  const entry = [...model.formats.entries()].find(([, candidate]) => candidate.selector === order.action.selector);
  if (!entry) fail('BAD_CALLDATA', `the descriptor has no format for ${order.action.id}`);
  const [key, { fields }] = entry;
  const lookup = (path: string): DecodedValue | undefined => {
    if (path === '@.value') return order.value?.value;
    const [name, ...members] = path.split('.');
    let value = order.arguments.find((candidate, index) => (candidate.name || `arg${index}`) === name)?.value;
    for (const member of members) {
      if (value === undefined || member === '[]') break;
      const fields = value as Record<string, DecodedValue>;
      value = fields[member] ?? fields[member.replace(/^arg/, '')];
    }
    return value;
  };
  return expectedFor(model.descriptor.display.formats[key], fields, lookup, tokens);
}

function expectedFor(format: { intent: string; interpolatedIntent: string }, fields: ModelField[], lookup: (path: string) => DecodedValue | undefined, tokens: Record<string, Erc7730TokenInfo>): Erc7730Expected {
  const shown = fields.filter(({ field }) => field.visible !== 'never');
  // A field over an array (`hops.[]`) is shown once per element.
  const rendered = shown.map(({ field }) => {
    const value = lookup(field.path);
    const values = field.path.endsWith('.[]') && Array.isArray(value) ? value : [value];
    return { field, values: values.map((item) => formatFieldValue(field, item, lookup, tokens)) };
  });
  const values = new Map(rendered.map(({ field, values: [first] }) => [field.path, first]));
  let interpolated = format.interpolatedIntent;
  for (const path of interpolatedPaths(format.interpolatedIntent)) interpolated = interpolated.replace(`{${path}}`, values.get(path) ?? '');
  return {
    intent: format.intent,
    interpolatedIntent: interpolated.replaceAll('{{', '{').replaceAll('}}', '}'),
    fields: rendered.flatMap(({ field, values: items }) => items.map((value) => ({ label: field.label, value }))),
  };
}

/** A field's value as the spec's format shows it. */
export function formatFieldValue(field: Erc7730Field, value: DecodedValue | undefined, lookup: (path: string) => DecodedValue | undefined, tokens: Record<string, Erc7730TokenInfo>): string {
  if (value === undefined) fail('BAD_INPUT', `no value for the field ${field.path}`);
  const params = (field.params ?? {}) as Record<string, unknown>;
  switch (field.format) {
    case 'amount': return `${trimZero(formatEther(BigInt(String(value))))} ETH`;
    case 'tokenAmount': {
      const address = typeof params.token === 'string' ? params.token : typeof params.tokenPath === 'string' ? lookup(params.tokenPath) : undefined;
      const token = typeof address === 'string' ? tokens[address.toLowerCase()] : undefined;
      return token ? `${trimZero(formatUnits(BigInt(String(value)), token.decimals))} ${token.symbol}` : String(value);
    }
    case 'date': return new Date(Number(value) * 1000).toISOString().replace('.000Z', 'Z');
    case 'duration': {
      const seconds = BigInt(String(value));
      const two = (n: bigint) => n.toString().padStart(2, '0');
      return `${two(seconds / 3600n)}:${two((seconds / 60n) % 60n)}:${two(seconds % 60n)}`;
    }
    case 'unit': return `${trimZero(formatUnits(BigInt(String(value)), Number(params.decimals ?? 0)))}${String(params.base)}`;
    case 'addressName': return getAddress(String(value));
    default: return typeof value === 'object' ? JSON.stringify(value) : String(value);
  }
}

interface Counter {
  /** Addresses given so far: each address field gets its own. */
  next: number;
  decimals(format: ValueFormat): number | null;
}

function tokenDecimals(format: ValueFormat, tokens: Erc7730TestsOptions['tokens']): number | null {
  if (format.kind !== 'token') return null;
  const inner = format.token.kind === 'convert' ? format.token.operand : format.token;
  return inner.kind === 'variable' ? (tokens?.[inner.name]?.decimals ?? null) : null;
}

function trimZero(decimal: string): string {
  return decimal.replace(/\.0$/, '');
}

function tokenInfo(tokens: Erc7730TestsOptions['tokens']): Record<string, Erc7730TokenInfo> {
  const known: Record<string, Erc7730TokenInfo> = {};
  for (const token of Object.values(tokens ?? {})) {
    if (token.address && token.symbol !== null && token.decimals !== null) {
      known[token.address.toLowerCase()] = { symbol: token.symbol, decimals: token.decimals, name: token.name ?? token.symbol };
    }
  }
  return known;
}

/**
 * A sample argument for an input, recorded in `samples` by field path as our decoder reads it back: a
 * struct parameter field by field (a struct or array inside it whole), other values by the format the
 * model gives them, arrays of one item (or their fixed length) by their ABI type alone.
 */
function sampleArgument(input: ParamType, path: string, fields: ModelField[], samples: Map<string, DecodedValue>, counter: Counter): unknown {
  let sample: unknown;
  if (input.isTuple()) {
    sample = input.components.map((component, index) => sampleArgument(component, `${path}.${parameterName(component, index)}`, fields, samples, counter));
  } else if (input.isArray()) {
    sample = Array.from({ length: input.arrayLength === -1 ? 1 : input.arrayLength }, () => sampleArgument(input.arrayChildren, `${path}.[]`, fields, samples, counter));
  } else {
    sample = sampleOf(input.type, fields.find(({ field }) => field.path === path)?.format ?? { kind: 'other' }, counter);
  }
  samples.set(path, decodedOf(input, sample));
  if (input.isArray()) samples.set(`${path}.[]`, decodedOf(input, sample));
  return sample;
}

/** A sample as the order decoder gives values: integers as decimal strings, structs as objects by field name. */
function decodedOf(input: ParamType, sample: unknown): DecodedValue {
  if (input.isTuple()) {
    const values = sample as unknown[];
    return Object.fromEntries(input.components.map((component, index) => [component.name || String(index), decodedOf(component, values[index])]));
  }
  if (input.isArray()) return (sample as unknown[]).map((item) => decodedOf(input.arrayChildren, item));
  return typeof sample === 'bigint' ? sample.toString() : (sample as string | boolean);
}

function sampleOf(type: string, format: ValueFormat, counter: Counter): bigint | string | boolean {
  if (type === 'address') return getAddress(`0x${String((counter.next++ % 9) + 1).repeat(40)}`);
  if (type === 'bool') return true;
  if (type === 'string') return 'sample';
  if (type === 'bytes') return '0x1234';
  const fixed = /^bytes(\d+)$/.exec(type);
  if (fixed) return `0x${'ab'.repeat(Number(fixed[1]))}`;
  switch (format.kind) {
    case 'eth': return SAMPLE_WEI;
    case 'token': {
      // 1.5 tokens when the decimals are known, else 1,500,000 of the smallest unit.
      const decimals = counter.decimals(format);
      return decimals === null ? 1_500_000n : (15n * 10n ** BigInt(decimals)) / 10n;
    }
    case 'datetime': return SAMPLE_DATE;
    case 'duration': return SAMPLE_DURATION;
    case 'percent': return BigInt(format.scale) / 40n || 1n;
    default: return 1n;
  }
}
