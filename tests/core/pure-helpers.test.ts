/**
 * A pure helper reads nothing stored: its value is its formula of the arguments, said in place ("the smaller
 * of the Deposit and the Owed"), never a stored value "as it stood before the call" (review 7, F8).
 */
import { describe, expect, it } from 'vitest';
import { read } from '../helpers/sentences.ts';

describe('pure helpers', { timeout: 60_000 }, () => {
  it('a pure min read before a later write is its formula, not a value before the call', async () => {
    const { of, all } = await read('tests/fixtures/core/PureHelper.sol', 'PureSplit');
    expect(of('action:end():payment')).toEqual([
      'The contract pays the Tenant (`tenant`) ETH equal to the Deposit (`deposit`) minus the smaller of the Deposit and the Owed as it stood before the call.',
      'The contract pays the Landlord ETH equal to the Deposit minus (the Deposit minus the smaller of the Deposit and the Owed as it stood before the call).',
    ]);
    expect(all.some((s) => /the Min\b/.test(s))).toBe(false);
  });
});
