/**
 * A time given in the call and checked against the time of the call is the expiry of that call's request,
 * not a date of the deal: the same for an entry of a list given in the call (`deadlines[i]` in a batch) as
 * for a single value (review 8 F3: "Deadline: the Deadline at the same position in the given Deadlines").
 */
import { describe, expect, it } from 'vitest';
import { read } from '../helpers/sentences.ts';

describe('expiries given in the call are not deadlines of the deal', () => {
  it('neither the single expiry nor an entry of a list of them is a deadline', async () => {
    const { all, of } = await read('tests/fixtures/core/BatchExpiry.sol', 'BatchExpiry');
    expect(of('deadline:')).toEqual([]);
    expect(of('deadlines:none')).toEqual(['`settle` and `settleMany` can be refused because of the time of the call (see their conditions); no stored deadline is checked, and nothing happens automatically.']);
    expect(all.filter((s) => /^Deadline:|Nothing happens automatically/.test(s))).toEqual([]);
    // The action still states the check.
    expect(all.some((s) => /on or before the Deadline at the same position in the given Deadlines/.test(s))).toBe(true);
  });
});
