/**
 * Amounts paid out of storage that no action ever records: a payment of `bids[msg.sender]` where no action
 * (deployment included) writes anything into `bids` but zero, or of `orders[id].shipment.fee` where every
 * write of that field (the record written whole when created included) puts zero there. The amount is always
 * zero, so the payment pays nothing, and ETH the contract takes in is not paid back through it.
 *
 * Limits: a write through a storage reference or assembly that the lowering does not represent as a store to
 * the variable is not seen, so nothing is said while any code is left unexplained; and a write of a value
 * that happens to be zero at run time counts as a record.
 */
import { targetName } from '../ir/exprs.ts';
import type { ContractTerms, Effect, Expr, Payment, Risk } from '../terms/index.ts';
import { unwrap } from '../terms/index.ts';

type Draft = Omit<Risk, 'id' | 'basis'>;

export function neverRecorded(terms: ContractTerms): Draft[] {
  // A write plainterms could not read may be the one that records the amount.
  if (terms.notExplained.some((n) => n.reason !== 'contradiction')) return [];
  const drafts: Draft[] = [];
  const seen = new Set<string>();
  const effects = terms.actions.flatMap((a) => a.effects);
  for (const action of terms.actions) {
    for (const payment of action.payments) {
      if (payment.direction !== 'out') continue;
      const place = storedPlace(payment.amount);
      if (place === null || seen.has(`${action.id}:${place.join('.')}`)) continue;
      if (effects.some((e) => recordsAt(e, place))) continue;
      seen.add(`${action.id}:${place.join('.')}`);
      // Actions that take ETH in (and pay nothing out themselves): what they take is what the payment would have paid back.
      const intake = terms.actions.filter((a) => a.id !== action.id && a.kind !== 'constructor' && a.payable && !a.payments.some((p) => p.direction === 'out')).map((a) => a.id);
      drafts.push({ kind: 'never-recorded', action: action.id, party: null, subject: payment.amount, text: place[0], state: null, also: intake, source: payment.source });
    }
  }
  return drafts;
}

/** A payment whose amount no action ever records: it is always zero and pays nothing (told beside it, left out of the payees). */
export function paysNothing(terms: ContractTerms, action: string, payment: Payment): boolean {
  return terms.risks.some((r) => r.kind === 'never-recorded' && r.action === action && r.subject === payment.amount);
}

/**
 * The stored place an amount is read from: the state variable, then the fields down to the amount, keys
 * left out (`deals[id].shipment.fee` → deals, shipment, fee); null when the amount is not read from storage.
 */
export function storedPlace(expr: Expr): string[] | null {
  const node = unwrap(expr);
  if (node.kind === 'variable') return node.scope === 'state' ? [node.name] : null;
  if (node.kind === 'member') {
    const object = storedPlace(node.object);
    return object === null ? null : [...object, node.member];
  }
  if (node.kind === 'index') return storedPlace(node.base);
  if (node.kind === 'prior' || node.kind === 'each') return storedPlace(node.of);
  return null;
}

/**
 * A write that can leave something other than zero at `place`: a write of the place itself, or of a record
 * it lies in, unless what it puts there is zero (a record written whole with that field zero, a deletion);
 * an increase or a push. A write of another field of the same record does not touch it.
 */
function recordsAt(effect: Effect, place: string[]): boolean {
  const target = storedPlace(effect.target);
  // A write to a place not read as a stored variable's: it may be this one unless it names another variable.
  if (target === null) return [null, place[0]].includes(targetName(effect.target));
  if (target[0] !== place[0]) return false;
  const shared = Math.min(target.length, place.length);
  if (target.slice(0, shared).some((name, i) => name !== place[i])) return false;
  // A write inside the amount's own place (it is a record itself): counted as a record.
  if (target.length > place.length) return true;
  if (effect.kind === 'delete' || effect.kind === 'pop' || effect.kind === 'decrease') return false;
  if (effect.kind === 'increase' || effect.value === null) return true;
  let value: Expr | null = unwrap(effect.value);
  // Down the fields of a record written whole, to the one the amount is.
  for (const field of place.slice(target.length)) {
    if (value.kind !== 'struct') return true;
    const found: Expr | undefined = value.fields.find((f) => f.name === field)?.value;
    if (found === undefined) return true;
    value = unwrap(found);
  }
  return !isZero(value);
}

function isZero(value: Expr): boolean {
  return (value.kind === 'number' && /^0+$/.test(value.value)) || value.kind === 'zero-address' || (value.kind === 'bool' && !value.value);
}
