/**
 * Scale: a claim about how a number is read ("550 = 5.5%", "100 means 1%", "1% = 100", "in basis points")
 * against the one unit inference (orders/semantics.ts): the divisor the code applies when it uses the value
 * as a rate (`amount * feeBps / 10000`). The claim matches when N / divisor = P / 100, contradicts (citing
 * the division) when not, and cannot tell when the code shows no divisor for the value.
 *
 * The value a claim is about: the parameter a `@param` comment is on; otherwise the stored values and
 * parameters whose names' words the sentence uses ("the fee basis point" names `feeBasisPoint`). Limits: a
 * number written with its own unit ("1,000 basis points = 10%") explains the unit, not the value, and is
 * not read; a sentence naming values of different scales cannot be told.
 */
import type { Action, ContractTerms, Expr, SourceRef } from '../terms/index.ts';
import { walkExpr } from '../terms/index.ts';
import { inferFormats } from '../orders/semantics.ts';
import type { ClaimDraft } from './claim-draft.ts';

type Formats = ReturnType<typeof inferFormats>;
type Variable = Extract<Expr, { kind: 'variable' }>;

const formatsCache = new WeakMap<ContractTerms, Formats>();

function formatsOf(terms: ContractTerms): Formats {
  let formats = formatsCache.get(terms);
  if (!formats) {
    formats = inferFormats(terms);
    formatsCache.set(terms, formats);
  }
  return formats;
}

const NUMBER = String.raw`(\d[\d,_]*(?:\.\d+)?)`;
const PERCENT = String.raw`(\d+(?:\.\d+)?)\s*(?:%|percent\b|per cent\b)`;
const MEANS = String.raw`\s*(?:=|==|:|->|→|means|is|represents|equals|corresponds to|stands for)\s*`;

/**
 * The scale a sentence claims, as the divisor that makes 100%, with the example it gives: `550 = 5.5%` →
 * { scale: '10000', number: '550', percent: '5.5' }; "in basis points" → { scale: '10000' }.
 */
export function claimedScale(lower: string): { scale: string; number: string | null; percent: string | null; words: string } | null {
  const plain = (n: string) => n.replace(/[,_]/g, '');
  const forward = new RegExp(`(?<![\\d.])${NUMBER}(?!\\s*(?:basis|bps|%|percent|wei|ether|eth|gwei|seconds?|minutes?|hours?|days?|weeks?)\\b)${MEANS}${PERCENT}`).exec(lower);
  const backward = new RegExp(`(?<![\\d.])${PERCENT}${MEANS}${NUMBER}(?!\\s*(?:basis|bps|%|percent)|\\.\\d)`).exec(lower);
  const pair = forward ? { number: plain(forward[1]!), percent: forward[2]!, words: forward[0] } : backward ? { number: plain(backward[2]!), percent: backward[1]!, words: backward[0] } : null;
  if (pair && !pair.number.includes('.') && Number(pair.percent) > 0) {
    const scale = divisorOf(pair.number, pair.percent);
    // A divisor that makes 100% is a power of ten (100, 1,000, 10,000, 10^18); "2: 50%" is not a scale.
    if (scale !== null && /^10+$/.test(scale) && scale.length >= 3) return { scale, ...pair };
  }
  const named = /\b(?:in|as|expressed in|denominated in|measured in) (?:basis points?|bps)\b/.exec(lower);
  return named ? { scale: '10000', number: null, percent: null, words: named[0] } : null;
}

/** N × 100 / P when that is a whole number: 550 at 5.5% → 10000. */
function divisorOf(number: string, percent: string): string | null {
  const [whole, fraction = ''] = percent.split('.');
  const denominator = BigInt(whole! + fraction);
  const numerator = BigInt(number) * 100n * 10n ** BigInt(fraction.length);
  return denominator > 0n && numerator % denominator === 0n ? (numerator / denominator).toString() : null;
}

/**
 * The check of a scale claim on `param` of `action` (a `@param` comment), or on the values the sentence
 * names in these actions.
 */
export function checkScale(lower: string, action: Action | null, param: string | null, actions: Action[], terms: ContractTerms): ClaimDraft | null {
  const claim = claimedScale(lower);
  if (!claim) return null;
  const formats = formatsOf(terms);
  const subjects = param !== null && action ? paramSubject(action, param) : namedValues(lower, actions);
  const found = subjects.flatMap(({ expr, action: at }) => {
    const format = formats(expr, at);
    return format?.kind === 'percent' ? [{ scale: format.scale, source: formats.evidenceOf(expr, at)?.source ?? null }] : [];
  });
  const scales = [...new Set(found.map((f) => f.scale))];
  const claimed = [claim.scale, ...(claim.number !== null && claim.percent !== null ? [claim.number, claim.percent] : [])];
  if (scales.length !== 1) return { topic: 'scale', verdict: 'cannot-tell', claimed, actual: scales, access: null, source: null };
  const [scale] = scales as [string];
  const source: SourceRef | null = found[0]!.source;
  return { topic: 'scale', verdict: scale === claim.scale ? 'matches' : 'contradicts', claimed, actual: [scale], access: null, source };
}

function paramSubject(action: Action, param: string): { expr: Expr; action: string }[] {
  const parameter = action.parameters.find((p) => p.name === param);
  if (!parameter) return [];
  const expr: Variable = { kind: 'variable', name: parameter.name, label: parameter.label, scope: 'parameter', party: null, value: null, unit: null, type: parameter.type };
  return [{ expr, action: action.id }];
}

/** Words that say what a number is rather than what it is of. */
const UNIT_WORDS = new Set(['bps', 'basis', 'point', 'points', 'percent', 'percentage', 'pct', 'rate', 'the', 'of', 'in']);

/** Stored values and parameters of these actions whose names' words the sentence uses, each with the action it is read in. */
function namedValues(lower: string, actions: Action[]): { expr: Expr; action: string }[] {
  const words = new Set(lower.match(/[a-z]+/g) ?? []);
  const found = new Map<string, { expr: Expr; action: string }>();
  for (const action of actions) {
    const exprs = [
      ...action.payments.map((p) => p.amount),
      ...action.conditions.map((c) => c.expr),
      ...action.effects.flatMap((e) => [e.target, ...(e.value ? [e.value] : [])]),
    ];
    for (const expr of exprs) {
      for (const node of walkExpr(expr)) {
        if (node.kind !== 'variable' || (node.scope !== 'state' && node.scope !== 'parameter')) continue;
        const parts = node.label.toLowerCase().split(/\s+/).filter((w) => !UNIT_WORDS.has(w));
        const key = node.scope === 'state' ? node.name : `${action.id}:${node.name}`;
        if (parts.length > 0 && parts.every((w) => words.has(w) || words.has(`${w}s`)) && !found.has(key)) found.set(key, { expr: node, action: action.id });
      }
    }
  }
  return [...found.values()];
}
