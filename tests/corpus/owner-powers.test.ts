/**
 * OpenZeppelin's ownership read from its code: under Ownable2Step, `transferOwnership` only names a
 * pending owner, and nothing changes for the owner until that address accepts; and once the owner
 * renounces, actions only the owner may call pay no one, so they do not "pay the zero address".
 */
import { describe, expect, it } from 'vitest';
import { read } from '../helpers/sentences.ts';

describe('two-step ownership and renouncing, read from OpenZeppelin 5', { timeout: 60_000 }, () => {
  it('a two-step transfer takes effect only when the pending owner accepts', async () => {
    const { all } = await read('tests/fixtures/core/DocumentaryCredit.sol', 'DocumentaryCredit');
    expect(all).toContain(
      '`transferOwnership` only names the Pending Owner (`_pendingOwner`): the Bank (the owner, `_owner`) is not replaced until the Pending Owner accepts, by calling `acceptOwnership`.',
    );
    expect(all.filter((s) => /`transferOwnership` takes effect at once|change through `transferOwnership` also applies/.test(s))).toEqual([]);
  });

  it('owner-only payments are not said to go to the zero address after renouncing; the funds left behind are', async () => {
    const { all } = await read('tests/fixtures/core/DocumentaryCredit.sol', 'DocumentaryCredit');
    expect(all.filter((s) => /pays to the owner afterwards goes to the zero address/.test(s))).toEqual([]);
    expect(all).toContain(
      'If the Bank (the owner, `_owner`) gives up ownership (`renounceOwnership`), no one can call `honour` or `reclaim` afterwards; every payment out of the contract depends on one of them, so money still waiting on them stays in the contract for good.',
    );
  });
});
