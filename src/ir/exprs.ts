/**
 * Building and comparing values of the model (expression trees) once the lowering has computed them:
 * literals, variables, negation, shares of a base (`base * rate / 10000`), constants, and the structural
 * questions the lowering asks (is this the same place? does this value mention that place?).
 */
import type { Literal, VariableDeclaration } from 'solidity-ast';
import type { ArithOp, CompareOp, Expr } from '../terms/index.ts';
import { childrenOf } from '../terms/index.ts';
import { humanise } from '../ir/names.ts';
import { carryName } from './named-values.ts';
import { constValueFromType, isUnit, literalValue } from '../ir/numbers.ts';

const SHARE_SCALES = new Set(['100', '1000', '10000']);

export const ONE: Expr = { kind: 'number', value: '1', written: '1', unit: null };
export const ZERO: Expr = { kind: 'number', value: '0', written: '0', unit: null };

export function code(text: string): Expr {
  return { kind: 'code', text };
}

export function literalExpr(node: Literal, codeText: string): Expr {
  if (node.kind === 'bool') return { kind: 'bool', value: node.value === 'true' };
  if (node.kind === 'string' || node.kind === 'unicodeString') return { kind: 'text', value: node.value ?? '' };
  if (node.kind === 'number') {
    const unit = isUnit(node.subdenomination) ? node.subdenomination : null;
    const written = node.value ?? '';
    if (/^0x[0-9a-fA-F]{40}$/.test(written)) return { kind: 'address', value: written };
    const value = literalValue(written, unit) ?? constValueFromType(node.typeDescriptions.typeString);
    return value === null ? code(codeText) : { kind: 'number', value, written, unit };
  }
  return code(codeText);
}

/** The type as a reader of the code would write it: `uint256`, `bool`, `struct Order`, without data locations. */
export function typeName(typeString: string | null | undefined): string {
  return (typeString ?? '').replace(/ (storage ref|storage pointer|memory|calldata)$/, '');
}

/** `struct MarketplaceOrder.Order storage ref` → "Order". */
export function recordName(typeString: string | null | undefined): string | null {
  const match = /^struct (?:\w+\.)?(\w+)/.exec(typeString ?? '');
  return match ? humanise(match[1]) : null;
}

export function variableExpr(decl: VariableDeclaration, scope: Extract<Expr, { kind: 'variable' }>['scope'], party: string | null, value: string | null): Expr {
  const literal = decl.constant && decl.value?.nodeType === 'Literal' ? decl.value : null;
  const unit = literal && isUnit(literal.subdenomination) ? literal.subdenomination : null;
  return { kind: 'variable', name: decl.name, label: humanise(decl.name), scope, party, value, unit, type: typeName(decl.typeDescriptions.typeString) };
}

/** The variable a place is written through: `orders` for orders[id].status. */
export function targetName(expr: Expr): string | null {
  if (expr.kind === 'variable') return expr.name;
  if (expr.kind === 'member') return targetName(expr.object);
  if (expr.kind === 'index') return targetName(expr.base);
  if (expr.kind === 'each' || expr.kind === 'prior') return targetName(expr.of);
  return null;
}

/** The party an expression names: a party's variable, possibly converted (`payable(seller)`). */
export function partyOfExpr(expr: Expr): string | null {
  if (expr.kind === 'variable') return expr.party;
  if (expr.kind === 'convert') return partyOfExpr(expr.operand);
  return null;
}

export function negate(expr: Expr): Expr {
  if (expr.kind === 'not') return expr.operand;
  if (expr.kind === 'compare') {
    const inverse: Record<CompareOp, CompareOp> = { '==': '!=', '!=': '==', '<': '>=', '<=': '>', '>': '<=', '>=': '<' };
    return { ...expr, op: inverse[expr.op] };
  }
  if (expr.kind === 'and') return { kind: 'or', operands: expr.operands.map(negate) };
  if (expr.kind === 'or') return { kind: 'and', operands: expr.operands.map(negate) };
  if (expr.kind === 'bool') return { kind: 'bool', value: !expr.value };
  return { kind: 'not', operand: expr };
}

export function and(operands: Expr[]): Expr {
  const flat = dedupe(operands.flatMap((e) => (e.kind === 'and' ? e.operands : [e])).filter((e) => !(e.kind === 'bool' && e.value)));
  if (flat.some((e) => e.kind === 'bool' && !e.value) || hasComplement(flat)) return { kind: 'bool', value: false };
  if (flat.length === 0) return { kind: 'bool', value: true };
  return flat.length === 1 ? flat[0] : { kind: 'and', operands: flat };
}

