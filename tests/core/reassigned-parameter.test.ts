/**
 * A parameter the code caps by assigning to it on one path (`if (deduction > deposit) deduction = deposit;`)
 * is paid as the smaller of the two, never as the amount given: the landlord cannot be said to take more
 * than the deposit.
 */
import { describe, expect, it } from 'vitest';
import { read } from '../helpers/sentences.ts';

describe('a parameter capped by reassignment', { timeout: 60_000 }, () => {
  it('the payments use the capped deduction', async () => {
    const { of } = await read('tests/fixtures/core/LeaseDeposit.sol', 'LeaseDeposit');
    const settle = of('action:settle(uint256):payment');
    expect(settle).toContain(
      'If the Deposit Paid flag (`depositPaid`) is set, the contract pays the Tenant (`tenant`) ETH equal to the Deposit (`deposit`) minus the smaller of the given Deduction (`deduction`) and the Deposit.',
    );
    expect(settle).toContain('In that case, the contract pays the Landlord ETH equal to the smaller of the given Deduction and the Deposit.');
    expect(settle.filter((s) => /pays the Landlord the given Deduction/.test(s))).toEqual([]);
  });
});
