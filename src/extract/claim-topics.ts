/**
 * How a comment is read before it is checked: cut into sentences (and sentences into clauses at `;`), each
 * clause classified by the topics a lawyer relies on (who, how much, when, rounding, refunds, fixity, pause,
 * events), and the actions a clause names found by the words of their names ("cancel for a full refund" names
 * `cancel`; "shipping" names `markShipped`). A clause on one of these topics gets a verdict: the checks'
 * own, or "cannot tell" (claim-check.ts). Limits: English only; an action is named by a word of its name (four
 * letters or more, after cutting an ending such as -s, -ed, -ing, -ion), not by a synonym ("dispatch" does not
 * name `markShipped`).
 */
import type { Action, ClaimTopic } from '../terms/index.ts';

/** The sentences of a comment, in order: cut after `.`, `!` or `?` followed by a space (not after "e.g." and the like), and at line breaks. */
export function claimSentences(text: string): string[] {
  return text.split(/(?<!\b(?:e\.g|i\.e|etc|cf|vs|viz)\.)(?<=[.!?])\s+|\n+/).map((s) => s.trim()).filter((s) => s.length > 0);
}

/** Each clause of the comment (sentences cut at `;` too), with the whole sentence it belongs to. */
export function claimClauses(text: string): { clause: string; whole: string }[] {
  return claimSentences(text).flatMap((whole) =>
    whole.split(/(?<=;)\s+/).map((s) => s.trim()).filter((s) => s.length > 0).map((clause) => ({ clause, whole })),
  );
}

const TOPICS: [ClaimTopic, RegExp][] = [
  ['who', /\bonly\b(?! (?:be called |callable )?(?:when|while|once|if|after|before|during)\b| (?:accepts?|supports?|works?|used)\b)|\b(?:anyone|anybody|no one|nobody|callable by|called by|restricted to)\b/],
  ['amount', /\d\s*%|\bper ?cent\b|\bbasis points?\b|\bbps\b|\bpro rata\b|\bproportional\w*|\b(?:less|minus|net of|after deducting)\b(?! than)|\bin full\b|\bfull (?:refund|amount|price|deposit)\b/],
  ['when', /\b(?:before|after|until|within|deadline|expir\w*|elapsed|lock ?period|(?:\d+|one|two|three|four|five|six|seven|ten|twelve|thirty) (?:seconds?|minutes?|hours?|days?|weeks?|months?|years?))\b|\b(?:date|period) (?:has )?passed\b|\bby (?:its|the) (?:[a-z]+ ){0,2}(?:date|deadline)\b/],
  ['rounding', /\bround(?:s|ed|ing)?\b|\btruncat\w*|\bfloor\b|\bceil\w*/],
  ['refund', /\brefund\w*|\breimburs\w*|\brepa(?:y|id|ys)\b|\b(?:is|are|gets?|will be) paid\b|\bpays? (?:back|out|to)\b|\breturn(?:s|ed)? (?:to|the)\b|\breleases? (?:the )?(?:funds|money|payment)\b|\breleased to\b|\b(?:gets?|takes?|recovers?)\b[^.;]*\bback\b|\brecovers? (?:the |its |their )?(?:funds|deposit|money|price)\b/],
  ['fixity', /\bfixed\b|\bimmutable\b|\bcannot be (?:changed|modified|updated|altered)\b|\bnever (?:changes?|be changed)\b|\bin force\b|\bapplies to (?:every|all|each|any|existing|future)\b|\b(?:locked|set|frozen) (?:at|on|when|upon|once)\b/],
  ['pause', /\bpaus(?:e|es|ed|ing)\b|\bsuspend\w*|\bresum(?:e|es|ed|ing)\b|\bemergency stop\b/],
  ['event', /\b[Ee]mits?\s+(?:an? |the )?`?[A-Z][a-z][A-Za-z0-9_]*\b(?!-)/],
];

/** The checked topics a clause speaks of (`event` is read on the clause as written, the rest in lower case). */
export function topicsOf(clause: string): ClaimTopic[] {
  const lower = clause.toLowerCase();
  return TOPICS.filter(([topic, pattern]) => pattern.test(topic === 'event' ? clause : lower)).map(([topic]) => topic);
}

/** A word cut to its stem: "confirmations" → "confirm", "shipping" → "shipp", "orders" → "order". */
function stem(word: string): string {
  return word.toLowerCase().replace(/(?:ations?|ments?|ings?|ions?|ed|es|s)$/, '');
}

/** Whether two stems are the same word: one starts the other, and the shorter has four letters or more. */
function sameWord(a: string, b: string): boolean {
  const [short, long] = a.length <= b.length ? [a, b] : [b, a];
  return short.length >= 4 && long.startsWith(short);
}

/** The words of an action's name: `confirmDelivery` → confirm, delivery. */
function nameWords(action: Action): string[] {
  return action.name.replace(/([a-z0-9])([A-Z])/g, '$1 $2').split(/[\s_]+/).filter((w) => w.length > 0).map(stem);
}

/** Whether a word names the action (a word of its name). */
export function wordNames(word: string, action: Action): boolean {
  return nameWords(action).some((w) => sameWord(stem(word), w));
}

/** The functions a clause speaks of by name: actions other than the constructor, receive and fallback. */
function namable(actions: Action[]): Action[] {
  return actions.filter((a) => a.kind === 'function');
}

/** The actions some word of `words` names, in the order the actions are declared. */
export function actionsNamedIn(words: string, actions: Action[]): Action[] {
  const list = words.toLowerCase().match(/[a-z]+/g) ?? [];
  return namable(actions).filter((action) => list.some((word) => wordNames(word, action)));
}

/**
 * The verb a clause's subject acts with, and the one action it names: "A buyer may cancel …" → `cancel`,
 * "when the buyer confirms delivery …" → `confirmDelivery`. Null when the verb names no action or several.
 */
export function actionOfVerb(lower: string, actions: Action[]): Action | null {
  const verbs = [...lower.matchAll(/\b(?:may|can|must|will|to)\s+(?:still\s+|also\s+|only\s+)?([a-z]+)|\b(?:the|a|an|each|any) [a-z]+ ([a-z]+s)\b/g)].map((m) => m[1] ?? m[2]!);
  for (const verb of verbs) {
    const named = namable(actions).filter((action) => nameWords(action)[0] !== undefined && sameWord(stem(verb), nameWords(action)[0]!));
    if (named.length === 1) return named[0]!;
  }
  return null;
}
