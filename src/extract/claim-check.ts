/**
 * The author's claims checked against the model. Each sentence of a NatSpec comment is read for the
 * statements a lawyer relies on, and each is matched against what the code does:
 *
 * - who: "only the buyer can …" against who may call; "anyone can …" against a restricted action;
 * - how much: a percentage ("a 1% fee", "up to 15%", "250 basis points") against the shares and caps the
 *   code applies;
 * - scale: "550 = 5.5%" or "in basis points" against the divisor the code applies to the value (claim-scale.ts);
 * - when: a period ("within 7 days", "after 30 days") against the periods the code checks;
 * - rounding: "rounds up" against a share computed by division, which rounds down;
 * - excess: "any excess is returned" against what happens to ETH sent beyond the price;
 * - refunds: "refunds the buyer", "pays the seller" against whom the action pays;
 * - outcomes: "1 : pay the seller" against whom the action pays when the value chosen is 1 (claim-outcome.ts);
 * - fixity: "the fee is fixed", "cannot be changed", "the fee in force when delivery is confirmed" against the
 *   powers that change that term and whether they reach deals under way (claim-fixity.ts);
 * - paid: "a full refund", "paid the price less the fee" against the payment to that party (claim-paid.ts);
 * - pause: "available even while paused", "can pause new orders and shipping", "only when paused" (claim-pause.ts);
 * - events: "Emits X" against the events the action records (claim-pause.ts);
 * - dates: "after the delivery date has passed" against the action's deadline checks (claim-deadline.ts).
 *
 * A clause on the contract (or on a parameter) is checked against the action its verb names ("A buyer may
 * cancel …" → `cancel`). Each topic of a clause (claim-topics.ts) that no check settles gets "cannot tell"
 * (`unread`), so that no sentence on who, how much, when, rounding, refunds, fixity or pause is left without a
 * verdict. Amounts and caps are checked in `claim-amount.ts`, periods in `claim-when.ts`.
 *
 * A verdict is `contradicts` only when the model knows what the code does and it is not what the claim
 * says; when the code computes the value from something the model cannot pin down (a rate set later, a
 * period given in the call), the verdict is `cannot-tell`. The claims are read in English only.
 */
import type { Action, ClaimCheck, ClaimTopic, ContractTerms, Party } from '../terms/index.ts';
import { unwrap, walkExpr } from '../terms/index.ts';
import { ruleHolder } from './actions.ts';
import { checkAmount } from './claim-amount.ts';
import { checkDeadline } from './claim-deadline.ts';
import { checkFixity } from './claim-fixity.ts';
import { checkOutcomes } from './claim-outcome.ts';
import { checkPaid, recipientsOf } from './claim-paid.ts';
import { checkEvent, checkPause } from './claim-pause.ts';
import { checkScale, claimedScale } from './claim-scale.ts';
import { scopeOf, type ClaimDraft as Draft } from './claim-draft.ts';
import { actionOfVerb, claimClauses, topicsOf } from './claim-topics.ts';
import { checkWhen } from './claim-when.ts';

export { CALLER } from './claim-paid.ts';


