/**
 * The fields of one ERC-7730 display format: one per parameter (a struct parameter's fields one by one,
 * `order.price`), each formatted by what the code does with it (semantics.ts), plus the ETH sent
 * (`@.value`) on a payable function. Every field is shown (`visible: always`) except a `bytes`
 * parameter the code only reads as a signature to recover a signer from: it moves nothing, and a wallet
 * cannot show it usefully, so it is `never` shown.
 */
import { type FunctionFragment, getAddress, type ParamType } from 'ethers';
import { humanise } from '../ir/names.ts';
import type { Action, ContractTerms, Expr } from '../terms/index.ts';
import { walkExpr } from '../terms/index.ts';
import type { OrderFacts, ParameterSemantics, ValueFormat } from './model.ts';
import { renderOrderText } from './render.ts';
import { readFieldSemantics } from './semantics.ts';
import { formatFromType } from './slots.ts';

export type Erc7730Visibility = 'always' | 'never' | 'optional';

export interface Erc7730Field {
  path: string;
  label: string;
  format: string;
  params?: Record<string, unknown>;
  visible: Erc7730Visibility;
}

/** A field with what the builder knows about it: the value format the code gives it. */
export interface ModelField {
  field: Erc7730Field;
  format: ValueFormat;
  /** The ABI type of the value (`uint256`, `address`; `uint256` for `@.value`). */
  type: string;
}

export interface FieldContext {
  terms: ContractTerms;
  tokens: OrderFacts['tokens'];
  lang: string;
}

/** The name a parameter has in the format's key and paths: its own, or `arg<index>` when it has none. */
export function parameterName(input: ParamType, index: number): string {
  return input.name || `arg${index}`;
}

/**
 * `fill((address seller,uint256 price) order,bytes signature)`: the function as ERC-7730 v2 keys it,
 * canonical types with parameter (and struct field) names, no spaces after commas.
 */
export function formatKey(fragment: FunctionFragment): string {
  return `${fragment.name}(${fragment.inputs.map((input, index) => `${namedType(input)} ${parameterName(input, index)}`).join(',')})`;
}

function namedType(input: ParamType): string {
  if (input.isArray()) return `${namedType(input.arrayChildren)}[${input.arrayLength === -1 ? '' : input.arrayLength}]`;
  if (input.isTuple()) return `(${input.components.map((component, index) => `${namedType(component)} ${parameterName(component, index)}`).join(',')})`;
  return input.type;
}

export function buildFields(action: Action, fragment: FunctionFragment, semantics: ParameterSemantics[], context: FieldContext): ModelField[] {
  const fields: ModelField[] = [];
  fragment.inputs.forEach((input, index) => {
    const name = parameterName(input, index);
    const label = action.parameters[index]?.label || humanise(name);
    if (input.isTuple()) {
      // A struct parameter field by field; its fields' formats come from what the code does with `name.field`.
      const components = input.components.map((component, at) => ({ name: parameterName(component, at), type: component.format('sighash') }));
      const meanings = readFieldSemantics(context.terms, action.id, name, components);
      input.components.forEach((component, at) => addInput(fields, component, `${name}.${components[at].name}`, humanise(components[at].name), meanings[at].format, fragment, context));
      return;
    }
    const visible: Erc7730Visibility = input.type === 'bytes' && isOnlySignature(action, name) ? 'never' : 'always';
    addInput(fields, input, name, label, semantics[index]?.format ?? formatFromType(input.type), fragment, context, visible);
  });
  if (action.payable) {
    const label = renderOrderText('erc7730/value-label', { action }, context.lang, context.terms);
    fields.push({ field: { path: '@.value', label, format: 'amount', visible: 'always' }, format: { kind: 'eth' }, type: 'uint256' });
  }
  return fields;
}

/**
 * One value's fields: a struct inside a struct field by field (by ABI type: the model follows one level);
 * an array of plain values element by element (`hops.[]`, each element a field with the array's label);
 * an array of structs or arrays as one raw field.
 */
