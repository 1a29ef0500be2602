/** When: a period a claim states ("within 7 days", "after 30 days") against the periods the code checks. */
import type { Action, ContractTerms, Expr, SourceRef } from '../terms/index.ts';
import { walkExpr } from '../terms/index.ts';
import type { ClaimDraft } from './claim-draft.ts';

const UNIT_SECONDS: Record<string, bigint> = { second: 1n, minute: 60n, hour: 3600n, day: 86400n, week: 604800n };
const TIME_UNIT_FACTOR: Record<string, bigint> = { seconds: 1n, minutes: 60n, hours: 3600n, days: 86400n, weeks: 604800n };

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

export function checkWhen(lower: string, actions: Action[], terms: ContractTerms): ClaimDraft | null {
  const claimed = claimedSeconds(lower);
  if (claimed.length === 0) return null;
  const actual = actualSeconds(actions, terms);
  if (claimed.every((c) => actual.values.includes(c))) {
    return { topic: 'when', verdict: 'matches', claimed, actual: actual.values, access: null, source: actual.sources[actual.values.indexOf(claimed[0]!)] ?? null };
  }
  if (actual.values.length === 0 || actual.open) return { topic: 'when', verdict: 'cannot-tell', claimed, actual: actual.values, access: null, source: null, unpinned: actual.open };
  return { topic: 'when', verdict: 'contradicts', claimed, actual: actual.values, access: null, source: actual.sources[0] ?? null };
}
