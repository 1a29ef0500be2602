/**
 * "Amounts paid in" states a check of the ETH sent made only in some case with that case, rather than
 * leaving the deposit out of the key facts (review 7, F5).
 */
import { describe, expect, it } from 'vitest';
import { read } from '../helpers/sentences.ts';

describe('amounts paid in, in some case', { timeout: 60_000 }, () => {
  it('the deposit checked only when the tenant signs is in the key facts, with that case', async () => {
    const { of } = await read('tests/fixtures/core/CaseDeposit.sol', 'CaseDeposit');
    expect(of('key-fact:amounts')).toEqual(['Amounts paid in: `sign` takes at least the Deposit (`deposit`) in ETH, if the caller is the Tenant.']);
  });
});
