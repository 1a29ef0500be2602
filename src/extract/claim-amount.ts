/**
 * How much: a percentage a claim states ("a 1% fee", "up to 15%", "250 basis points") against the shares and
 * caps the code applies, and a cap the claim states against a rate someone may set to any value.
 */
import type { Action, ContractTerms, Expr, SourceRef } from '../terms/index.ts';
import { SHARE_SCALE, walkExpr, type ShareUnit } from '../terms/index.ts';
import { exactDivide } from '../ir/exprs.ts';
import { scopeOf, type ClaimDraft } from './claim-draft.ts';

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
    for (const { expr, source, into, paid } of valuesOf(action)) {
      scan(expr, source, into ? wordsOf(into) : undefined);
      // `value - cut` beside a payment of the cut: the rest of the base, 90% beside 10%.
      const rest = paid && expr.kind === 'arith' && expr.op === '-' ? expr.right : null;
      if (rest?.kind === 'percent-of' && rest.percent !== null) found.push({ value: difference('100', rest.percent), source, words: wordsOf(expr) });
    }
  }
  return { found, open };
}

/** The values an action computes: what it pays, what it checks, and what it stores (with where it stores it). */
function valuesOf(action: Action): { expr: Expr; source: SourceRef; into: Expr | null; paid: boolean }[] {
  return [
    ...action.payments.map((payment) => ({ expr: payment.amount, source: payment.source, into: null, paid: true })),
    ...action.conditions.map((condition) => ({ expr: condition.expr, source: condition.source, into: null, paid: false })),
    ...action.effects.flatMap((effect) => (effect.value ? [{ expr: effect.value, source: effect.source, into: effect.target, paid: false }] : [])),
  ];
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

export function checkAmount(lower: string, action: Action | null, terms: ContractTerms, sentence: string): ClaimDraft | null {
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
  // The addresses paid too: a recipient looked up by a call.
  const exprs = terms.actions.flatMap((action) => [...valuesOf(action).map((value) => value.expr), ...action.payments.map((payment) => payment.to)]);
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
