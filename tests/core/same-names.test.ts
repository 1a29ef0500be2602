/**
 * Two parties whose names humanise alike (the contract's `owner`, each item's `owner`) stay two parties in the
 * key facts: the item's says whose it is.
 */
import { describe, expect, it } from 'vitest';
import { read } from '../helpers/sentences.ts';

describe('parties with the same name', { timeout: 60_000 }, () => {
  it('the contract’s Owner and the Owner of each Item are told apart', async () => {
    const { all } = await read('tests/fixtures/core/SameNames.sol', 'ItemMarket');
    const parties = all.find((s) => s.startsWith('Parties:')) ?? '';
    expect(parties).toContain('Parties: Owner (`owner`), Seller (`seller`), and Owner of each Item;');
    expect(parties).not.toMatch(/and Owner;/);
  });
});
