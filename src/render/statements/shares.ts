/**
 * The shares the code takes of an amount, for the `key-fact:shares` line: a share paid to someone (the
 * arbiter's 1%), a share stored as a term (a deposit of 30% of the price), and a share a named formula
 * computes (a late penalty of 0.5% of the price for each full day, at most 10% of the price). A rate a
 * party can change is given with who may change it and the cap the code puts on it.
 */
import type { ContractTerms, Expr, Party, SourceRef } from '../../terms/index.ts';
import { isZero, unwrap } from '../expr-helpers.ts';
import { actionNames } from './spec.ts';

type PercentOf = Extract<Expr, { kind: 'percent-of' }>;

export interface ShareFact {
  share: PercentOf;
  /** Who is paid the share, or the stored value it is (a deposit computed at deployment). */
  party: Party | null;
  to: Expr | null;
  stored: Expr | null;
  /** The named formula (a view) the share is, when it is one: its name and label. */
  defined: { name: string; label: string } | null;
  /** When the formula is zero in a case it states (not the case in which the period counted is empty). */
  zeroIf: Expr | null;
  actions: string[];
  /**
   * The largest value: for a rate set by a power, the bound the code accepts (a number with its share
   * unit); for a formula that takes the smaller of the share and another amount, that amount.
   */
  cap: Expr | null;
  /** A balance the share is credited to (`balance[propertyManager] += fee`), to be withdrawn later. */
  credited: Expr | null;
  /** For a rate held in storage: how deployment sets it, a given value (`given`) or a number (`value`). */
  rateAtDeployment: { given: boolean; value: Expr | null } | null;
  /** For a rate a party may change: who may (parties), and through which actions. */
  changers: Party[];
  changedThrough: string[];
  atDeployment: boolean;
  source: SourceRef;
}

type Found = Pick<ShareFact, 'party' | 'to' | 'stored' | 'source'> & Partial<Pick<ShareFact, 'defined' | 'zeroIf' | 'cap' | 'credited'>>;

export function describeShares(terms: ContractTerms): ShareFact[] {
  const facts: Omit<ShareFact, 'atDeployment'>[] = [];
  const keyOf = (share: Expr, fact: Found) => JSON.stringify([share, fact.party?.id ?? fact.to, fact.stored, fact.defined?.name ?? null, fact.credited ?? null]);
  const add = (share: Expr, action: string | null, fact: Found) => {
    if (share.kind !== 'percent-of') return;
    const key = keyOf(share, fact);
    const known = facts.find((f) => keyOf(f.share, f) === key);
    if (known) {
      if (action !== null && !known.actions.includes(action)) known.actions.push(action);
      return;
    }
    const rate = share.rate.kind === 'variable' && share.rate.value === null ? share.rate.name : null;
    const powers = rate === null ? [] : terms.powers.filter((p) => p.kind === 'change-term' && p.target?.kind === 'variable' && p.target.name === rate);
    const changers = terms.parties.filter((party) => powers.some((p) => p.holders.includes(party.id)));
    facts.push({
      share,
      actions: action === null ? [] : [action],
      changers,
      changedThrough: actionNames(terms, powers.map((p) => p.action)),
      ...fact,
      rateAtDeployment: rate === null ? null : rateAtDeployment(terms, rate),
      defined: fact.defined ?? null,
      credited: fact.credited ?? null,
      zeroIf: fact.zeroIf ?? null,
      cap: fact.cap ?? capOf(terms, share.rate),
    });
  };
  for (const action of terms.actions) {
    for (const payment of action.payments) {
      if (payment.direction !== 'out') continue;
      for (const share of termsOfSum(payment.amount)) add(share, action.id, { party: terms.parties.find((p) => p.id === payment.toParty) ?? null, to: payment.to, stored: null, source: payment.source });
    }
    for (const effect of action.effects) {
      if (effect.kind === 'increase' && effect.value && effect.target.kind === 'index' && unwrap(effect.target.index).kind === 'variable') {
        const owner = unwrap(effect.target.index) as Extract<Expr, { kind: 'variable' }>;
        for (const share of termsOfSum(effect.value)) add(share, action.id, { party: terms.parties.find((p) => p.id === owner.party) ?? null, to: null, stored: null, source: effect.source, credited: effect.target });
      }
      if (effect.kind === 'set' && effect.value && effect.target.kind === 'variable' && (effect.target.scope === 'state' || effect.target.scope === 'immutable')) add(effect.value, action.id, { party: null, to: null, stored: effect.target, source: effect.source });
    }
  }
  for (const definition of terms.definitions) {
    // A formula with parameters is a rule for given values, not one term of the deal.
    if (!definition.formula || definition.parameters.length > 0) continue;
    const read = readCappedShare(definition.formula);
    if (read) add(read.share, null, { party: null, to: null, stored: null, source: definition.source, defined: { name: definition.name, label: definition.label }, zeroIf: read.zeroIf, cap: read.cap });
  }
  return facts.map((fact) => ({
    ...fact,
    atDeployment: fact.defined === null && fact.actions.every((id) => id === 'constructor'),
    actions: actionNames(terms, fact.actions.filter((id) => id !== 'constructor')),
  }));
}

