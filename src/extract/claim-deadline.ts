/**
 * "after the delivery date has passed", "once the deadline has passed", "before expiry": a moment a claim
 * names, against the deadline checks of the action it speaks of (the model's `deadlines`, whose checks are
 * normalised with the block time on the left). The moment is the deadline whose name shares a word with the
 * clause ("delivery" names `deliverBy`), or, for "the deadline", the one deadline the action checks.
 *
 * Borne out when the action checks that moment the way the claim says (after: now > or >= it; before: now < or
 * <= it); contradicted when every check the action makes of it goes the other way. Limits: the period added to
 * the moment (`deadline + grace`) is not read ("cannot tell"); a check of the moment under some condition
 * only (after shipment) counts as a check. Block numbers are not read as dates.
 */
import type { Action, ContractTerms } from '../terms/index.ts';
import { unwrap } from '../terms/index.ts';
import type { ClaimDraft } from './claim-draft.ts';

const AFTER = /\b(?:after|once|when|if)\b[^.;]*?\b(?:has|have|is|are) (?:passed|expired|elapsed|over)\b|\bafter (?:the |its |a )?(?:[a-z]+ ){0,2}(?:date|deadline|expiry|end)\b/;
const BEFORE = /\bbefore (?:the |its )?(?:[a-z]+ ){0,2}(?:date|deadline|expiry|expires|end)\b|\b(?:has|have) not (?:yet )?(?:passed|expired)\b/;
/** Words that name no moment in particular. */
const GENERIC = new Set(['time', 'date', 'period', 'block', 'the']);

function stem(word: string): string {
  return word.toLowerCase().replace(/(?:ing|ed|es|s|y)$/, '');
}

export function checkDeadline(lower: string, action: Action | null, terms: ContractTerms): ClaimDraft | null {
  const way = AFTER.test(lower) ? 'after' : BEFORE.test(lower) ? 'before' : null;
  if (!way || !action) return null;
  const words = new Set((lower.match(/[a-z]+/g) ?? []).filter((w) => w.length >= 4 && !GENERIC.has(w)).map(stem));
  const checked = terms.deadlines.filter((d) => d.clock === 'time' && d.checks.some((c) => c.action === action.id));
  const named = checked.filter((d) => d.label.split(/\s+/).some((w) => w.length >= 4 && !GENERIC.has(w.toLowerCase()) && words.has(stem(w))));
  const deadline = named.length === 1 ? named[0]! : named.length === 0 && checked.length === 1 && /\bdeadline\b/.test(lower) ? checked[0]! : null;
  if (!deadline) return null;
  // A check against the moment itself: "after the due date" is not borne out by a check of the due date plus a period.
  const checks = deadline.checks.filter((c) => c.action === action.id);
  if (checks.some((c) => unwrap(c.against).kind === 'arith')) return null;
  const after = (op: string) => op === '>' || op === '>=';
  const agree = checks.find((c) => (way === 'after') === after(c.op));
  const shown = agree ?? checks[0]!;
  if (!agree && checks.some((c) => c.otherwise.length > 0)) return null;
  // A check made only on some paths (once shipped), or one another condition can stand in for: said as such.
  const some = shown.when.length > 0 || shown.otherwise.length > 0 ? ['some'] : [];
  return { topic: 'deadline', verdict: agree ? 'matches' : 'contradicts', claimed: [way], actual: [deadline.id, ...some], access: null, source: shown.source };
}
