/**
 * describeOrder: one call to a contract, decoded and read against the contract's Terms. The action's
 * conditions, payments, changes and events are returned with this order's values in place, each
 * condition marked met, unmet or open, and what cannot happen for these arguments left out.
 */
import type { Action, Effect, Expr, Payment, Transition } from '../terms/index.ts';
import { type DecodedCall, decodeCall, typeName } from './decode.ts';
import { createEnvironment, type Environment, evaluate } from './evaluate.ts';
import type {
  ArgumentNode,
  OrderActor,
  OrderArgument,
  OrderCallInput,
  OrderCondition,
  OrderContract,
  OrderFacts,
  OrderTerms,
  SignedOrder,
  ValueFormat,
} from './model.ts';
import { recordShape } from './order-shape.ts';
import { readSemantics } from './semantics.ts';
import { substitute, type Substitutions } from './substitute.ts';
import { contractTermsHash } from './terms-hash.ts';

/**
 * The terms of one order: decodes `call.data` with the contract's ABI, finds the action in its Terms,
 * and describes what this call requires, pays and changes, with the decoded values in place.
 * `facts` are addresses and values known from chain or from the platform (party id → address).
 * Throws PlaintermsError BAD_CALLDATA for an unknown selector, calldata that does not decode, or ETH
 * sent to a non-payable function; BAD_INPUT for a malformed value or sender.
 */
export function describeOrder(contract: OrderContract, call: OrderCallInput, facts: OrderFacts = {}): OrderTerms {
  const decoded = decodeCall(contract, call);
  const args = buildArguments(contract, decoded, facts);
  return describeAction(contract, decoded.action, { args, data: decoded.data, value: decoded.value.toString(), from: decoded.from, signed: null }, facts);
}

/** What an order gives an action: its arguments and call, or (for a signed order) the signed fields. */
export interface ActionInput {
  args: OrderArgument[];
  data: string | null;
  /** Wei sent, or null when not known (a signed order before it is submitted). */
  value: string | null;
  from: string | null;
  signed: SignedOrder | null;
}

/** The terms of an action for these arguments: shared by calldata orders and signed (EIP-712) orders. */
export function describeAction(contract: OrderContract, action: Action, input: ActionInput, facts: OrderFacts): OrderTerms {
  const { args } = input;
  const value = input.value === null ? null : argumentNode('value', 'msg.value', '', 'uint256', input.value, { kind: 'eth' });
  const actor = findActor(input.from, facts, new Set(contract.terms.parties.map((party) => party.id)));
  const callerFormat: ValueFormat = { kind: 'address', party: actor.parties[0] ?? null };
  const caller = input.from === null ? null : argumentNode('caller', 'msg.sender', '', 'address', input.from, callerFormat);
  const subs: Substitutions = { parameters: new Map(args.map((arg) => [arg.name, arg])), value, caller };
  const env = createEnvironment(facts, contract.terms);
  const kept: string[] = [];
  const conditions = describeConditions(action, subs, env, kept);
  const order: OrderTerms = {
    schema: 'plainterms/order@1',
    contract: contract.terms.name,
    contractHash: contractTermsHash(contract.terms),
    action: {
      id: action.id, name: action.name, label: action.label, kind: action.kind, signature: action.signature,
      selector: action.selector, payable: action.payable, source: action.source, natspec: action.natspec,
    },
    call: { data: input.data, value: input.value, from: input.from },
    signed: input.signed,
    actor,
    access: {
      ...action.access,
      rules: action.access.rules.map((rule) => (rule.kind === 'expr' ? { ...rule, expr: substitute(rule.expr, subs) } : rule)),
    },
    arguments: args,
    value,
    conditions,
    payments: keepApplicable(action.payments, subs, env, kept, (payment, put, when) => ({
      ...payment,
      asset: payment.asset.kind === 'token' ? { kind: 'token', token: put(payment.asset.token) } : payment.asset,
      amount: put(payment.amount),
      to: put(payment.to),
      from: payment.from === null ? null : put(payment.from),
      when,
    })),
    effects: keepApplicable(action.effects, subs, env, kept, (effect, put, when) => ({
      ...effect,
      target: put(effect.target),
      value: effect.value === null ? null : put(effect.value),
      when,
    })),
    transitions: keepApplicable(action.transitions, subs, env, kept, (transition, _put, when) => ({ ...transition, when })),
    emits: action.emits.map((emit) => ({ ...emit, args: emit.args.map((arg) => substitute(arg, subs)) })),
    unmet: conditions.filter((condition) => condition.status === 'unmet').length,
  };
  recordShape(order, kept);
  return order;
}

