import { describe, expect, it } from 'vitest';
import { buildStatements } from '../../src/render/statements.ts';
import { summarize } from '../../src/summarize.ts';
import { chineseName } from '../../src/render/zh-names.ts';
import { extracted } from '../helpers/extract.ts';

async function zhTexts(file: string, contract: string): Promise<string[]> {
  const { terms } = await extracted(file, contract);
  return buildStatements(terms, 'zh').map((statement) => statement.text);
}

describe('Chinese names composed from the word list', () => {
  it('takes a listed phrase whole, and composes the others word by word in noun-phrase order', () => {
    expect(chineseName('issuingBank')).toEqual({ text: '开证行', exact: true });
    expect(chineseName('DocumentsPresented')).toEqual({ text: '已交单', exact: true });
    expect(chineseName('AwaitingDelivery')).toEqual({ text: '待交付', exact: false });
    expect(chineseName('DepositPaid')).toEqual({ text: '预付款已支付', exact: false });
    expect(chineseName('Property Owner')).toEqual({ text: '物业所有者', exact: false });
    expect(chineseName('endTime')?.text).toBe('结束时间');
    // A state reads noun first; a value named the same way is the thing in that state.
    expect(chineseName('DepositPaid', true)?.text).toBe('已支付预付款');
    expect(chineseName('totalPaid', true)?.text).toBe('已支付总额');
  });

  it('reads a plural as its singular, and gives no name when a word is not listed', () => {
    expect(chineseName('Milestones')?.text).toBe('里程碑');
    expect(chineseName('zorbist')).toBeNull();
    expect(chineseName('cancelIfNotShipped')).toBeNull();
  });
});

