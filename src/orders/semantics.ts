/**
 * What each parameter of each action is, judged by what the code does with it: compared with the ETH
 * sent or paid in ETH → ETH; compared with the block time → a date; the rate of a share → a percentage;
 * paid as a token amount → token units; compared with the caller or stored as a party → an address of
 * that party. Values flow through storage: a parameter stored in `feeBps` is a percentage when some
 * action uses `feeBps` as a rate. An amount paid in ETH on one path and in a token on another (an offer
 * asking for a token, or ETH when the token is the zero address) is in no one unit: it takes no format,
 * nor passes one on to what it is compared with or stored in. Computed once per Terms object and cached.
 */
import type { Action, ContractTerms, Expr, SourceRef } from '../terms/index.ts';
import { walkExpr } from '../terms/index.ts';
import type { FormatEvidence, FormatReason, ParameterSemantics, ValueFormat } from './model.ts';
import { constantOf } from '../ir/exprs.ts';
import { firstKnown, formatFromType, isCompatible, isPlainNumber, keyOf, namesParty, storedIn, unwrap } from './slots.ts';

interface Fact {
  format: ValueFormat;
  evidence: FormatEvidence;
}

/** Where a use is seen: the action whose parameters the expression names, and the source lines. */
interface Site {
  action: string;
  source: SourceRef;
}

type Arith = Extract<Expr, { kind: 'arith' }>;
type PercentOf = Extract<Expr, { kind: 'percent-of' }>;

const TIME_UNITS = new Set(['seconds', 'minutes', 'hours', 'days', 'weeks']);
const ETH_UNITS = new Set(['ether', 'gwei']);
const MAX_ROUNDS = 8;

/** Parameter semantics of every action, by action id. */
export type ContractSemantics = Map<string, ParameterSemantics[]>;

const cache = new WeakMap<ContractTerms, { parameters: ContractSemantics; state: Map<string, ValueFormat>; inference: Inference }>();

function inferAll(terms: ContractTerms) {
  let found = cache.get(terms);
  if (!found) {
    const inference = settled(terms);
    found = { parameters: new Map(terms.actions.map((action) => [action.id, inference.parametersOf(action)])), state: inference.stateFormats(), inference };
    cache.set(terms, found);
  }
  return found;
}

/**
 * The format of any expression of an action, from a fresh inference over the terms as they stand (not
 * cached: the extractors call it while the terms are still being built).
 */
export function inferFormats(terms: ContractTerms): ((expr: Expr, action: string) => ValueFormat | null) & { rateOf: (share: PercentOf, action: string) => Expr; moments: () => string[]; evidenceOf: (expr: Expr, action: string) => FormatEvidence | null } {
  const inference = settled(terms);
  return Object.assign((expr: Expr, action: string) => inference.formatOf(expr, action), {
    rateOf: (share: PercentOf, action: string) => inference.rateOf(share, action),
    moments: () => inference.moments(),
    evidenceOf: (expr: Expr, action: string) => inference.evidenceOf(expr, action),
  });
}

/** The parameter semantics of every action of a contract (cached per Terms object). */
export function readSemantics(terms: ContractTerms): ContractSemantics {
  return inferAll(terms).parameters;
}

/** The semantics of the fields of a struct parameter of an action (`order.price` of `fill(Order,bytes)`). */
export function readFieldSemantics(terms: ContractTerms, actionId: string, parameter: string, fields: { name: string; type: string }[]): ParameterSemantics[] {
  const { inference } = inferAll(terms);
  return fields.map((field) => inference.semanticsOf(`parameter:${actionId}:${parameter}.${field.name}`, field.name, field.type));
}

/**
 * The format of each state variable, constant, immutable and argument-free view function whose use in
 * the code shows one, by name (`price` → eth, `shipBy` → datetime, `feeBps` → percent).
 */
export function readStateFormats(terms: ContractTerms): Map<string, ValueFormat> {
  return inferAll(terms).state;
}

/**
 * The inference run until no more amounts turn out mixed: each run leaves out the values an earlier one
 * found to be paid both in ETH and in a token, so none of them lends its first-found unit to another.
 */
function settled(terms: ContractTerms): Inference {
  let mixed = new Set<string>();
  for (;;) {
    const inference = new Inference(terms, mixed);
    inference.run();
    const found = inference.mixedAmounts().filter((key) => !mixed.has(key));
    if (found.length === 0) return inference;
    mixed = new Set([...mixed, ...found]);
  }
}

class Inference {
  private readonly facts = new Map<string, Fact>();
  /** Every format a value was given, in order: the first one its type allows is reported (an address used as a mapping key is still an address). */
  private readonly candidates = new Map<string, Fact[]>();
  private readonly flows: { slot: Expr; value: Expr; site: Site }[] = [];
  private readonly pairs: { left: Expr; right: Expr; site: Site }[] = [];
  /** Shares (`amount * feeBps / 10000`): which factor is the rate is settled once amounts are known. */
  private readonly shares: { share: PercentOf; site: Site }[] = [];
  private changed = false;

