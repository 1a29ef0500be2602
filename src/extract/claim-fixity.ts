/**
 * Whether a term is fixed, or the value in force later applies: "the fee is fixed", "cannot be changed",
 * "locked when the order is placed" against the powers that change that term (and whether a change reaches
 * deals already under way, `affectsExisting`); "the fee in force when delivery is confirmed, not when the
 * order was placed" and "it applies to every order confirmed afterwards" against the same: a change that the
 * deals under way read later bears them out, a value copied at creation contradicts them. The term is a
 * state variable whose name's words the sentence uses, or, for a comment on an action that changes one
 * term ("It applies to …"), that term.
 */
import type { Action, ContractTerms } from '../terms/index.ts';
import type { ClaimDraft as Draft } from './claim-draft.ts';

export function checkFixity(lower: string, action: Action | null, terms: ContractTerms): Draft | null {
  if (READ_LATER.test(lower)) return checkInForce(lower, action, terms);
  // "fixed at creation", "locked when the order is placed", "set upon listing".
  const fixedAtCreation = /\b(fixed|locked|set|frozen|captured|recorded)\s+(at|on|when|upon|once)\b[^.;]{0,40}?\b(creat\w*|plac\w*|list\w*|purchas\w*|open\w*|deploy\w*|order|the time)/.test(lower);
  const neverChanges = /\b(cannot|can ?not|can't|never|no one can|nobody can)\s+(be\s+)?(chang|modif|updat|rais|increas|alter)\w*/.test(lower) || /\b(is|are) (fixed|immutable|constant)\b|\bfixed (?!at\b|on\b|when\b|upon\b|once\b)[a-z]+/.test(lower);
  if (!fixedAtCreation && !neverChanges) return null;
  // The term: a state variable whose name's words the sentence uses ("fee" → platformFeeBps).
  const terms_ = candidates(lower, terms);
  if (terms_.length === 0) return null;
  const powers = terms.powers.filter((p) => (p.kind === 'change-term' || p.kind === 'change-party') && p.target?.kind === 'variable' && terms_.includes(p.target.name));
  if (powers.length === 0) return { topic: 'fixity', verdict: 'matches', claimed: terms_, actual: [], access: null, source: null, action: null };
  // "Fixed at creation": a change that does not reach records already made keeps the claim true for them.
  const reaching = fixedAtCreation ? powers.filter((p) => p.affectsExisting !== false) : powers;
  if (reaching.length === 0) return { topic: 'fixity', verdict: 'matches', claimed: terms_, actual: powers.map((p) => p.id), access: null, source: powers[0]!.source, action: null };
  return { topic: 'fixity', verdict: 'contradicts', claimed: terms_, actual: reaching.map((p) => p.id), access: null, source: reaching[0]!.source, action: null };
}

/** State variables and immutables (not constants) whose name words all appear in the sentence: "fee" names `feeBps` and `platformFee`. */
function candidates(lower: string, terms: ContractTerms): string[] {
  const words = new Set(lower.match(/[a-z]+/g) ?? []);
  const names = new Set<string>();
  for (const action of terms.actions) {
    for (const effect of action.effects) {
      // A term is one stored value (a fee, a price, a party), not a list or a table of records.
      if (effect.target.kind !== 'variable' || (effect.target.scope !== 'state' && effect.target.scope !== 'immutable') || /\[\]|^mapping\(/.test(effect.target.type) || effect.kind === 'push' || effect.kind === 'pop') continue;
      const parts = effect.target.label.toLowerCase().split(/\s+/).filter((w) => !['bps', 'percent', 'pct', 'basis', 'points', 'rate', 'amount'].includes(w));
      if (parts.length > 0 && parts.every((w) => words.has(w) || words.has(`${w}s`))) names.add(effect.target.name);
    }
  }
  return [...names];
}

/** "the fee in force when delivery is confirmed", "applies to every order confirmed afterwards", "not when the order was placed". */
const READ_LATER = /\bin force (?:when|at)\b|\bapplies to (?:every|all|each|any) [a-z]+ (?:confirmed|settled|completed|closed|released|paid|delivered|finali[sz]ed)\b|\bnot (?:when|at the time) (?:the )?[a-z]+ (?:was|is|were) (?:placed|created|opened|made|listed)\b/;

function checkInForce(lower: string, action: Action | null, terms: ContractTerms): Draft | null {
  const changes = (p: ContractTerms['powers'][number]) => (p.kind === 'change-term' || p.kind === 'change-party') && p.target?.kind === 'variable';
  const named = candidates(lower, terms);
  // "It applies to every order confirmed afterwards", said on the action that changes the term.
  const own = action ? terms.powers.filter((p) => changes(p) && p.action === action.id) : [];
  const powers = named.length > 0 ? terms.powers.filter((p) => changes(p) && named.includes((p.target as { name: string }).name)) : own;
  if (powers.length === 0) return null;
  const claimed = [...new Set(powers.map((p) => (p.target as { name: string }).name))];
  if (powers.some((p) => p.affectsExisting === null)) return { topic: 'in-force', verdict: 'cannot-tell', claimed, actual: powers.map((p) => p.id), access: null, source: null, action: null };
  const frozen = powers.filter((p) => p.affectsExisting === false);
  const shown = frozen.length > 0 ? frozen : powers;
  return { topic: 'in-force', verdict: frozen.length > 0 ? 'contradicts' : 'matches', claimed, actual: shown.map((p) => p.id), access: null, source: shown[0]!.source, action: null };
}
