/**
 * A record copied into memory (`Bid memory a = auction`) and then overwritten in storage: a field of the copy
 * reads the value it had when copied only where that field of the record was written after the copy and
 * before the read; every other field reads as the record does. The outbid bidder is refunded their own bid,
 * never the caller the ETH they sent.
 */
import { describe, expect, it } from 'vitest';
import { read } from '../helpers/sentences.ts';
import { summarize } from '../../src/summarize.ts';

const FILE = 'tests/fixtures/core/CopiedRecords.sol';

/** No sentence pays the caller (the new bidder) or pays the ETH sent on: the refund is the previous bid. */
const refundsTheCaller = (s: string) => /pays the caller|paid out to the caller|pays [^.]* the ETH sent with the call/.test(s);

describe('a memory copy of a stored record read after the record is overwritten', { timeout: 60_000 }, () => {
  it('a single stored record: the previous bidder is paid their bid, both as they stood before the call', async () => {
    const { of, all } = await read(FILE, 'SingleAuction');
    expect(of('action:bid():payment:')).toEqual([
      'If the Bidder of the Auction as it stood before the call is not the zero address, the contract pays the Bidder of the Bid (`auction.bidder`) as it stood before the call ETH equal to the Amount of the Auction as it stood before the call.',
    ]);
    expect(of('key-fact:money')).toEqual(['Money: ETH; paid out to the Bidder of the Bid as it stood before the call.']);
    expect(all).toContain('`bid` accepts more ETH than the Amount of the Auction (`auction`); the whole amount sent, any excess included, is recorded as the Amount of the Auction.');
    expect(all.filter(refundsTheCaller)).toEqual([]);
  });

  it('a record in a mapping and in an array: the same, for the given record', async () => {
    for (const contract of ['KeyedAuctions', 'ListedAuctions']) {
      const { of, all } = await read(FILE, contract);
      expect(of('action:bid(uint256):payment:')).toEqual([
        'If the Bidder of the given Bid as it stood before the call is not the zero address, the contract pays the Bidder of the given Bid as it stood before the call ETH equal to the Amount of the given Bid as it stood before the call.',
      ]);
      expect(all.filter(refundsTheCaller)).toEqual([]);
    }
  });

  it('a record written whole: the copy is the old record, and the whole ETH sent is recorded as the new Amount', async () => {
    const { of, all } = await read(FILE, 'WholeAuction');
    expect(of('action:bid():payment:')).toEqual([
      'If the Bidder of the Auction as it stood before the call is not the zero address, the contract pays the Bidder of the Auction as it stood before the call the Amount of the Auction as it stood before the call in ETH.',
    ]);
    expect(all).toContain('`bid` accepts more ETH than the Amount of the Auction; the whole amount sent, any excess included, is recorded as the Amount of the Auction.');
    expect(all.filter((s) => /no action pays it back/.test(s))).toEqual([]);
    expect(all.filter(refundsTheCaller)).toEqual([]);
  });

  it('only the field written after the copy reads as it stood before the call', async () => {
    const { of } = await read(FILE, 'PartlyWritten');
    expect(of('action:withdrawFor():payment:')).toEqual(['The contract pays the Bidder of the Bid (`auction.bidder`) ETH equal to the Amount of the Auction as it stood before the call.']);
    // Another variable written between the copy and the read changes nothing in the copy.
    expect(of('action:payBidder():payment:')).toEqual(['The contract pays the Bidder of the Bid (`auction.bidder`) the Amount of the Auction (`auction`) in ETH.']);
    expect(of('action:withdrawFor()').some((s) => /pays [^.]* 0 ETH|zero ETH/.test(s))).toBe(false);
  });

  it('at each point of the path: read first, written on one branch, written before the copy, in a helper, nested', async () => {
    const { of } = await read(FILE, 'CopyPaths');
    expect(of('action:readFirst():payment:')).toEqual(['The contract pays the Bidder of the Bid (`best.bidder`) as it stood before the call ETH equal to the Amount of the Best as it stood before the call.']);
    // Written on one branch: on the other the stored Bidder was not written, so it is the Bidder before the call either way.
    expect(of('action:replaceIf(bool):payment:')).toEqual(['The contract pays the Bidder of the Bid (`best.bidder`) as it stood before the call the Amount of the Best in ETH.']);
    // Copied after the caller was recorded: the copy holds the caller, not the Next written afterwards.
    expect(of('action:claimThenMove(address):payment:')).toEqual(['The contract pays the caller the Amount of the Best in ETH.']);
    expect(of('action:outbid():payment:')).toEqual(['The contract pays the Bidder of the Bid (`best.bidder`) as it stood before the call ETH equal to the Amount of the Best as it stood before the call.']);
    expect(of('action:outbidLot():payment:')).toEqual(['The contract pays the Bidder of the Top of the Lot as it stood before the call ETH equal to the Amount of the Top of the Lot as it stood before the call.']);
    for (const action of ['replaceIf(bool)', 'outbid()', 'outbidLot()']) expect(of(`action:${action}:payment:`).filter((s) => /pays the caller|the given Next/.test(s))).toEqual([]);
  });

  it('a copy made in a loop reads each item as it stood before the call; a deleted record is the old one', async () => {
    const { of, all } = await read(FILE, 'ListedRefunds');
    expect(of('action:refundAll():payment:')).toEqual(['The contract pays the Bidder of the Bid ETH equal to the Amount of the Bid as it stood before the call, for every Bid in the Bids.']);
    expect(of('action:refundOne(uint256):payment:')).toEqual([
      'The contract pays the Bidder of the given Bid as it stood before the call the Amount of the given Bid as it stood before the call in ETH.',
    ]);
    expect(all.filter((s) => /pays [^.]* 0 ETH/.test(s))).toEqual([]);
  });

  it('the same in Chinese: the previous bidder, as they stood before the call, is paid', async () => {
    const { documents } = await summarize([FILE], { contracts: ['SingleAuction'], formats: ['json'], language: 'zh', cache: false });
    const texts = documents[0]!.contracts[0]!.statements.map((s) => s.text);
    expect(texts).toContain('如调用前的拍卖的出价人不为零地址，本合约向调用前的出价的出价人（`auction.bidder`）支付以ETH计的调用前的拍卖的金额。');
    expect(texts.filter((s) => /向调用者支付/.test(s))).toEqual([]);
  });
});
