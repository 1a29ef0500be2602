/**
 * Helpers for expression trees and model look-ups. An expression renders through the locale's partial
 * for its kind (`partials/expr/<kind>.hbs`); the helpers below only choose, compare and look up.
 */
import type Handlebars from 'handlebars';
import type { ArithOp, CompareOp, ContractTerms, Expr, ShareUnit } from '../terms/index.ts';
import { readBalanceChange, SHARE_SCALE, unwrap } from '../terms/index.ts';
import { formatList, formatPercent, sharePercent, type ListType } from './format.ts';
import { lookupOf, registerNameHelpers } from './name-helpers.ts';
import { renderPartial, type RenderData, squash } from './render-data.ts';
import { roleHeld } from './roles.ts';
import { same, withoutPrior } from '../ir/exprs.ts';
import { namedReference } from './named-values.ts';
import { storedPath, timeAnchors } from '../extract/time-anchors.ts';
import type { NamedValue } from '../ir/named-values.ts';
import { MAX_UINT256 } from '../ir/exprs.ts';

type HelperOptions = Omit<Handlebars.HelperOptions, 'data'> & { data: RenderData };

const TIME_UNITS = new Set(['seconds', 'minutes', 'hours', 'days', 'weeks']);
const FLIPPED: Record<CompareOp, CompareOp> = { '==': '==', '!=': '!=', '<': '>', '<=': '>=', '>': '<', '>=': '<=' };
const PRECEDENCE: Record<ArithOp, number> = { '+': 1, '-': 1, '*': 2, '/': 2, '%': 2, '**': 3 };
const VALUE_KINDS = new Set(['variable', 'member', 'index', 'call', 'external-call']);
const IDENTITY_KINDS = new Set(['caller', 'origin', 'zero-address', 'address', 'this', 'enum-member', 'bool', 'signer']);

/** Renders an expression through the partial for its kind. */
export function renderExpr(expr: Expr, data: RenderData): string {
  const named = namedReference(expr, data.naming ?? null);
  if (named) return squash(renderPartial('expr/named', named, data));
  return squash(renderPartial(`expr/${expr.kind}`, expr, data));
}

/** A computed value's definition: the value spelled out at the top, the named values inside it named. */
function renderDefinition(named: NamedValue, data: RenderData): string {
  const naming = data.naming;
  if (!naming) return renderExpr(named.value, data);
  const outer = naming.defining;
  naming.defining = named;
  try {
    return renderExpr(named.value, data);
  } finally {
    naming.defining = outer;
  }
}

/** Type conversions render as their operand. */
export { unwrap };

/** For a comparison with the block time on one side: the operator with the time on the left, and the other side. */
export function readTimeCompare(expr: Expr): { op: CompareOp; against: Expr } | null {
  if (expr.kind !== 'compare') return null;
  if (unwrap(expr.left).kind === 'now') return { op: expr.op, against: expr.right };
  if (unwrap(expr.right).kind === 'now') return { op: FLIPPED[expr.op], against: expr.left };
  return null;
}

/** A comparison with an enum member, the member on the right: `Stage.Funded > stage` reads as `stage < Stage.Funded`. */
export function readEnumCompare(expr: Expr): { op: CompareOp; left: Expr; right: Expr } | null {
  if (expr.kind !== 'compare') return null;
  if (unwrap(expr.right).kind === 'enum-member') return { op: expr.op, left: expr.left, right: expr.right };
  if (unwrap(expr.left).kind === 'enum-member') return { op: FLIPPED[expr.op], left: expr.right, right: expr.left };
  return null;
}

/**
 * `base ± duration`: a point in time before or after another. Null when the sum is not about time. A
 * stored time the contract compares with the block time (one of `moments`) plus a value is that value's
 * period after it, with or without a time unit: `lastInteraction + feeTimeout`.
 */
