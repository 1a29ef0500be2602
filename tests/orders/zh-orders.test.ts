/** Orders in Chinese: every state-changing function of every bundled contract, worded by templates/zh/order. */
import { describe, expect, it } from 'vitest';
import { registerOrderCommand } from '../../src/cli/order-command.ts';
import { describeOrder } from '../../src/orders/describe.ts';
import { toErc7730 } from '../../src/orders/erc7730.ts';
import type { OrderCallInput, OrderFacts } from '../../src/orders/model.ts';
import { buildOrderStatements, renderOrder, wordDirectly } from '../../src/orders/render.ts';
import { BUNDLED, type Bundled, bundled, BUYER, SELLER, STRANGER } from './contracts.ts';
import { runCommand } from './run-command.ts';
import { strayEnglish } from '../helpers/latin-words.ts';

const HAN = /[\u4e00-\u9fff]/;
const DELIVER_BY = 1796083200n; // 2026-12-01T00:00:00Z
const ARBITER = '0x4444444444444444444444444444444444444444';
const BANK = '0x5555555555555555555555555555555555555555';
const OWNER = '0x6666666666666666666666666666666666666666';
const HASH = `0x${'ab'.repeat(32)}`;

interface Call {
  fn: string;
  call: (contract: Bundled) => OrderCallInput;
  facts?: OrderFacts;
}

const FOB = { parties: { buyer: BUYER, seller: SELLER } };
const ESCROW = { parties: { buyer: BUYER, seller: SELLER, arbiter: ARBITER } };
const CREDIT = { parties: { applicant: BUYER, beneficiary: SELLER, issuingBank: BANK } };
const MILESTONES = { parties: { client: BUYER, provider: SELLER, arbiter: ARBITER } };
const AUCTION = { parties: { owner: OWNER, consignor: SELLER } };
const MARKET = { parties: { owner: OWNER }, tokens: { stablecoin: { address: null, symbol: 'USDC', decimals: 6 } } };

