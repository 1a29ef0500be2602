/**
 * Sentences a lawyer's review found false (review 2: M1, M2, H4, M5, M4), on contracts the team did not write:
 * - ETH paid by `selfdestruct` runs no code at the payee, so the payee cannot refuse it;
 * - after an unchecked payment whose claim the action cleared, an action is named as a way the money could
 *   still leave only if it can still act on that record: a status the clearing action sets that its
 *   conditions exclude, or a moment that has passed, rules it out;
 * - a checked subtraction from storage is a condition of the action.
 */
import { describe, expect, it } from 'vitest';
import { summarize } from '../../src/summarize.ts';
import { read } from '../helpers/sentences.ts';

const DIR = 'tests/fixtures/third-party';
const DUTCH = `${DIR}/DutchAuction.sol`;
const CHANNEL = `${DIR}/UniDirectionalPaymentChannel.sol`;
const KLEROS = `${DIR}/MultipleArbitrableTransactionWithFee.sol`;
const CROWD = `${DIR}/CrowdFund.sol`;

const zh = async (file: string, contract: string) => {
  const { documents } = await summarize([file], { contracts: [contract], formats: ['json'], languages: ['zh'], cache: false });
  return documents[0]!.contracts[0]!.statements.map((s) => s.text);
};

describe('a payee paid by selfdestruct cannot refuse it (M1, M2)', { timeout: 120_000 }, () => {
  it('DutchAuction: no refusal risk for the Seller', async () => {
    const { all, terms } = await read(DUTCH, 'DutchAuction');
    expect(all.filter((s) => /refuses ETH/.test(s))).toEqual([]);
    expect(terms.risks.filter((r) => r.kind === 'refusal-locks-assets' || r.kind === 'refusal-blocks-action')).toEqual([]);
    expect(all.some((s) => s.startsWith('`buy` ends with `selfdestruct`, which sends that ETH.'))).toBe(true);
  });

  it('UniDirectionalPaymentChannel: the Sender cannot block `close` or `cancel`', async () => {
    const { all, terms } = await read(CHANNEL, 'UniDirectionalPaymentChannel');
    expect(all.filter((s) => /Sender \(`sender`\) is a contract that refuses ETH/.test(s))).toEqual([]);
    expect(terms.risks.filter((r) => (r.kind === 'refusal-locks-assets' || r.kind === 'refusal-blocks-action') && JSON.stringify(r.subject).includes('"sender"'))).toEqual([]);
  });
});

describe('a cleared claim names only the actions that can still act on its record (H4, M5)', { timeout: 120_000 }, () => {
  it('Kleros MultipleArbitrableTransactionWithFee: every path resolves the Transaction, and no action pays the lost money later', async () => {
    const { all } = await read(KLEROS, 'MultipleArbitrableTransactionWithFee');
    expect(all).toContain(
      'The code does not check that this payment succeeded; if it fails, `executeTransaction` still completes and the money stays in the contract. The claim to it is cleared in the same call, so no action pays it to the Receiver of the Transaction concerned later.',
    );
    expect(all).toContain(
      'The code does not check that this payment succeeded; if it fails, `executeTransaction` still completes and the money stays in the contract. The claim to it is cleared in the same call, so no action pays it to the Fee Recipient later.',
    );
    expect(all).toContain(
      'The code does not check that this payment succeeded; if it fails, `timeOutBySender` still completes and the money stays in the contract. The claim to it is cleared in the same call, so no action pays it to the Sender of the Transaction concerned later.',
    );
    expect(all).toContain(
      'The code does not check that this payment succeeded; if it fails, `rule` still completes and the money stays in the contract. The claim to it is cleared in the same call, so no action pays it to the Receiver of the Transaction concerned later.',
    );
    expect(all.filter((s) => /it can leave the contract only when/.test(s))).toEqual([]);
  });

  it('Kleros, in Chinese: the same', async () => {
    const all = await zh(KLEROS, 'MultipleArbitrableTransactionWithFee');
    expect(all.some((s) => s.includes('该笔款项的应付记录在同一次调用中已被清除，此后没有任何操作会再向'))).toBe(true);
    expect(all.filter((s) => s.includes('该笔款项只能在'))).toEqual([]);
  });

  it('CrowdFund: `refund` pays only what the record still holds; `unpledge` ends when `refund` may begin', async () => {
    const { all } = await read(CROWD, 'CrowdFund');
    expect(all).toContain(
      'The code does not check that this payment succeeded; with a token that returns `false` instead of failing, `unpledge` still completes though nothing was paid, and the money stays in the contract. The claim to it is cleared in the same call, so no action pays it to the caller later.',
    );
    expect(all).toContain(
      'The code does not check that this payment succeeded; with a token that returns `false` instead of failing, `refund` still completes though nothing was paid, and the money stays in the contract. The claim to it is cleared in the same call, so no action pays it to the caller later.',
    );
    expect(all.filter((s) => /it can leave the contract only when anyone calls `(refund|unpledge)`/.test(s))).toEqual([]);
  });

  it('a status that another action can set back keeps the way out; without that action it is excluded', async () => {
    const closed = await read('tests/fixtures/checked/Deals.sol', 'Deals');
    expect(closed.of('action:close(uint256):payment:1:unchecked')).toEqual([
      'The code does not check that this payment succeeded; if it fails, `close` still completes and the money stays in the contract. The claim to it is cleared in the same call, so no action pays it to the Payee of the Deal concerned later.',
    ]);
    const reopened = await read('tests/fixtures/checked/Deals.sol', 'ReopenedDeals');
    expect(reopened.of('action:close(uint256):payment:1:unchecked')).toEqual([
      'The code does not check that this payment succeeded; if it fails, `close` still completes and the money stays in the contract. The claim to it is cleared in the same call: it can leave the contract only when anyone calls `payPart`.',
    ]);
  });
});

