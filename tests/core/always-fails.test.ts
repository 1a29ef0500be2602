/**
 * An action that can never succeed does nothing: no power, payment, party change or deadline is read from
 * it, only the sentence that says every call fails. ETH sent with `transfer` to the contract's own address,
 * when the contract has no `receive` and no `fallback`, always reverts (review 7, F1 and F2).
 */
import { describe, expect, it } from 'vitest';
import { read } from '../helpers/sentences.ts';

const FILE = 'tests/fixtures/core/SelfSend.sol';

describe('actions that always fail', { timeout: 60_000 }, () => {
  it('a transfer to its own address with no receive or fallback: every call fails, and nothing else is said of it', async () => {
    const { of, all } = await read(FILE, 'NoReceiveLoans');
    expect(of('action:fund(uint256)')).toEqual([
      "Every call to `fund` fails: it sends ETH to this contract's own address, which has no `receive` or `fallback` to accept it, so the transfer reverts, and nothing changes.",
    ]);
    expect(all.filter((s) => /`fund`/.test(s) && !s.startsWith('Every call to `fund` fails'))).toEqual([]);
  });

  it('a check that is always false: the withdrawal is no power, no payment route and no money paid out', async () => {
    const { of, all } = await read(FILE, 'NoReceiveLoans');
    expect(of('action:withdraw(uint256)')).toEqual(['Every call to `withdraw` fails, and nothing changes.']);
    expect(of('power:')).toEqual([]);
    expect(of('key-fact:powers')).toEqual(['Powers over the deal: none in the code.']);
    expect(all.filter((s) => /`withdraw`/.test(s) && !s.startsWith('Every call to `withdraw` fails'))).toEqual([]);
  });

  it('a lender only the failing action would set is always the zero address: repaying it loses the money', async () => {
    const { of } = await read(FILE, 'NoReceiveLoans');
    expect(of('key-fact:parties')[0]).toContain('Lender (`lender`, always the zero address)');
    expect(of('party:loans.lender')[0]).toContain('never set to anything but the zero address');
    expect(of('risk')).toContain('No action ever sets the Lender (`lender`) of the Loan concerned to anything but the zero address, so what `repay` pays to it goes to the zero address: ETH sent there is lost.');
  });

  it('a contract that accepts ETH: the same transfer to itself goes through', async () => {
    const { of } = await read(FILE, 'ReceivingLoans');
    expect(of('action:fund(uint256)').some((s) => /fails/.test(s))).toBe(false);
    expect(of('action:fund(uint256)')).toContain('`fund` increases the Funded (`funded`) of the given ID (`id`) by the ETH sent with the call.');
  });
});
