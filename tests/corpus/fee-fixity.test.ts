/**
 * A fee copied into each order when it is placed: the author's "fixed when the order is placed" is true,
 * even though an operator may change the fee for later orders, and it is not listed as a risk. A pause
 * names what it stops and what still works.
 */
import { describe, expect, it } from 'vitest';
import { read } from '../helpers/sentences.ts';

describe('a fee fixed per order at placement', { timeout: 60_000 }, () => {
  it('the claim is borne out, and later changes leave orders under way alone', async () => {
    const { all, of } = await read('tests/fixtures/core/TradeOrders.sol', 'TradeOrders');
    expect(all).toContain('Matches: no action changes `feeBps` for deals already under way.');
    expect(all).toContain('A change through `setFee` leaves deals already under way as they were.');
    expect(of('risk:').filter((s) => /fixed when the order is placed/.test(s))).toEqual([]);
    expect(all.filter((s) => s.startsWith('Contradicts') && /Fee BPS/.test(s))).toEqual([]);
  });

  it('the pause names the actions it stops and the refund it leaves open', async () => {
    const { of } = await read('tests/fixtures/core/TradeOrders.sol', 'TradeOrders');
    expect(of('power:')).toContain(
      'Holders of the Operator Role may pause the contract alone, by calling `pause`; while it is paused, `place` and `confirm` cannot be used, but `refund` still can.',
    );
  });
});
