/**
 * A flag one party sets alone that reaches what another party pays: a choice between two non-zero values
 * (`rush ? RUSH_FEE : BASE_FEE`) says which value it puts in place of which, not only "changes the amount";
 * a flag checked beside the price (`open && msg.value == price`) stops the payment and does not change its amount.
 */
import { describe, expect, it } from 'vitest';
import { read } from '../helpers/sentences.ts';

const OURS = 'tests/fixtures/extract/RushFee.sol';

describe('a flag that reaches another party’s payment', { timeout: 60_000 }, () => {
  it('a choice between two non-zero fees names both', async () => {
    const { all } = await read(OURS, 'RushFee');
    expect(all).toContain('The Seller (`seller`) may, alone, set the Rush flag (`rush`) to true by calling `setRush`, which puts 0.2 ETH (`RUSH_FEE`) in place of 0.05 ETH (`BASE_FEE`) in the amount `pay` requires the Buyer (`buyer`) to send.');
    expect(all.filter((s) => s.includes('which changes the amount `pay` requires'))).toEqual([]);
  });

  it('a flag checked beside the price stops the payment; it does not change the amount', async () => {
    const { all } = await read(OURS, 'ClosableSale');
    expect(all).toContain('The Seller (`seller`) may, alone, set the Open flag (`open`) to false by calling `close`, which makes `pay` fail for the Buyer (`buyer`).');
    expect(all.filter((s) => s.includes('changes the amount `pay` requires'))).toEqual([]);
  });
});
