/**
 * Evaluating an expression tree as far as this order's values allow: decoded arguments, the ETH sent,
 * the sender and any facts known from chain. Unknown parts make the result null ("depends on state").
 * Integers, addresses and bytes evaluate to bigint (so `bytes32(0)` equals 0); truth values to boolean.
 */
import type { ContractTerms, Expr } from '../terms/index.ts';
import type { ArgumentNode, OrderFacts } from './model.ts';

type Value = bigint | boolean | string | null;

export interface Environment {
  /** Party id → address, as a number. */
  parties: Map<string, bigint>;
  /** State variable name → value. */
  state: Map<string, Value>;
  /** Enum name → its members in declaration order (from the lifecycles), so a stored state compares with a member. */
  enums: Map<string, string[]>;
  /** Set when an evaluation used a party's address or a state value (not only this order's own values). */
  usedState: boolean;
}

export function createEnvironment(facts: OrderFacts, terms: ContractTerms): Environment {
  const parties = new Map(Object.entries(facts.parties ?? {}).map(([id, address]) => [id, BigInt(address)]));
  const state = new Map(Object.entries(facts.state ?? {}).map(([name, value]) => [name, readFact(value)]));
  const enums = new Map(terms.lifecycles.flatMap((lifecycle) => (lifecycle.enumName === null ? [] : [[lifecycle.enumName, lifecycle.states.map((s) => s.name)] as const])));
  return { parties, state, enums, usedState: false };
}

/** The value of an expression, or null when it depends on something not known here. */
export function evaluate(expr: Expr | ArgumentNode, env: Environment): Value {
  if (expr.kind === 'argument') return readArgument(expr);
  switch (expr.kind) {
    case 'number': return BigInt(expr.value);
    case 'bool': return expr.value;
    case 'text': return expr.value;
    case 'address': return BigInt(expr.value);
    case 'zero-address': return 0n;
    case 'enum-member': {
      const index = env.enums.get(expr.enumName)?.indexOf(expr.member) ?? -1;
      return index < 0 ? null : BigInt(index);
    }
    case 'convert': return evaluate(expr.operand, env);
    case 'variable':
      if (expr.party !== null && env.parties.has(expr.party)) {
        env.usedState = true;
        return env.parties.get(expr.party)!;
      }
      if (!env.state.has(expr.name)) return null;
      env.usedState = true;
      return env.state.get(expr.name)!;
    case 'not': {
      const operand = evaluate(expr.operand, env);
      return typeof operand === 'boolean' ? !operand : null;
    }
    case 'and': return combine(expr.operands.map((operand) => evaluate(operand, env)), false);
    case 'or': return combine(expr.operands.map((operand) => evaluate(operand, env)), true);
    case 'compare': return compare(expr.op, evaluate(expr.left, env), evaluate(expr.right, env));
    case 'arith': return arith(expr.op, evaluate(expr.left, env), evaluate(expr.right, env));
    case 'percent-of': {
      const product = arith('*', evaluate(expr.base, env), evaluate(expr.rate, env));
      return arith('/', product, BigInt(expr.scale));
    }
    case 'conditional': {
      const condition = evaluate(expr.condition, env);
      if (typeof condition !== 'boolean') return null;
      return evaluate(condition ? expr.then : expr.otherwise, env);
    }
    case 'min': case 'max': return extreme(expr.kind, expr.operands.map((operand) => evaluate(operand, env)));
    default: return null;
  }
}

/**
 * `and` is false when any operand is false, `or` true when any is true (whatever the others are);
 * otherwise unknown unless every operand is known.
 */
function combine(values: Value[], decisive: boolean): Value {
  if (values.some((value) => value === decisive)) return decisive;
  return values.every((value) => typeof value === 'boolean') ? !decisive : null;
}

function compare(op: string, left: Value, right: Value): Value {
  if (left === null || right === null || typeof left !== typeof right) return null;
  switch (op) {
    case '==': return left === right;
    case '!=': return left !== right;
    case '<': return typeof left === 'bigint' ? left < (right as bigint) : null;
    case '<=': return typeof left === 'bigint' ? left <= (right as bigint) : null;
    case '>': return typeof left === 'bigint' ? left > (right as bigint) : null;
    case '>=': return typeof left === 'bigint' ? left >= (right as bigint) : null;
    default: return null;
  }
}

function arith(op: string, left: Value, right: Value): Value {
  if (typeof left !== 'bigint' || typeof right !== 'bigint') return null;
  switch (op) {
    case '+': return left + right;
    case '-': return left >= right ? left - right : null;
    case '*': return left * right;
    case '/': return right === 0n ? null : left / right;
    case '%': return right === 0n ? null : left % right;
    case '**': return right < 256n ? left ** right : null;
    default: return null;
  }
}

function extreme(kind: 'min' | 'max', values: Value[]): Value {
  if (!values.every((value) => typeof value === 'bigint')) return null;
  const numbers = values as bigint[];
  return numbers.reduce((best, value) => ((kind === 'min' ? value < best : value > best) ? value : best));
}

function readArgument(node: ArgumentNode): Value {
  const { value } = node;
  if (typeof value === 'boolean') return value;
  if (typeof value !== 'string') return null;
  if (node.format.kind === 'text') return value;
  try {
    return BigInt(value);
  } catch {
    return null;
  }
}

function readFact(value: string | boolean): Value {
  if (typeof value === 'boolean') return value;
  try {
    return BigInt(value);
  } catch {
    return value;
  }
}
