/**
 * The author's claims checked against the model. Each sentence of a NatSpec comment is read for the
 * statements a lawyer relies on, and each is matched against what the code does:
 *
 * - who: "only the buyer can …" against who may call; "anyone can …" against a restricted action;
 * - how much: a percentage ("a 1% fee", "up to 15%", "250 basis points") against the shares and caps the
 *   code applies;
 * - when: a period ("within 7 days", "after 30 days") against the periods the code checks;
 * - rounding: "rounds up" against a share computed by division, which rounds down;
 * - excess: "any excess is returned" against what happens to ETH sent beyond the price;
 * - refunds: "refunds the buyer" against whom the action pays;
 * - fixity: "the fee is fixed" or "cannot be changed" against the powers that change that term.
 *
 * A verdict is `contradicts` only when the model knows what the code does and it is not what the claim
 * says; when the code computes the value from something the model cannot pin down (a rate set later, a
 * period given in the call), the verdict is `cannot-tell`. The claims are read in English only.
 */
import type { Action, ClaimCheck, ContractTerms, Expr, Party, SourceRef } from '../terms/index.ts';
import { SHARE_SCALE, unwrap, walkExpr, type ShareUnit } from '../terms/index.ts';
import { exactDivide } from '../ir/exprs.ts';
import { ruleHolder } from './actions.ts';

type Draft = Omit<ClaimCheck, 'said' | 'unpinned'> & { unpinned?: boolean };

/** In a refund check's `actual`: the caller of an action anyone may call. */
export const CALLER = '#caller';

const UNIT_SECONDS: Record<string, bigint> = { second: 1n, minute: 60n, hour: 3600n, day: 86400n, week: 604800n };
const TIME_UNIT_FACTOR: Record<string, bigint> = { seconds: 1n, minutes: 60n, hours: 3600n, days: 86400n, weeks: 604800n };

/** Checks of one comment: on an action, or (action null) on the contract as a whole. */
export function checkClaim(text: string, action: Action | null, terms: ContractTerms): ClaimCheck[] {
  const checks: ClaimCheck[] = [];
  for (const { clause: sentence, whole } of clauses(text)) {
    const lower = sentence.toLowerCase();
    const add = (check: Draft | null) => {
      if (check) checks.push({ unpinned: false, ...check, said: sentence });
    };
    if (action) add(checkWho(lower, action, terms.parties));
    // A clause may leave what its percentage is of to the one before it ("Fee is in basis points; max 1000 (10%).").
    add(checkAmount(lower, action, terms, whole.toLowerCase()));
    add(checkWhen(lower, scopeOf(action, terms), terms));
    add(checkRounding(lower, scopeOf(action, terms)));
    if (action) add(checkExcess(lower, action, terms));
    if (action) add(checkRefund(lower, action, terms.parties));
    add(checkFixity(lower, action, terms));
  }
  return checks;
}

/** Each clause of the comment (sentences cut at `;` too), with the whole sentence it belongs to. */
function clauses(text: string): { clause: string; whole: string }[] {
  const pieces = (part: string, cut: RegExp) => part.split(cut).map((s) => s.trim()).filter((s) => s.length > 0);
  return pieces(text, /(?<=[.!?])\s+|\n+/).flatMap((whole) => pieces(whole, /(?<=;)\s+/).map((clause) => ({ clause, whole })));
}

/** The actions a claim speaks of: its own action, or every action for a comment on the contract. */
function scopeOf(action: Action | null, terms: ContractTerms): Action[] {
  return action ? [action] : terms.actions;
}

// ── who ───────────────────────────────────────────────────────────────────────────────────────────

