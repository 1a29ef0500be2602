/**
 * An NFT handed over by `transferFrom` on a collection typed as an interface that extends IERC721 (the
 * Nouns auction house shape): it moves one item and reverts on failure, so it is neither an amount paid nor
 * an unchecked payment. And a claim cleared by settling the one stored auction cannot be paid later by
 * another settling action, whose check that the auction is not yet settled no longer passes.
 */
import { describe, expect, it } from 'vitest';
import { read } from '../helpers/sentences.ts';

const FILE = 'tests/fixtures/core/ItemAuction.sol';

describe('NFT transfers are not token payments', { timeout: 60_000 }, () => {
  it('reads the winner receiving the item with its ID, not an amount of the collection in its smallest unit', async () => {
    const { all, of } = await read(FILE, 'ItemAuction');
    expect(all).toContain('If the Highest Bidder of the Sale is not the zero address, `settle` sends the token of the Items whose ID is the Item ID of the Sale from this contract to the Highest Bidder of the Sale, by calling `transferFrom` on that token contract, whose code is not part of this summary.');
    // Settling and restarting replaces the sale afterwards: the item sent is the one of the sale as it stood.
    expect(all).toContain('If the Highest Bidder of the Sale is not the zero address, `settleAndRestart` sends the token of the Items whose ID is the Item ID of the Sale as it stood before the call from this contract to the Highest Bidder of the Sale as it stood before the call, by calling `transferFrom` on that token contract, whose code is not part of this summary.');
    expect(all.some((s) => /pays the Highest Bidder of the Sale( as it stood before the call)? the Item ID/.test(s))).toBe(false);
    expect(all.some((s) => /token at `items`/.test(s))).toBe(false);
    expect(of('key-fact:money')[0]).toMatch(/^Money: ETH and the token at `wrapped`, counted in its smallest unit;/);
  });

  it('says an unchecked result only of the call that returns one, and names no way out that cannot pass once settled', async () => {
    const { all } = await read(FILE, 'ItemAuction');
    const unchecked = all.filter((s) => /does not check that (this|a) payment succeeded/.test(s));
    // One per settling action in its own section and in Risks (the wrapped-ETH transfer), one for `bid`'s.
    expect(unchecked).toHaveLength(6);
    expect(all).toContain('The code does not check that this payment succeeded; with a token that returns `false` instead of failing, `settle` still completes though nothing was paid, and the money stays in the contract. The claim to it is cleared in the same call, so no action pays it to the Seller later.');
    expect(all).toContain('The code does not check that this payment succeeded; with a token that returns `false` instead of failing, `settleAndRestart` still completes though nothing was paid, and the money stays in the contract. The claim to it is cleared in the same call, so no action pays it to the Seller later.');
    expect(all.some((s) => /can leave the contract only when anyone calls `(settle|settleAndRestart)`/.test(s))).toBe(false);
  });
});