export function readTimeOffset(expr: Expr, isMoment: (expr: Expr) => boolean = () => false): { base: Expr; amount: Expr; sign: '+' | '-' } | null {
  if (expr.kind !== 'arith' || (expr.op !== '+' && expr.op !== '-')) return null;
  const [base, amount] =
    expr.op === '+' && (unwrap(expr.right).kind === 'now' || (isMoment(expr.right) && !isMoment(expr.left))) ? [expr.right, expr.left] : [expr.left, expr.right];
  const inner = unwrap(amount);
  const amountIsDuration = hasTimeUnit(inner);
  const baseIsNow = unwrap(base).kind === 'now';
  // Only a sum: `end - start` with start of unknown kind is not "start before end".
  const periodAfterMoment = expr.op === '+' && isMoment(base) && !isMoment(amount) && inner.kind !== 'now' && inner.kind !== 'number';
  // `now - t` with t a moment is the time elapsed since t, not a moment before the call.
  if (!amountIsDuration && !periodAfterMoment && (!baseIsNow || expr.op === '-')) return null;
  return { base, amount, sign: expr.op };
}

function hasTimeUnit(expr: Expr): boolean {
  const inner = unwrap(expr);
  return (inner.kind === 'number' || inner.kind === 'variable') && inner.unit !== null && TIME_UNITS.has(inner.unit);
}

/** True for a stored value the terms know as a moment: a deadline, or a value listed in `moments`. */
export function isMomentIn(terms: ContractTerms | null | undefined): (expr: Expr) => boolean {
  const known = new Set(terms?.moments ?? []);
  for (const deadline of terms?.deadlines ?? []) if (deadline.clock === 'time') known.add(placeKey(deadline.subject) ?? '');
  const anchors = terms ? timeAnchors(terms) : new Set<string>();
  return (expr) => {
    const key = placeKey(expr);
    const anchor = storedPath(expr);
    return (key !== null && known.has(key)) || (anchor !== null && anchors.has(anchor));
  };
}

/** `shipBy`, `orders.deliverBy` (a field of each record), as the model's `moments` names them. */
function placeKey(expr: Expr): string | null {
  const inner = unwrap(expr);
  if (inner.kind === 'prior') return placeKey(inner.of);
  if (inner.kind === 'variable') return inner.scope === 'state' || inner.scope === 'immutable' ? inner.name : inner.scope === 'parameter' ? `parameter:${inner.name}` : null;
  if (inner.kind !== 'member') return null;
  const record = inner.object.kind === 'index' ? inner.object.base : inner.object;
  return record.kind === 'variable' && record.scope !== 'parameter' && record.scope !== 'local' ? `${record.name}.${inner.member}` : null;
}

/** `now - t` with t a moment: the time elapsed since t; `t1 - t0`, both moments: the time from t0 to t1. */
export function readElapsed(expr: Expr, isMoment: (expr: Expr) => boolean): { from: Expr; to: Expr | null } | null {
  if (expr.kind !== 'arith' || expr.op !== '-' || !isMoment(expr.right)) return null;
  if (unwrap(expr.left).kind === 'now') return { from: expr.right, to: null };
  return isMoment(expr.left) ? { from: expr.right, to: expr.left } : null;
}

/** True for 0 written without a unit, or converted: `bytes32(0)`. */
export function isZero(expr: Expr): boolean {
  const inner = unwrap(expr);
  return inner.kind === 'number' && inner.value === '0';
}

/** True when `==` reads as identity ("is") rather than equality of amounts ("equals"). */
export function isIdentity(expr: Expr): boolean {
  const inner = unwrap(expr);
  if (IDENTITY_KINDS.has(inner.kind) || isZero(inner)) return true;
  return inner.kind === 'variable' && inner.party !== null;
}