  /** `mixed`: the values known to be amounts of ETH on some paths and of a token on others; they take no format. */
  constructor(
    private readonly terms: ContractTerms,
    private readonly mixed: ReadonlySet<string> = new Set(),
  ) {}

  run(): void {
    this.seedParties();
    for (const deadline of this.terms.deadlines) {
      // A window counted in block numbers is not a date.
      if (deadline.clock === 'blocks') continue;
      for (const check of deadline.checks) this.assign(deadline.subject, { kind: 'datetime' }, 'deadline', { action: check.action, source: check.source });
    }
    for (const action of this.terms.actions) this.scanAction(action);
    // The views the terms name (`calculateFee(amount)` = `amount * feeBps / 10000`): their shares give rates too.
    for (const definition of this.terms.definitions) if (definition.formula) this.scanExpr(definition.formula, { action: definition.id, source: definition.source });
    for (let round = 0; round < MAX_ROUNDS; round++) {
      this.changed = false;
      this.propagate();
      if (!this.changed) break;
    }
  }

  parametersOf(action: Action): ParameterSemantics[] {
    return action.parameters.map((parameter) => this.semanticsOf(`parameter:${action.id}:${parameter.name}`, parameter.name, parameter.type));
  }

  semanticsOf(key: string, name: string, type: string): ParameterSemantics {
    const fact = [this.facts.get(key), ...(this.candidates.get(key) ?? [])].find((candidate) => candidate && isCompatible(candidate.format, type));
    if (fact) return { name, type, ...fact };
    const evidence: FormatEvidence = { reason: 'type', via: null, action: null, source: null };
    return { name, type, format: formatFromType(type), evidence };
  }

  /** Values given both an ETH amount's format and a token amount's. */
  mixedAmounts(): string[] {
    return [...this.candidates].filter(([, found]) => found.some((c) => c.format.kind === 'eth') && found.some((c) => c.format.kind === 'token')).map(([key]) => key);
  }

  formatOf(expr: Expr, action: string): ValueFormat | null {
    return this.infer(expr, action);
  }

  /** Why a stored value or parameter has its format: the use that shows it, with its lines. */
  evidenceOf(expr: Expr, action: string): FormatEvidence | null {
    const key = keyOf(expr, action);
    return key === null ? null : (this.facts.get(key)?.evidence ?? null);
  }

  stateFormats(): Map<string, ValueFormat> {
    const formats = new Map<string, ValueFormat>();
    for (const [key, fact] of this.facts) {
      const [scope, name] = key.split(':');
      if ((scope === 'var' || scope === 'call') && !name.includes('.')) formats.set(name, fact.format);
    }
    return formats;
  }

  /**
   * Values that are dates: `shipBy` for a state variable, `orders.deliverBy` for a field of each record,
   * `parameter:start` for a parameter that is a date in every action that takes one of that name.
   */
  moments(): string[] {
    const stored = [...this.facts].filter(([key, fact]) => fact.format.kind === 'datetime' && /^(var|item):/.test(key)).map(([key]) => key.slice(key.indexOf(':') + 1));
    const parameters = new Map<string, boolean>();
    for (const action of this.terms.actions) {
      for (const parameter of action.parameters) {
        const isDate = this.facts.get(`parameter:${action.id}:${parameter.name}`)?.format.kind === 'datetime';
        parameters.set(parameter.name, (parameters.get(parameter.name) ?? true) && isDate);
      }
    }
    return [...stored, ...[...parameters].filter(([, isDate]) => isDate).map(([name]) => `parameter:${name}`)];
  }

  private seedParties(): void {
    for (const party of this.terms.parties) {
      // A holder is a mapping of amounts by caller, not an address the code keeps.
      if (party.kind === 'holder') continue;
      const key = party.kind === 'item-field' && party.collection ? `item:${party.collection}.${party.name}` : `var:${party.name}`;
      this.facts.set(key, { format: { kind: 'address', party: party.id }, evidence: { reason: 'party', via: null, action: null, source: party.source } });
    }
  }

