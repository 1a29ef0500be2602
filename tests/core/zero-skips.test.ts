/**
 * A move into a final state that pays nothing on some path leaves money behind only if what it skips there can
 * be above zero: a payment skipped because its amount is zero, or because the amount's record has no bidder
 * while every write that clears the bidder clears the bid too, skips nothing (reviews 8 F1, F2).
 */
import { describe, expect, it } from 'vitest';
import { summarize } from '../../src/summarize.ts';
import { read } from '../helpers/sentences.ts';

const FILE = 'tests/fixtures/core/ZeroSkips.sol';
const STAYS = /Money can stay in the contract/;

describe('paths that pay nothing because nothing is owed', { timeout: 60_000 }, () => {
  it('a payout of the balance made only when the balance is above zero leaves nothing behind', async () => {
    const { all } = await read(FILE, 'BalanceRefund');
    expect(all.filter((s) => STAYS.test(s))).toEqual([]);
    expect(all).toContain('The Client (`client`) may take money out of the contract alone, by calling `cancel`, but only when the Cancelled flag (`cancelled`) is not set. `cancel` then pays the Client all the ETH that this contract holds.');
    const { outputs } = await summarize([FILE], { contracts: ['BalanceRefund'], formats: ['md'], languages: ['zh'], cache: false });
    expect(outputs[0].text).not.toMatch(/资金可能留在合约中/);
  });

  it('a payout made only after a date still leaves the money behind before it', async () => {
    const { all } = await read(FILE, 'DatedRefund');
    expect(all).toContain('Money can stay in the contract with no action to pay it out once the Cancelled flag is set: `cancel` can lead there without paying anything out.');
  });

  it('with no bidder the bid is zero when every write sets or clears both: ending pays out whatever the lot holds', async () => {
    const { all } = await read(FILE, 'LotSale');
    expect(all.filter((s) => STAYS.test(s))).toEqual([]);
    expect(all).toContain('The contract | the Seller (`seller`) of the Lot concerned | ETH | `close`');
    expect(all).toContain('The contract | the Bidder (`bidder`) of the Lot concerned | ETH | `close`');
  });

  it('a bidder struck off with the bid left on record: ending can pay no one, and that is said', async () => {
    const { all } = await read(FILE, 'StruckLotSale');
    expect(all).toContain('Money can stay in the contract with no action to pay it out once the Closed flag (`closed`) of the Lot concerned is set: `close` can lead there without paying anything out.');
  });
});