function addInput(fields: ModelField[], input: ParamType, path: string, label: string, format: ValueFormat, fragment: FunctionFragment, context: FieldContext, visible: Erc7730Visibility = 'always'): void {
  if (input.isTuple()) {
    input.components.forEach((component, at) => {
      const name = parameterName(component, at);
      addInput(fields, component, `${path}.${name}`, humanise(name), formatFromType(component.type), fragment, context, visible);
    });
  } else if (input.isArray() && !input.arrayChildren.isTuple() && !input.arrayChildren.isArray()) {
    fields.push(makeField(`${path}.[]`, label, path.split('.').at(-1)!, formatFromType(input.arrayChildren.type), input.arrayChildren.type, fragment, context, visible));
  } else if (input.isArray()) {
    fields.push(makeField(path, label, path.split('.').at(-1)!, { kind: 'other' }, input.format('sighash'), fragment, context, visible));
  } else {
    fields.push(makeField(path, label, path.split('.').at(-1)!, format, input.type, fragment, context, visible));
  }
}

function makeField(path: string, label: string, name: string, format: ValueFormat, type: string, fragment: FunctionFragment, context: FieldContext, visible: Erc7730Visibility): ModelField {
  const worded = renderOrderText('erc7730/field-label', { label, name, format }, context.lang, context.terms);
  const { format: name7730, params } = fieldFormat(format, fragment, context.tokens);
  const field: Erc7730Field = { path, label: worded, format: name7730, ...(params && Object.keys(params).length > 0 ? { params } : {}), visible };
  return { field, format, type };
}

function fieldFormat(format: ValueFormat, fragment: FunctionFragment, tokens: OrderFacts['tokens']): { format: string; params?: Record<string, unknown> } {
  switch (format.kind) {
    case 'eth': return { format: 'amount' };
    case 'token': return { format: 'tokenAmount', params: tokenParams(format.token, fragment, tokens) };
    case 'datetime': return { format: 'date', params: { encoding: 'timestamp' } };
    case 'duration': return { format: 'duration' };
    case 'percent':
      // rate / 10^k as a percentage: k - 2 decimals of '%' (basis points: 250 → 2.50%).
      return /^10{2,}$/.test(format.scale) ? { format: 'unit', params: { base: '%', decimals: format.scale.length - 3 } } : { format: 'raw' };
    case 'address': return { format: 'addressName', params: { sources: ['local', 'ens'] } };
    default: return { format: 'raw' };
  }
}

/**
 * The token a token amount is in, as the code uses it: `tokenPath` when the token is a parameter of this
 * function (or a field of a struct parameter, `order.token`); `token` when the code keeps it in a
 * variable whose address is known (read from chain, or given); otherwise nothing, and wallets show
 * the raw amount with an "unknown token" warning.
 */
function tokenParams(token: Expr, fragment: FunctionFragment, tokens: OrderFacts['tokens']): Record<string, string> {
  const inner = token.kind === 'convert' ? token.operand : token;
  const names = fragment.inputs.map((input, index) => parameterName(input, index));
  if (inner.kind === 'variable' && inner.scope === 'parameter' && names.includes(inner.name)) return { tokenPath: inner.name };
  if (inner.kind === 'member' && inner.object.kind === 'variable' && inner.object.scope === 'parameter' && names.includes(inner.object.name)) {
    return { tokenPath: `${inner.object.name}.${inner.member}` };
  }
  if (inner.kind !== 'variable') return {};
  const address = tokens?.[inner.name]?.address;
  return address ? { token: getAddress(address.toLowerCase()) } : {};
}

/** True when every use of the parameter in the action is as the signature a signer is recovered from. */
function isOnlySignature(action: Action, name: string): boolean {
  let uses = 0;
  let asSignature = 0;
  const roots: Expr[] = [
    ...action.conditions.flatMap((condition) => [condition.expr, ...condition.when]),
    ...action.payments.flatMap((payment) => [payment.amount, payment.to, ...(payment.from ? [payment.from] : []), ...payment.when]),
    ...action.effects.flatMap((effect) => [effect.target, ...(effect.value ? [effect.value] : []), ...effect.when]),
    ...action.emits.flatMap((emit) => [...emit.args, ...emit.when]),
    ...action.externalCalls.flatMap((call) => [call.target, ...call.when]),
  ];
  const isParameter = (expr: Expr) => expr.kind === 'variable' && expr.scope === 'parameter' && expr.name === name;
  for (const root of roots) {
    for (const expr of walkExpr(root)) {
      if (isParameter(expr)) uses++;
      if (expr.kind === 'signer') asSignature += expr.args.filter(isParameter).length;
    }
  }
  return uses > 0 && uses === asSignature;
}
