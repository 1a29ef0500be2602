/**
 * Findings of a lawyer's review of unseen contracts (L6, L10, M3 and the `unpledge` access line): the stall risk
 * scoped to the record and said only where money waits, money sent when creating a record, an NFT moved
 * straight from the seller, and an action that draws only on the caller's own entry. The sentences that must
 * appear, and the false ones that must not.
 */
import { describe, expect, it } from 'vitest';
import { summarize } from '../../src/summarize.ts';
import { repo } from '../helpers/extract.ts';
import { read } from '../helpers/sentences.ts';

const DIR = 'tests/fixtures/third-party';
const KLEROS = `${DIR}/MultipleArbitrableTransaction.sol`;

async function zh(file: string, contract: string): Promise<string[]> {
  const { documents } = await summarize([file], { contracts: [contract], languages: ['zh'], formats: ['json'], cwd: repo, cache: false });
  return documents[0].contracts[0].statements.map((s) => s.text);
}

describe('review fixes F: stalls, money of records, items moved straight, own entries', { timeout: 120_000 }, () => {
  it('L6: a stall on one record keeps only that record’s money, not all the contract holds (Kleros)', async () => {
    const { all } = await read(KLEROS, 'MultipleArbitrableTransaction');
    expect(all).toContain('The code sets no time limit for the Arbitrator (`arbitrator`) to call `rule` while the Status (`status`) of the Transaction concerned is Dispute Created. Meanwhile, no one else can pay out the money held for that Transaction.');
    expect(all.filter((s) => s.includes('no one else can pay out the money the contract holds'))).toEqual([]);
    expect(await zh(KLEROS, 'MultipleArbitrableTransaction')).toContain('代码未对争议裁决人（`arbitrator`）调用 `rule`设定履行期限（适用于「争议已创建」（`DisputeCreated`）时）；交易可能无限期停留在该阶段，其间其他任何人都没有可付出为该记录所持资金的操作。');
  });

  it('L6: a stall at a stage where the contract holds no money of the deal says the deal waits, not the money (FobSale)', async () => {
    const { all } = await read('contracts/FobSale.sol', 'FobSale');
    // Before the deposit nothing is held; once shipped, the deposit has gone to the Seller and the balance is passed straight on.
    expect(all).toContain('The code sets no time limit for the Buyer (`buyer`) to call `payDeposit` while the State (`state`) is Created; the deal can stay there indefinitely.');
    expect(all).toContain('The code sets no time limit for the Buyer to call `payBalance` while the State is Shipped; the deal can stay there indefinitely.');
    expect(all.filter((s) => s.includes('no one else can pay out the money'))).toEqual([]);
  });

  it('L6: where the contract does hold the money at that stage, the contract-level sentence stays (Stages)', async () => {
    const { all } = await read('tests/fixtures/lifecycle/Stages.sol', 'Stages');
    expect(all).toContain('The code sets no time limit for the Seller (`seller`) to call `ship` or `refund` while the Stage (`stage`) is Funded. Meanwhile, no one else can pay out the money the contract holds.');
  });

  it('L6: ETH sent straight to a wallet is pooled, not held for one transaction (MultiSigWallet)', async () => {
    const { all } = await read(`${DIR}/MultiSigWallet.sol`, 'MultiSigWallet');
    expect(all).toContain('The code sets no time limit for holders of the Is Owner (`isOwner`) to call `executeTransaction` while the Executed flag (`executed`) of the Transaction concerned is not set; the deal can stay there indefinitely.');
    expect(all.filter((s) => s.includes('held for that Transaction'))).toEqual([]);
  });

  it('L10: the ETH sent when creating a transaction becomes its escrowed amount, and the summary says where it can go', async () => {
    const { all } = await read(KLEROS, 'MultipleArbitrableTransaction');
    expect(all).toContain('The ETH sent with `createTransaction` becomes the Amount (`amount`) held for the new Transaction. From there it may be paid to the Receiver of the Transaction concerned (through `pay`, `executeTransaction`, `timeOutByReceiver`, or `rule`) or to the Sender of the Transaction concerned (through `reimburse`, `timeOutBySender`, or `rule`).');
    // The fee-paying actions pay out fees, never the amount held.
    expect(all.filter((s) => s.startsWith('The ETH sent with `') && s.includes('payArbitrationFee'))).toEqual([]);
    const withFee = (await read(`${DIR}/MultipleArbitrableTransactionWithFee.sol`, 'MultipleArbitrableTransactionWithFee')).all;
    // `pay` takes the amount off the record and splits it between the receiver and the fee recipient.
    expect(withFee).toContain('The ETH sent with `createTransaction` becomes the Amount (`amount`) held for the new Transaction. From there it may be paid to the Fee Recipient (through `pay`, `executeTransaction`, `timeOutByReceiver`, or `rule`), to the Receiver of the Transaction concerned (through `pay`, `executeTransaction`, `timeOutByReceiver`, or `rule`), or to the Sender of the Transaction concerned (through `reimburse`, `timeOutBySender`, or `rule`).');
    // A receipt of the rent paid, while the ETH is credited to balances: not money held for the receipt.
    const rental = (await read(`${DIR}/RentalAgreement.sol`, 'RentalAgreement')).all;
    expect(rental.filter((s) => s.startsWith('The ETH sent with `'))).toEqual([]);
    // The field paid as it stood before the record was cleared is the same recipient.
    const cleared = (await read('tests/fixtures/core/SelfDestruct.sol', 'ClearedOrders')).all;
    expect(cleared).toContain('The ETH sent with `open` becomes the Price (`price`) held for the new Order. From there it may be paid to the Seller of the Order concerned (through `settle` or `cancel`).');
    expect(await zh(KLEROS, 'MultipleArbitrableTransaction')).toContain('随 `createTransaction` 发送的ETH成为为新建记录托管的金额（`amount`）。此后该款项可支付给该记录的收款人（通过`pay`、`executeTransaction`、`timeOutByReceiver`或`rule`）或该记录的发送方（通过`reimburse`、`timeOutBySender`或`rule`）。');
  });

  it('M3: an NFT moved straight from the seller to the buyer is not held by the contract (DutchAuction); one taken in is (EnglishAuction)', async () => {
    const { all } = await read(`${DIR}/DutchAuction.sol`, 'DutchAuction');
    expect(all).toContain('`buy` moves the token of the NFT (`nft`) whose ID is the NFT ID (`nftId`) straight from the Seller to the caller; the contract never holds it. Until then the Seller keeps the token. A standard ERC-721 token refuses the transfer unless the Seller still holds it and has approved this contract to move it; `buy` then fails as a whole, and the ETH sent with it is not taken.');
    expect(all.filter((s) => /the contract holds (the|that) token/.test(s))).toEqual([]);
    const english = (await read(`${DIR}/EnglishAuction.sol`, 'EnglishAuction')).all;
    expect(english).toContain('If the Highest Bidder is the zero address, `end` sends the token of the NFT whose ID is the NFT ID to the Seller; the contract holds that token from `start` until then.');
    expect(english.filter((s) => s.includes('straight from'))).toEqual([]);
    expect(await zh(`${DIR}/DutchAuction.sol`, 'DutchAuction')).toContain('`buy` 将`nft`中编号为`nftId`的代币直接从卖方转给调用者，合约本身从不持有该代币。在此之前，该代币仍由卖方持有。除非卖方仍持有该代币并已授权本合约转移该代币，否则符合标准的ERC-721代币合约将拒绝转移，`buy` 随之整体失败，随调用发送的ETH不会被收取。');
  });

  it('unpledge: an action that draws on the caller’s own entry says so in its access line (CrowdFund)', async () => {
    const { all, of } = await read(`${DIR}/CrowdFund.sol`, 'CrowdFund');
    expect(all).toContain('Anyone may call `unpledge`, but only against the caller’s own entry: it fails unless the Pledged Amount (`pledgedAmount`) for the given ID (`_id`) and the caller is at least the given Amount (`_amount`). It also needs every condition below.');
    expect(all).not.toContain('Anyone may call `unpledge`.');
    // Said once: not again as a separate condition.
    expect(of('action:unpledge').filter((s) => s.startsWith('The given Amount is at most the Pledged Amount'))).toEqual([]);
    // `pledge` adds to the caller's entry; it takes nothing off it.
    expect(all).toContain('Anyone may call `pledge`; the call goes ahead only if every condition below holds.');
    expect(await zh(`${DIR}/CrowdFund.sol`, 'CrowdFund')).toContain('任何人均可调用 `unpledge`，但仅限于调用者自己的记录：除非`pledgedAmount`中传入的参数 `_id`对应的条目中调用者对应的条目不少于传入的金额（`_amount`），否则调用失败。调用还须同时满足下表各项条件。');
  });

  it('flags: a flag the Seller alone sets, read in a choice inside the amount the Buyer must send, is a power; the zero branch is named', async () => {
    const file = 'tests/fixtures/key-numbers/FlagShapes.sol';
    for (const contract of ['Nested', 'ViaView']) {
      const { all } = await read(file, contract);
      expect(all).toContain('The Seller (`seller`) may, alone, set the Waived flag (`waived`) to true by calling `waive`, which makes the Fee (`fee`) zero in the amount `pay` requires the Buyer (`buyer`) to send.');
      expect(all).toContain('Powers over the deal: the Seller may call `waive` alone.');
      expect(all).not.toContain('Powers over the deal: none in the code.');
    }
    const inverted = (await read(file, 'Inverted')).all;
    expect(inverted).toContain('The Seller (`seller`) may, alone, set the Charged flag (`charged`) to false by calling `waive`, which makes the Fee (`fee`) zero in the amount `pay` requires the Buyer (`buyer`) to send.');
    expect(inverted.filter((s) => s.includes('which changes the amount `pay` requires'))).toEqual([]);
    expect(await zh(file, 'Nested')).toContain('卖方（`seller`）可单方调用 `waive`，将标志 `waived`设为真，从而使 `pay` 要求买方（`buyer`）支付的金额中手续费（`fee`）为零。');
  });
});
