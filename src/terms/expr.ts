/**
 * Expression trees: what a Solidity expression means, as small plain-data trees. Templates render them
 * per locale (templates/<locale>/partials/expr/<kind>.hbs); no English is built here.
 */

/**
 * How a number is read. ETH and time units are written in the code; the shares (`basis-points`: of 10,000,
 * `per-mille`: of 1,000, `percent`: of 100) are inferred from how the value is used (a rate in a share), and
 * so is a count of `blocks` (a number added to or compared with a block number).
 */
export type Unit = 'wei' | 'gwei' | 'ether' | 'seconds' | 'minutes' | 'hours' | 'days' | 'weeks' | 'blocks' | ShareUnit;

export type ShareUnit = 'basis-points' | 'per-mille' | 'percent';

/** The divisor of a share unit: 10,000 for basis points. */
export const SHARE_SCALE: Record<ShareUnit, string> = { 'basis-points': '10000', 'per-mille': '1000', percent: '100' };

/** The share unit of a divisor, when it is one ('10000' → basis points). */
export function shareUnitOf(scale: string): ShareUnit | null {
  return (Object.keys(SHARE_SCALE) as ShareUnit[]).find((unit) => SHARE_SCALE[unit] === scale) ?? null;
}

export type CompareOp = '==' | '!=' | '<' | '<=' | '>' | '>=';
export type ArithOp = '+' | '-' | '*' | '/' | '%' | '**';

export type Expr =
  /** A number exactly as written, scaled to its base unit: `30 days` → value '2592000', unit 'days', written '30'. */
  | { kind: 'number'; value: string; written: string; unit: Unit | null }
  | { kind: 'bool'; value: boolean }
  | { kind: 'text'; value: string }
  | { kind: 'address'; value: string }
  /** A named value: a state variable, parameter, local, constant or immutable. `label` is the humanised name. */
  | {
      kind: 'variable';
      name: string;
      label: string;
      scope: VariableScope;
      party: string | null;
      /** For constants: the exact value (decimal string) and the unit it was written in, else null. */
      value: string | null;
      unit: Unit | null;
      /** The Solidity type, as solc prints it (`uint256`, `bool`, `address payable`). */
      type: string;
    }
  /** `object.member` on a struct or a mapping entry, e.g. orders[id].buyer. */
  | { kind: 'member'; object: Expr; member: string; label: string; type: string }
  /** `base[index]`: an item of an array or mapping. */
  /** `item` names one element when it is a record: `orders[id]` is an "Order". */
  | { kind: 'index'; base: Expr; index: Expr; item: string | null }
  | { kind: 'caller' }
  | { kind: 'origin' }
  | { kind: 'value-sent' }
  | { kind: 'now' }
  | { kind: 'block-number' }
  | { kind: 'this' }
  | { kind: 'zero-address' }
  /** `after`: read after a call to another contract of that name on the same path (not the balance before it). */
  | { kind: 'balance'; of: Expr; after?: string }
  | { kind: 'token-balance'; token: Expr; of: Expr; after?: string }
  | { kind: 'enum-member'; enumName: string; member: string; label: string }
  /** `stored`: the value this call stored at `left` by increasing or decreasing it (`count += 1`), read after that write. */
  | { kind: 'arith'; op: ArithOp; left: Expr; right: Expr; stored?: true }
  /**
   * `base * rate / scale` with scale 100, 1,000 or 10,000: a share of a base. `percent` is the exact share
   * (decimal string, e.g. '2.5') when the rate is a constant, else null; `scale` is the divisor ('10000' for
   * basis points).
   */
  | { kind: 'percent-of'; base: Expr; rate: Expr; scale: string; percent: string | null }
  | { kind: 'compare'; op: CompareOp; left: Expr; right: Expr }
  | { kind: 'and'; operands: Expr[] }
  | { kind: 'or'; operands: Expr[] }
  | { kind: 'not'; operand: Expr }
  | { kind: 'conditional'; condition: Expr; then: Expr; otherwise: Expr }
  | { kind: 'min' | 'max'; operands: Expr[] }
  | { kind: 'length'; of: Expr }
  | { kind: 'hash'; fn: 'keccak256' | 'sha256'; args: Expr[] }
  | { kind: 'signer'; args: Expr[] }
  /** A call to a view/pure function of this contract whose result the model cannot reduce further. */
  | { kind: 'call'; name: string; label: string; args: Expr[] }
  /** A call to another contract (external dependency), e.g. oracle.latestPrice(). */
  | { kind: 'external-call'; target: Expr; name: string; args: Expr[] }
  /** A struct value written out, e.g. Order({buyer: msg.sender, amount: amount, state: OrderState.Placed}). */
  | { kind: 'struct'; name: string; label: string; fields: { name: string; label: string; value: Expr }[] }
  /** A type conversion kept for exactness, e.g. uint64(x) or address(x); renders as its operand. */
  | { kind: 'convert'; to: string; operand: Expr }
  /**
   * A stored value as it stood when the call began, read before the call changed it; `inCall`: a value the
   * same call wrote earlier (in a way the summary does not carry to the read), read before a later write;
   * `atItem`: inside a loop whose body writes the place, the value the items before this one left.
   */
  | { kind: 'prior'; of: Expr; inCall?: true; atItem?: true }
  /** Each item of a collection a loop walks over (`milestones[i]` inside `for (i < milestones.length)`). */
  | { kind: 'each'; of: Expr; item: string | null }
  /** The position a loop is at, when it indexes something other than the collection it walks (`amounts[i]`). */
  | { kind: 'position'; of: Expr }
  /** The whole numbers a loop counts through: from `from`, up to `to` (included when `inclusive`). */
  | { kind: 'range'; from: Expr; to: Expr; inclusive: boolean }
  /** The sum of `term` over every item of `over` for which all of `where` hold. */
  | { kind: 'sum'; over: Expr; item: string | null; term: Expr; where: Expr[] }
  /** How many items of `over` satisfy all of `where`. */
  | { kind: 'count'; over: Expr; item: string | null; where: Expr[] }
  /** Whether a payment or call succeeded: the flag `send`, `call` or an ERC-20 `transfer` returns. */
  | { kind: 'call-outcome'; call: 'payment' | 'call'; target: Expr; name: string; amount: Expr | null }
  /** Anything not translated: shown verbatim as code and counted as not explained. */
  | { kind: 'code'; text: string };

