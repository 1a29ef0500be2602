/**
 * Outcomes: a claim that maps a value to who is paid ("1 : Reimburse the receiver", "2 = seller wins",
 * "true to pay the seller, false to refund the buyer"), as rulings are documented, against the payments
 * the code makes when the value chosen in the call is that one.
 *
 * The value is the one the action's payments are conditioned on by `==` or `!=` against constants
 * (`_ruling == SENDER_WINS`); a payment counts for N when none of its conditions on that value is false at N.
 * Payments under conditions between constants only (a helper called with a fixed ruling) and payments on no
 * such condition are not about the choice and are left out. Limits: one value only (two different values
 * compared with constants cannot be told apart); enum members and ranges are not read.
 */
import type { Action, ContractTerms, Expr, Party } from '../terms/index.ts';
import { unwrap } from '../terms/index.ts';
import { constantOf } from '../ir/exprs.ts';
import type { ClaimDraft } from './claim-draft.ts';

type Payment = Action['payments'][number];

const PAID = /\b(?:pays?|refunds?|reimburses?|repays?|rules? (?:in favou?r of|for)|in favou?r of|(?:sends?|gives?|releases?|awards?|transfers?)\b[^.;,]*?\bto)\s+(?:the |an? )?`?([a-z_]\w*)`?/;
const WINS = /\b(?:the |an? )?`?([a-z_]\w*)`?\s+wins\b/;

/**
 * The values a clause maps to who is paid: "1 : pay the seller" → [{ value: '1', party: 'seller' }]; "true to
 * pay the seller, false to refund the buyer" → [{ value: 'true', … }, { value: 'false', … }].
 */
function claimedOutcomes(lower: string): { value: string; party: string }[] {
  const paidIn = (rest: string) => (PAID.exec(rest) ?? WINS.exec(rest))?.[1] ?? null;
  const numbered = /^\s*\(?(\d+)\)?\s*(?::|=|-|–|→|->|means)\s*(.+)$/.exec(lower);
  if (numbered) {
    const party = paidIn(numbered[2]!);
    return party ? [{ value: numbered[1]!, party }] : [];
  }
  const found: { value: string; party: string }[] = [];
  for (const m of lower.matchAll(/\b(true|false)\b\s*(?:to|:|=|-|→|->|means|if)?\s*([^,;]+)/g)) {
    const party = paidIn(m[2]!);
    if (party) found.push({ value: m[1]!, party });
  }
  return found;
}

/** One check per value the clause maps to a party ("true to pay the seller, false to refund the buyer": two). */
export function checkOutcomes(lower: string, action: Action, terms: ContractTerms, findParty: (words: string, parties: Party[]) => Party | null): ClaimDraft[] {
  return claimedOutcomes(lower).flatMap((claim) => {
    const party = findParty(claim.party, terms.parties);
    const check = party ? checkOutcome(claim.value, party, action) : null;
    return check ? [check] : [];
  });
}

function checkOutcome(claimedValue: string, party: Party, action: Action): ClaimDraft | null {
  const out = action.payments.filter((p) => p.direction === 'out');
  const chosen = new Map<string, Expr>();
  for (const payment of out) for (const side of payment.when.flatMap(choiceSides)) chosen.set(JSON.stringify(side), side);
  if (chosen.size !== 1) return null;
  const [choice] = [...chosen.keys()] as [string];
  const flag = chosen.get(choice)!.kind === 'variable' && (chosen.get(choice) as { type: string }).type === 'bool';
  // A yes-or-no choice is read only by "true"/"false"; a number only by a number.
  if (flag !== (claimedValue === 'true' || claimedValue === 'false')) return null;
  const value = claimedValue === 'true' ? 1n : claimedValue === 'false' ? 0n : BigInt(claimedValue);
  const relevant = out.filter((p) => p.when.flatMap(choiceSides).some((side) => JSON.stringify(side) === choice));
  const paidAt = relevant.filter((p) => p.when.every((w) => holdsAt(w, choice, value) !== false));
  const recipients = (p: Payment): string[] => (p.toParty !== null ? [p.toParty] : []);
  const paid = [...new Set(paidAt.flatMap(recipients))];
  const cite = (p: Payment | undefined) => (p ? (p.helperSource ?? p.source) : null);
  const claimed = [claimedValue, party.id];
  if (paid.includes(party.id)) return { topic: 'outcome', verdict: 'matches', claimed, actual: paid, access: null, source: cite(paidAt.find((p) => recipients(p).includes(party.id))) };
  // Paid to an address the model cannot name: it may be that party.
  if (paidAt.some((p) => recipients(p).length === 0)) return { topic: 'outcome', verdict: 'cannot-tell', claimed, actual: paid, access: null, source: null };
  return { topic: 'outcome', verdict: 'contradicts', claimed, actual: paid, access: null, source: cite(paidAt[0] ?? relevant[0]) };
}

/** The value a condition compares with a constant by `==` or `!=` (`_ruling` in `_ruling == SENDER_WINS`), or a flag given in the call. */
function choiceSides(expr: Expr): Expr[] {
  const inner = unwrap(expr);
  if (inner.kind === 'not') return choiceSides(inner.operand);
  if (inner.kind === 'and') return inner.operands.flatMap(choiceSides);
  // A yes-or-no value given in the call (`if (toSeller)`).
  if (inner.kind === 'variable' && inner.type === 'bool' && inner.scope === 'parameter') return [inner];
  if (inner.kind !== 'compare' || (inner.op !== '==' && inner.op !== '!=')) return [];
  const [left, right] = [constantOf(unwrap(inner.left)), constantOf(unwrap(inner.right))];
  if ((left === null) === (right === null)) return [];
  return [unwrap(left === null ? inner.left : inner.right)];
}

/** Whether a condition holds when the chosen value is `value`: null when it does not depend on it alone. */
function holdsAt(expr: Expr, choice: string, value: bigint): boolean | null {
  const inner = unwrap(expr);
  if (inner.kind === 'not') {
    const operand = holdsAt(inner.operand, choice, value);
    return operand === null ? null : !operand;
  }
  if (inner.kind === 'and') {
    const parts = inner.operands.map((operand) => holdsAt(operand, choice, value));
    return parts.includes(false) ? false : parts.every((part) => part === true) ? true : null;
  }
  if (JSON.stringify(inner) === choice) return value === 1n;
  if (inner.kind !== 'compare' || (inner.op !== '==' && inner.op !== '!=')) return null;
  const side = (e: Expr) => (JSON.stringify(unwrap(e)) === choice ? value : constantOf(unwrap(e)) !== null ? BigInt(constantOf(unwrap(e))!) : null);
  const [left, right] = [side(inner.left), side(inner.right)];
  if (left === null || right === null) return null;
  return inner.op === '==' ? left === right : left !== right;
}
