/**
 * Claims on internal functions that are not the outermost helper of the action: `decide` calls `_close`, which
 * calls `_settle` or `_refund`, which pay through `_send`. Each comment is checked against the payment made
 * inside it, through the function it calls in turn (they were dropped: no fact was counted as theirs).
 */
import { describe, expect, it } from 'vitest';
import { read } from '../helpers/sentences.ts';

const OURS = 'tests/fixtures/claims/NestedHelpers.sol';

describe('claims on helpers inside helpers', { timeout: 60_000 }, () => {
  it('a contradicted claim on a middle helper is flagged, with the line that pays', async () => {
    const { all, statements } = await read(OURS, 'NestedHelpers');
    expect(all).toContain('Contradicts: `_settle` pays the Buyer (`buyer`), not the Seller (`seller`).');
    expect(statements.find((s) => s.cells?.[2]?.startsWith('Contradicts: `_settle`'))?.source?.line).toBe(43);
    expect(all.some((s) => s.includes('`_settle` (“Pays the seller the whole amount.”) says more than the code enforces'))).toBe(true);
  });

  it('a claim the nested code bears out is not flagged, and the other branch is not mixed in', async () => {
    const { all } = await read(OURS, 'NestedHelpers');
    expect(all).toContain('Matches: `_refund` pays the Buyer in full.');
    expect(all.filter((s) => s.startsWith('Contradicts: `_refund`'))).toEqual([]);
  });
});