/** One realistic call per state-changing function, sent by the party that may send it. */
const CALLS: Record<(typeof BUNDLED)[number], Call[]> = {
  FobSale: [
    { fn: 'payDeposit', call: (c) => ({ data: c.encode('payDeposit'), value: 300000000000000000n, from: BUYER }), facts: FOB },
    { fn: 'confirmShipment', call: (c) => ({ data: c.encode('confirmShipment', [HASH]), from: SELLER }), facts: FOB },
    { fn: 'payBalance', call: (c) => ({ data: c.encode('payBalance'), value: 700000000000000001n, from: BUYER }), facts: FOB },
    { fn: 'cancelIfNotShipped', call: (c) => ({ data: c.encode('cancelIfNotShipped'), from: BUYER }), facts: FOB },
  ],
  ArbiterEscrow: [
    { fn: 'fund', call: (c) => ({ data: c.encode('fund'), value: 2n * 10n ** 18n, from: BUYER }), facts: ESCROW },
    { fn: 'release', call: (c) => ({ data: c.encode('release'), from: BUYER }), facts: ESCROW },
    { fn: 'refund', call: (c) => ({ data: c.encode('refund'), from: SELLER }), facts: ESCROW },
    { fn: 'raiseDispute', call: (c) => ({ data: c.encode('raiseDispute'), from: SELLER }), facts: ESCROW },
    { fn: 'resolve', call: (c) => ({ data: c.encode('resolve', [true]), from: ARBITER }), facts: ESCROW },
    { fn: 'reclaimAfterDeadline', call: (c) => ({ data: c.encode('reclaimAfterDeadline'), from: STRANGER }), facts: ESCROW },
  ],
  LetterOfCredit: [
    { fn: 'fund', call: (c) => ({ data: c.encode('fund'), from: BUYER }), facts: CREDIT },
    { fn: 'presentDocuments', call: (c) => ({ data: c.encode('presentDocuments', [HASH]), from: SELLER }), facts: CREDIT },
    { fn: 'acceptDocuments', call: (c) => ({ data: c.encode('acceptDocuments'), from: BANK }), facts: CREDIT },
    { fn: 'rejectDocuments', call: (c) => ({ data: c.encode('rejectDocuments', ['Invoice amount differs']), from: BANK }), facts: CREDIT },
    { fn: 'claimAfterExaminationPeriod', call: (c) => ({ data: c.encode('claimAfterExaminationPeriod'), from: SELLER }), facts: CREDIT },
    { fn: 'reclaimAfterExpiry', call: (c) => ({ data: c.encode('reclaimAfterExpiry'), from: BUYER }), facts: CREDIT },
  ],
  MilestoneEscrow: [
    { fn: 'fund', call: (c) => ({ data: c.encode('fund'), from: BUYER }), facts: MILESTONES },
    { fn: 'submit', call: (c) => ({ data: c.encode('submit', [1n]), from: SELLER }), facts: MILESTONES },
    { fn: 'approve', call: (c) => ({ data: c.encode('approve', [1n]), from: BUYER }), facts: MILESTONES },
    { fn: 'dispute', call: (c) => ({ data: c.encode('dispute', [1n]), from: BUYER }), facts: MILESTONES },
    { fn: 'resolve', call: (c) => ({ data: c.encode('resolve', [2n, true]), from: ARBITER }), facts: MILESTONES },
    { fn: 'refundOverdue', call: (c) => ({ data: c.encode('refundOverdue', [0n]), from: BUYER }), facts: MILESTONES },
  ],
  ConsignmentAuction: [
    { fn: 'setCommissionBps', call: (c) => ({ data: c.encode('setCommissionBps', [2000n]), from: OWNER }), facts: AUCTION },
    { fn: 'bid', call: (c) => ({ data: c.encode('bid'), value: 1500000000000000001n, from: STRANGER }), facts: AUCTION },
    { fn: 'withdraw', call: (c) => ({ data: c.encode('withdraw'), from: STRANGER }), facts: AUCTION },
    { fn: 'settle', call: (c) => ({ data: c.encode('settle'), from: SELLER }), facts: AUCTION },
    { fn: 'renounceOwnership', call: (c) => ({ data: c.encode('renounceOwnership'), from: OWNER }), facts: AUCTION },
    { fn: 'transferOwnership', call: (c) => ({ data: c.encode('transferOwnership', [SELLER]), from: OWNER }), facts: AUCTION },
  ],
  MarketplaceOrder: [
    { fn: 'setFeeBps', call: (c) => ({ data: c.encode('setFeeBps', [250n]), from: OWNER }), facts: MARKET },
    { fn: 'setFeeRecipient', call: (c) => ({ data: c.encode('setFeeRecipient', [STRANGER]), from: OWNER }), facts: MARKET },
    { fn: 'placeOrder', call: (c) => ({ data: c.encode('placeOrder', [SELLER, 250_000_000n, DELIVER_BY]), from: BUYER }), facts: MARKET },
    { fn: 'markShipped', call: (c) => ({ data: c.encode('markShipped', [3n]), from: SELLER }), facts: MARKET },
    { fn: 'confirmDelivery', call: (c) => ({ data: c.encode('confirmDelivery', [3n]), from: BUYER }), facts: MARKET },
    { fn: 'cancel', call: (c) => ({ data: c.encode('cancel', [3n]), from: BUYER }), facts: MARKET },
    { fn: 'pause', call: (c) => ({ data: c.encode('pause'), from: OWNER }), facts: MARKET },
    { fn: 'unpause', call: (c) => ({ data: c.encode('unpause'), from: OWNER }), facts: MARKET },
    { fn: 'renounceOwnership', call: (c) => ({ data: c.encode('renounceOwnership'), from: OWNER }), facts: MARKET },
    { fn: 'transferOwnership', call: (c) => ({ data: c.encode('transferOwnership', [SELLER]), from: OWNER }), facts: MARKET },
  ],
};

const CASES = BUNDLED.flatMap((name) => CALLS[name].map((entry) => [`${name}.${entry.fn}`, name, entry] as const));

async function zhOrder(name: string, fn: string) {
  const contract = await bundled(name);
  const entry = CALLS[name as (typeof BUNDLED)[number]].find((candidate) => candidate.fn === fn)!;
  const order = describeOrder(contract, entry.call(contract), entry.facts);
  return { contract, order, text: buildOrderStatements(order, contract.terms, 'zh').map((s) => s.text).join('\n') };
}