export function or(operands: Expr[]): Expr {
  const flat = dedupe(operands.flatMap((e) => (e.kind === 'or' ? e.operands : [e])).filter((e) => !(e.kind === 'bool' && !e.value)));
  if (flat.some((e) => e.kind === 'bool' && e.value) || hasComplement(flat)) return { kind: 'bool', value: true };
  if (flat.length === 0) return { kind: 'bool', value: false };
  return flat.length === 1 ? flat[0] : { kind: 'or', operands: flat };
}

/**
 * Two conditions that differ only in `prior` marks say the same thing: an unmarked read of a place is its
 * value before any write on the path too (a written place is read back as what was written).
 */
function dedupe(list: Expr[]): Expr[] {
  const seen = new Set<string>();
  return list.filter((e) => {
    const k = key(withoutPrior(e));
    if (seen.has(k)) return false;
    seen.add(k);
    return true;
  });
}

/** True when a list holds both a condition and its negation. */
function hasComplement(list: Expr[]): boolean {
  const keys = new Set(list.map((e) => key(withoutPrior(e))));
  return list.some((e) => keys.has(key(withoutPrior(negate(e)))));
}

export function withoutPrior(expr: Expr): Expr {
  return rewrite(expr, (e) => (e.kind === 'prior' ? withoutPrior(e.of) : null));
}

/** A balance marked as read after the named call (left as it is when no call came before it on the path). */
export function withAfter<T extends Extract<Expr, { kind: 'balance' | 'token-balance' }>>(expr: T, after: string | undefined): T {
  return after === undefined ? expr : { ...expr, after };
}

export function same(a: Expr, b: Expr): boolean {
  return a === b || key(a) === key(b);
}

const keys = new WeakMap<Expr, string>();

/** A value's structure as text, to compare values; values are never changed in place, so it is kept. */
export function key(expr: Expr): string {
  let text = keys.get(expr);
  if (text === undefined) {
    text = JSON.stringify(expr);
    keys.set(expr, text);
  }
  return text;
}

export function complementary(a: Expr, b: Expr): boolean {
  return same(negate(a), b);
}

/** `c ? a : b`, folded when both sides are the same value. */
export function choose(condition: Expr, then: Expr, otherwise: Expr): Expr {
  if (same(then, otherwise)) return then;
  if (condition.kind === 'bool') return condition.value ? then : otherwise;
  // A flag chosen on a condition is a condition: `c ? true : x` is `c or x`.
  if (then.kind === 'bool') return then.value ? or([condition, otherwise]) : and([negate(condition), otherwise]);
  if (otherwise.kind === 'bool') return otherwise.value ? or([negate(condition), then]) : and([condition, then]);
  // `a > b ? b : a` is the smaller of a and b; `a < b ? b : a` the larger (a cap and a floor).
  if (condition.kind === 'compare' && condition.op !== '==' && condition.op !== '!=') {
    const { left, right } = condition;
    const greater = condition.op === '>' || condition.op === '>=';
    if (same(then, right) && same(otherwise, left)) return { kind: greater ? 'min' : 'max', operands: [left, right] };
    if (same(then, left) && same(otherwise, right)) return { kind: greater ? 'max' : 'min', operands: [left, right] };
  }
  return { kind: 'conditional', condition, then, otherwise };
}

/** The exact value of a value that is a compile-time number: a literal or a constant. */
export function constantOf(expr: Expr): string | null {
  if (expr.kind === 'number') return expr.value;
  if (expr.kind === 'variable' && expr.value !== null && /^-?\d+$/.test(expr.value)) return expr.value;
  if (expr.kind === 'convert') return constantOf(expr.operand);
  return null;
}

/** The largest 256-bit number (`type(uint256).max`, `2**256 - 1`): an approval of it lets the spender take any amount. */
export function isMaxUint(expr: Expr | null): boolean {
  return expr !== null && arithmeticValue(expr) === MAX_UINT256;
}

export const MAX_UINT256 = (1n << 256n) - 1n;

/** A number the code writes as arithmetic on literals (`2**256 - 1`); null for anything else. */
export function arithmeticValue(expr: Expr): bigint | null {
  if (expr.kind === 'convert') return arithmeticValue(expr.operand);
  if (expr.kind !== 'arith') {
    const text = constantOf(expr);
    return text !== null && /^\d+$/.test(text) ? BigInt(text) : null;
  }
  const [a, b] = [arithmeticValue(expr.left), arithmeticValue(expr.right)];
  if (a === null || b === null) return null;
  switch (expr.op) {
    case '+': return a + b;
    case '-': return a - b;
    case '*': return a * b;
    case '**': return b <= 256n ? a ** b : null;
    default: return null;
  }
}

