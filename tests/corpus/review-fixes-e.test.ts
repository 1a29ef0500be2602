/**
 * Powers from data flow (issue 11) and membership maps fixed at deployment (L8 of the second review): the
 * exact sentences that must now appear, and the false ones that must not.
 */
import { describe, expect, it } from 'vitest';
import { repo } from '../helpers/extract.ts';
import { read } from '../helpers/sentences.ts';

describe('review fixes E: powers from data flow, fixed memberships', { timeout: 120_000 }, () => {
  it('Waivable: the Seller alone sets the flag that a view reads into what pay requires from the Buyer', async () => {
    const { all } = await read('tests/fixtures/key-numbers/Waivable.sol', 'Waivable');
    expect(all).toContain('The Seller (`seller`) may, alone, set the Waived flag (`waived`) to true by calling `waive`, which makes the Late Fee (`lateFee`) zero in the amount `pay` requires the Buyer (`buyer`) to send.');
    expect(all).toContain('Powers over the deal: the Seller may call `waive` alone.');
    expect(all).toContain('A change through `waive` also applies to deals already under way.');
    expect(all).not.toContain('Powers over the deal: none in the code.');
    expect(all.filter((s) => /which changes the amount `pay` requires/.test(s))).toEqual([]);
    expect(all.filter((s) => /gives no one the power/.test(s))).toEqual([]);
    // The value is fixed (true): there is no new value the Seller chooses, so no "no limit" sentence.
    expect(all.filter((s) => /no limit on the new value/.test(s))).toEqual([]);
    // The Buyer's own payment is a step of the deal, not a power.
    expect(all.filter((s) => /may call `pay` alone/.test(s))).toEqual([]);
  });

  it('solidity-by-example BiDirectionalPaymentChannel: isUser is set only at deployment, not a role anyone can be granted', async () => {
    const { all } = await read('tests/fixtures/third-party/BiDirectionalPaymentChannel.sol', 'BiDirectionalPaymentChannel');
    expect(all).toContain('Is User | `isUser` | any address given the role at deployment | no action gives or takes away the role afterwards');
    expect(all.filter((s) => s.includes('any address holding the role'))).toEqual([]);
  });

  it('the new sentences render in Chinese too', async () => {
    const { summarize } = await import('../../src/summarize.ts');
    const zh = async (file: string, contract: string) => {
      const { documents } = await summarize([file], { contracts: [contract], languages: ['zh'], formats: ['json'], cwd: repo, cache: false });
      return documents[0].contracts[0].statements.map((s) => s.text);
    };
    const waivable = await zh('tests/fixtures/key-numbers/Waivable.sol', 'Waivable');
    expect(waivable).toContain('卖方（`seller`）可单方调用 `waive`，将标志 `waived`设为真，从而使 `pay` 要求买方（`buyer`）支付的金额中由 `lateFee` 计算出的值为零。');
    expect(waivable).toContain('可单方改变交易的权限：卖方可单方调用`waive`。');
    expect(waivable.filter((s) => s.startsWith('代码未赋予任何人'))).toEqual([]);
    const channel = await zh('tests/fixtures/third-party/BiDirectionalPaymentChannel.sol', 'BiDirectionalPaymentChannel');
    expect(channel).toContain('用户 | `isUser` | 在部署时被赋予该角色的地址 | 此后没有任何操作会赋予或撤销该角色');
    expect(channel.filter((s) => s.includes('指持有该角色的任何地址'))).toEqual([]);
  });
});
