/**
 * Findings of a lawyer's review of unseen contracts (issue 11, second round): scale claims ("550 = 5.5%")
 * checked against the divisor the code applies, and comments on internal functions checked against what
 * their code pays. The exact sentences that must now appear, and the false ones that must not.
 */
import { describe, expect, it } from 'vitest';
import { repo } from '../helpers/extract.ts';
import { read } from '../helpers/sentences.ts';

const zh = async (file: string, contract: string) => {
  const { summarize } = await import('../../src/summarize.ts');
  const { documents } = await summarize([file], { contracts: [contract], languages: ['zh'], formats: ['json'], cwd: repo, cache: false });
  return documents[0].contracts[0].statements.map((s) => s.text);
};

describe('review fixes F: scale claims and internal functions', { timeout: 120_000 }, () => {
  it('Kleros MultipleArbitrableTransactionWithFee: "550 = 5.5%" is borne out by the division by 10,000', async () => {
    const { all } = await read('tests/fixtures/third-party/MultipleArbitrableTransactionWithFee.sol', 'MultipleArbitrableTransactionWithFee');
    expect(all).toContain('Matches: the code divides by 10,000 (basis points) where it applies `_feeRecipientBasisPoint`, so 550 means 5.5%.');
    expect(all).not.toContain('Cannot tell: the code states no percentage here.');
  });

  it('a fee share stated as "550 = 5.5%" but divided by 1,000 is a contradiction, and a risk', async () => {
    const { all } = await read('tests/fixtures/claims/Planted.sol', 'PlantedScaledShop');
    expect(all).toContain('Contradicts: the code divides by 1,000 where it applies `_feeShare`, so 550 means 55%, not 5.5%.');
    expect(all.filter((s) => s.startsWith('The author’s comment on `constructor`') && s.includes('says more than the code enforces'))).toHaveLength(1);
    expect(all.filter((s) => s.startsWith('Matches: the code divides'))).toEqual([]);
  });

  it('a share stated as "in basis points: 1% = 100" matches a division by 10,000', async () => {
    const { all } = await read('tests/fixtures/claims/Planted.sol', 'PlantedBasisPointShop');
    expect(all).toContain('Matches: the code divides by 10,000 (basis points) where it applies `_feeShare`, so 100 means 1%.');
    expect(all.filter((s) => s.startsWith('Contradicts'))).toEqual([]);
  });

  it('Kleros MultipleArbitrableTransaction: the comment on executeRuling maps the rulings the reverse of the code', async () => {
    const { all } = await read('tests/fixtures/third-party/MultipleArbitrableTransaction.sol', 'MultipleArbitrableTransaction');
    expect(all.some((s) => s.startsWith('`_ruling` in the internal function `executeRuling` | “1: Reimburse the receiver.” | Contradicts'))).toBe(true);
    expect(all).toContain('Contradicts: where `_ruling` is 1, `executeRuling` pays the Sender of the Transaction concerned, not the Receiver of the Transaction concerned.');
    expect(all).toContain('Contradicts: where `_ruling` is 2, `executeRuling` pays the Receiver of the Transaction concerned, not the Sender of the Transaction concerned.');
    expect(all).toContain('The author’s comment on the internal function `executeRuling` (“1: Reimburse the receiver.”) says more than the code enforces; see the author’s claims below.');
    expect(all).toContain('The author’s comment on the internal function `executeRuling` (“2: Pay the sender.”) says more than the code enforces; see the author’s claims below.');
    expect(all.filter((s) => s.startsWith('Matches: where `_ruling`'))).toEqual([]);
  });

  it('a yes-or-no ruling: "true to pay the seller, false to refund the buyer" is checked value by value', async () => {
    const escrow = await read('contracts/ArbiterEscrow.sol', 'ArbiterEscrow');
    expect(escrow.all).toContain('Matches: where `toSeller` is true, `resolve` pays the Seller.');
    expect(escrow.all).toContain('Matches: where `toSeller` is false, `resolve` pays the Buyer.');
    const planted = await read('tests/fixtures/claims/Planted.sol', 'PlantedFlagRuling');
    expect(planted.all).toContain('Contradicts: where `toSeller` is true, `resolve` pays the Buyer (`buyer`), not the Seller (`seller`).');
    expect(planted.all).toContain('Contradicts: where `toSeller` is false, `resolve` pays the Seller, not the Buyer.');
    expect(planted.all.filter((s) => s.startsWith('Matches'))).toEqual([]);
  });

  it('an internal function whose comment is right is borne out, cited on its own lines', async () => {
    const { statements } = await read('tests/fixtures/claims/Planted.sol', 'PlantedRuling');
    const borne = statements.find((s) => s.cells?.[2] === 'Matches: `paySeller` pays the Seller.');
    expect(borne?.source?.line).toBe(351);
    const reversed = statements.filter((s) => s.cells?.[2]?.startsWith('Contradicts: where `_ruling` is'));
    expect(reversed.map((s) => s.cells![2])).toEqual([
      'Contradicts: where `_ruling` is 1, `executeRuling` pays the Buyer, not the Seller (`seller`).',
      'Contradicts: where `_ruling` is 2, `executeRuling` pays the Seller, not the Buyer.',
    ]);
    // `concede` calls the function with a fixed ruling; its payment does not make the reversed mapping true.
    expect(statements.filter((s) => s.cells?.[2]?.startsWith('Matches: where'))).toEqual([]);
  });

  it('solidity-by-example TimeLock: the power names both steps and the window, and so do the key facts', async () => {
    const { all, of } = await read('tests/fixtures/third-party/TimeLock.sol', 'TimeLock');
    expect(all).toContain('The Owner (`owner`) may, alone, make the contract call any address with any data and send it any of the ETH the contract holds, in two steps: queue the call by `queue`, naming a time at least 10 seconds (`MIN_DELAY`) ahead and at most 16 minutes, 40 seconds (`MAX_DELAY`) ahead; then run it by `execute` from that time on, no later than 16 minutes, 40 seconds (`GRACE_PERIOD`) after it.');
    expect(of('key-fact')).toContain('Powers over the deal: the Owner may call `queue` and `execute` alone.');
    expect(of('key-fact')).toContain('Window: `execute` can succeed only from the given Timestamp (`_timestamp`) on, and no later than 16 minutes, 40 seconds (`GRACE_PERIOD`) after it.');
    expect(all).toContain('`execute` can run a call only if it was queued by `queue` at least 10 seconds (`MIN_DELAY`) earlier, and only from the time named when queuing until 16 minutes, 40 seconds (`GRACE_PERIOD`) after it.');
    expect(all).not.toContain('Powers over the deal: the Owner may call `execute` alone.');
    expect(all).not.toContain('Deadline: 16 minutes, 40 seconds (`GRACE_PERIOD`) after the given Timestamp (`_timestamp`).');
    const chinese = await zh('tests/fixtures/third-party/TimeLock.sol', 'TimeLock');
    expect(chinese).toContain('可单方改变交易的权限：合约所有者可单方调用`queue`和`execute`。');
    expect(chinese).toContain('时间窗口：`execute`只能在传入的时间点 `_timestamp`当时或之后成功执行，且不得晚于该时间后16分钟40秒钟（`GRACE_PERIOD`）。');
  });

  it('OpenZeppelin 5 VestingWallet and VestingWalletCliff: the key facts state the schedule', async () => {
    const OZ5 = 'node_modules/@openzeppelin/contracts/finance';
    const wallet = await read(`${OZ5}/VestingWallet.sol`, 'VestingWallet');
    expect(wallet.of('key-fact')).toContain('Schedule: the Vesting Schedule (`_vestingSchedule`) gives zero before the Start (`_start`); after that, a share of the total equal to the time elapsed since the Start divided by the Duration (`_duration`); all of the total once the Duration has passed since the Start. `release` pays by it; these times are set at deployment.');
    const cliff = await read(`${OZ5}/VestingWalletCliff.sol`, 'VestingWalletCliff');
    expect(cliff.of('key-fact')).toContain('Schedule: the Vesting Schedule (`_vestingSchedule`) gives zero before the Start (`_start`) or the Cliff time (`_cliff`); after that, a share of the total equal to the time elapsed since the Start divided by the Duration (`_duration`); all of the total once the Duration has passed since the Start. `release` pays by it; these times are set at deployment.');
    // The override's call to the schedule it overrides is read as that schedule, not as itself.
    expect(cliff.all.filter((s) => s.includes('otherwise the Vesting Schedule for the given Total Allocation'))).toEqual([]);
    const chinese = await zh(`${OZ5}/VestingWalletCliff.sol`, 'VestingWalletCliff');
    expect(chinese).toContain('计算安排（`_vestingSchedule`）：在开始时间（`_start`）或锁定期届满时间（`_cliff`）之前为零；此后为总额中的一部分，比例为自开始时间起经过的时间除以期限（`_duration`）；自开始时间起经过期限后为全部总额。`release`按此付款；上述时间在部署时设定。');
  });

  it('the new claim sentences render in Chinese', async () => {
    const fee = await zh('tests/fixtures/third-party/MultipleArbitrableTransactionWithFee.sol', 'MultipleArbitrableTransactionWithFee');
    expect(fee.some((s) => s.endsWith('相符：代码在使用 `_feeRecipientBasisPoint` 时除以10,000（即基点），因此550即5.5%。'))).toBe(true);
    const kleros = await zh('tests/fixtures/third-party/MultipleArbitrableTransaction.sol', 'MultipleArbitrableTransaction');
    expect(kleros.filter((s) => s.includes('不符：当 `_ruling` 为1时，`executeRuling`的付款对象为'))).toHaveLength(1);
    expect(kleros.filter((s) => s.startsWith('内部函数 `executeRuling`的参数 `_ruling` | “'))).toHaveLength(1);
  });

  it('Chinese state names are composed from listed words, with the code name beside them', async () => {
    const kleros = await zh('tests/fixtures/third-party/MultipleArbitrableTransaction.sol', 'MultipleArbitrableTransaction');
    expect(kleros).toContain('每个记录的状态：「无争议」（`NoDispute`）、「等待发送方」（`WaitingSender`）、「等待收款人」（`WaitingReceiver`）、「争议已创建」（`DisputeCreated`）和「已解决」（`Resolved`）；终止状态：「已解决」。');
    expect(kleros.filter((s) => /「`(NoDispute|WaitingSender|WaitingReceiver)`」/.test(s))).toEqual([]);
  });
});
