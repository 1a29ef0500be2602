/**
 * Pieces shared by the ways parties are found in records (fields of records in a mapping or array, fields of a
 * single stored record): what a write puts in a field, and linking payments and caller checks to the party an
 * expression names.
 */
import type { ContractTerms, Effect, Expr } from '../terms/index.ts';

/** What a write puts in the field: its value, the field of a whole record written, the zero address when deleted. */
export function fieldValue(e: Effect, field: string): Expr | null {
  if (e.kind === 'delete') return { kind: 'zero-address' };
  if (e.kind !== 'set' || !e.value) return null;
  if (e.target.kind === 'member') return e.value;
  return e.value.kind === 'struct' ? (e.value.fields.find((f) => f.name === field)?.value ?? null) : null;
}

/** Payments to or from, and caller checks against, an expression `partyOf` reads as a party now name that party. */
export function linkParties(actions: ContractTerms['actions'], partyOf: (expr: Expr) => string | null): void {
  for (const action of actions) {
    for (const payment of action.payments) {
      payment.toParty ??= partyOf(payment.to);
      if (payment.direction === 'between' && payment.from !== null) payment.fromParty ??= partyOf(payment.from);
    }
    action.access.rules = action.access.rules.map((rule) => {
      if (rule.kind !== 'expr') return rule;
      const party = partyOf(rule.expr);
      return party ? { kind: 'party', party, via: rule.via } : rule;
    });
  }
}