/**
 * A formula that is a share, possibly the smaller of the share and a cap (`min(share, cap)`: the share, at
 * most the cap), possibly zero in one case (`cond ? 0 : …`). The zero case is dropped when it is exactly
 * the case in which the period the share counts is empty (`shippedAt <= shipBy` before counting the days
 * from `shipBy` to `shippedAt`): the share is then zero anyway.
 */
function readCappedShare(formula: Expr): { share: PercentOf; cap: Expr | null; zeroIf: Expr | null } | null {
  let body = unwrap(formula);
  let zeroIf: Expr | null = null;
  if (body.kind === 'conditional' && isZero(body.then)) {
    zeroIf = body.condition;
    body = unwrap(body.otherwise);
  }
  let share: Expr = body;
  let cap: Expr | null = null;
  if (body.kind === 'min' && body.operands.length === 2) {
    const at = body.operands.findIndex((operand) => unwrap(operand).kind === 'percent-of');
    if (at < 0) return null;
    share = unwrap(body.operands[at]);
    cap = body.operands[1 - at];
  }
  if (share.kind !== 'percent-of') return null;
  if (zeroIf && emptiesPeriod(zeroIf, share.base)) zeroIf = null;
  return { share, cap, zeroIf };
}

/** True when `cond` (`end <= start`, `end < start`) says the period from `start` to `end` that `base` counts is empty. */
function emptiesPeriod(cond: Expr, base: Expr): boolean {
  if (cond.kind !== 'compare') return false;
  const [end, start] = cond.op === '<=' || cond.op === '<' ? [cond.left, cond.right] : cond.op === '>=' || cond.op === '>' ? [cond.right, cond.left] : [null, null];
  if (!end || !start) return false;
  const same = (a: Expr, b: Expr) => JSON.stringify(unwrap(a)) === JSON.stringify(unwrap(b));
  const counts = (e: Expr) => e.kind === 'arith' && e.op === '-' && same(e.left, end) && same(e.right, start);
  const walk = (expr: Expr): boolean =>
    expr.kind === 'arith' && expr.op === '/' ? counts(unwrap(expr.left)) : expr.kind === 'arith' && expr.op === '*' ? walk(unwrap(expr.left)) || walk(unwrap(expr.right)) : false;
  return walk(base);
}

/** How deployment sets a rate held in storage: to a given value, or to a number; null when it does not. */
function rateAtDeployment(terms: ContractTerms, name: string): ShareFact['rateAtDeployment'] {
  const constructor = terms.actions.find((action) => action.id === 'constructor');
  const set = constructor?.effects.find((effect) => effect.kind === 'set' && effect.target.kind === 'variable' && effect.target.name === name && effect.value !== null && effect.when.length === 0);
  const value = set?.value ? unwrap(set.value) : null;
  if (value?.kind === 'variable' && value.scope === 'parameter') return { given: true, value: null };
  if (value?.kind === 'number' || (value?.kind === 'variable' && value.value !== null)) return { given: false, value };
  return null;
}

/** The terms of a sum (`fee + tip`), or the value itself. */
function termsOfSum(expr: Expr): Expr[] {
  return expr.kind === 'arith' && expr.op === '+' ? [...termsOfSum(expr.left), ...termsOfSum(expr.right)] : [expr];
}

/** The cap a power puts on a rate (`newBps <= 1500` for the variable it sets), as the bound's number. */
function capOf(terms: ContractTerms, rate: Expr): Expr | null {
  if (rate.kind !== 'variable' || rate.value !== null) return null;
  for (const power of terms.powers) {
    if (power.target?.kind !== 'variable' || power.target.name !== rate.name) continue;
    for (const bound of power.bounds) {
      if (bound.kind !== 'compare') continue;
      const limit = bound.op === '<=' || bound.op === '<' ? bound.right : bound.op === '>=' || bound.op === '>' ? bound.left : null;
      if (limit && (limit.kind === 'number' || (limit.kind === 'variable' && limit.value !== null)) && limit.unit && ['basis-points', 'per-mille', 'percent'].includes(limit.unit)) return limit;
    }
  }
  return null;
}
