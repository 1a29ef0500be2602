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
 * - fixity: "the fee is fixed" or "cannot be changed" against the powers that change that term.
 *
 * Amounts and caps are checked in `claim-amount.ts`, periods in `claim-when.ts`.
 *
 * A verdict is `contradicts` only when the model knows what the code does and it is not what the claim
 * says; when the code computes the value from something the model cannot pin down (a rate set later, a
 * period given in the call), the verdict is `cannot-tell`. The claims are read in English only.
 */
import type { Action, ClaimCheck, ContractTerms, Expr, Party } from '../terms/index.ts';
import { unwrap, walkExpr } from '../terms/index.ts';
import { ruleHolder } from './actions.ts';
import { checkAmount } from './claim-amount.ts';
import { checkOutcomes } from './claim-outcome.ts';
import { checkScale, claimedScale } from './claim-scale.ts';
import { scopeOf, type ClaimDraft as Draft } from './claim-draft.ts';
import { checkWhen } from './claim-when.ts';

/** In a refund check's `actual`: the caller of an action anyone may call. */
export const CALLER = '#caller';

/** Checks of one comment: on an action, or (action null) on the contract as a whole. */
export function checkClaim(text: string, action: Action | null, terms: ContractTerms, param: string | null = null, helper = false): ClaimCheck[] {
  const checks: ClaimCheck[] = [];
  for (const { clause: sentence, whole } of clauses(text)) {
    const lower = sentence.toLowerCase();
    const add = (check: Draft | null) => {
      if (check) checks.push({ unpinned: false, ...check, said: sentence });
    };
    // An internal function has no callers of its own: who may call it is decided by the actions that use it.
    if (action && !helper) add(checkWho(lower, action, terms));
    // "1 : pay the seller" is about who is paid for that value, not whoever the action may pay.
    const outcomes = action ? checkOutcomes(lower, action, terms, findParty) : [];
    for (const outcome of outcomes) add(outcome);
    // "550 = 5.5%" says how the value is read, not a share the code applies: checked as a scale only.
    const scale = checkScale(lower, action, param, scopeOf(action, terms), terms);
    add(scale);
    const example = scale ? claimedScale(lower) : null;
    const rest = example && example.number !== null ? lower.replace(example.words, ' ') : lower;
    // A clause may leave what its percentage is of to the one before it ("Fee is in basis points; max 1000 (10%).").
    add(checkAmount(rest, action, terms, whole.toLowerCase()));
    add(checkWhen(lower, scopeOf(action, terms), terms));
    add(checkRounding(lower, scopeOf(action, terms)));
    if (action) add(checkExcess(lower, action, terms));
    if (action && outcomes.length === 0) add(checkRefund(lower, action, terms.parties));
    add(checkFixity(lower, action, terms));
  }
  // "Only the owner can call this" borne out, then "anyone can …" read as contradicting it: both verdicts would
  // state the same fact (who may call), so the second reading is of a clause about something else.
  const whoMatches = checks.some((check) => check.topic === 'who' && check.verdict === 'matches');
  return checks.filter((check) => !(whoMatches && check.topic === 'who' && check.verdict === 'contradicts' && check.claimed.length === 0));
}

/** Each clause of the comment (sentences cut at `;` too), with the whole sentence it belongs to. */
function clauses(text: string): { clause: string; whole: string }[] {
  const pieces = (part: string, cut: RegExp) => part.split(cut).map((s) => s.trim()).filter((s) => s.length > 0);
  return pieces(text, /(?<=[.!?])\s+|\n+/).flatMap((whole) => pieces(whole, /(?<=;)\s+/).map((clause) => ({ clause, whole })));
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
    /\b(?:refund(?:s|ed)?|return(?:s|ed)?|repay(?:s|ed)?|sends? back|sends?|pays?|transfers?|releases?)\b[^.;]*?\bto (?:the |an? )?`?([a-z_][\w ]*?)`?(?=[,.;:)]|$| if| when| after| once| and| or| for| in| on)/.exec(lower),
    /\b(?:refund(?:s|ed)?|repay(?:s|ed)?|reimburs(?:e|es|ed)|pays?)\s+(?:the |an? )?([a-z][\w]*)/.exec(lower),
  ].flatMap((m) => (m ? [findParty(m[1]!, parties)] : []));
  const party = named.find((p): p is Party => p !== null);
  if (!party) return null;
  const out = action.payments.filter((p) => p.direction === 'out');
  if (out.length === 0) return null;
  // Paid to the caller of an action anyone may call: whoever calls, not a named party.
  const toCaller = (p: (typeof out)[number]) => p.toParty === null && action.access.anyone && unwrap(p.to).kind === 'caller';
  // The parties a payment may go to: its own, or each of those a condition chooses between (`favorBuyer ? buyer : seller`).
  // A stored address a party is named after (the fixed `arbitrator` paid through a call on it) is that party.
  const stored = (p: (typeof out)[number]): string | null => {
    const to = unwrap(p.to);
    return to.kind === 'variable' && parties.some((x) => x.id === to.name && x.collection === null) ? to.name : null;
  };
  const recipients = (p: (typeof out)[number]): string[] => (toCaller(p) ? [CALLER] : p.toParty !== null ? [p.toParty] : stored(p) !== null ? [stored(p)!] : chosenParties(p.to));
  const paid = [...new Set(out.flatMap(recipients))];
  if (paid.includes(party.id)) return { topic: 'refund', verdict: 'matches', claimed: [party.id], actual: paid, access: null, source: out.find((p) => recipients(p).includes(party.id))!.source };
  // Paid to an address the model cannot name (a parameter, an entry): it may be that party.
  if (out.some((p) => recipients(p).length === 0)) return { topic: 'refund', verdict: 'cannot-tell', claimed: [party.id], actual: paid, access: null, source: null };
  return { topic: 'refund', verdict: 'contradicts', claimed: [party.id], actual: paid, access: null, source: out[0]!.source };
}

