/**
 * The end of the document: risks, the author's claims, what the code does not cover, what was not
 * explained, and the disclaimer. Ids: `risk:<id>`, `claim:<id>`, `claim:<id>:contradiction`,
 * `not-covered:<topic>`, `not-explained:<n>`, `not-explained:coverage`, `disclaimer:<n>`.
 */
import { CALLER } from '../../extract/claim-check.ts';
import { claimSentences } from '../../extract/claim-topics.ts';
import type { Claim, ClaimCheck, ContractTerms, Payment, Risk } from '../../terms/index.ts';
import { clearedClaim, failsOnlyWithFalse } from './money.ts';
import { firstSets } from './once.ts';
import { actionNames, findAction, prefixed, spec, type StatementSpec } from './spec.ts';
import { ruleHolder } from '../../extract/actions.ts';
import { renounceGates } from '../../extract/risks.ts';
import { statesWithMoney } from '../../extract/held-money.ts';
import { storedPlace } from '../../extract/never-recorded.ts';

/**
 * What contract code never settles, in the order shown: the topics a trade agreement needs (governing law,
 * forum, quality and warranties, limitation of liability, force majeure, notices, language), listed in one
 * statement, then whether the deployed code was checked.
 */
export const NOT_COVERED_TOPICS = ['topics', 'deployed-code'] as const;

/** The parts of the disclaimer, in order; each is one sentence in every locale. */
export const DISCLAIMER_PARTS = ['generated', 'not-advice', 'code-governs', 'off-chain', 'review'] as const;

/** For an unchecked payment: the payment, and what becomes of its money when it fails and its claim was cleared first. */
function uncheckedPayment(terms: ContractTerms, risk: Risk): { payment: Payment | null; cleared: ReturnType<typeof clearedClaim>; viaToken: boolean } {
  const action = (risk.kind === 'unchecked-call' || risk.kind === 'unchecked-incoming') && risk.action !== null ? findAction(terms, risk.action) : undefined;
  const payment = action?.payments.find((p) => p.resultChecked === false && p.source.line === risk.source.line && p.source.path === risk.source.path);
  return action && payment ? { payment, cleared: clearedClaim(terms, action, payment), viaToken: failsOnlyWithFalse(payment) } : { payment: null, cleared: null, viaToken: false };
}

/**
 * For a stall (no-deadline): every action by which the stalling party may move the deal on from that
 * stage (`close` or `enableRefunds`), the risk's own first; [] when there is only that one, and for other risks.
 */
function stalledMoves(terms: ContractTerms, risk: Risk): string[] {
  if (risk.kind !== 'no-deadline' || risk.action === null || risk.state === null) return [];
  const lifecycle = terms.lifecycles.find((l) => l.id === risk.text);
  if (!lifecycle) return [];
  const ids = lifecycle.transitions
    .filter((t) => !t.creates && (t.from.length === 0 || t.from.includes(risk.state!)))
    .map((t) => terms.actions.find((a) => a.id === t.action))
    .filter((a) => a !== undefined && !a.access.anyone && a.access.rules.every((r) => (ruleHolder(r) ?? '') === (risk.party ?? '')))
    .map((a) => a!.id);
  const names = actionNames(terms, [risk.action, ...ids]);
  return names.length > 1 ? names : [];
}

/**
 * For a stall (no-deadline), drafted only where no one else has an action that pays out at that stage: whether
 * the contract may hold money of the deal then (of the record concerned, for a lifecycle of records), so that
 * the money waits too, and the record whose money it is.
 */
function stalledMoney(terms: ContractTerms, risk: Risk): { takesMoney: boolean; record: string | null } {
  const lifecycle = risk.kind === 'no-deadline' ? terms.lifecycles.find((l) => l.id === risk.text) : undefined;
  if (!lifecycle || risk.state === null) return { takesMoney: false, record: null };
  const record = lifecycle.perItem ? (lifecycle.itemLabel ?? lifecycle.collectionLabel) : null;
  return { takesMoney: statesWithMoney(lifecycle, terms.actions).has(risk.state), record };
}

