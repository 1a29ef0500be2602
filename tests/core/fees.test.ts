/**
 * Fees added to a stored balance that no action pays out stay in the contract (review 9, Fabstir
 * PaymentEscrow); fees an owner action withdraws, and counts that are not money, are not said to.
 */
import { describe, expect, it } from 'vitest';
import { read } from '../helpers/sentences.ts';

const FILE = 'tests/fixtures/core/Fees.sol';

describe('fees kept in the contract', { timeout: 60_000 }, () => {
  it('fees never withdrawn stay in the contract; a count of releases is not money', async () => {
    const { all } = await read(FILE, 'KeptFees');
    expect(all).toContain('`release` adds to the Fee Balance (`feeBalance`) an amount worked out from the same figures as its payment, but no action pays that amount out: that money stays in the contract.');
    expect(all.filter((s) => s.includes('stays in the contract'))).toHaveLength(2);
    expect(all.some((s) => s.includes('Releases') && s.includes('stays in the contract'))).toBe(false);
  });

  it('fees an owner action withdraws are not said to stay', async () => {
    const { all } = await read(FILE, 'CollectedFees');
    expect(all.some((s) => s.includes('stays in the contract'))).toBe(false);
  });
});
