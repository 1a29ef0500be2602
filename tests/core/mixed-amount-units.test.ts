/**
 * A cap compared only with an amount paid in ETH on one path and in a token on another is in no one unit
 * (review 9 F13): its number is stated bare, never as ETH; a cap on the ETH sent alone still reads in ETH.
 */
import { describe, expect, it } from 'vitest';
import { read } from '../helpers/sentences.ts';

const MIXED = 'tests/fixtures/core/MixedAmounts.sol';

describe('an amount paid in ETH or in a token', { timeout: 60_000 }, () => {
  it('a cap compared with an amount paid in ETH or in a token is stated bare, not in ETH', async () => {
    const { all } = await read(MIXED, 'MixedAmounts');
    expect(all).toContain('At deployment, the Limit (`limit`) is set to 23,158,000,000,000,000,000,000,000,000,000,000,000,000,000,000,000,000,000,000,000,000,000,000,000.');
    expect(all.filter((s) => /23,158[\d,]* ETH/.test(s))).toEqual([]);
    expect(all).toContain('`deposit` goes ahead only if the Deposits (`deposits`) plus the ETH sent with the call is at most 5 ETH (`DEPOSIT_CAP`); otherwise it fails (“cap”).');
  });
});