/** The value of a product of plain numbers, without units (`30 * 24 * 60 * 60`); null for anything else. */
export function productOf(expr: Expr): string | null {
  const factor = (e: Expr): bigint | null => {
    if (e.kind === 'number') return e.unit === null && /^\d+$/.test(e.value) ? BigInt(e.value) : null;
    if (e.kind !== 'arith' || e.op !== '*') return null;
    const [a, b] = [factor(e.left), factor(e.right)];
    return a === null || b === null ? null : a * b;
  };
  return expr.kind === 'arith' ? (factor(expr)?.toString() ?? null) : null;
}

/** `left op right` on values; `/` by 100, 1,000 or 10,000 of a product reads as a share. */
export function arith(op: ArithOp, left: Expr, right: Expr): Expr {
  if (op === '/') {
    const share = asShare(left, right);
    if (share) return share;
  }
  // `(a + b) - a` is `b`, exactly (a total less one of its parts: the fee of a price plus fee).
  if (op === '-' && left.kind === 'arith' && left.op === '+' && !left.stored) {
    if (same(left.left, right)) return left.right;
    if (same(left.right, right)) return left.left;
  }
  return { kind: 'arith', op, left, right };
}

function asShare(left: Expr, right: Expr): Expr | null {
  const scale = constantOf(right);
  if (scale === null || !SHARE_SCALES.has(scale)) return null;
  if (left.kind !== 'arith' || left.op !== '*') {
    // x / 100 is 1% of x.
    return constantOf(left) !== null ? null : { kind: 'percent-of', base: left, rate: ONE, scale, percent: exactDivide(100n, BigInt(scale)) };
  }
  const factors = productFactors(left);
  // `price * (100 + fee) / 100` is the price plus the fee share of it, exactly (whole numbers round the same way).
  const plus = factors.find((f) => f.kind === 'arith' && f.op === '+' && [f.left, f.right].some((side) => constantOf(side) === scale));
  if (plus?.kind === 'arith' && factors.length === 2) {
    const base = factors.find((f) => f !== plus) as Expr;
    const rate = constantOf(plus.left) === scale ? plus.right : plus.left;
    const rateValue = constantOf(rate);
    return { kind: 'arith', op: '+', left: base, right: { kind: 'percent-of', base, rate, scale, percent: rateValue === null ? null : exactDivide(BigInt(rateValue) * 100n, BigInt(scale)) } };
  }
  const constants = factors.filter((f) => constantOf(f) !== null);
  // A constant factor is the rate (`amount * 250 / 10000`); otherwise, as written, the last factor
  // (`amount * feeBps / 10000`). Which factor is the amount and which the rate is then settled by the one
  // format inference (orders/semantics.ts, applied in extract/units.ts), from what the code does with each.
  let rate: Expr | undefined;
  if (constants.length === 1) rate = constants[0];
  else if (constants.length === 0) rate = factors[factors.length - 1];
  if (!rate) return null;
  const rest = factors.filter((f) => f !== rate);
  const base = rest.slice(1).reduce<Expr>((product, factor) => ({ kind: 'arith', op: '*', left: product, right: factor }), rest[0]);
  const rateValue = constantOf(rate);
  const percent = rateValue === null ? null : exactDivide(BigInt(rateValue) * 100n, BigInt(scale));
  return { kind: 'percent-of', base, rate, scale, percent };
}

function productFactors(expr: Expr): Expr[] {
  if (expr.kind === 'arith' && expr.op === '*') return [...productFactors(expr.left), ...productFactors(expr.right)];
  return [expr];
}

/** A decimal string for numerator / denominator, exact (the divisor here is always 10^k). */
export function exactDivide(numerator: bigint, denominator: bigint): string {
  const whole = numerator / denominator;
  let rest = numerator % denominator;
  if (rest === 0n) return whole.toString();
  let digits = '';
  for (let i = 0; i < 18 && rest !== 0n; i++) {
    rest *= 10n;
    digits += (rest / denominator).toString();
    rest %= denominator;
  }
  return `${whole}.${digits}`;
}

/**
 * Constants folded after values were put in place (a flag known at deployment read as `true`): `true and x`
 * is x, `x or true` is true, `not true` is false, and a comparison of two whole numbers is its answer.
 */