/** Checks of one comment: on an action, or (action null) on the contract as a whole. */
export function checkClaim(text: string, action: Action | null, terms: ContractTerms, param: string | null = null, helper = false): ClaimCheck[] {
  const checks: ClaimCheck[] = [];
  for (const { clause: sentence, whole } of claimClauses(text)) {
    const lower = sentence.toLowerCase();
    const before = checks.length;
    const add = (check: Draft | null) => {
      if (check) checks.push({ unpinned: false, action: null, unread: false, ...check, said: sentence });
    };
    // A clause on the contract, or on a parameter, may name the action it speaks of by its verb ("A buyer may cancel …").
    // On an action, a verb that names another ("the buyer may fund it", said at deployment) speaks of that one.
    const named = helper ? null : actionOfVerb(lower, terms.actions);
    const subject = named ?? action;
    const other = subject !== null && subject !== action ? subject.id : null;
    // An internal function has no callers of its own: who may call it is decided by the actions that use it.
    if (subject && !helper) add(about(checkWho(lower, subject, terms) ?? checkCalledBy(lower, subject, terms.parties) ?? checkSubject(lower, subject, terms.parties), other));
    // "1 : pay the seller" is about who is paid for that value, not whoever the action may pay.
    const outcomes = action ? checkOutcomes(lower, action, terms, findParty) : [];
    for (const outcome of outcomes) add(outcome);
    // "550 = 5.5%" says how the value is read, not a share the code applies: checked as a scale only.
    const scale = checkScale(lower, action, param, scopeOf(action, terms), terms);
    add(scale);
    const example = scale ? claimedScale(lower) : null;
    const rest = example && example.number !== null ? lower.replace(example.words, ' ') : lower;
    // "paid in full", "less the fee": the payment to that party, not a percentage.
    const paid = checkPaid(lower, subject ? [subject] : terms.actions, paidParty(lower, terms.parties), terms.parties);
    add(about(paid, other));
    // A clause may leave what its percentage is of to the one before it ("Fee is in basis points; max 1000 (10%).").
    if (!paid) add(checkAmount(rest, action, terms, whole.toLowerCase()));
    add(checkWhen(lower, scopeOf(action, terms), terms));
    if (!helper) add(about(checkDeadline(lower, subject, terms), other));
    add(checkRounding(lower, scopeOf(action, terms)));
    if (action) add(checkExcess(lower, action, terms));
    if (subject && outcomes.length === 0 && !paid) add(about(checkRefund(lower, subject, terms.parties), other));
    // On the contract, with no action named: "undertakes to pay the beneficiary" is borne out by an action that pays them.
    if (!subject && !paid) add(paidBySome(lower, terms));
    add(checkFixity(lower, action, terms));
    add(checkPause(lower, subject, terms, subject === action));
    if (!helper) add(checkEvent(sentence, action));
    // Each topic of the clause that no check settled (the timing of "may cancel for a full refund before
    // shipment"): "cannot tell", said as such. Comments on internal functions keep only what was checked.
    const settled = new Set(checks.slice(before).flatMap((check) => SETTLES[check.topic]));
    for (const topic of helper ? [] : topicsOf(sentence).filter((t) => !settled.has(t))) add({ topic, verdict: 'cannot-tell', claimed: [], actual: [], access: null, source: null, unread: true });
  }
  // "Only the owner can call this" borne out, then "anyone can …" read as contradicting it: both verdicts would
  // state the same fact (who may call), so the second reading is of a clause about something else.
  const whoMatches = checks.some((check) => check.topic === 'who' && check.verdict === 'matches');
  return checks.filter((check) => !(whoMatches && check.topic === 'who' && check.verdict === 'contradicts' && check.claimed.length === 0));
}

/** The topics of a clause (claim-topics.ts) a check of each kind settles. */
const SETTLES: Record<ClaimTopic, ClaimTopic[]> = {
  who: ['who'], amount: ['amount'], cap: ['amount', 'fixity'], when: ['when'], rounding: ['rounding', 'amount'], excess: ['refund', 'amount'],
  refund: ['refund'], fixity: ['fixity'], scale: ['amount'], outcome: ['refund'], paid: ['refund', 'amount'], 'in-force': ['fixity'], pause: ['pause'], event: ['event'], deadline: ['when'],
};

/**
 * "The issuing bank undertakes to pay the beneficiary": borne out by the one action that pays that party; null
 * when none does, none is named, or several do (which of them the sentence means is not read).
 */
function paidBySome(lower: string, terms: ContractTerms): Draft | null {
  const found = terms.actions.flatMap((action) => {
    const check = checkRefund(lower, action, terms.parties);
    return check?.verdict === 'matches' ? [{ ...check, action: action.id }] : [];
  });
  return found.length === 1 ? found[0]! : null;
}

/** A check made on an action the clause names, not the comment's own, says which. */
function about(check: Draft | null, other: string | null): Draft | null {
  return check && other ? { ...check, action: other } : check;
}