/** Whether a child of an arithmetic node needs brackets to keep its meaning. */
export function needsParens(parent: Expr, child: Expr, side: 'left' | 'right'): boolean {
  const inner = unwrap(child);
  if (inner.kind === 'conditional') return true;
  // "the sum of A over every entry for which B plus C": without brackets C reads as part of the condition.
  if (parent.kind === 'arith' && side === 'left' && (inner.kind === 'sum' || inner.kind === 'count') && (inner.where.length > 0 || (inner.kind === 'sum' && unwrap(inner.term).kind === 'conditional'))) return true;
  // "the F for A and B minus C": without brackets the operator reads as part of the last argument.
  const call = inner.kind === 'prior' ? unwrap(inner.of) : inner;
  if (parent.kind === 'arith' && side === 'left' && call.kind === 'call' && call.args.length > 0) return true;
  if (parent.kind !== 'arith' || inner.kind !== 'arith') return false;
  const outer = PRECEDENCE[parent.op];
  const own = PRECEDENCE[inner.op];
  return own < outer || (own === outer && side === 'right' && parent.op !== '+' && parent.op !== '*');
}

export function registerExprHelpers(hb: typeof Handlebars): void {
  hb.registerHelper('expr', (expr: Expr, options: HelperOptions) => renderExpr(expr, options.data));
  hb.registerHelper('definedValue', (named: NamedValue, options: HelperOptions) => renderDefinition(named, options.data));
  hb.registerHelper('truth', (expr: Expr, options: HelperOptions) => squash(renderPartial('truth', expr, options.data)));
  /** `{{exprList operands "disjunction"}}`, `{{truthList operands "conjunction" open="(" close=")"}}` */
  hb.registerHelper('exprList', (exprs: Expr[], type: ListType, options: HelperOptions) =>
    formatList(exprs.map((expr) => renderExpr(expr, options.data)), options.data.locale, type),
  );
  hb.registerHelper('truthList', (exprs: Expr[], type: ListType, options: HelperOptions) => {
    const { open = '', close = '', joiner } = options.hash as { open?: string; close?: string; joiner?: string };
    const items = exprs.map((expr) => {
      const text = squash(renderPartial('truth', expr, options.data));
      const nested = expr.kind === 'and' || expr.kind === 'or';
      return nested ? `${open}${text}${close}` : text;
    });
    // A locale's own word for joining conditions (Chinese legal text joins them with 且, not 和).
    return joiner ? items.join(joiner) : formatList(items, options.data.locale, type);
  });
  /** `{{dispatch "risk" kind this}}`: renders partial risk/<kind>; a missing partial throws. */
  hb.registerHelper('dispatch', (prefix: string, kind: string, context: unknown, options: HelperOptions) =>
    squash(renderPartial(`${prefix}/${kind}`, context, options.data)),
  );
  hb.registerHelper('codeOnly', (exprs: Expr[]) => exprs.filter((expr) => expr.kind === 'code'));
  hb.registerHelper('withoutCode', (exprs: Expr[]) => exprs.filter((expr) => expr.kind !== 'code'));
  hb.registerHelper('timeCompare', (expr: Expr) => readTimeCompare(expr));
  hb.registerHelper('enumCompare', (expr: Expr) => readEnumCompare(expr));
  hb.registerHelper('balanceChange', (expr: Expr) => readBalanceChange(expr));
  hb.registerHelper('timeOffset', (expr: Expr, options: HelperOptions) => readTimeOffset(expr, isMomentIn(options.data.terms)));
  /** Two moments compared: one is before or after the other. */
  hb.registerHelper('momentCompare', (expr: Expr, options: HelperOptions) => {
    const isMoment = isMomentIn(options.data.terms);
    return expr.kind === 'compare' && isMoment(expr.left) && isMoment(expr.right) ? expr : null;
  });
  hb.registerHelper('elapsed', (expr: Expr, options: HelperOptions) => readElapsed(expr, isMomentIn(options.data.terms)));
  hb.registerHelper('isZero', (expr: Expr) => isZero(expr));
  /** A token named by a record's field whose own name ends in "Token" (`escrow.token`): in Chinese it already ends in 代币. */
  hb.registerHelper('endsInToken', (expr: Expr) => {
    const bare = unwrap(withoutPrior(expr));
    return bare.kind === 'member' && /(^|\s)Token$/.test(bare.label);
  });
  /** For `a - share of a` ('the Amount less 1% of it'): the share taken, or null. */
  hb.registerHelper('shareTaken', (expr: Expr) => {
    if (expr.kind !== 'arith' || expr.op !== '-') return null;
    const right = unwrap(expr.right);
    return right.kind === 'percent-of' && same(unwrap(right.base), unwrap(expr.left)) ? right : null;
  });
  hb.registerHelper('isMaxUint', (value: string) => value === MAX_UINT256.toString());
  hb.registerHelper('isIdentity', (left: Expr, right: Expr) => isIdentity(left) || isIdentity(right));
  hb.registerHelper('isValue', (expr: Expr) => VALUE_KINDS.has(unwrap(expr).kind));
  hb.registerHelper('isTimeUnit', (unit: string | null) => unit !== null && TIME_UNITS.has(unit));
  /** A number or constant written with a time unit (`14 days`, `GRACE_PERIOD`), as opposed to a stored period. */
  hb.registerHelper('hasTimeUnit', (expr: Expr) => hasTimeUnit(expr));
  hb.registerHelper('isShareUnit', (unit: string | null) => unit !== null && unit in SHARE_SCALE);
  /** `{{shareValue value unit}}`: a number read as a share, as a percentage ('1500', basis points → '15%'). */
  hb.registerHelper('shareValue', (value: string, unit: ShareUnit, options: HelperOptions) =>
    formatPercent(sharePercent(value, SHARE_SCALE[unit]), options.data.locale),
  );
  hb.registerHelper('isEthUnit', (unit: string | null) => isEthUnit(unit));
  /** A number or constant that is an amount of ETH (`0.1 ether`, or a raw number the code compares with the ETH sent). */
  hb.registerHelper('isEthAmount', (expr: Expr) => {
    const inner = unwrap(expr);
    return (inner.kind === 'number' || inner.kind === 'variable') && isEthUnit(inner.unit);
  });
  hb.registerHelper('needsParens', (parent: Expr, child: Expr, side: 'left' | 'right') => needsParens(parent, child, side));
  hb.registerHelper('unwrap', (expr: Expr) => unwrap(expr));
  hb.registerHelper('kindOf', (expr: Expr) => unwrap(expr).kind);
  /** A true/false value stored by the contract or an item: reads as a flag that is set or not. */
  /** A condition on role membership: the account, the role, and whether it must be held. */
  hb.registerHelper('roleHeld', (expr: Expr) => roleHeld(expr));
  hb.registerHelper('isFlag', (expr: Expr) => {
    const inner = unwrap(expr);
    const bare = inner.kind === 'prior' ? unwrap(inner.of) : inner;
    if (bare.kind === 'index') return lookupOf(bare)?.flag ?? false;
    return (bare.kind === 'variable' || bare.kind === 'member') && bare.type === 'bool';
  });
  hb.registerHelper('isParameter', (expr: Expr) => {
    const bare = unwrap(expr);
    return bare.kind === 'variable' && bare.scope === 'parameter';
  });
  /**
   * A parameter that picks a record by its number or id (`escrows[escrowId]`): the record reads as "the given
   * Escrow". A parameter holding an address (`grants[who]`) names an account, not the record.
   */
  hb.registerHelper('picksRecord', (expr: Expr) => {
    const bare = unwrap(expr);
    return bare.kind === 'variable' && bare.scope === 'parameter' && !/^address\b/.test(bare.type ?? '');
  });
  /** True for the block time, or a time before or after it: the value reads as a moment. */
  hb.registerHelper('isTimeValue', (expr: Expr | null, options: HelperOptions) => expr !== null && (unwrap(expr).kind === 'now' || readTimeOffset(expr, isMomentIn(options.data.terms)) !== null));
  /** `{{renderEach "caller-rule" rules "disjunction"}}`: each item through a partial, then joined as a list. */
  hb.registerHelper('renderEach', (partial: string, items: unknown[], type: ListType, options: HelperOptions) =>
    formatList(items.map((item) => squash(renderPartial(partial, item, options.data))), options.data.locale, type),
  );
  /** `{{codeList names "conjunction"}}`: code names in backticks, joined as a list. */
  hb.registerHelper('codeList', (names: string[], type: ListType, options: HelperOptions) =>
    formatList(names.map((name) => `\`${name}\``), options.data.locale, type),
  );
  /** `{{#asAction kind}}…{{/asAction}}`: words inside read as said about an action of that kind. */
  hb.registerHelper('asAction', function (this: unknown, kind: string | null, options: HelperOptions) {
    const data = hb.createFrame(options.data) as RenderData;
    data.actionKind = kind;
    return options.fn(this, { data });
  });
  registerLookupHelpers(hb);
  registerNameHelpers(hb);
}

