/**
 * Paying an address a stored record binds is not taking the money: in a trade kept under the hash of its
 * terms (`trades[keccak256(id, seller, buyer, value)]`, required to exist), the buyer `release` pays and the
 * seller `cancel` pays are the trade's own, not addresses the caller chooses (review 9 F10–F12). A recipient
 * outside the key (`redirect`'s `to`), or one the caller must be (`reclaim` pays the seller who calls it an
 * amount of its choosing), is still taking; so is a payee the holder can list without paying anything in.
 */
import { describe, expect, it } from 'vitest';
import { read } from '../helpers/sentences.ts';

describe('a payee bound by the key of a record that must exist', { timeout: 60_000 }, () => {
  it('is not said to be taken by the caller; a free or caller payee still is', async () => {
    const { all, terms } = await read('tests/fixtures/core/HashedTrades.sol', 'HashedTrades');
    const takes = (name: string) => all.filter((s) => s.includes('may take money') && s.includes(`by calling \`${name}\``));
    expect(takes('release')).toEqual([]);
    expect(takes('cancel')).toEqual([]);
    expect(takes('redirect')).toHaveLength(1);
    expect(takes('reclaim')).toHaveLength(1);
    const withdrawals = terms.powers.filter((p) => p.kind === 'withdraw-funds').map((p) => terms.actions.find((a) => a.id === p.action)!.name);
    expect(withdrawals.sort()).toEqual(['reclaim', 'redirect']);
  });

  it('still is taken when the holder can make the record at will', async () => {
    const { all } = await read('tests/fixtures/core/HashedTrades.sol', 'ListedPayees');
    expect(all.filter((s) => s.includes('may take money') && s.includes('by calling `pay`'))).toHaveLength(1);
  });
});