/** The party a clause says is paid: "the seller is paid", "refunds the buyer", or the subject of "A buyer may cancel for a full refund". */
function paidParty(lower: string, parties: Party[]): Party | null {
  const named = [
    /\b(?:the |an? )?([a-z]\w*) (?:is|are|gets?|will be) (?:paid|refunded|reimbursed|repaid)\b/.exec(lower),
    /\b(?:the |an? )?([a-z]\w*) receives?\b/.exec(lower),
    /\b(?:returns?|pays?|sends?|releases?|transfers?)\b[^.;]*?\bto (?:the |an? )?([a-z]\w*)/.exec(lower),
    /\b(?:refund(?:s|ed)?|repay(?:s|ed)?|reimburs(?:e|es|ed)|pays?)\s+(?:the |an? )?([a-z]\w*)/.exec(lower),
    /^(?:when [^,]*,\s*)?(?:the |an? |each |any )?([a-z]\w*)\b/.exec(lower),
  ];
  return named.map((m) => (m ? findParty(m[1]!, parties) : null)).find((p) => p !== null) ?? null;
}

/**
 * "May be called by the buyer (goods received) or by the arbiter": borne out when exactly those parties may
 * call; else "cannot tell", with who may call (the sentence does not say no one else may).
 */
function checkCalledBy(lower: string, action: Action, parties: Party[]): Draft | null {
  const named = /\b(?:may|can) be called by (?:the |an? )?([a-z]\w*)(?: \([^)]*\))?(?:,? or (?:by )?(?:the |an? )?([a-z]\w*))?/.exec(lower);
  if (!named) return null;
  const claimed = [named[1], named[2]].filter((n): n is string => n !== undefined).map((n) => findParty(n, parties));
  if (claimed.some((p) => p === null)) return null;
  const ids = claimed.map((p) => p!.id);
  const exact = allowsOnly(action, ids) && ids.every((id) => holdersOf(action).includes(id));
  return { topic: 'who', verdict: exact ? 'matches' : 'cannot-tell', claimed: ids, actual: holdersOf(action), access: action.access, source: action.access.source ?? action.source };
}

/**
 * "The buyer cancels …", "A buyer may cancel …": the subject of a clause on an action, when it is a party or a
 * role word (operator, administrator, manager, keeper, platform). Borne out when only that party may call; else
 * "cannot tell", with who may call: the clause tells what the party does, not that no one else may.
 */
function checkSubject(lower: string, action: Action, parties: Party[]): Draft | null {
  const subject = /^(?:when [^,]*,\s*)?(?:the|a|an|each|any) ([a-z]+) (?:(?:may|can|must|will) [a-z]+|(?!is\b|was\b|has\b|does\b)[a-z]+s)\b/.exec(lower);
  // Whoever deploys calls the constructor: what a party may do there is said of the action that does it.
  if (!subject || action.kind === 'constructor') return null;
  const party = findParty(subject[1]!, parties);
  if (!party && !/^(?:operator|administrator|admin|manager|keeper|platform|governance|guardian|controller|authority)$/.test(subject[1]!)) return null;
  const source = action.access.source ?? action.source;
  if (party && allowsOnly(action, [party.id])) return { topic: 'who', verdict: 'matches', claimed: [party.id], actual: holdersOf(action), access: action.access, source };
  return { topic: 'who', verdict: 'cannot-tell', claimed: party ? [party.id] : [], actual: holdersOf(action), access: action.access, source };
}
// ── who ───────────────────────────────────────────────────────────────────────────────────────────

