/**
 * A party set at deployment is stated as the constructor leaves it: OpenZeppelin 4's Ownable first makes the
 * deployer the owner, and a constructor body that then calls `transferOwnership(admin)` leaves the admin as owner.
 * (Review 4, A5: ERC20EscrowToPay and ERC20RecurringPaymentProxy read "set at deployment to the deployer".)
 */
import { describe, expect, it } from 'vitest';
import { read } from '../helpers/sentences.ts';

const file = 'tests/fixtures/core/HandedOwnership.sol';

describe('parties as the constructor leaves them', { timeout: 60_000 }, () => {
  it('an owner handed to a parameter in the constructor body is that parameter, not the deployer', async () => {
    const { all, of } = await read(file, 'HandedFees');
    expect(of('party:owner')).toEqual(['Admin | `_owner` | the owner of the contract, set at deployment to the given Admin (`admin`) | changed through `renounceOwnership` and `transferOwnership`']);
    expect(of('key-fact:parties')).toEqual(['Parties: Admin (the owner, `_owner`); the Admin can be replaced.']);
    // The deployer's passing ownership is not stated as where deployment leaves the owner.
    expect(all.filter((s) => /deployer/.test(s) && /owner/i.test(s))).toEqual([]);
  });

  it('a hand-over under a branch keeps the deployer when the branch is not taken', async () => {
    const { of } = await read(file, 'MaybeHanded');
    expect(of('party:owner')).toEqual(['Owner | `_owner` | the owner of the contract, set at deployment to the given Admin (`admin`) if the given Admin is not the zero address, otherwise the deployer | changed through `renounceOwnership` and `transferOwnership`']);
  });
});