describe('Chinese summaries name roles, states and records in Chinese', { timeout: 120_000 }, () => {
  it('gives a composed name its English once in the document, and keeps an unknown name as code', async () => {
    const texts = await zhTexts('tests/fixtures/zh/WorksContract.sol', 'WorksContract');
    const all = texts.join('\n');
    expect(all.split('（Property Owner，').length - 1).toBe(1);
    expect(all).toContain('当事人：承包方（`contractor`）、物业所有者（Property Owner，`propertyOwner`）和`zorbist`；任何操作均不能更换其中任何一方。');
    expect(all).toContain('只有物业所有者（`propertyOwner`）可调用 `pay`。');
    expect(all).toContain('`pay` 将状态从「待付款」变为「`Zorbed`」。');
    expect(all).not.toMatch(/Zorbist|Property Owner）|Awaiting Payment/);
  });

  it('says "the Milestone concerned" as 该里程碑, and "each Milestone" as 每个里程碑', async () => {
    const all = (await zhTexts('contracts/MilestoneEscrow.sol', 'MilestoneEscrow')).join('\n');
    expect(all).toContain('`submit` 将该里程碑的状态从「待处理」变为「已提交」（`Submitted`）。');
    expect(all).toContain('传入编号所指的里程碑（`milestones[i]`）的状态（`status`）为「待处理」（`Pending`） | “not pending”');
    expect(all).toContain('每个里程碑各有其状态（`status`），初始为「待处理」（`Pending`）');
    expect(all).not.toContain('每个Milestones条目');
    expect(all).not.toContain('Milestone记录');
  });

  it('names the party of a record by its record: 该订单的买方', async () => {
    const all = (await zhTexts('contracts/MarketplaceOrder.sol', 'MarketplaceOrder')).join('\n');
    expect(all).toContain('只有该订单的卖方（`seller`）可调用 `markShipped`；');
    expect(all).toContain('买方 | `buyer` | `orders` 中的每个订单各自记载，仅通过`placeOrder`设定一次');
    expect(all).not.toContain('相关条目');
  });

  it('translates the states of an escrow, quoted the same way everywhere', async () => {
    const all = (await zhTexts('contracts/ArbiterEscrow.sol', 'ArbiterEscrow')).join('\n');
    expect(all).toContain('状态：「待付款」（`AwaitingPayment`）、「待交付」（`AwaitingDelivery`）、「已放款」（`Released`）和「已退款」（`Refunded`）');
    expect(all).toContain('「待交付」 | 「已放款」（`Released`） | 买方或争议裁决人（`arbiter`） | `release`');
    expect(all).not.toMatch(/处于Awaiting|从Awaiting/);
  });

  it('heads the document with the contract’s name in Chinese when the word list reads it, and each action with its verb', async () => {
    const { outputs } = await summarize(['contracts/LetterOfCredit.sol'], { formats: ['md'], language: 'zh' });
    const text = outputs[0]!.text;
    expect(text).toContain('# LetterOfCredit（信用证） — 合约条款通俗说明');
    expect(text).toContain('### 提交单据（`presentDocuments`）');
    // No phrase for "claim after examination period": the heading is the code name alone, not a guess.
    expect(text).toContain('### `claimAfterExaminationPeriod`\n');
    expect(text).not.toMatch(/^### [A-Z]/m);
  });

  it('names an amount the code stores in Chinese, and leaves an address or a token contract as code', async () => {
    const fob = (await zhTexts('contracts/FobSale.sol', 'FobSale')).join('\n');
    expect(fob).toContain('本合约向卖方支付以ETH计的预付款（`deposit`）。');
    expect(fob).toContain('本合约 | 卖方（`seller`） | ETH | `confirmShipment`或`payBalance`');
    expect(fob).toContain('调用时发送的ETH等于价款（`price`）减预付款（`deposit`）减由 `latePenalty` 计算出的值');
    expect(fob).toContain('比例：预付款（`deposit`）为传入的价款（`_price`）的30%（部署时设定）；迟延违约金（Late Penalty，`latePenalty`）为价款（`price`）的0.5%乘以自时间点 `shipBy`至时间点 `shippedAt`的完整天数，最高不超过价款的10%。');
    const market = (await zhTexts('contracts/MarketplaceOrder.sol', 'MarketplaceOrder')).join('\n');
    expect(market).toContain('`stablecoin`代币');
    expect(market).not.toContain('代币（`stablecoin`）');
  });

  it('joins conditions with 且, and says a failed call changes nothing without reusing 状态', async () => {
    const all = (await zhTexts('contracts/ConsignmentAuction.sol', 'ConsignmentAuction')).join('\n');
    expect(all).toContain('如最高出价人（`highestBidder`）不为零地址且最高出价（`highestBid`）小于保留价（`reservePrice`）');
    expect(all).toContain('如最高出价人不为零地址且最高出价不少于保留价，本合约向寄售人（`consignor`）支付');
    expect(all).toContain('调用时间早于结束时间（`endTime`） | “auction ended”');
    expect(all).toContain('调用违反下文为该操作所列任一规则的，调用失败，不产生任何变化。');
    expect(all).not.toMatch(/不为零地址和|状态不发生任何变化/);
  });

  it('labels the HTML report in Chinese: the parties heading the access table and the states of the diagram', async () => {
    const { outputs } = await summarize(['contracts/FobSale.sol'], { formats: ['html'], language: 'zh' });
    const html = outputs[0]!.text;
    expect(html).toContain('<th scope="col">买方</th><th scope="col">卖方</th>');
    expect(html).toMatch(/<text[^>]*>预付款已支付<\/text>/);
    expect(html).not.toMatch(/<text[^>]*>Deposit Paid<\/text>|<th scope="col">Buyer<\/th>/);
  });

  it('names a role without repeating 角色, and separates the powers of two holders with a semicolon', async () => {
    const roles = (await zhTexts('tests/fixtures/extract/RoleGated.sol', 'RoleGated')).join('\n');
    expect(roles).toContain('托运人 | `SHIPPER_ROLE` | 持有该角色的任何地址');
    expect(roles).not.toContain('角色角色');
    const sale = (await zhTexts('tests/fixtures/extract/UpgradeableSale.sol', 'UpgradeableSale')).join('\n');
    expect(sale).toContain('`renounceOwnership`；候任所有者可单方调用`acceptOwnership`。');
  });
});