function checkWho(lower: string, action: Action, terms: ContractTerms): Draft | null {
  const parties = terms.parties;
  const source = action.access.source ?? action.source;
  const anyone = /\b(?:anyone|anybody) (?:can|may)(?: still| also)? (\w+)/.exec(lower);
  // "anyone can settle an ongoing auction", said on `pause`: about another action (`settleAuction`), not who may call this one.
  if (anyone && namesOtherAction(anyone[1]!, action, terms.actions)) return null;
  if (anyone) {
    const open = action.access.anyone;
    return { topic: 'who', verdict: open ? 'matches' : 'contradicts', claimed: [], actual: holdersOf(action), access: action.access, source: source };
  }
  // "only the buyer can …", "can only be called by the current owner", "only callable by `chairperson`":
  // the first phrasing that names a party of the contract.
  const phrasings = [
    /\bonly (?:the |an? )?`?([a-z][\w ]*?)`?(?: or (?:the |an? )?`?([a-z][\w ]*?)`?)?(?= can| may| is| will| must|[,.;:)]|$)/,
    /\b(?:can|may|must|should) only be called by (?:the |an? )?(?:current |contract )?`?([a-z_][\w]*)`?(?: or (?:the |an? )?`?([a-z_][\w]*)`?)?/,
    /\bonly callable by (?:the |an? )?(?:current |contract )?`?([a-z_][\w]*)`?(?: or (?:the |an? )?`?([a-z_][\w]*)`?)?/,
  ];
  const named = phrasings
    .map((phrasing) => phrasing.exec(lower))
    .map((match) => (match ? [match[1], match[2]].filter(Boolean).map((n) => findParty(n!, parties)).filter((p): p is Party => p !== null) : []))
    .find((found) => found.length > 0);
  if (!named) return null;
  const claimed = named.map((p) => p.id);
  const verdict = allowsOnly(action, claimed) ? 'matches' : 'contradicts';
  return { topic: 'who', verdict, claimed, actual: holdersOf(action), access: action.access, source: source };
}

/**
 * Whether a verb names another action rather than this one: a word of another action's name (`settle` in
 * `settleAuction`) that no word of this action's name is. "Call", "use" and the like name this action.
 */
function namesOtherAction(verb: string, action: Action, actions: Action[]): boolean {
  if (/^(call|use|execute|invoke|trigger|run|do|access|interact)$/.test(verb) || verb.length < 4) return false;
  const words = (name: string) => name.replace(/([a-z0-9])([A-Z])/g, '$1 $2').toLowerCase().split(/[\s_]+/).filter((w) => w.length >= 4);
  const stem = verb.replace(/(?:es|s|e|ed|ing)$/, '');
  const named = (name: string) => words(name).some((word) => word.startsWith(stem) || stem.startsWith(word.replace(/(?:es|s|e)$/, '')));
  return !named(action.name) && actions.some((other) => other.id !== action.id && named(other.name));
}

function holdersOf(action: Action): string[] {
  return action.access.rules.map(ruleHolder).filter((holder): holder is string => holder !== null);
}

export function findParty(words: string, parties: Party[]): Party | null {
  // "the current owner", "the contract owner": the party named.
  const wanted = words.trim().toLowerCase().replace(/^(current|contract|present)\s+/, '').replace(/s$/, '');
  return parties.find((p) => p.label.toLowerCase() === wanted || p.name.toLowerCase() === wanted || p.name.toLowerCase().replace(/^_+/, '') === wanted) ?? null;
}

function allowsOnly(action: Action, claimed: string[]): boolean {
  if (action.access.anyone) return false;
  return action.access.rules.every((rule) => (rule.kind === 'party' ? claimed.includes(rule.party) : rule.kind === 'role' ? claimed.includes(rule.role) : false));
}
// ── rounding ──────────────────────────────────────────────────────────────────────────────────────

function checkRounding(lower: string, actions: Action[]): Draft | null {
  const way = /\bround(?:s|ed|ing)?\s+up\b|\bceil/.test(lower) ? 'up' : /\bround(?:s|ed|ing)?\s+down\b|\btruncat|\bfloor/.test(lower) ? 'down' : null;
  if (!way) return null;
  const divided = actions.flatMap((a) => a.payments).find((p) => [...walkExpr(p.amount)].some((n) => n.kind === 'percent-of' || (n.kind === 'arith' && n.op === '/')));
  if (!divided) return { topic: 'rounding', verdict: 'cannot-tell', claimed: [way], actual: [], access: null, source: null };
  // `(a + b - 1) / b` or a call named like ceilDiv rounds up; a plain division rounds down.
  const roundsUp = [...walkExpr(divided.amount)].some((n) => (n.kind === 'call' && /ceil|up/i.test(n.name)) || (n.kind === 'arith' && n.op === '/' && n.left.kind === 'arith' && n.left.op === '-' && n.left.right.kind === 'number' && n.left.right.value === '1'));
  const actual = roundsUp ? 'up' : 'down';
  return { topic: 'rounding', verdict: actual === way ? 'matches' : 'contradicts', claimed: [way], actual: [actual], access: null, source: divided.source };
}