  private scanAction(action: Action): void {
    const at = (source: SourceRef): Site => ({ action: action.id, source });
    for (const condition of action.conditions) {
      for (const expr of [condition.expr, ...condition.when]) this.scanExpr(expr, at(condition.source));
    }
    for (const payment of action.payments) {
      const site = at(payment.source);
      for (const expr of [payment.amount, payment.to, ...(payment.from ? [payment.from] : []), ...payment.when]) this.scanExpr(expr, site);
      if (payment.asset.kind === 'eth') this.assign(payment.amount, { kind: 'eth' }, 'eth-payment', site);
      // The wrapped token paid in place of failed ETH (`instead`) is the same amount of ETH, not another unit.
      else if (!payment.instead) this.assign(payment.amount, { kind: 'token', token: payment.asset.token, decimals: null, symbol: null }, 'token-payment', site);
      this.assign(payment.to, { kind: 'address', party: payment.toParty }, 'payment-party', site);
      if (payment.from) this.assign(payment.from, { kind: 'address', party: null }, 'payment-party', site);
    }
    for (const effect of action.effects) {
      const site = at(effect.source);
      for (const expr of [effect.target, ...(effect.value ? [effect.value] : []), ...effect.when]) this.scanExpr(expr, site);
      if (effect.value && effect.kind !== 'delete' && effect.kind !== 'push' && effect.kind !== 'pop') this.addFlow(effect.target, effect.value, site);
    }
  }

  /** A value stored in a slot; a struct literal stored in a collection item flows field by field. */
  private addFlow(target: Expr, value: Expr, site: Site): void {
    if (value.kind === 'struct' && target.kind === 'index') {
      for (const field of value.fields) {
        this.flows.push({ slot: { kind: 'member', object: target, member: field.name, label: field.label, type: '' }, value: field.value, site });
      }
    } else {
      this.flows.push({ slot: target, value, site });
    }
  }

  private scanExpr(root: Expr, site: Site): void {
    for (const expr of walkExpr(root)) {
      if (expr.kind === 'percent-of') this.shares.push({ share: expr, site });
      else if (expr.kind === 'index' && expr.base.kind === 'variable') this.assign(expr.index, { kind: 'item', collection: expr.base.name, label: expr.base.label }, 'index', site);
      else if (expr.kind === 'arith') this.scanTimeOffset(expr, site);
      else if (expr.kind === 'compare') this.scanCompare(expr.left, expr.right, site);
    }
  }

  /** `now + x`, `now - x`, `x + now`: x is a duration. */
  private scanTimeOffset(expr: Arith, site: Site): void {
    if (expr.op !== '+' && expr.op !== '-') return;
    if (unwrap(expr.left).kind === 'now') this.assign(expr.right, { kind: 'duration' }, 'time-offset', site);
    if (unwrap(expr.right).kind === 'now' && expr.op === '+') this.assign(expr.left, { kind: 'duration' }, 'time-offset', site);
  }

  private scanCompare(left: Expr, right: Expr, site: Site): void {
    for (const [side, other] of [[left, right], [right, left]] as const) {
      const kind = unwrap(side).kind;
      if (kind === 'value-sent') this.assign(other, { kind: 'eth' }, 'value-sent', site);
      else if (kind === 'now') this.assign(other, { kind: 'datetime' }, 'block-time', site);
      else if (kind === 'caller' || kind === 'origin') this.assign(other, { kind: 'address', party: null }, 'caller', site);
    }
    this.pairs.push({ left, right, site });
  }

  /**
   * The rate of a share: the factor written as the rate, unless the code uses it as an amount (of ETH or
   * a token) and the other factor is not one; then the other factor is the rate (`feeBps * price / 10000`).
   */
  rateOf(share: PercentOf, action: string): Expr {
    return this.swapped(share, action) ? share.base : share.rate;
  }

  private swapped(share: PercentOf, action: string): boolean {
    if (constantOf(share.rate) !== null || unwrap(share.base).kind === 'arith') return false;
    const isAmount = (format: ValueFormat | null) => format?.kind === 'eth' || format?.kind === 'token';
    return isAmount(this.infer(share.rate, action)) && !isAmount(this.infer(share.base, action));
  }

  /** One round of flows through storage and comparisons between values of known format. */
  private propagate(): void {
    for (const { share, site } of this.shares) {
      this.assign(this.rateOf(share, site.action), { kind: 'percent', scale: share.scale }, 'rate', site);
    }
    for (const { slot, value, site } of this.flows) {
      const key = keyOf(slot, site.action);
      const slotFact = key === null ? undefined : this.facts.get(key);
      if (slotFact) this.assign(value, slotFact.format, slotFact.evidence.reason, site, storedIn(key!, slotFact));
      else {
        const format = this.infer(value, site.action);
        if (format) this.assign(slot, format, this.reasonOf(value, site.action), site);
      }
    }
    for (const { left, right, site } of this.pairs) {
      const leftFormat = this.infer(left, site.action);
      const rightFormat = this.infer(right, site.action);
      if (leftFormat) this.assign(right, leftFormat, 'compared', site);
      if (rightFormat) this.assign(left, rightFormat, 'compared', site);
    }
  }

