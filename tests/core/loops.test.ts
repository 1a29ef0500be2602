/**
 * Failure kind 3: a counting loop becomes terms for every item and sums over them (with `continue` and
 * `unchecked { ++i; }` too, and at deployment); a loop that cannot be summarised is listed as not
 * explained, lowers the coverage figure, and is never turned into a condition.
 */
import { describe, expect, it } from 'vitest';
import { read } from '../helpers/sentences.ts';

const FILE = 'tests/fixtures/core/Loops.sol';

describe('loops', { timeout: 60_000 }, () => {
  it('every Pending milestone is cancelled and the client is paid the sum of their amounts', async () => {
    const { of, all } = await read(FILE, 'MilestoneTermination');
    const terminate = of('action:terminate()');
    expect(terminate).toContain('`terminate` sets the Status of the Milestone to Cancelled, for every Milestone in the Milestones (`milestones`) for which the Status of the Milestone is Pending.');
    expect(terminate).toContain(
      'The contract pays the Client an amount of the token at `token` equal to the sum of the Amount of the Milestone over every Milestone in the Milestones for which the Status of the Milestone as it stood before the call is Pending.',
    );
    expect(all.some((s) => /refund \+=|Where `for|the computed I\b/.test(s))).toBe(false);
  });

  it('`continue` and an unchecked increment: every order not yet refunded is refunded and paid', async () => {
    const { of, terms } = await read(FILE, 'BatchRefund');
    expect(of('action:refundAll()')).toContain('The contract pays the Buyer of the Order the Paid of the Order in ETH, for every Order in the Orders for which the Refunded flag of the Order is not set.');
    expect(of('action:constructor')).toContain('At deployment, the Total Paid (`totalPaid`) is set to the sum of the entry at the same position in the given Paid over every Buyer in the given Buyers.');
    expect(terms.coverage.explained).toBe(terms.coverage.statements);
  });

  it('a loop it cannot summarise is not explained, lowers the figure, and nothing inside it is stated as certain', async () => {
    const { all, terms } = await read(FILE, 'Drain');
    expect(terms.notExplained.map((n) => [n.action, n.reason, n.source.line])).toEqual([['drain()', 'loop', 99]]);
    expect(terms.coverage.explained).toBeLessThan(terms.coverage.statements);
    expect(all.some((s) => /the code never pays money out|No action pays money out/.test(s))).toBe(false);
    expect(all.some((s) => /^(If|Where) .*while/.test(s))).toBe(false);
  });
});