/** The parties of an address chosen on a condition, when every choice is a party; else []. */
function chosenParties(to: Expr): string[] {
  const bare = unwrap(to);
  if (bare.kind === 'variable') return bare.party !== null ? [bare.party] : [];
  if (bare.kind !== 'conditional') return [];
  const [then, otherwise] = [chosenParties(bare.then), chosenParties(bare.otherwise)];
  return then.length > 0 && otherwise.length > 0 ? [...then, ...otherwise] : [];
}

// ── fixity ────────────────────────────────────────────────────────────────────────────────────────

function checkFixity(lower: string, action: Action | null, terms: ContractTerms): Draft | null {
  // "fixed at creation", "locked when the order is placed", "set upon listing".
  const fixedAtCreation = /\b(fixed|locked|set|frozen|captured|recorded)\s+(at|on|when|upon|once)\b[^.;]{0,40}?\b(creat\w*|plac\w*|list\w*|purchas\w*|open\w*|deploy\w*|order|the time)/.test(lower);
  const neverChanges = /\b(cannot|can ?not|can't|never|no one can|nobody can)\s+(be\s+)?(chang|modif|updat|rais|increas|alter)\w*/.test(lower) || /\b(is|are) (fixed|immutable|constant)\b/.test(lower);
  if (!fixedAtCreation && !neverChanges) return null;
  // The term: a state variable whose name's words the sentence uses ("fee" → platformFeeBps).
  const terms_ = candidates(lower, terms);
  if (terms_.length === 0) return null;
  const powers = terms.powers.filter((p) => (p.kind === 'change-term' || p.kind === 'change-party') && p.target?.kind === 'variable' && terms_.includes(p.target.name));
  if (powers.length === 0) return { topic: 'fixity', verdict: 'matches', claimed: terms_, actual: [], access: null, source: null };
  // "Fixed at creation": a change that does not reach records already made keeps the claim true for them.
  const reaching = fixedAtCreation ? powers.filter((p) => p.affectsExisting !== false) : powers;
  if (reaching.length === 0) return { topic: 'fixity', verdict: 'matches', claimed: terms_, actual: powers.map((p) => p.id), access: null, source: powers[0]!.source };
  return { topic: 'fixity', verdict: 'contradicts', claimed: terms_, actual: reaching.map((p) => p.id), access: null, source: reaching[0]!.source };
}

/** State variables (not constants) whose name words all appear in the sentence: "fee" names `feeBps` and `platformFee`. */
function candidates(lower: string, terms: ContractTerms): string[] {
  const words = new Set(lower.match(/[a-z]+/g) ?? []);
  const names = new Set<string>();
  for (const action of terms.actions) {
    for (const effect of action.effects) {
      // A term is one stored value (a fee, a price, a party), not a list or a table of records.
      if (effect.target.kind !== 'variable' || effect.target.scope !== 'state' || /\[\]|^mapping\(/.test(effect.target.type) || effect.kind === 'push' || effect.kind === 'pop') continue;
      const parts = effect.target.label.toLowerCase().split(/\s+/).filter((w) => !['bps', 'percent', 'pct', 'basis', 'points', 'rate', 'amount'].includes(w));
      if (parts.length > 0 && parts.every((w) => words.has(w) || words.has(`${w}s`))) names.add(effect.target.name);
    }
  }
  return [...names];
}
