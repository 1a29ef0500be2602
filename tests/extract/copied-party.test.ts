/**
 * A record's address field always filled from one of the contract's own parties (`landlord: landlord`) is
 * that party, not a second "Landlord" of each record (the pattern of TenancyDeposit, a lawyer's review).
 */
import { describe, expect, it } from 'vitest';
import { read } from '../helpers/sentences.ts';

describe('a record field copied from a contract party', { timeout: 60_000 }, () => {
  it('names the contract party once, and a check against the field is a check of that party', async () => {
    const { all, terms } = await read('tests/fixtures/core/PropertyDeposits.sol', 'PropertyDeposits');
    expect(terms.parties.map((party) => party.id).sort()).toEqual(['deposits.tenant', 'landlord']);
    expect(all).toContain('Only the Landlord (`landlord`) may call `release`.');
    expect(all.filter((s) => /Landlord of the Deposit concerned|Landlord, and Tenant/.test(s))).toEqual([]);
  });
});
