/**
 * False sentences about powers and parties found by a lawyer's second review (H5/M9 RefundEscrow, H2
 * TimeLock, M8 PaymentSplitter): the exact sentences that must now appear, and the false ones that must not.
 */
import { describe, expect, it } from 'vitest';
import { OZ4, repo } from '../helpers/extract.ts';
import { read } from '../helpers/sentences.ts';

describe('review fixes C: powers and parties', { timeout: 120_000 }, () => {
  it('OZ 4 RefundEscrow: the Owner alone decides whether the Beneficiary or the depositors get the money', async () => {
    const { all } = await read(`${OZ4}/utils/escrow/RefundEscrow.sol`, 'RefundEscrow');
    expect(all).toContain('The Owner (`_owner`) may decide alone where the money goes, by calling `close`: it sets the State (`_state`) to Closed, the only stage in which `beneficiaryWithdraw` pays the Beneficiary (`_beneficiary`).');
    expect(all).toContain('The Owner may decide alone where the money goes, by calling `enableRefunds`: it sets the State to Refunding, the only stage in which `withdraw` pays the given Payee (`payee`); only the Owner may call `withdraw`.');
    expect(all).toContain('Powers over the deal: the Owner may call `close`, `enableRefunds`, `renounceOwnership`, and `transferOwnership` alone.');
    expect(all).not.toContain('Powers over the deal: the Owner may call `renounceOwnership` and `transferOwnership` alone.');
    // The stall names the Owner's other choice.
    expect(all).toContain('The code sets no time limit for the Owner (`_owner`) to call `close` or `enableRefunds` while the State (`_state`) is Active. Meanwhile, no one else can pay out the money the contract holds.');
    // Renouncing ownership freezes the money still waiting on the owner-only actions.
    expect(all).toContain('If the Owner gives up ownership (`renounceOwnership`), no one can call `close`, `enableRefunds`, or `withdraw` afterwards; every payment out of the contract depends on one of them, so money still waiting on them stays in the contract for good.');
  });

  it('solidity-by-example TimeLock: the Owner alone may make the contract run any call with its ETH, 10 seconds after queuing it', async () => {
    const { all } = await read('tests/fixtures/third-party/TimeLock.sol', 'TimeLock');
    // The exact sentences, with both steps and the window, are asserted in review-fixes-f.test.ts.
    expect(all.filter((s) => s.startsWith('The Owner (`owner`) may, alone, make the contract call any address with any data and send it any of the ETH the contract holds, in two steps: queue the call by `queue`, naming a time at least 10 seconds (`MIN_DELAY`) ahead'))).toHaveLength(1);
    expect(all).toContain('Powers over the deal: the Owner may call `queue` and `execute` alone.');
    expect(all.filter((s) => s.startsWith('`execute` can run a call only if it was queued by `queue` at least 10 seconds (`MIN_DELAY`) earlier'))).toHaveLength(1);
    expect(all).toContain('In `execute`, the caller chooses both the address called (the given Target) and the data sent with the call: it can run any code, acting as this contract (for example, moving tokens this contract holds).');
    expect(all.filter((s) => s.startsWith('Powers over the deal: none'))).toEqual([]);
    expect(all.filter((s) => /gives no one the power/.test(s))).toEqual([]);
    expect(all.filter((s) => /`execute` takes effect at once/.test(s))).toEqual([]);
  });

  it('OZ 4 PaymentSplitter: the payees fixed at deployment are the parties', async () => {
    const { all } = await read(`${OZ4}/finance/PaymentSplitter.sol`, 'PaymentSplitter');
    expect(all).toContain('Payees | `_payees` | addresses kept in a list, set at deployment | no action changes them');
    expect(all).toContain('Parties: Payees (`_payees`); no action can replace any of them.');
    expect(all.filter((s) => /found no address that the code keeps as a party/.test(s))).toEqual([]);
  });

  it('Kleros MultipleArbitrableTransactionWithFee: the Arbitrator, fixed at deployment, alone decides who is paid through rule', async () => {
    const file = 'tests/fixtures/third-party/MultipleArbitrableTransactionWithFee.sol';
    const { all } = await read(file, 'MultipleArbitrableTransactionWithFee');
    expect(all).toContain('Who is paid: the Arbitrator, set at deployment, alone decides by calling `rule`: what `rule` pays the Sender of the Transaction concerned, the Fee Recipient, and the Receiver of the Transaction concerned depends on the value it gives as Ruling (`_ruling`).');
    expect(all).toContain('Arbitrator | `arbitrator` | set at deployment to the given Arbitrator (`_arbitrator`) | no action changes it');
  });

  it('the new sentences render in Chinese too', async () => {
    const { summarize } = await import('../../src/summarize.ts');
    const zh = async (file: string, contract: string) => {
      const { documents } = await summarize([file], { contracts: [contract], languages: ['zh'], formats: ['json'], cwd: repo, cache: false });
      return documents[0].contracts[0].statements.map((s) => s.text);
    };
    expect(await zh(`${OZ4}/utils/escrow/RefundEscrow.sol`, 'RefundEscrow')).toContain('合约所有者可单方决定资金的去向，方式是调用 `enableRefunds`：该操作将状态设为「退款中」（`Refunding`），而只有在该阶段，`withdraw` 才会向传入的参数 `payee`付款；且只有合约所有者可调用`withdraw`。');
    expect(await zh('tests/fixtures/third-party/TimeLock.sol', 'TimeLock')).toContain('`execute` 只能执行至少10秒钟（`MIN_DELAY`）之前已通过 `queue` 排队的调用，且只能在排队时指定的时间当时或之后执行，不得晚于该时间后16分钟40秒钟（`GRACE_PERIOD`）。');
    expect(await zh(`${OZ4}/finance/PaymentSplitter.sol`, 'PaymentSplitter')).toContain('收款人 | `_payees` | 合约所存名单中的各个地址，在部署时设定 | 没有任何操作会更改该名单');
  });
});
