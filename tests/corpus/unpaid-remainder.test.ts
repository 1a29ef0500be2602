/**
 * A payout of less than the amount held for a record: TenancyDeposit repays the tenant the deposit minus the
 * deductions, and no action pays the deductions to anyone (third review: "The Landlord has no way to collect
 * the deductions; they stay in the contract"). Not said where the remainder or the whole balance is paid out.
 */
import { describe, expect, it } from 'vitest';
import { read } from '../helpers/sentences.ts';

const OURS = 'tests/fixtures/records/RetainedDeductions.sol';
const staysSentences = (all: string[]) => all.filter((s) => s.includes('that money stays in the contract'));

describe('money held for a record that a payout releases only in part', { timeout: 60_000 }, () => {
  it('TenancyDeposit: the deductions stay in the contract', async () => {
    const { of } = await read('tests/fixtures/third-party/TenancyDeposit.sol', 'TenancyDeposit');
    expect(of('risk:')).toContain(
      '`withdrawDeposit` pays out only the Deposit Amount of the given Deposit (`depositByProperty[_propertyId]`) minus the Deductions of the given Deposit, the amount `approveDepositReturn` sets. No action pays out the Deductions of the given Deposit: that money stays in the contract.',
    );
  });

  it('a deduction taken off a payment and kept by no one is named', async () => {
    const { all } = await read(OURS, 'KeptDeductions');
    expect(staysSentences(all)).toEqual([
      '`close` pays out only the Deposit of the given Lease (`leases[id]`) minus the Kept of the given Lease. No action pays out the Kept of the given Lease: that money stays in the contract.',
    ]);
  });

  it('not said where another action pays the deduction out', async () => {
    const { all } = await read(OURS, 'CollectedDeductions');
    expect(staysSentences(all)).toEqual([]);
  });

  it('not said where what is taken off counts what the same payout paid before', async () => {
    const { all, of } = await read(OURS, 'ClaimedSoFar');
    expect(staysSentences(all)).toEqual([]);
    // A record picked by an address reads as that account's record, not as "the given Grant".
    expect(of('action:addGrant')).toContain('`addGrant` sets the Grant for the given Who to a new Grant record, set as in the table below.');
    expect(all.join(' ')).not.toContain('the given Grant');
  });

  it('not said where another action pays out the whole balance', async () => {
    const { all } = await read(OURS, 'SweptDeductions');
    expect(staysSentences(all)).toEqual([]);
  });
});
