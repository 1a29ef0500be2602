/**
 * A bulk payout of the shape of HUMAN Protocol's job escrow (review 5): a loop pays a list of recipients
 * through a local copy of the token address, from a scratch list an internal function filled in the same
 * call, net of two oracle fees; the list is deleted at the end of every call; the status moves to Paid only
 * from Pending or Partial.
 */
import { describe, expect, it } from 'vitest';
import { read } from '../helpers/sentences.ts';

const FILE = 'tests/fixtures/core/BulkPayout.sol';

describe('a bulk payout from a scratch list', { timeout: 60_000 }, () => {
  it('a local copy of the token address read inside a loop is the token itself, never an internal marker', async () => {
    const { all, terms } = await read(FILE, 'BulkPayout');
    expect(all).toContain(
      'The contract pays each of the given Recipients the entry at the same position in the Final Amounts as computed earlier in the call of the token at `token`, for every Recipient in the given Recipients.',
    );
    expect(all.filter((s) => /^The contract handles the token at/.test(s))).toEqual(["The contract handles the token at `token`; its amounts are in the token's smallest unit, as the code does not know its decimals."]);
    expect(all.some((s) => /\u0000|carried:/.test(s))).toBe(false);
    expect(JSON.stringify(terms)).not.toMatch(/\\u0000|carried:\d/);
  });

  it('amounts the same call computed are not read "as it stood before the call"', async () => {
    const { of } = await read(FILE, 'BulkPayout');
    const pay = of('action:bulkPayOut(');
    expect(pay.some((s) => /Final Amounts as computed earlier in the call/.test(s))).toBe(true);
    expect(pay.some((s) => /Final Amounts as it stood before the call/.test(s))).toBe(false);
  });

  it('a write the payment sees as a value keeps the read "as it stood before the call", and its claim cleared', async () => {
    const { of } = await read(FILE, 'TopUpCredit');
    const withdraw = of('action:withdraw(');
    expect(withdraw).toContain('The contract pays the caller ETH equal to the Owed of the caller as it stood before the call after its increase by the Bonus.');
    expect(withdraw).toContain(
      'The code does not check that this payment succeeded; if it fails, `withdraw` still completes and the money stays in the contract. The claim to it is cleared in the same call, so no action pays it to the caller later.',
    );
    expect(withdraw.some((s) => /computed earlier in the call/.test(s))).toBe(false);
  });

  it('the status moves to Paid only from the states the branch can run in', async () => {
    const { all, terms } = await read(FILE, 'BulkPayout');
    expect(all.some((s) => /`bulkPayOut` moves the Status from Pending or Partial to Paid\./.test(s))).toBe(true);
    expect(all.some((s) => /(Complete|Cancelled)[^.]* to Paid/.test(s))).toBe(false);
    // The status as the earlier branch left it reads as the states it allows, not as a choice.
    expect(all.some((s) => /is zero and \(the Status is Pending or the Status is Partial\)\), `bulkPayOut` moves the Status/.test(s))).toBe(true);
    expect(all.some((s) => /Partial if the Status is Pending, otherwise/.test(s))).toBe(false);
    const toPaid = terms.lifecycles.flatMap((l) => l.transitions).filter((t) => t.to === 'Paid');
    expect(toPaid.map((t) => [t.action, t.from])).toEqual([['bulkPayOut(address[],uint256[])', ['Pending', 'Partial']]]);
  });

  it('emptying a scratch list after paying from it clears no claim: nothing denies a later payout', async () => {
    const { of, all } = await read(FILE, 'BulkPayout');
    expect(of('action:bulkPayOut(')).toContain('The code does not check that this payment succeeded; with a token that returns `false` instead of failing, `bulkPayOut` still completes though nothing was paid, and the money stays in the contract.');
    expect(all.some((s) => /claim to it is cleared|no action pays it to/.test(s))).toBe(false);
  });
});