export function buildRiskSpecs(terms: ContractTerms): StatementSpec[] {
  return terms.risks.map((risk) => {
    const action = risk.action === null ? null : findAction(terms, risk.action);
    const party = terms.parties.find((candidate) => candidate.id === risk.party) ?? null;
    return spec(prefixed('risk', risk.id), 'risks', 'risk', {
      basis: risk.basis,
      source: risk.source,
      actionKind: action?.kind ?? null,
      context: { risk, action, party, helper: helperOf(terms, risk), callers: risk.kind === 'external-contract' ? actionNames(terms, [risk.action ?? '', ...(risk.also ?? [])].filter((id) => id !== '')) : [], ...stalledMoney(terms, risk), moves: stalledMoves(terms, risk), gates: risk.kind === 'renounce-locks-funds' ? actionNames(terms, renounceGates(terms)) : [], intake: risk.kind === 'never-recorded' ? actionNames(terms, risk.also ?? []) : [], field: risk.kind === 'never-recorded' ? recordField(risk) : null, ...zeroPeriod(terms, risk), setter: risk.kind === 'remainder-stays' && risk.text ? actionNames(terms, [risk.text]) : [], firstSets: risk.kind === 'first-caller' && action ? firstSets(action) : [], ...uncheckedPayment(terms, risk) },
    });
  });
}

/** For an amount kept in a field of a record (`orders[id].shipment.fee`): the field, down from the variable (`shipment.fee`). */
function recordField(risk: Risk): string | null {
  const place = risk.subject === null ? null : storedPlace(risk.subject);
  return place !== null && place.length > 1 ? place.slice(1).join('.') : null;
}

/** For a period that may be zero: the date it moves, the actions that store it, and whether the action pays each time it runs. */
function zeroPeriod(terms: ContractTerms, risk: ContractTerms['risks'][number]) {
  if (risk.kind !== 'zero-period') return {};
  const action = risk.action === null ? undefined : findAction(terms, risk.action);
  return { deadline: terms.deadlines.find((d) => d.id === risk.text) ?? null, writers: actionNames(terms, risk.also ?? []), paysEachTime: action?.payments.some((p) => p.when.length === 0) ?? false, fromPayer: action?.payments.some((p) => p.when.length === 0 && p.direction === 'between') ?? false };
}

/** For a contradicted claim on an internal function: the function's name. */
function helperOf(terms: ContractTerms, risk: ContractTerms['risks'][number]): string | null {
  if (risk.kind !== 'claim-contradicted' || risk.action !== null) return null;
  return terms.claims.find((claim) => claim.checks.some((check) => check.said === risk.text) && claim.source.line === risk.source.line && claim.source.path === risk.source.path)?.helper ?? null;
}

export function buildClaimSpecs(terms: ContractTerms): StatementSpec[] {
  // One table, one row per sentence of a comment with its verdicts in the same row. Passages the checker has
  // nothing to say about are not rows: one line after the table counts them and gives their lines. What each
  // comment is on is named once, on its first row shown.
  let subject: string | null = null;
  const unchecked: Claim[] = [];
  const specs = terms.claims.flatMap((claim) => {
    // A comment on an internal function: its checks speak of the function by name.
    const action = claim.action === null ? (claim.helper === null ? null : { name: claim.helper }) : findAction(terms, claim.action);
    const key = `${claim.action ?? claim.helper}:${claim.param ?? ''}`;
    return claimRows(claim).flatMap((row, index) => {
      if (row.checks.length === 0) {
        unchecked.push(claim);
        return [];
      }
      const first = subject !== key;
      subject = key;
      const verdicts = mergeUnread(row.checks.map((check) => verdictContext(terms, claim, check, action)));
      const source = row.checks.find((check) => check.source !== null)?.source ?? claim.source;
      const id = index === 0 ? prefixed('claim', claim.id) : `${prefixed('claim', claim.id)}:${index + 1}`;
      const decided = row.checks.some((check) => check.verdict !== 'cannot-tell');
      return [spec(id, 'claims', 'claim', { table: 'claims', basis: decided ? 'code' : 'natspec', source, context: { claim, action: claim.helper === null ? action : null, first, text: row.text, verdicts } })];
    });
  });
  if (unchecked.length > 0) specs.push(uncheckedClaimsSpec(terms, unchecked));
  return specs;
}

/** "The author's 9 other passages make no claim plainterms checks: MarketplaceOrder.sol lines 18, 59 and 76; …" */
function uncheckedClaimsSpec(terms: ContractTerms, unchecked: Claim[]): StatementSpec {
  const files = new Map<string, Set<number>>();
  for (const { source } of unchecked) {
    const lines = files.get(source.path) ?? new Set<number>();
    lines.add(source.line);
    files.set(source.path, lines);
  }
  const places = [...files].map(([path, lines]) => ({ file: path.split('/').at(-1) ?? path, lines: [...lines].sort((a, b) => a - b).join(','), lineCount: lines.size }));
  const shown = terms.claims.length > 0 && unchecked.length < terms.claims.flatMap(claimRows).length;
  return spec('claims:unchecked', 'claims', 'claims-unchecked', { basis: 'natspec', source: null, context: { count: unchecked.length, places, others: shown } });
}

