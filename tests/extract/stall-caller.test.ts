/**
 * A stall names who can move the deal on, as the action's access says it, not "anyone": here the tenant
 * recorded for the deposit (the pattern of TenancyDeposit's withdrawDeposit, from a lawyer's review).
 */
import { describe, expect, it } from 'vitest';
import { read } from '../helpers/sentences.ts';

describe('the stall risk names the caller a keyed check allows', { timeout: 60_000 }, () => {
  it('says the tenant of the deposit, not anyone', async () => {
    const { of } = await read('tests/fixtures/core/KeyedDeposits.sol', 'KeyedDeposits');
    const risks = of('risk:');
    expect(risks).toContain(
      'The code sets no time limit for the Tenant (`tenantOf`) of the given ID (`id`) to call `release` while the State (`state`) of the D concerned is Held. Meanwhile, no one else can pay out the money held for that D.',
    );
    expect(risks.filter((s) => /no time limit for anyone/.test(s))).toEqual([]);
  });
});