describe('orders in Chinese', { timeout: 120_000 }, () => {
  it.each(BUNDLED)('has a sample call for every state-changing function of %s', async (name) => {
    const { terms } = await bundled(name);
    const functions = terms.actions.filter((action) => action.kind === 'function').map((action) => action.name);
    expect(CALLS[name].map((entry) => entry.fn).sort()).toEqual([...functions].sort());
  });

  it.each(CASES)('%s: the same statements as in English, each in Chinese', async (_, name, entry) => {
    const contract = await bundled(name);
    const order = describeOrder(contract, entry.call(contract), entry.facts);
    const en = buildOrderStatements(order, contract.terms, 'en');
    const zh = buildOrderStatements(order, contract.terms, 'zh');
    expect(zh.map((s) => s.id)).toEqual(en.map((s) => s.id));
    expect(zh.map((s) => [s.section, s.status, s.basis, s.source])).toEqual(en.map((s) => [s.section, s.status, s.basis, s.source]));
    for (const statement of zh) {
      expect(statement.text, statement.id).toMatch(HAN);
      expect(statement.text, statement.id).not.toMatch(/[\u0001\u0002]|undefined|\[object/);
    }
    const symbols = Object.values(entry.facts?.tokens ?? {}).map((token) => token.symbol ?? '');
    expect(strayEnglish(zh.map((s) => s.text), symbols)).toEqual([]);
    expect(wordDirectly(order, contract.terms, 'zh')).toEqual(zh);
    for (const format of ['text', 'md'] as const) {
      const document = renderOrder(order, contract.terms, { format, lang: 'zh', hash: '0x00' });
      expect(document).toContain('执行条件');
      expect(document).toContain('本指令的条款哈希（keccak256）');
    }
  });

  it('states token amounts, dates and addresses in Chinese formats', async () => {
    const { text } = await zhOrder('MarketplaceOrder', 'placeOrder');
    expect(text).toContain('参数 `amount`：250 USDC（按代币最小单位计为250,000,000）');
    expect(text).toContain('参数 `deliverBy`：2026年12月1日 UTC 00:00:00（Unix时间 1796083200）');
    expect(text).toContain('调用时间早于指令中的 `deliverBy`（2026年12月1日 UTC 00:00:00）');
    expect(text).toContain('划转`stablecoin`代币，数额为250 USDC，须事先获得其代币授权');
    expect(text).toContain(`参数 \`seller\`：${SELLER}`);
  });

  it('states ETH exactly, with the wei when the amount is not round', async () => {
    const { text } = await zhOrder('FobSale', 'payBalance');
    expect(text).toContain('发送者：0x1111111111111111111111111111111111111111，即买方（`buyer`）。');
    expect(text).toContain('本指令随附发送0.700000000000000001 ETH（700,000,000,000,000,001 wei）。');
    expect(text).toContain('——已满足（以此处已知的地址和状态为准）。');
  });

  it('states a rate in basis points as a percentage, and a condition it fails with the code’s message', async () => {
    const { text } = await zhOrder('ConsignmentAuction', 'setCommissionBps');
    expect(text).toContain('参数 `newBps`：20%；作此解读的依据是：该值存入 `commissionBps`，而代码将其用作比率，单位为万分之一（基点）。');
    expect(text).toContain('指令中的 `newBps`（20%）不超过15%（1,500个基点）——不满足：本指令将失败，并返回错误提示“commission too high”。');
    expect(text).toContain('本指令将会失败：上述条件中有1项不满足，因此不会产生任何变化。');
  });

  it('states durations through Intl for Chinese', async () => {
    const { text } = await zhOrder('LetterOfCredit', 'claimAfterExaminationPeriod');
    expect(text).toContain('后5天（`EXAMINATION_PERIOD`）');
  });

  it('uses the glossary: the on-chain arbiter is 争议裁决人, and the English text prevails', async () => {
    const { text } = await zhOrder('ArbiterEscrow', 'resolve');
    expect(text).toContain('即争议裁决人（`arbiter`）');
    expect(text).not.toContain('仲裁');
    expect(text).toContain('以英文本为准');
  });

  it('names the entry of a collection an argument picks, and the state of that entry only', async () => {
    const { text } = await zhOrder('MarketplaceOrder', 'cancel');
    expect(text).toContain('参数 `id`：3（`orders` 中的条目编号）；作此解读的依据是：代码用其在 `orders` 中选取条目。');
    expect(text).toContain('本指令将 `orders` 中该订单的状态从「已下单」或「已发货」变为「已取消」（`Cancelled`）。');
    expect(text).not.toContain('相关条目');
  });

  it('through the CLI: order --lang zh prints the order in Chinese, and --format json says so', async () => {
    const market = await bundled('MarketplaceOrder');
    const data = market.encode('placeOrder', [SELLER, 250_000_000n, DELIVER_BY]);
    const text = await runCommand(registerOrderCommand, ['order', market.file, '--contract', 'MarketplaceOrder', '--calldata', data, '--from', BUYER, '--lang', 'zh']);
    expect(text.stderr).toBe('');
    expect(text.code).toBe(0);
    expect(text.stdout).toMatch(/^提交订单（`placeOrder`）：向 `MarketplaceOrder` 发出的指令\n=+\n/);
    expect(text.stdout).toMatch(/本指令的条款哈希（keccak256）：0x[0-9a-f]{64}/);
    const json = await runCommand(registerOrderCommand, ['order', market.file, '--calldata', data, '--lang', 'zh', '--format', 'json']);
    const document = JSON.parse(json.stdout);
    expect(document.language).toBe('zh');
    for (const statement of document.statements) expect(statement.text).toMatch(HAN);
  });

  it('labels ERC-7730 fields in Chinese', async () => {
    const { terms, abi } = await bundled('MarketplaceOrder');
    const format = toErc7730(terms, abi, { lang: 'zh' }).display.formats['placeOrder(address seller,uint256 amount,uint64 deliverBy)'];
    expect(format.intent).toBe('调用 placeOrder');
    expect(format.fields.map((field) => field.label)).toEqual(['卖方（seller）', '参数 amount', '参数 deliverBy']);
  });
});