// ── excess and refunds ────────────────────────────────────────────────────────────────────────────

function checkExcess(lower: string, action: Action, terms: ContractTerms): Draft | null {
  if (!/\b(excess|overpay\w*|surplus|extra|change|remainder|rest)\b/.test(lower) || !/\b(return|refund|sen[dt] back|give[ns]? back|reimburs)\w*/.test(lower)) return null;
  const facts = terms.money.filter((m) => m.kind === 'overpayment' && m.action === action.id);
  if (facts.length === 0) return { topic: 'excess', verdict: 'cannot-tell', claimed: [], actual: [], access: null, source: null };
  // Paid back to the caller (or all of it forwarded to the caller): returned. Kept, stored or paid to someone else: not.
  const toCaller = facts.every((m) => (m.excess === 'returned' || m.excess === 'forwarded') && m.detail !== null && unwrap(m.detail).kind === 'caller');
  return { topic: 'excess', verdict: toCaller ? 'matches' : 'contradicts', claimed: ['returned'], actual: [toCaller ? 'returned' : 'kept'], access: null, source: facts[0]!.source };
}

function checkRefund(lower: string, action: Action, parties: Party[]): Draft | null {
  if (/\b(excess|overpay|surplus|change)\b/.test(lower)) return null;
  // "pays/sends/returns … to the X", or "refunds the X": the first that names a party.
  const named = [
    /\b(?:refund(?:s|ed)?|return(?:s|ed)?|repay(?:s|ed)?|sends? back|sends?|sent|pays?|paid|transfer(?:s|red)?|releases?|released)\b[^.;]*?\bto (?:the |an? )?`?([a-z_][\w ]*?)`?(?=[,.;:)]|$| if| when| after| once| and| or| for| in| on)/.exec(lower),
    /\b(?:refund(?:s|ed)?|repay(?:s|ed)?|reimburs(?:e|es|ed)|pays?)\s+(?:the |an? )?([a-z][\w]*)/.exec(lower),
    /\b(?:the |an? )?([a-z]\w*) (?:is|are|gets?|will be) (?:paid|refunded|reimbursed|repaid)\b/.exec(lower),
    // "the buyer cancels and recovers the deposit", "the applicant takes the funds back": the subject is paid.
    /\b(?:the |an? )?([a-z]\w*) (?:(?:may|can|then|\w+s and) )*(?:recovers?\b|(?:takes?|gets?)\b[^.;]*\bback\b)/.exec(lower),
  ].flatMap((m) => (m ? [findParty(m[1]!, parties)] : []));
  const party = named.find((p): p is Party => p !== null);
  if (!party) return null;
  const out = action.payments.filter((p) => p.direction === 'out');
  if (out.length === 0) return null;
  const recipients = (p: (typeof out)[number]) => recipientsOf(p, action, parties);
  const paid = [...new Set(out.flatMap(recipients))];
  if (paid.includes(party.id)) return { topic: 'refund', verdict: 'matches', claimed: [party.id], actual: paid, access: null, source: out.find((p) => recipients(p).includes(party.id))!.source };
  // Paid to an address the model cannot name (a parameter, an entry): it may be that party.
  if (out.some((p) => recipients(p).length === 0)) return { topic: 'refund', verdict: 'cannot-tell', claimed: [party.id], actual: paid, access: null, source: null };
  return { topic: 'refund', verdict: 'contradicts', claimed: [party.id], actual: paid, access: null, source: out[0]!.source };
}
