/**
 * ETH a contract sends to its own address (`address(this).call{value: msg.value}("")`) never leaves it:
 * it is a call of its own `receive`, not a payment to "this contract", and the contract is not a payee.
 */
import { describe, expect, it } from 'vitest';
import { read } from '../helpers/sentences.ts';

describe('a payment to the contract itself', { timeout: 60_000 }, () => {
  it('is said as a call of its own receive, and nobody is said to be paid', async () => {
    const { all, terms } = await read('tests/fixtures/core/SelfPay.sol', 'SelfPay');
    expect(all).toContain("`payDeposit` calls this contract's own `receive` from outside, as described under its own heading.");
    expect(all.filter((s) => /pays this contract|This contract may receive|paid out to this contract/.test(s))).toEqual([]);
    expect(terms.actions.find((a) => a.name === 'payDeposit')!.payments).toEqual([]);
  });
});
