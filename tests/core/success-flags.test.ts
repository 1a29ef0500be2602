/**
 * Failure kind 1: a payment is checked when its success flag reaches a require or a branch, however the
 * flag travels (reassigned, negated in `if (!…) revert`, returned by a helper). A flag that reaches
 * nothing is reported unchecked.
 */
import { describe, expect, it } from 'vitest';
import { read } from '../helpers/sentences.ts';

const FILE = 'tests/fixtures/core/SuccessFlags.sol';
const UNCHECKED = /does not check that (this|a) payment succeeded/;

describe('success flags', { timeout: 60_000 }, () => {
  it('two payouts through one reassigned flag are both checked, and no write to the flag is stated', async () => {
    const { all, of, terms } = await read(FILE, 'TwoPayouts');
    expect(all.filter((s) => UNCHECKED.test(s))).toEqual([]);
    expect(terms.actions.find((a) => a.name === 'settle')?.payments.map((p) => p.resultChecked)).toEqual([true, true]);
    // Paid before they are zeroed: the amounts as they stood before the call.
    expect(of('action:settle()')).toContain('The contract pays the Seller (`seller`) ETH equal to the Price as it stood before the call.');
    expect(of('action:settle()')).toContain('The contract pays the Agent (`agent`) ETH equal to the Commission as it stood before the call.');
    expect(of('action:settle()').some((s) => /\bok\b|Ok/.test(s))).toBe(false);
  });

  it('`if (!token.transfer(…)) revert` checks the transfer; it is not also stated as a condition', async () => {
    const { all, of, terms } = await read(FILE, 'TokenRelease');
    expect(all.filter((s) => UNCHECKED.test(s))).toEqual([]);
    expect(terms.actions.find((a) => a.name === 'release')?.payments[0]?.resultChecked).toBe(true);
    expect(of('action:release():condition')).toEqual([]);
  });

  it('a flag returned by a helper and required by the caller checks the payment', async () => {
    const { all } = await read(FILE, 'HelperFlag');
    expect(all.filter((s) => UNCHECKED.test(s))).toEqual([]);
  });

  it('an ignored send is reported unchecked, in the action and under risks', async () => {
    const { all, of } = await read(FILE, 'IgnoredSend');
    expect(of('action:pay()').filter((s) => UNCHECKED.test(s))).toHaveLength(1);
    expect(all.filter((s) => /^`pay` does not check that a payment succeeded/.test(s))).toHaveLength(1);
  });
});