export type VariableScope = 'state' | 'constant' | 'immutable' | 'parameter' | 'local' | 'return';

export type ExprKind = Expr['kind'];

/** Every expression kind, used to check that each locale has a partial for each kind. */
export const EXPR_KINDS = [
  'number', 'bool', 'text', 'address', 'variable', 'member', 'index', 'caller', 'origin', 'value-sent', 'now',
  'block-number', 'this', 'zero-address', 'balance', 'token-balance', 'enum-member', 'arith', 'percent-of',
  'compare', 'and', 'or', 'not', 'conditional', 'min', 'max', 'length', 'hash', 'signer', 'call',
  'external-call', 'struct', 'convert', 'prior', 'each', 'position', 'range', 'sum', 'count', 'call-outcome', 'code',
] as const satisfies readonly ExprKind[];

type AssertEqual<A, B> = [A] extends [B] ? ([B] extends [A] ? true : never) : never;
/** Compile-time check that EXPR_KINDS lists every kind. */
export const exprKindsComplete: AssertEqual<(typeof EXPR_KINDS)[number], ExprKind> = true;

/** Removes type conversions (`payable(x)`, `uint64(x)`), which change no term. */
export function unwrap(expr: Expr): Expr {
  return expr.kind === 'convert' ? unwrap(expr.operand) : expr;
}

/** The same comparison read from the other side: `a < b` is `b > a`. */
export const FLIPPED_COMPARE: Record<CompareOp, CompareOp> = { '==': '==', '!=': '!=', '<': '>', '<=': '>=', '>': '<', '>=': '<=' };

/** True when the tree contains a node the model could not translate. */
/** Path conditions: every condition of `a` is the same, in order, at the start of `b` (whenever b's path runs, a's does). */
export function isPathPrefix(a: Expr[], b: Expr[]): boolean {
  return a.length <= b.length && a.every((e, i) => e === b[i] || JSON.stringify(e) === JSON.stringify(b[i]));
}

export function hasCode(expr: Expr): boolean {
  if (expr.kind === 'code') return true;
  return childrenOf(expr).some(hasCode);
}

export function childrenOf(expr: Expr): Expr[] {
  switch (expr.kind) {
    case 'member': return [expr.object];
    case 'index': return [expr.base, expr.index];
    case 'balance': return [expr.of];
    case 'token-balance': return [expr.token, expr.of];
    case 'arith': return [expr.left, expr.right];
    case 'percent-of': return [expr.base, expr.rate];
    case 'compare': return [expr.left, expr.right];
    case 'and': case 'or': case 'min': case 'max': return expr.operands;
    case 'not': return [expr.operand];
    case 'conditional': return [expr.condition, expr.then, expr.otherwise];
    case 'length': return [expr.of];
    case 'hash': case 'signer': case 'call': return expr.args;
    case 'external-call': return [expr.target, ...expr.args];
    case 'convert': return [expr.operand];
    case 'struct': return expr.fields.map((f) => f.value);
    case 'prior': case 'each': case 'position': return [expr.of];
    case 'range': return [expr.from, expr.to];
    case 'sum': return [expr.over, expr.term, ...expr.where];
    case 'count': return [expr.over, ...expr.where];
    case 'call-outcome': return expr.amount ? [expr.target, expr.amount] : [expr.target];
    default: return [];
  }
}

/** Depth-first walk over an expression tree. */
export function* walkExpr(expr: Expr): Generator<Expr> {
  yield expr;
  for (const child of childrenOf(expr)) yield* walkExpr(child);
}