  /** Why a stored value's format is known: the fact behind a plain value, or what the expression is. */
  private reasonOf(expr: Expr, action: string): FormatReason {
    const key = keyOf(expr, action);
    const fact = key === null ? undefined : this.facts.get(key);
    if (fact) return fact.evidence.reason;
    const inner = unwrap(expr).kind;
    if (inner === 'value-sent') return 'value-sent';
    if (inner === 'caller' || inner === 'origin') return 'caller';
    return inner === 'now' || inner === 'arith' ? 'time-offset' : 'compared';
  }

  /** The format of an expression's value, when known. */
  private infer(expr: Expr, action: string): ValueFormat | null {
    const key = keyOf(expr, action);
    if (key !== null) return this.facts.get(key)?.format ?? null;
    switch (expr.kind) {
      case 'convert': return this.infer(expr.operand, action);
      case 'value-sent': return { kind: 'eth' };
      case 'now': return { kind: 'datetime' };
      case 'caller': case 'origin': return { kind: 'address', party: null };
      case 'number':
        if (expr.unit !== null && TIME_UNITS.has(expr.unit)) return { kind: 'duration' };
        return expr.unit !== null && ETH_UNITS.has(expr.unit) ? { kind: 'eth' } : null;
      case 'arith': {
        if (expr.op !== '+' && expr.op !== '-') return null;
        const sides = [this.infer(expr.left, action), this.infer(expr.right, action)];
        // The time between two dates is a period.
        if (expr.op === '-' && sides.every((format) => format?.kind === 'datetime')) return { kind: 'duration' };
        return sides.find((format) => format?.kind === 'datetime') ?? firstKnown(sides);
      }
      case 'percent-of': return this.infer(this.swapped(expr, action) ? expr.rate : expr.base, action);
      case 'min': case 'max': return firstKnown(expr.operands.map((operand) => this.infer(operand, action)));
      case 'conditional': return firstKnown([this.infer(expr.then, action), this.infer(expr.otherwise, action)]);
      default: return null;
    }
  }

  /**
   * Gives `format` to the values an expression is made of, through sums, shares, scalings and
   * conversions. The first format a value receives stays (uses are scanned in source order).
   */
  private assign(expr: Expr, format: ValueFormat, reason: FormatReason, site: Site, evidence?: FormatEvidence): void {
    const key = keyOf(expr, site.action);
    if (key !== null) {
      if (this.mixed.has(key)) return;
      const known = this.facts.get(key);
      const candidates = this.candidates.get(key) ?? [];
      if (!candidates.some((candidate) => candidate.format.kind === format.kind)) {
        this.candidates.set(key, [...candidates, { format, evidence: evidence ?? { reason, via: null, action: site.action, source: site.source } }]);
      }
      if (!known || namesParty(known.format, format)) {
        this.facts.set(key, { format, evidence: evidence ?? { reason, via: null, action: site.action, source: site.source } });
        this.changed = true;
      }
      return;
    }
    const inner = (child: Expr, childFormat = format) => this.assign(child, childFormat, reason, site, evidence);
    switch (expr.kind) {
      case 'convert': return inner(expr.operand);
      case 'percent-of': return inner(this.swapped(expr, site.action) ? expr.rate : expr.base);
      case 'min': case 'max': return expr.operands.forEach((operand) => inner(operand));
      case 'conditional': inner(expr.then); return inner(expr.otherwise);
      case 'arith': return this.assignArith(expr, format, inner, site.action);
      default:
    }
  }

  private assignArith(expr: Arith, format: ValueFormat, inner: (child: Expr, format?: ValueFormat) => void, action: string): void {
    if (expr.op === '+' || expr.op === '-') {
      const sides = [this.infer(expr.left, action), this.infer(expr.right, action)];
      if (format.kind === 'duration' && expr.op === '-' && sides.some((side) => side?.kind === 'datetime')) {
        // A period measured from a date (`now - startedAt`): the other side is a date too.
        inner(expr.left, { kind: 'datetime' });
        inner(expr.right, { kind: 'datetime' });
        return;
      }
      if (format.kind !== 'datetime') {
        inner(expr.left);
        inner(expr.right);
        return;
      }
      // A date plus or minus a duration: the side known as a date keeps the format, the other is the duration.
      const rightIsDate = expr.op === '+' && this.infer(expr.right, action)?.kind === 'datetime';
      inner(rightIsDate ? expr.right : expr.left);
      inner(rightIsDate ? expr.left : expr.right, { kind: 'duration' });
      return;
    }
    // `amount / 100`, `2 * price`: scaling by a plain number does not change what the amount is.
    if ((expr.op === '*' || expr.op === '/') && isPlainNumber(expr.right)) inner(expr.left);
    else if (expr.op === '*' && isPlainNumber(expr.left)) inner(expr.right);
  }
}
