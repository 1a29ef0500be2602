/**
 * Failure kind 4: a value read before the code changes its place keeps the value it had: the withdrawn
 * amount is the pending return as it stood before the call, and a failed send restores it.
 */
import { describe, expect, it } from 'vitest';
import { read } from '../helpers/sentences.ts';

const FILE = 'tests/fixtures/core/Captured.sol';

describe('values captured before a change', { timeout: 60_000 }, () => {
  it('withdraw pays the pending return as it stood, zeroes it, and restores it if the send fails', async () => {
    const { of, all } = await read(FILE, 'PendingReturns');
    const withdraw = of('action:withdraw()');
    expect(withdraw).toContain('If the Pending Return (`pendingReturns`) of the caller is not zero, `withdraw` sets the Pending Return of the caller to zero.');
    expect(withdraw).toContain('In that case, the contract pays the caller ETH equal to the Pending Return of the caller as it stood before the call.');
    expect(withdraw).toContain(
      'If the Pending Return of the caller is not zero and the payment of the Pending Return of the caller as it stood before the call to the caller failed, `withdraw` sets the Pending Return of the caller to the Pending Return of the caller as it stood before the call.',
    );
    expect(all.some((s) => /does not check/.test(s))).toBe(false);
    expect(all.some((s) => /sets the Pending Return of the caller to the Pending Return of the caller\.$/.test(s))).toBe(false);
  });

  it('a modifier that keeps a value before `_` and compares after: nothing changed it, so no condition is stated', async () => {
    const { of } = await read(FILE, 'BalanceGuard');
    expect(of('action:spend(address,uint256)').some((s) => /equals the Reserve;/.test(s))).toBe(false);
  });
});