function checkWho(lower: string, action: Action, parties: Party[]): Draft | null {
  const source = action.access.source ?? action.source;
  if (/\b(anyone|anybody) (can|may)\b/.test(lower)) {
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

// ── how much ──────────────────────────────────────────────────────────────────────────────────────

/** Percentages the claim states: "1%", "1.5 percent", "250 basis points", and in a basis-point context "at most 1500". */
function claimedPercents(lower: string): string[] {
  const found: string[] = [];
  for (const m of lower.matchAll(/(\d+(?:\.\d+)?)\s*(%|percent\b|per cent\b|basis points?\b|bps\b)/g)) {
    const value = m[1]!;
    found.push(/^(basis|bps)/.test(m[2]!) ? percentOf(value.replace(/\.\d+$/, ''), 'basis-points') : normalise(value));
  }
  if (/\bbasis points?\b|\bbps\b/.test(lower)) {
    for (const m of lower.matchAll(/\b(?:at most|up to|maximum(?: of)?|max(?:imum)?|no more than)\s+(\d[\d,_]*)(?!\s*(%|percent|basis|bps|\.\d))/g)) {
      found.push(percentOf(m[1]!.replace(/[,_]/g, ''), 'basis-points'));
    }
  }
  return [...new Set(found)];
}

const MONEY_WORDS = /\b(fee|fees|commission|royalt\w*|share|shares|deposit|price|penalt\w*|cut|tax|interest|discount|rate|bid|bids|pay\w*|paid|charge\w*|split|cap|capped|receive\w*|keep\w*|takes?|refund\w*|amount|proceeds|sale|basis points?|bps)\b/;

function percentOf(value: string, unit: ShareUnit): string {
  return exactDivide(BigInt(value) * 100n, BigInt(SHARE_SCALE[unit]));
}

/** An exact percentage ('2.5') in millionths, for exact arithmetic. */
function scaled(percent: string): bigint {
  const [whole, fraction = ''] = percent.split('.');
  return BigInt(whole!) * 10n ** 6n + BigInt(fraction.padEnd(6, '0').slice(0, 6) || '0');
}

/** One exact percentage minus another: ('100', '10') → '90'; ('105', '100') → '5'. */
function difference(a: string, b: string): string {
  return normalise(exactDivide(scaled(a) - scaled(b), 10n ** 6n));
}

function normalise(decimal: string): string {
  return decimal.includes('.') ? decimal.replace(/0+$/, '').replace(/\.$/, '') : decimal;
}

/**
 * The percentages the code applies in these actions: constant shares of an amount, and constant caps on a
 * rate, each with where it is and the words of the values it concerns (a cap on `_royalty` concerns
 * "royalty"); `open` when some share uses a rate the model cannot pin down to a number.
 */
function actualPercents(actions: Action[]): { found: FoundPercent[]; open: boolean } {
  const found: FoundPercent[] = [];
  let open = false;
  // The words a percentage concerns: the values it is applied to or compared with, what it is stored in, and
  // the action (`setTip` concerns the tip).
  let context = new Set<string>();
  const scan = (expr: Expr, source: SourceRef, extra: Set<string> = new Set()) => {
    const words = new Set([...wordsOf(expr), ...context, ...extra]);
    for (const node of walkExpr(expr)) {
      if (node.kind === 'percent-of') {
        if (node.percent !== null) {
          found.push({ value: normalise(node.percent), source, words });
          // `bid * 105 / 100`: 5% more than the bid.
          if (scaled(node.percent) > scaled('100')) found.push({ value: difference(node.percent, '100'), source, words });
        } else open = true;
      }
      if ((node.kind === 'number' || node.kind === 'variable') && node.unit && node.unit in SHARE_SCALE && node.value !== null) {
        found.push({ value: percentOf(node.value, node.unit as ShareUnit), source, words });
      }
    }
  };
  for (const action of actions) {
    context = wordsIn(action.label);
    for (const payment of action.payments) {
      scan(payment.amount, payment.source);
      // `value - cut` beside a payment of the cut: the rest of the base, 90% beside 10%.
      const rest = payment.amount.kind === 'arith' && payment.amount.op === '-' ? payment.amount.right : null;
      if (rest?.kind === 'percent-of' && rest.percent !== null) found.push({ value: difference('100', rest.percent), source: payment.source, words: wordsOf(payment.amount) });
    }
    for (const condition of action.conditions) scan(condition.expr, condition.source);
    for (const effect of action.effects) if (effect.value) scan(effect.value, effect.source, wordsOf(effect.target));
  }
  return { found, open };
}

interface FoundPercent {
  value: string;
  source: SourceRef;
  /** The words of the labels of the values the percentage concerns (`_royalty` → royalty). */
  words: Set<string>;
}

/** Words too common in claims and labels to tie a claim to a value. */
const COMMON_WORDS = new Set(['the', 'and', 'for', 'with', 'can', 'may', 'set', 'get', 'update', 'change', 'max', 'maximum', 'min', 'minimum', 'percent', 'percentage', 'basis', 'points', 'bps', 'given', 'new', 'amount', 'value', 'rate', 'total']);

function wordsOf(expr: Expr): Set<string> {
  const words = new Set<string>();
  for (const node of walkExpr(expr)) {
    const label = node.kind === 'variable' || node.kind === 'member' ? node.label : null;
    for (const word of wordsIn(label ?? '')) words.add(word);
  }
  return words;
}

function wordsIn(text: string): Set<string> {
  return new Set(text.toLowerCase().split(/[^a-z]+/).filter((word) => word.length >= 3 && !COMMON_WORDS.has(word)));
}

function checkAmount(lower: string, action: Action | null, terms: ContractTerms, sentence: string): Draft | null {
  const claimed = claimedPercents(lower);
  // A percentage about money (a fee, a share, a deposit, a bid), not an illustration ("at 50% of the vesting
  // period"); a clause of one sentence may name the money in the clause before it.
  if (claimed.length === 0 || !(MONEY_WORDS.test(lower) || MONEY_WORDS.test(sentence))) return null;
  // An action that applies no share itself may take an amount fixed elsewhere (a deposit computed at deployment).
  const own = actualPercents(scopeOf(action, terms));
  const everywhere = own.found.length > 0 || own.open ? own : actualPercents(terms.actions);
  // Where the claim names what the percentage is of ("marketplace fee (max 10%)"), only the percentages the
  // code applies to values of that name count: a royalty cap of 10% does not bear out a fee cap.
  const claimWords = new Set(sentence.split(/[^a-z]+/).filter((word) => word.length >= 3 && !COMMON_WORDS.has(word)));
  const related = everywhere.found.filter((entry) => [...entry.words].some((word) => claimWords.has(word) || claimWords.has(`${word}s`)));
  const pool = related.length > 0 ? related : everywhere.found;
  const values = [...new Set(pool.map((entry) => entry.value))];
  // A sentence may name several percentages, some only to explain a unit ("1,000 basis points = 10%; 1 bps =
  // 0.01%"): it is borne out when the code uses one of them, and contradicted only when it uses none.
  const agreeing = claimed.filter((c) => values.includes(c));
  if (agreeing.length > 0) {
    return { topic: 'amount', verdict: 'matches', claimed: agreeing, actual: values, access: null, source: pool.find((entry) => entry.value === agreeing[0])?.source ?? null };
  }
  // A cap the comment states ("can never exceed 10%") on a rate someone may set to any value.
  if (everywhere.open && CAP_WORDS.test(lower)) {
    const unbounded = unboundedRates(terms, claimWords);
    if (unbounded.length > 0) return { topic: 'cap', verdict: 'contradicts', claimed, actual: unbounded.map((power) => power.id), access: null, source: unbounded[0]!.source };
  }
  // A percentage claimed for an action that pays only parties, in a contract that never multiplies, divides or
  // asks another contract for a value: no percentage is applied anywhere ("the keeper takes a 3% commission"
  // on a sweep of the whole balance).
  if (values.length === 0 && !everywhere.open && action !== null && paysOnlyParties(action) && computesNoShare(terms)) {
    return { topic: 'amount', verdict: 'contradicts', claimed, actual: [], access: null, source: action.payments.find((p) => p.direction === 'out')!.source };
  }
  // A share at a rate the model cannot state (a rate set later) may be the claimed one.
  if (values.length === 0 || everywhere.open) return { topic: 'amount', verdict: 'cannot-tell', claimed, actual: values, access: null, source: null, unpinned: everywhere.open };
  return { topic: 'amount', verdict: 'contradicts', claimed, actual: values, access: null, source: pool[0]?.source ?? null };
}

function paysOnlyParties(action: Action): boolean {
  const out = action.payments.filter((payment) => payment.direction === 'out');
  return out.length > 0 && out.every((payment) => payment.toParty !== null);
}

/**
 * True when no action multiplies or divides a value, calls another contract or a function of its own for
 * one, or holds code the model did not translate: nothing in the contract can compute a share.
 */
function computesNoShare(terms: ContractTerms): boolean {
  const exprs = terms.actions.flatMap((action) => [
    ...action.payments.flatMap((payment) => [payment.amount, payment.to]),
    ...action.effects.flatMap((effect) => (effect.value ? [effect.value] : [])),
    ...action.conditions.map((condition) => condition.expr),
  ]);
  const computes = (node: Expr) =>
    (node.kind === 'arith' && (node.op === '*' || node.op === '/')) || ['percent-of', 'external-call', 'call', 'code', 'sum'].includes(node.kind);
  const calls = terms.actions.some((action) => action.externalCalls.length > 0);
  return !calls && terms.coverage.explained === terms.coverage.statements && exprs.every((expr) => ![...walkExpr(expr)].some(computes));
}

/** Words that make a percentage a ceiling. */
const CAP_WORDS = /\b(?:never|not|cannot|can't|won't|will not|may not|must not) (?:be )?(?:exceed|more than|above|higher than)|\b(?:at most|up to|no more than|not more than|maximum|max|capped|cap|limited to)\b/;

/**
 * Powers to change a term the code uses as a rate (`price * feeBps / 10000`) with no condition on the new
 * value, whose name shares a word with the claim (the platform fee, not another rate).
 */
function unboundedRates(terms: ContractTerms, claimWords: Set<string>): ContractTerms['powers'] {
  return terms.powers.filter(
    (power) =>
      power.kind === 'change-term' && power.rateScale !== null && power.bounds.length === 0 && power.target !== null &&
      [...wordsOf(power.target)].some((word) => claimWords.has(word) || claimWords.has(`${word}s`)),
  );
}

// ── when ──────────────────────────────────────────────────────────────────────────────────────────

function claimedSeconds(lower: string): string[] {
  const found: string[] = [];
  for (const m of lower.matchAll(/\b(\d+|one|two|three|seven|fourteen|thirty)[\s-]+(second|minute|hour|day|week)s?\b/g)) {
    const count = WORDS[m[1]!] ?? BigInt(m[1]!);
    found.push((count * UNIT_SECONDS[m[2]!]!).toString());
  }
  return [...new Set(found)];
}

const WORDS: Record<string, bigint> = { one: 1n, two: 2n, three: 3n, seven: 7n, fourteen: 14n, thirty: 30n };

/** Periods (in seconds) the code checks in these actions, from constants written with a time unit; `open` when a period is given in the call or stored. */
function actualSeconds(actions: Action[], terms: ContractTerms): { values: string[]; open: boolean; sources: SourceRef[] } {
  const values: string[] = [];
  const sources: SourceRef[] = [];
  let open = false;
  const ids = new Set(actions.map((a) => a.id));
  const scan = (expr: Expr, source: SourceRef) => {
    for (const node of walkExpr(expr)) {
      if ((node.kind === 'number' || node.kind === 'variable') && node.unit && node.unit in TIME_UNIT_FACTOR && node.value !== null) {
        values.push(node.value);
        sources.push(source);
      }
    }
  };
  for (const deadline of terms.deadlines) {
    for (const check of deadline.checks) {
      if (!ids.has(check.action)) continue;
      // The period checked: the offset in the check (`paidUntil + GRACE`), else the one the deadline was set with (`now + 14 days`).
      const before = values.length;
      scan(check.against, check.source);
      if (values.length === before) for (const set of deadline.setBy) scan(set.value, set.source);
      // A period given in the call, or read from storage other than the deadline itself, is not pinned down.
      const subject = deadline.subject.kind === 'variable' ? deadline.subject.name : null;
      const loose = (n: Expr) => n.kind === 'variable' && n.type.startsWith('uint') && (n.scope === 'parameter' || (n.scope === 'state' && n.value === null && n.name !== subject));
      if ([...walkExpr(check.against), ...deadline.setBy.flatMap((s) => [...walkExpr(s.value)])].some(loose)) open = true;
    }
    // A deadline stored by one of these actions (`deliverBy = block.timestamp + 7 days`) states a period too.
    for (const set of deadline.setBy) if (ids.has(set.action)) scan(set.value, set.source);
  }
  // Any other period the actions' own code names: a branch near the end (`stopTime - 10 minutes`), an extension (`stopTime += 10 minutes`).
  for (const action of actions) {
    for (const condition of action.conditions) for (const expr of [condition.expr, ...condition.when]) scan(expr, condition.source);
    for (const effect of action.effects) for (const expr of [...(effect.value ? [effect.value] : []), ...effect.when]) scan(expr, effect.source);
  }
  return { values: [...new Set(values)], open, sources };
}

function checkWhen(lower: string, actions: Action[], terms: ContractTerms): Draft | null {
  const claimed = claimedSeconds(lower);
  if (claimed.length === 0) return null;
  const actual = actualSeconds(actions, terms);
  if (claimed.every((c) => actual.values.includes(c))) {
    return { topic: 'when', verdict: 'matches', claimed, actual: actual.values, access: null, source: actual.sources[actual.values.indexOf(claimed[0]!)] ?? null };
  }
  if (actual.values.length === 0 || actual.open) return { topic: 'when', verdict: 'cannot-tell', claimed, actual: actual.values, access: null, source: null, unpinned: actual.open };
  return { topic: 'when', verdict: 'contradicts', claimed, actual: actual.values, access: null, source: actual.sources[0] ?? null };
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
    /\b(?:refund(?:s|ed)?|repay(?:s|ed)?)\s+(?:the |an? )?([a-z][\w]*)/.exec(lower),
  ].flatMap((m) => (m ? [findParty(m[1]!, parties)] : []));
  const party = named.find((p): p is Party => p !== null);
  if (!party) return null;
  const out = action.payments.filter((p) => p.direction === 'out');
  if (out.length === 0) return null;
  // Paid to the caller of an action anyone may call: whoever calls, not a named party.
  const toCaller = (p: (typeof out)[number]) => p.toParty === null && action.access.anyone && unwrap(p.to).kind === 'caller';
  // The parties a payment may go to: its own, or each of those a condition chooses between (`favorBuyer ? buyer : seller`).
  const recipients = (p: (typeof out)[number]): string[] => (toCaller(p) ? [CALLER] : p.toParty !== null ? [p.toParty] : chosenParties(p.to));
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
  const fixedAtCreation = /\b(fixed|locked|set|frozen)\s+(at|on|when)\s+(creation|deployment|listing|purchase|order|the time)/.test(lower);
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