describe('a checked subtraction from storage is a condition of the action (M4)', { timeout: 120_000 }, () => {
  it('CrowdFund (solc 0.8): `unpledge` goes ahead only if the caller pledged at least the amount (said with who may call it)', async () => {
    const { all, of } = await read(CROWD, 'CrowdFund');
    expect(of('action:unpledge(uint256,uint256):access')).toEqual([
      'Anyone may call `unpledge`, but only against the caller’s own entry: it fails unless the Pledged Amount (`pledgedAmount`) for the given ID (`_id`) and the caller is at least the given Amount (`_amount`). It also needs every condition below.',
    ]);
    expect(of('action:unpledge(uint256,uint256)')).toContain('The contract pays the caller the given Amount of the token at `token`.');
    expect(all).toContain('The contract | the caller | the token at `token` | `unpledge` or `refund`');
  });

  it('CrowdFund, in Chinese: the same condition', async () => {
    const all = await zh(CROWD, 'CrowdFund');
    expect(all.some((s) => s.includes('`unpledge`') && s.includes('`pledgedAmount`') && /不(超过|大于|少于)/.test(s))).toBe(true);
  });

  it('solc 0.8: `-=` and `x = x - y` on storage are conditions; inside `unchecked` they are not', async () => {
    const { of } = await read('tests/fixtures/checked/Deposits.sol', 'Deposits');
    expect(of('action:withdraw(uint256):access')).toEqual([
      'Anyone may call `withdraw`, but only against the caller’s own entry: it fails unless the Balance (`balances`) of the caller is at least the given Amount (`amount`).',
    ]);
    expect(of('action:withdraw(uint256):condition')).toEqual([]);
    expect(of('action:reduceTotal(uint256):condition')).toEqual([
      '`reduceTotal` goes ahead only if the given Amount (`amount`) is at most the Total (`total`).',
    ]);
    expect(of('action:withdrawUnchecked(uint256):condition')).toEqual([]);
  });

  it('a signed value may go below zero: subtracting from it is no condition', async () => {
    const { of } = await read('tests/fixtures/checked/Deposits.sol', 'Scores');
    expect(of('action:lose(int256):condition')).toEqual([]);
  });

  it('solc 0.4: a plain `-=` wraps around and is no condition; SafeMath `sub` is', async () => {
    const { of } = await read('tests/fixtures/checked/OldDeposits.sol', 'OldDeposits');
    expect(of('action:withdraw(uint256):condition')).toEqual([]);
    expect(of('action:withdrawSafely(uint256):condition')).toEqual([
      '`withdrawSafely` goes ahead only if the given Amount (`amount`) is at most the Balance (`balances`) of the caller.',
    ]);
  });
});