function registerLookupHelpers(hb: typeof Handlebars): void {
  hb.registerHelper('party', (id: string, options: HelperOptions) => options.data.terms?.parties.find((p) => p.id === id) ?? null);
  hb.registerHelper('action', (id: string, options: HelperOptions) => options.data.terms?.actions.find((a) => a.id === id) ?? null);
  hb.registerHelper('lifecycle', (id: string, options: HelperOptions) =>
    options.data.terms?.lifecycles.find((l) => l.id === id) ?? null,
  );
  /** The definition (formula) of a view function the terms name, when the model has one. */
  hb.registerHelper('definitionOf', (name: string, options: HelperOptions) =>
    options.data.terms?.definitions.find((definition) => definition.name === name && definition.formula !== null) ?? null,
  );
  /** True for a stored value the contract compares with the block time: it reads as a moment. */
  hb.registerHelper('isDeadlineVariable', (expr: Expr, options: HelperOptions) => isMomentIn(options.data.terms)(expr));
  hb.registerHelper('lifecycleOfEnum', (enumName: string, options: HelperOptions) =>
    options.data.terms?.lifecycles.find((l) => l.enumName === enumName) ?? null,
  );
  /** The label of a lifecycle's state, or the name itself when the lifecycle does not list it. */
  hb.registerHelper('stateLabel', (lifecycleId: string, state: string, options: HelperOptions) => {
    const lifecycle = options.data.terms?.lifecycles.find((l) => l.id === lifecycleId);
    return lifecycle?.states.find((s) => s.name === state)?.label ?? state;
  });
  /** True the first time a code name is mentioned in a document, so it is shown beside its label once. */
  hb.registerHelper('firstMention', (name: string, options: HelperOptions) => firstTime(name, options.data));
  /** The unit of a rate (basis points, percent) is said at its first mention in a group, as a code name is. */
  hb.registerHelper('firstScale', (rate: Expr, scale: string, options: HelperOptions) => firstTime(`:scale:${scale}:${JSON.stringify(rate)}`, options.data));
  /** Marks a code name as shown (when a template shows it itself); renders nothing. */
  hb.registerHelper('introduce', (name: string, options: HelperOptions) => {
    options.data.introduced.add(name);
    return '';
  });
  /** The bits a conversion to a narrower integer keeps (`uint96(x)` of a uint256 x), else null. */
  hb.registerHelper('narrowedBits', (expr: Expr) => {
    if (expr.kind !== 'convert') return null;
    const to = /^u?int(\d+)$/.exec(expr.to);
    const from = /^u?int(\d*)$/.exec(expr.operand.kind === 'variable' || expr.operand.kind === 'member' ? expr.operand.type : '');
    if (!to || !from) return null;
    return Number(to[1]) < Number(from[1] || '256') ? to[1] : null;
  });
  hb.registerHelper('isConstructor', (options: HelperOptions) => options.data.actionKind === 'constructor');
  /** True when some of the contract's code could not be read: negative statements then speak only of what was read. */
  hb.registerHelper('partlyRead', (options: HelperOptions) => (options.data.terms?.notExplained.length ?? 0) > 0);
}

function isEthUnit(unit: string | null): boolean {
  return unit === 'ether' || unit === 'gwei' || unit === 'wei';
}

/** True the first time a name (or a rate's unit) is shown in the statement group, which it then records as shown. */
function firstTime(key: string, data: RenderData): boolean {
  if (data.introduced.has(key)) return false;
  data.introduced.add(key);
  return true;
}