function buildArguments(contract: OrderContract, decoded: DecodedCall, facts: OrderFacts): OrderArgument[] {
  const semantics = readSemantics(contract.terms).get(decoded.action.id) ?? [];
  return decoded.inputs.map((input, index) => {
    const parameter = decoded.action.parameters[index];
    const meaning = semantics[index];
    const name = parameter?.name ?? input.name;
    const format = withTokenFacts(meaning?.format ?? { kind: 'other' }, facts);
    const evidence = meaning?.evidence ?? { reason: 'type', via: null, action: null, source: null };
    // argumentNode's fields, in its order, and the evidence (one object, not a node spread into another).
    return { kind: 'argument', role: 'parameter', name, label: parameter?.label ?? name, type: typeName(input), value: decoded.args[index], format, evidence };
  });
}

/** A token amount's decimals and symbol, when the facts know the token (by the name holding it). */
export function withTokenFacts(format: ValueFormat, facts: OrderFacts): ValueFormat {
  if (format.kind !== 'token' || format.token.kind !== 'variable') return format;
  const token = facts.tokens?.[format.token.name];
  return token ? { ...format, decimals: token.decimals, symbol: token.symbol } : format;
}

export function argumentNode(role: ArgumentNode['role'], name: string, label: string, type: string, value: ArgumentNode['value'], format: ValueFormat): ArgumentNode {
  return { kind: 'argument', role, name, label, type, value, format };
}

function findActor(from: string | null, facts: OrderFacts, partyIds: ReadonlySet<string>): OrderActor {
  const known = Object.entries(facts.parties ?? {}).filter(([id]) => partyIds.has(id));
  const checked = known.map(([id]) => id);
  if (from === null) return { address: null, parties: [], checked };
  const parties = known.filter(([, address]) => address.toLowerCase() === from.toLowerCase()).map(([id]) => id);
  return { address: from, parties, checked };
}

/** `kept` records, for the order's shape, which terms and `when` conditions were kept, and each status. */
function describeConditions(action: Action, subs: Substitutions, env: Environment, kept: string[]): OrderCondition[] {
  const conditions: OrderCondition[] = [];
  for (const [index, condition] of action.conditions.entries()) {
    const when = applicableWhen(condition.when, subs, env, kept);
    if (when === null) continue;
    const expr = substitute(condition.expr, subs);
    env.usedState = false;
    const result = evaluate(expr, env);
    kept.push(`c${index}${result === true ? 'm' : result === false ? 'u' : 'o'}${env.usedState ? 's' : ''}`);
    conditions.push({
      expr,
      status: result === true ? 'met' : result === false ? 'unmet' : 'open',
      usesState: result !== null && env.usedState,
      message: condition.message,
      error: condition.error,
      via: condition.via,
      isAccess: condition.isAccess,
      when,
      source: condition.source,
      basis: condition.basis,
    });
  }
  return conditions;
}

/** The `when` conditions still open after substitution, or null when one of them is false (the term does not apply). */
function applicableWhen(when: Expr[], subs: Substitutions, env: Environment, kept: string[]): Expr[] | null {
  const open: Expr[] = [];
  let mask = '';
  for (const condition of when) {
    const expr = substitute(condition, subs);
    const result = evaluate(expr, env);
    if (result === false) return null;
    mask += result === true ? '1' : '0';
    if (result !== true) open.push(expr);
  }
  if (mask) kept.push(mask);
  return open;
}

type Applicable = Payment | Effect | Transition;

/**
 * The items that apply to this order, each made by `map` with this order's values put in and the
 * `when` conditions still open (`when` is a field of every item, so it keeps its place among the keys).
 */
function keepApplicable<T extends Applicable>(
  items: T[],
  subs: Substitutions,
  env: Environment,
  shape: string[],
  map: (item: T, put: (expr: Expr) => Expr, when: Expr[]) => T,
): T[] {
  const put = (expr: Expr) => substitute(expr, subs);
  const kept: T[] = [];
  shape.push('|');
  for (const [index, item] of items.entries()) {
    const when = applicableWhen(item.when, subs, env, shape);
    if (when !== null) {
      shape.push(`k${index}`);
      kept.push(map(item, put, when));
    }
  }
  return kept;
}
