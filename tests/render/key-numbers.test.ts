/**
 * Key facts state the numbers that define the deal: the shares the code takes (with their caps and who may
 * change a rate), the shares a named formula computes (a penalty per full day, at most a cap), and the ETH
 * or tokens each action takes in. Only what the code does: FobSale has no balance period, long stop or
 * platform fee, and none is stated.
 */
import { describe, expect, it } from 'vitest';
import { summarize } from '../../src/summarize.ts';
import { read } from '../helpers/sentences.ts';

const zhOf = async (file: string, contract: string, prefix: string) => {
  const { documents } = await summarize([file], { contracts: [contract], formats: ['json'], languages: ['zh'], cache: false });
  return documents[0]!.contracts[0]!.statements.filter((s) => s.id.startsWith(prefix)).map((s) => s.text);
};

describe('key facts with the numbers', { timeout: 120_000 }, () => {
  it('FobSale: the 30% deposit, the late penalty per full day with its 10% cap, and the exact amounts paid in', async () => {
    const { of, statements } = await read('contracts/FobSale.sol', 'FobSale');
    expect(of('key-fact:shares')).toEqual([
      'Shares: the Deposit (`deposit`) is 30% of the given Price (`_price`) (set at deployment). The Late Penalty (`latePenalty`) is 0.5% of the Price (`price`), times the number of full days from the Ship By time (`shipBy`) to the Shipped At time (`shippedAt`), at most 10% of the Price.',
    ]);
    expect(of('key-fact:amounts')).toEqual([
      'Amounts paid in: `payDeposit` takes exactly the Deposit in ETH; `payBalance` takes exactly ETH equal to the Price minus the Deposit minus the Late Penalty.',
    ]);
    expect(of('key-fact:deadline')).toEqual(['Opens: `cancelIfNotShipped` can succeed only after the Ship By time, 30 days after deployment.']);
    // The code has no balance period, long stop or platform fee; the zero case of the penalty (shipped on
    // time) is the empty count of days, not a separate term.
    const keyFacts = statements.filter((s) => s.section === 'key-facts').map((s) => s.text);
    expect(keyFacts.some((s) => /10 days|20 days|\b1%|fee|zero if/.test(s))).toBe(false);
    expect(keyFacts.length).toBeLessThanOrEqual(12);
  });

  it('FobSale in Chinese', async () => {
    expect(await zhOf('contracts/FobSale.sol', 'FobSale', 'key-fact:shares')).toEqual([
      '比例：预付款（`deposit`）为传入的价款（`_price`）的30%（部署时设定）；迟延违约金（Late Penalty，`latePenalty`）为价款（`price`）的0.5%乘以自时间点 `shipBy`至时间点 `shippedAt`的完整天数，最高不超过价款的10%。',
    ]);
    expect(await zhOf('contracts/FobSale.sol', 'FobSale', 'key-fact:amounts')).toEqual([
      '付款金额：调用`payDeposit`须随附恰好等于预付款的ETH；调用`payBalance`须随附恰好等于价款减预付款减由 `latePenalty` 计算出的值的ETH。',
    ]);
  });

  it('ConsignmentAuction: a commission rate set at deployment, which the Owner may change up to a cap; a bid of at least the highest bid plus the increment', async () => {
    const { of } = await read('contracts/ConsignmentAuction.sol', 'ConsignmentAuction');
    expect(of('key-fact:shares')).toEqual([
      'Shares: the Owner receives the Commission BPS (`commissionBps`) share (in basis points) of the Highest Bid (`highestBid`) (through `settle`). The rate is set at deployment; the Owner may change it through `setCommissionBps`, up to 15% (1,500 basis points).',
    ]);
    expect(of('key-fact:amounts')).toEqual(['Amounts paid in: `bid` takes at least ETH equal to the Highest Bid plus the Min Increment (`minIncrement`).']);
    expect(await zhOf('contracts/ConsignmentAuction.sol', 'ConsignmentAuction', 'key-fact:')).toEqual(
      expect.arrayContaining([
        '比例：合约所有者收取最高出价（`highestBid`）的`commissionBps`个基点（1个基点为0.01%）（通过`settle`），该比率在部署时设定，可由合约所有者通过`setCommissionBps`更改，最高15%（1,500个基点）。',
        '付款金额：调用`bid`须随附不低于最高出价加最低加价幅度（Min Increment，`minIncrement`）的ETH。',
      ]),
    );
  });

  it('RentalAgreement: a fee credited to a balance, not paid out, is still a share; the Landlord may change its rate with no upper limit', async () => {
    const file = 'tests/fixtures/third-party/RentalAgreement.sol';
    const { of } = await read(file, 'RentalAgreement');
    expect(of('key-fact:shares')).toEqual([
      'Shares: the Balance (`balance`) of the Property Manager is credited with the Management Fee Percent (`managementFeePercent`) share (in percent) of the ETH sent with the call (through `payRent`). The rate is set at deployment; the Landlord may change it through `changeManagementFee` with no upper limit.',
    ]);
    expect(of('key-fact:amounts')).toEqual(['Amounts paid in: `payDeposit` takes exactly the Security Deposit (`securityDeposit`) in ETH; `payRent` takes exactly the Rent Cost (`rentCost`) in ETH.']);
    expect(await zhOf(file, 'RentalAgreement', 'key-fact:shares')).toEqual([
      '比例：余额（`balance`）中物业管理人对应的条目计入调用时发送的ETH的百分之`managementFeePercent`（通过`payRent`），该比率在部署时设定，可由出租人通过`changeManagementFee`更改，没有上限。',
    ]);
  });

  it('a formula that is zero in a case of its own (a waiver) says so; a share per full week keeps its unit', async () => {
    const file = 'tests/fixtures/key-numbers/Waivable.sol';
    const { of } = await read(file, 'Waivable');
    expect(of('key-fact:shares')).toEqual([
      'Shares: the Late Fee (`lateFee`) is zero if the Waived flag (`waived`) is set, otherwise 2% of the Price (`price`), times the number of full weeks from the Due At time (`dueAt`) to the Paid At time (`paidAt`), at most 5% of the Price.',
    ]);
    expect(await zhOf(file, 'Waivable', 'key-fact:shares')).toEqual([
      '比例：滞纳金（`lateFee`）在标志 `waived`已设置时为零，否则为价款（`price`）的2%乘以自时间点 `dueAt`至时间点 `paidAt`的完整周数，最高不超过价款的5%。',
    ]);
  });

  it('a contract that takes no share gets no Shares line; tokens taken in are stated with whom they come from', async () => {
    const { of } = await read('contracts/MilestoneEscrow.sol', 'MilestoneEscrow');
    expect(of('key-fact:shares')).toEqual([]);
    expect(of('key-fact:amounts')).toEqual(['Amounts paid in: `fund` takes the Total Amount (`totalAmount`) of the token at `token` from the Client.']);
    expect(await zhOf('contracts/MilestoneEscrow.sol', 'MilestoneEscrow', 'key-fact:shares')).toEqual([]);
  });

  it('a token transfer in whose reported failure the code ignores is not stated as an amount taken', async () => {
    const { of } = await read('tests/fixtures/third-party/CrowdFund.sol', 'CrowdFund');
    expect(of('key-fact:amounts')).toEqual([]);
  });

  it('a constant added to a given time is the period, not the moment (TimeLock)', async () => {
    const { of, all } = await read('tests/fixtures/third-party/TimeLock.sol', 'TimeLock');
    expect(of('key-fact:deadline')).toEqual(['Window: `execute` can succeed only from the given Timestamp (`_timestamp`) on, and no later than 16 minutes, 40 seconds (`GRACE_PERIOD`) after it.']);
    expect(all.some((s) => /after the Grace Period time|never sets the Grace Period|GRACE_PERIOD`?\)?, so it stays zero/.test(s))).toBe(false);
  });
});