/** The rows of a comment: each sentence with checks alone, with its checks; runs of sentences without one together. */
function claimRows(claim: Claim): { text: string; checks: ClaimCheck[] }[] {
  const rows: { text: string; checks: ClaimCheck[] }[] = [];
  const left = [...claim.checks];
  for (const sentence of claimSentences(claim.text)) {
    const checks = left.filter((check) => sentence.includes(check.said));
    for (const check of checks) left.splice(left.indexOf(check), 1);
    const last = rows.at(-1);
    if (checks.length === 0 && last && last.checks.length === 0) last.text = `${last.text} ${sentence}`;
    else rows.push({ text: sentence, checks });
  }
  // A check whose words no sentence holds whole (cut differently) stays with the last row.
  if (left.length > 0 && rows.length > 0) rows.at(-1)!.checks.push(...left);
  return rows;
}

/** Topics no check read, said in one verdict: "Cannot tell: plainterms does not read the timing or the payment." */
function mergeUnread<T extends { check: ClaimCheck }>(verdicts: T[]): (T & { topics: string[] })[] {
  const unread = verdicts.filter((v) => v.check.verdict === 'cannot-tell' && v.check.unread);
  const topics = unread.map((v) => v.check.topic);
  return verdicts.filter((v) => v === unread[0] || !unread.includes(v)).map((v) => ({ ...v, topics: v === unread[0] ? topics : [v.check.topic] }));
}

/** What a verdict's template needs: the parties claimed and paid, the powers, the action it is about. */
function verdictContext(terms: ContractTerms, claim: Claim, check: ClaimCheck, own: { name: string } | null) {
  const party = (id: string) => terms.parties.find((p) => p.id === id) ?? null;
  const parties = (ids: string[]) => ids.map(party).filter((p) => p !== null);
  const byPower = check.topic === 'fixity' || check.topic === 'cap' || check.topic === 'in-force';
  const powers = byPower ? terms.powers.filter((p) => check.actual.includes(p.id)) : [];
  const action = check.action === null ? own : findAction(terms, check.action);
  const byAction = (ids: string[]) => ids.map((id) => findAction(terms, id)?.name).filter((name) => name !== undefined);
  return {
    claim,
    check,
    action,
    claimed: byPower ? [] : parties(check.topic === 'paid' ? check.claimed.slice(1) : check.claimed),
    paid: check.topic === 'refund' || check.topic === 'outcome' ? parties(check.actual) : [],
    paidCaller: check.topic === 'refund' && check.actual.includes(CALLER),
    powers: powers.map((p) => ({ power: p, action: findAction(terms, p.action), holders: parties(p.holders) })),
    listed: check.topic === 'pause' ? byAction(check.claimed) : [],
    running: check.topic === 'pause' ? byAction(check.actual) : [],
    deadline: check.topic === 'deadline' ? terms.deadlines.find((d) => d.id === check.actual[0]) ?? null : null,
  };
}

export function buildNotCoveredSpecs(): StatementSpec[] {
  return NOT_COVERED_TOPICS.map((topic) => spec(`not-covered:${topic}`, 'not-covered', 'not-covered', { basis: 'code', source: null, context: { topic } }));
}

export function buildNotExplainedSpecs(terms: ContractTerms): StatementSpec[] {
  const specs = terms.notExplained.map((item, index) => {
    const action = item.action === null ? null : findAction(terms, item.action);
    return spec(`not-explained:${index + 1}`, 'not-explained', 'not-explained', {
      basis: 'code',
      source: item.source,
      context: { item, action },
    });
  });
  specs.push(spec('not-explained:coverage', 'not-explained', 'coverage', { basis: 'code', source: terms.source, context: { coverage: terms.coverage } }));
  return specs;
}

export function buildDisclaimerSpecs(): StatementSpec[] {
  return DISCLAIMER_PARTS.map((part, index) =>
    spec(`disclaimer:${index + 1}`, 'disclaimer', 'disclaimer', { basis: 'code', source: null, context: { part } }),
  );
}
