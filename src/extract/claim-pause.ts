/**
 * Claims about pausing and events, checked against the model:
 *
 * - "Available even while the marketplace is paused" on an action: whether the action checks the flag a pause
 *   power sets (`pause` sets `_paused`; a check `!_paused` stops the action while paused). The flag is the
 *   target of the model's `pause` powers, and the polarity is the check's: `!flag` stops the action while
 *   paused, a bare `flag` lets it run only while paused.
 * - "can pause new orders, shipping and delivery confirmation": the actions the words after the verb name
 *   (claim-topics.ts), each checked for that flag.
 * - "Emits RequestInEscrow(…)": whether the action records an event of that name; when it does not but calls
 *   another contract (which may record it), "cannot tell". Not read on internal functions.
 *
 * Limits: a pause made some other way than a power over a stored flag (a check of another contract's state)
 * is not seen, so a claim that an action stops is then "cannot tell"; words after the verb are read up to
 * "but", "except", "not" or "unless".
 */
import type { Action, ContractTerms, Expr, SourceRef } from '../terms/index.ts';
import { unwrap } from '../terms/index.ts';
import type { ClaimDraft } from './claim-draft.ts';
import { actionsNamedIn } from './claim-topics.ts';

/** The stored flags a pause power sets. */
function pauseFlags(terms: ContractTerms): string[] {
  return terms.powers.filter((p) => p.kind === 'pause' && p.target?.kind === 'variable').map((p) => (p.target as Extract<Expr, { kind: 'variable' }>).name);
}

/** The check that stops the action while the contract is paused (`!flag`), if any. */
function pauseCheck(action: Action, flags: string[]): SourceRef | null {
  const condition = action.conditions.find((c) => {
    const expr = unwrap(c.expr);
    if (c.when.length > 0 || expr.kind !== 'not') return false;
    const operand = unwrap(expr.operand);
    return operand.kind === 'variable' && flags.includes(operand.name);
  });
  return condition?.source ?? null;
}

const AVAILABLE = /\b(?:even|also|still)\s+(?:while|when|if|during)\b[^.;]*\bpaus|\bnot (?:affected|stopped|blocked) by (?:a |the )?paus|\bcannot be paused\b|\bregardless of (?:the |a )?paus/;
const STOPS = /\b(?:pause[sd]?|suspend(?:s|ed)?|halt(?:s|ed)?)\s+([^.;]*)/;

/** `own`: the comment is on the action itself (not an action a clause on the contract names by its verb). */
export function checkPause(lower: string, action: Action | null, terms: ContractTerms, own: boolean): ClaimDraft | null {
  const flags = pauseFlags(terms);
  if (action && AVAILABLE.test(lower)) {
    if (flags.length === 0) return null;
    const stopped = pauseCheck(action, flags);
    return { topic: 'pause', verdict: stopped ? 'contradicts' : 'matches', claimed: ['available'], actual: stopped ? ['stopped'] : ['available'], access: null, source: stopped ?? action.source, action: action.id };
  }
  // "can only be called when the contract is paused" / "… when it is unpaused".
  const only = action && own && flags.length > 0 ? /\bonly\b[^.;]*\b(?:when|while)\b[^.;]*\b(un|not )?paused\b/.exec(lower) : null;
  if (action && only) {
    const bare = only[1] === undefined;
    const holds = bare ? onlyWhilePaused(action, flags) : pauseCheck(action, flags) !== null;
    const source = pauseCheck(action, flags) ?? action.source;
    return { topic: 'pause', verdict: holds ? 'matches' : 'contradicts', claimed: [bare ? 'only-paused' : 'only-unpaused'], actual: [], access: null, source, action: null };
  }
  const stops = STOPS.exec(lower);
  if (!stops || flags.length === 0) return null;
  const listed = stops[1]!.split(/\b(?:but|except|not|unless)\b/)[0]!;
  // "Pause the Nouns auction house", "pause the contract": the whole contract, not actions named in it.
  if (namesContract(listed, terms.name)) return null;
  // Actions that run only while paused (`whenPaused`) are the pause's own remedies, not actions it stops.
  const named = actionsNamedIn(listed, terms.actions).filter((a) => !terms.powers.some((p) => (p.kind === 'pause' || p.kind === 'unpause') && p.action === a.id) && !onlyWhilePaused(a, flags));
  if (named.length === 0) return null;
  const running = named.filter((a) => pauseCheck(a, flags) === null);
  const source = running.length > 0 ? running[0]!.source : pauseCheck(named[0]!, flags);
  return { topic: 'pause', verdict: running.length === 0 ? 'matches' : 'contradicts', claimed: named.map((a) => a.id), actual: running.map((a) => a.id), access: null, source, action: null };
}

/** Whether the words name the contract itself: "the contract", or two words of its name. */
function namesContract(words: string, name: string): boolean {
  const own = name.replace(/([a-z0-9])([A-Z])/g, '$1 $2').toLowerCase().split(/\s+/);
  const said: string[] = words.toLowerCase().match(/[a-z]+/g) ?? [];
  return said.includes('contract') || own.filter((w) => said.includes(w)).length >= Math.min(2, own.length);
}

/** Whether the action runs only while the contract is paused (a bare check of the flag). */
function onlyWhilePaused(action: Action, flags: string[]): boolean {
  return action.conditions.some((c) => {
    const expr = unwrap(c.expr);
    return c.when.length === 0 && expr.kind === 'variable' && flags.includes(expr.name);
  });
}

export function checkEvent(said: string, action: Action | null): ClaimDraft | null {
  const named = /\b[Ee]mits?\s+(?:an? |the )?`?([A-Z][a-z][A-Za-z0-9_]*)\b(?!-)/.exec(said);
  if (!named || !action) return null;
  const event = named[1]!;
  const emit = action.emits.find((e) => e.event === event);
  // Another contract the action calls may record it (a payment proxy's transfer event): then it cannot tell.
  const calls = action.externalCalls.length > 0 || action.payments.some((p) => p.asset.kind === 'token');
  if (!emit && calls) return { topic: 'event', verdict: 'cannot-tell', claimed: [event], actual: [], access: null, source: null, action: null };
  return { topic: 'event', verdict: emit ? 'matches' : 'contradicts', claimed: [event], actual: [...new Set(action.emits.map((e) => e.event))], access: null, source: emit?.source ?? action.source, action: null };
}
