/**
 * An address field of a single stored record (`Auction public auction`, not in a mapping or array) is one
 * party, as an address state variable is: the Bidder of the Auction. It is listed among the parties, said to
 * be set by the action that writes it, and payments and caller checks that use it name it; a refund to it
 * read before the new bid is recorded still says "as it stood before the call".
 */
import { describe, expect, it } from 'vitest';
import { read } from '../helpers/sentences.ts';
import { summarize } from '../../src/summarize.ts';

const FILE = 'tests/fixtures/core/SingleAuction.sol';

describe('a party kept in a single stored record (a Nouns-style auction)', { timeout: 60_000 }, () => {
  it('lists the Bidder of the Auction among the parties, set and replaced through the bid', async () => {
    const { of, all } = await read(FILE, 'SingleAuction');
    expect(of('key-fact:parties')).toEqual([
      'Parties: Owner (`_owner`) and Bidder of the Auction (`auction.bidder`); the Owner and the Bidder of the Auction can be replaced.',
    ]);
    expect(of('party:auction.bidder')).toEqual(['Bidder of the Auction | `auction.bidder` | set to the caller through `createBid` | changed through `createBid`']);
    // One record, not one per entry of a collection.
    expect(all.filter((s) => /each Auction|names its own|Auction concerned/.test(s))).toEqual([]);
  });

  it('links the refund and the caller check to it, the refund as the bidder stood before the call', async () => {
    const { of, all } = await read(FILE, 'SingleAuction');
    expect(of('key-fact:money')).toEqual(['Money: ETH; paid out to the Bidder of the Auction as it stood before the call and the Owner.']);
    expect(of('action:createBid():payment:')).toEqual([
      'If the Bidder of the Auction is not the zero address, the contract pays the Bidder of the Auction (`auction.bidder`) as it stood before the call ETH equal to the Amount of the Auction as it stood before the call.',
    ]);
    expect(all).toContain('Only the Bidder of the Auction (`auction.bidder`) may call `confirmReceipt`.');
    // The refund goes to the outbid bidder, never the new one: no sentence says the caller or the Bidder as the call leaves it is paid.
    expect(all.filter((s) => /pays the caller|paid out to the caller/.test(s))).toEqual([]);
    expect(all.filter((s) => /pays the Bidder/.test(s) && !/pays the Bidder of the Auction \(`auction\.bidder`\) as it stood before the call/.test(s))).toEqual([]);
  });

  it('the same in Chinese', async () => {
    const { documents } = await summarize([FILE], { contracts: ['SingleAuction'], formats: ['json'], language: 'zh', cache: false });
    const texts = documents[0]!.contracts[0]!.statements.map((s) => s.text);
    expect(texts).toContain('当事人：合约所有者（`_owner`）和拍卖的出价人（`auction.bidder`）；合约所有者和拍卖的出价人可被更换。');
    expect(texts).toContain('拍卖的出价人 | `auction.bidder` | 通过`createBid`设定为调用者 | 通过`createBid`更改');
    expect(texts.filter((s) => s.includes('调用前的拍卖的出价人')).length).toBeGreaterThanOrEqual(2);
    expect(texts.filter((s) => /每个拍卖各自记载/.test(s))).toEqual([]);
  });

  it('a record type with no Chinese name is named by its variable; the outbid bidder gets back their bid, and the new bid is recorded whole', async () => {
    const ITEM = 'tests/fixtures/core/ItemAuction.sol';
    const { all, of } = await read(ITEM, 'ItemAuction');
    // `Sale memory current = sale` is read after the new bid is stored: the refund is the old Highest Bid, not the ETH sent.
    expect(all).toContain('`bid` accepts more ETH than the Highest Bid of the Sale (`sale`); the whole amount sent, any excess included, is recorded as the Highest Bid of the Sale.');
    expect(of('action:bid()')).toContain(
      'If the Highest Bidder of the Sale as it stood before the call is not the zero address, the contract pays the Highest Bidder of the Sale (`sale.highestBidder`) as it stood before the call ETH equal to the Highest Bid of the Sale as it stood before the call.',
    );
    expect(all.filter((s) => /paid on to the Highest Bidder|pays the Highest Bidder of the Sale[^.]* the ETH sent with the call/.test(s))).toEqual([]);
    const { documents } = await summarize([ITEM], { contracts: ['ItemAuction'], formats: ['json'], language: 'zh', cache: false });
    const texts = documents[0]!.contracts[0]!.statements.map((s) => s.text);
    expect(texts).toContain('`sale`的最高出价人 | `sale.highestBidder` | 通过`bid`设定为调用者 | 通过`start`、`bid`和`settleAndRestart`更改');
    expect(texts.filter((s) => s.includes('记录的最高出价人'))).toEqual([]);
  });
});
