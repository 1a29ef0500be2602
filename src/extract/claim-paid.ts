/**
 * Who a payment goes to, and whether a claim that a party is paid "in full" or "less the fee" is borne out:
 *
 * - recipients: the party a payment names, the caller of an action anyone may call, a stored address a party
 *   is named after, or each party an address is chosen between (`favorBuyer ? buyer : seller`);
 * - "a full refund", "refunded in full": the payments to the party the claim names (or, with none named, the
 *   party the clause's subject is) pay a stored or sent amount as it is, with nothing taken off; "the seller is
 *   paid the price less the platform fee": the payment to the seller takes something off (a subtraction or a
 *   share).
 *
 * Limits: "in full" is read against the payment itself, not against what was paid in earlier: an amount
 * recorded net of a fee when it was paid in reads as paid in full. An amount the code computes some other way
 * (a call, a minimum, a choice) is "cannot tell".
 */
import type { Action, Expr, Party, Payment } from '../terms/index.ts';
import { unwrap, walkExpr } from '../terms/index.ts';
import type { ClaimDraft } from './claim-draft.ts';

/** In a refund check's `actual`: the caller of an action anyone may call. */
export const CALLER = '#caller';

/** The parties a payment out of `action` may go to; [] when the model cannot name them. */
export function recipientsOf(payment: Payment, action: Action, parties: Party[]): string[] {
  const to = unwrap(payment.to);
  if (payment.toParty === null && action.access.anyone && to.kind === 'caller') return [CALLER];
  // Paid to a party's address as it stood before the call (the outbid bidder): not the party as the call leaves it.
  if (payment.toParty !== null) return unwrap(payment.to).kind === 'prior' ? [] : [payment.toParty];
  // A stored address a party is named after (the fixed `arbitrator` paid through a call on it) is that party.
  if (to.kind === 'variable' && parties.some((x) => x.id === to.name && x.collection === null)) return [to.name];
  return chosenParties(payment.to);
}

/** The parties of an address chosen on a condition, when every choice is a party; else []. */
function chosenParties(to: Expr): string[] {
  const bare = unwrap(to);
  if (bare.kind === 'variable') return bare.party !== null ? [bare.party] : [];
  if (bare.kind !== 'conditional') return [];
  const [then, otherwise] = [chosenParties(bare.then), chosenParties(bare.otherwise)];
  return then.length > 0 && otherwise.length > 0 ? [...then, ...otherwise] : [];
}

/** 'full' when the amount is a stored or sent amount as it is, 'less' when something is taken off; null when the model cannot tell. */
function wayOf(amount: Expr): 'full' | 'less' | null {
  const bare = unwrap(amount);
  if (['variable', 'member', 'index', 'value-sent', 'balance', 'token-balance', 'prior'].includes(bare.kind)) return 'full';
  const nodes = [...walkExpr(bare)];
  if (nodes.some((n) => n.kind === 'percent-of' || (n.kind === 'arith' && (n.op === '-' || n.op === '/')))) return 'less';
  return null;
}

const FULL = /\bin full\b|\bfull (?:\w+ )?(?:refund|amount|price|deposit|balance)\b|\b(?:whole|entire) (?:amount|price|deposit|payment|sum)\b/;
const LESS = /\b(?:less|minus|net of|after deducting)\b(?! than)/;

/**
 * "for a full refund", "is paid the price less the fee": `party` is the one the clause names as paid, else its
 * subject. Checked over the actions given (the comment's own, or those the clause names).
 */
export function checkPaid(lower: string, actions: Action[], party: Party | null, parties: Party[]): ClaimDraft | null {
  const way = FULL.test(lower) ? 'full' : LESS.test(lower) ? 'less' : null;
  if (!way || !party) return null;
  const paid = actions.flatMap((action) => action.payments.filter((p) => p.direction === 'out' && recipientsOf(p, action, parties).includes(party.id)).map((payment) => ({ payment, action })));
  if (paid.length === 0) return null;
  const ways = paid.map(({ payment }) => wayOf(payment.amount));
  if (ways.includes(null)) return { topic: 'paid', verdict: 'cannot-tell', claimed: [way, party.id], actual: [], access: null, source: null };
  const other = paid.find((_, i) => ways[i] !== way);
  const shown = other ?? paid[0]!;
  // Read over several actions (a comment on the contract): say which action pays.
  const action = actions.length > 1 ? shown.action.id : null;
  return { topic: 'paid', verdict: other ? 'contradicts' : 'matches', claimed: [way, party.id], actual: [wayOf(shown.payment.amount)!], access: null, source: shown.payment.source, action };
}
