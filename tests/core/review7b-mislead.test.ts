/**
 * Sentences the lawyer-reviewers of reviews 6b and 7b found misleading, on our own fixtures of the same
 * shapes: a third party who ends the deal and divides the money (mrenoon's Rental), a cliff written as a
 * stored duration plus a stored start (papilo-cloud's TokenVesting), and a record whose stored time is worked
 * out from the call but which pays nothing (4undRaiser's P2PLending `createLoan`).
 */
import { describe, expect, it } from 'vitest';
import { read } from '../helpers/sentences.ts';

describe('review 7b: misleading sentences', { timeout: 60_000 }, () => {
  it('an authority who ends the deal and divides the money is a power over the deal, with its conditions and who gets what', async () => {
    const { all, of } = await read('tests/fixtures/core/AuthoritySettlement.sol', 'AuthoritySettlement');
    expect(of('power:')).toContain(
      'The Authority (`authority`) may call `authorityTerminate` alone and at any time, provided the given Amount for Tenant (`amountForTenant`) is at most the ETH held by this contract. It pays the Tenant (`tenant`) the given Amount for Tenant in ETH (chosen by the caller) and the Landlord (`landlord`) all the ETH the contract still holds after paying the Tenant; it pays nothing to the Authority. It also sets the Terminated flag (`terminated`) to true, which `payRent` reads in its conditions.',
    );
    expect(all).toContain('Powers over the deal: the Authority may call `authorityTerminate` alone.');
    expect(all).not.toContain('Powers over the deal: none in the code.');
    expect(all).not.toContain('No one can change the terms, replace a party, pause the contract or take the money outside the actions described below.');
  });

  it('a party who settles and is paid takes money: said as taking it, not as a third party’s settlement', async () => {
    const { all } = await read('tests/fixtures/core/AuthoritySettlement.sol', 'OwnSettlement');
    expect(all.some((s) => s.startsWith('The Landlord (`landlord`) may take money out of the contract alone, by calling `settle`'))).toBe(true);
    expect(all.filter((s) => /it pays nothing to the Landlord/.test(s))).toEqual([]);
  });

  it('a stored duration written before the stored start: the moment is the duration after the start', async () => {
    const { all } = await read('tests/fixtures/core/AnchoredCliff.sol', 'AnchoredCliff');
    expect(all).toContain('The Start Time of the Grant for the given Beneficiary (`beneficiary`) in the Grants (`grants`) is set by `createGrant` to the given Start Time (`startTime`).');
    expect(all).toContain('If `claim` is called earlier than the Cliff Duration of the Grant for the caller after the Start Time of the Grant for the caller, the Vested (`vested`) it reads is zero.');
    expect(all.filter((s) => /Cliff Duration time|Vesting Duration time|plus the Start Time/.test(s))).toEqual([]);
  });

  it('an action that stores a time worked out from the call but pays nothing: what it changes depends on the time, not what it pays', async () => {
    const { all } = await read('tests/fixtures/core/TimedRecord.sol', 'TimedRecord');
    expect(all).toContain('No action is refused because of the time of the call; what `open` changes depends on it (see the formulas above); no stored deadline is checked, and nothing happens automatically.');
    expect(all.filter((s) => /what `open` pays/.test(s))).toEqual([]);
  });

  it('revoking a grant: the record is named once, each condition and the payment in sentences of their own, and what claim would still have paid is said to stay in the contract', async () => {
    const { of } = await read('tests/fixtures/core/RevokedGrants.sol', 'RevokedGrants');
    const [power] = of('power:');
    const sentences = power!.split(/(?<=\.)\s+(?=[A-Z`])/);
    expect(sentences).toEqual([
      'The Owner (`owner`) may take money out of the contract alone, by calling `revoke`.',
      'In `revoke`, the Entry (`entry`) means the Grant for the given Index (`index`) in the Grant for the given Beneficiary (`beneficiary`) in the Grants (`grants`).',
      'The Owner may do so only when the Revocable flag of the Entry is set and the Revoked flag of the Entry is not set.',
      '`revoke` then pays the Owner an amount of the token at `token` equal to the Total of the Entry minus the Vested (`vested`) as it stood before the call, for the given Beneficiary and the given Index.',
      'Afterwards `claim` can no longer pay anything for that Grant: what it would still have paid stays in the contract, and no action pays it out.',
    ]);
    // No sentence runs past about 35 words once the code names in brackets are left aside.
    const words = (sentence: string) => sentence.replace(/\s*\(`[^)]*`\)/g, '').split(/\s+/).length;
    expect(Math.max(...sentences.map(words))).toBeLessThanOrEqual(36);
  });
});