export function simplify(expr: Expr): Expr {
  const children = childrenOf(expr);
  if (children.length === 0) return expr;
  const next = children.map(simplify);
  const node = next.some((child, i) => child !== children[i]) ? withChildren(expr, next) : expr;
  switch (node.kind) {
    case 'and': return node.operands.some((e) => e.kind === 'bool') ? and(node.operands) : node;
    case 'or': return node.operands.some((e) => e.kind === 'bool') ? or(node.operands) : node;
    case 'not': return node.operand.kind === 'bool' ? negate(node.operand) : node;
    case 'conditional': return node.condition.kind === 'bool' ? (node.condition.value ? node.then : node.otherwise) : node;
    case 'compare': {
      const [a, b] = [node.left, node.right];
      const whole = (e: Expr): e is Extract<Expr, { kind: 'number' }> => e.kind === 'number' && /^-?\d+$/.test(e.value);
      if (whole(a) && whole(b)) return { kind: 'bool', value: compareNumbers(node.op, BigInt(a.value), BigInt(b.value)) };
      // The same fixed value on both sides (the zero address against itself): equal.
      const fixed = (e: Expr) => e.kind === 'zero-address' || e.kind === 'bool' || e.kind === 'enum-member';
      if (fixed(a) && fixed(b) && (node.op === '==' || node.op === '!=')) return { kind: 'bool', value: (key(a) === key(b)) === (node.op === '==') };
      // `(c ? x : 0) != 0` is `c and x != 0`, once a side is settled; `(c ? Partial : status) == Partial` is
      // `c or status == Partial`.
      if (a.kind === 'conditional' && (whole(b) || fixed(b))) {
        const then = simplify({ ...node, left: a.then });
        const otherwise = simplify({ ...node, left: a.otherwise });
        if (then.kind === 'bool' || otherwise.kind === 'bool') return choose(a.condition, then, otherwise);
      }
      return node;
    }
    default: return node;
  }
}

/** The answer of a comparison of two whole numbers. */
export function compareNumbers(op: CompareOp, a: bigint, b: bigint): boolean {
  switch (op) {
    case '==': return a === b;
    case '!=': return a !== b;
    case '<': return a < b;
    case '<=': return a <= b;
    case '>': return a > b;
    case '>=': return a >= b;
  }
}

/**
 * Replaces every sub-tree for which `swap` returns a value (children are not visited below a swap). With
 * `keepsMeaning` (the new tree means the same, only written more exactly), a value a local was bound to
 * keeps its name (named-values.ts).
 */
export function rewrite(expr: Expr, swap: (e: Expr) => Expr | null, keepsMeaning = false): Expr {
  const swapped = swap(expr);
  if (swapped) return keepsMeaning ? carryName(expr, swapped) : swapped;
  const children = childrenOf(expr);
  if (children.length === 0) return expr;
  let changed = false;
  const next = children.map((child) => {
    const out = rewrite(child, swap, keepsMeaning);
    if (out !== child) changed = true;
    return out;
  });
  if (!changed) return expr;
  return keepsMeaning ? carryName(expr, withChildren(expr, next)) : withChildren(expr, next);
}

/** The same node with new children, in the order `childrenOf` gives them. */
export function withChildren(expr: Expr, c: Expr[]): Expr {
  switch (expr.kind) {
    case 'member': return { ...expr, object: c[0] };
    case 'index': return { ...expr, base: c[0], index: c[1] };
    case 'balance': return { ...expr, of: c[0] };
    case 'token-balance': return { ...expr, token: c[0], of: c[1] };
    case 'arith': return { ...expr, left: c[0], right: c[1] };
    case 'percent-of': return { ...expr, base: c[0], rate: c[1] };
    case 'compare': return { ...expr, left: c[0], right: c[1] };
    case 'and': case 'or': case 'min': case 'max': return { ...expr, operands: c };
    case 'not': return { ...expr, operand: c[0] };
    case 'conditional': return { ...expr, condition: c[0], then: c[1], otherwise: c[2] };
    case 'length': return { ...expr, of: c[0] };
    case 'hash': case 'signer': case 'call': return { ...expr, args: c };
    case 'external-call': return { ...expr, target: c[0], args: c.slice(1) };
    case 'convert': return { ...expr, operand: c[0] };
    case 'struct': return { ...expr, fields: expr.fields.map((f, i) => ({ ...f, value: c[i] })) };
    case 'prior': return { ...expr, of: c[0] };
    case 'each': return { ...expr, of: c[0] };
    case 'position': return { ...expr, of: c[0] };
    case 'range': return { ...expr, from: c[0], to: c[1] };
    case 'sum': return { ...expr, over: c[0], term: c[1], where: c.slice(2) };
    case 'count': return { ...expr, over: c[0], where: c.slice(1) };
    case 'call-outcome': return { ...expr, target: c[0], ...(expr.amount ? { amount: c[1] } : {}) };
    default: return expr;
  }
}

/** True when `expr` mentions `node` (structurally). */
export function mentions(expr: Expr, node: Expr): boolean {
  const wanted = key(node);
  let found = false;
  rewrite(expr, (e) => {
    if (found) return e;
    if (key(e) === wanted) found = true;
    return found ? e : null;
  });
  return found;
}
