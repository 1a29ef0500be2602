/**
 * The third review of unseen contracts (Zora v3, Sablier v2): parties, money kept or recorded, balances
 * read around a transfer, and items moved through other contracts. The exact sentences that must now
 * appear, and the false ones that must not.
 */
import { beforeAll, describe, expect, it } from 'vitest';
import { read } from '../helpers/sentences.ts';
import { ensureCompilers, FETCH_TIMEOUT } from '../versions/setup.ts';

const ZORA = 'node_modules/@zoralabs/v3/dist/contracts/modules';
const AUCTION = `${ZORA}/ReserveAuction/Core/ETH/ReserveAuctionCoreEth.sol`;
const ASKS = `${ZORA}/Asks/V1.1/AsksV1_1.sol`;
const SABLIER = 'node_modules/@sablier/v2-core/src/SablierV2LockupLinear.sol';
const AUCTION_ITEM = 'the Auction for the given Token ID in the Auction for NFT of the given Token Contract';
const ASK_ITEM = 'the Ask for the given Token ID in the Ask for NFT of the given Token Contract';

// Zora v3 pins solc 0.8.10, fetched from npm once into the per-user cache.
beforeAll(() => ensureCompilers(['0.8.10']), FETCH_TIMEOUT);

describe('review fixes: parties, recorded bids, balances around a transfer', { timeout: 120_000 }, () => {
  it('Zora reserve auction: the whole ETH sent becomes the bid (refunded when outbid, paid at settlement), so none of it is excess', async () => {
    const { all } = await read(AUCTION, 'ReserveAuctionCoreEth');
    expect(all).toContain(`If the First Bid Time of ${AUCTION_ITEM} is zero, \`createBid\` accepts more ETH than the Reserve Price of ${AUCTION_ITEM}; the whole amount sent, any excess included, is recorded as the Highest Bid of ${AUCTION_ITEM}.`);
    expect(all.filter((s) => s.startsWith('If the First Bid Time') && /stays in the contract, and no action pays it back/.test(s))).toEqual([]);
  });

  it('Zora AsksV1_1: ETH beyond the price, which nothing records, still stays in the contract', async () => {
    const { all } = await read(ASKS, 'AsksV1_1');
    expect(all).toContain(`If the Ask Currency of ${ASK_ITEM} is the zero address, \`fillAsk\` accepts more ETH than the Ask Price of ${ASK_ITEM}; anything sent beyond that stays in the contract, and no action pays it back.`);
  });

  it('Zora AsksV1_1: the currency an ask is paid in is a token, not a party', async () => {
    const { all, terms } = await read(ASKS, 'AsksV1_1');
    expect(terms.parties.map((p) => p.name)).not.toContain('askCurrency');
    expect(all.filter((s) => s.startsWith('Parties:') && /Ask Currency/.test(s))).toEqual([]);
    expect(all.filter((s) => s.startsWith('Parties:') && /Seller Funds Recipient \(`sellerFundsRecipient`\)/.test(s))).toHaveLength(1);
  });

  it('Zora AsksV1_1: the balance read after the transfer is not the balance read before it', async () => {
    const { all } = await read(ASKS, 'AsksV1_1');
    // Inside fillAsk the stored ask is named once (`Ask storage ask`), and reads as "the Ask".
    expect(all).toContain(`If the Ask Currency of the Ask is not the zero address, the amount of the token at the Ask Currency of the Ask held by this contract after the call to \`safeTransferFrom\` exceeds the amount held before that call by exactly the Ask Price of the Ask | “_handleIncomingTransfer token transfer call did not transfer expected amount”`);
    expect(all.filter((s) => s.includes(`held by this contract plus the Ask Price of ${ASK_ITEM} equals`))).toEqual([]);
  });

  it('Zora reserve auction: the NFT moves from the seller into the contract at the first bid and to the highest bidder at settlement', async () => {
    const { all } = await read(AUCTION, 'ReserveAuctionCoreEth');
    expect(all).toContain(`If the First Bid Time of the Auction is zero, \`createBid\` sends the token of the given Token Contract whose ID is the given Token ID from the Seller of the Auction to this contract, by calling \`transferFrom\` on the ERC-721 Transfer Helper (\`erc721TransferHelper\`), whose code is not part of this summary.`);
    expect(all).toContain(`\`settleAuction\` sends the token of the given Token Contract whose ID is the given Token ID from this contract to the Highest Bidder of ${AUCTION_ITEM} as it stood before the call, by calling \`transferFrom\` on that token contract, whose code is not part of this summary.`);
    expect(all).toContain(`\`settleAuction\` sends the token of the given Token Contract whose ID is the given Token ID to the Highest Bidder of ${AUCTION_ITEM} as it stood before the call; the contract holds that token from \`createBid\` until then.`);
    expect(all.filter((s) => /calls `transferFrom` on/.test(s))).toEqual([]);
    expect(all.filter((s) => /no action sends it out again/.test(s))).toEqual([]);
  });

  it('Zora AsksV1_1: an ERC-20 helper taking (token, from, to, amount) is not an NFT move; the ERC-721 helper is', async () => {
    const { all } = await read(ASKS, 'AsksV1_1');
    expect(all).toContain(`If the Ask Currency of the Ask is not the zero address, \`fillAsk\` calls \`safeTransferFrom\` on the ERC-20 Transfer Helper (\`erc20TransferHelper\`), another contract whose code is not part of this summary.`);
    expect(all).toContain(`\`fillAsk\` sends the token of the given Token Contract whose ID is the given Token ID from the Seller of the Ask as it stood before the call to the caller, by calling \`transferFrom\` on the ERC-721 Transfer Helper (\`erc721TransferHelper\`), whose code is not part of this summary.`);
    expect(all.filter((s) => /the token of the ERC-20 Transfer Helper/.test(s))).toEqual([]);
  });

  it('Sablier LockupLinear: the Recipient, whoever holds the stream NFT, is a party of each stream', async () => {
    const { all } = await read(SABLIER, 'SablierV2LockupLinear');
    expect(all).toContain('Parties: Admin (`admin`), Sender (`sender`), and Recipient (`_owners`); the Admin and the Recipient of the Stream concerned can be replaced.');
    expect(all).toContain("Recipient | `_owners` | whoever holds this contract's token (ERC-721) with the Stream's ID, for each Stream | changes when that token is transferred; `createWithDurations`, `createWithTimestamps`, `burn`, `withdrawMaxAndTransfer`, `transferFrom`, and `safeTransferFrom` write who holds it");
    expect(all).not.toContain('Parties: Admin (`admin`) and Sender (`sender`); the Admin can be replaced.');
  });

  it('Sablier LockupLinear: letting a recipient contract hook into cancel and withdraw is a power of the Admin', async () => {
    const { all } = await read(SABLIER, 'SablierV2LockupLinear');
    expect(all).toContain("The Admin (`admin`) may, alone, let an address's own code run inside `cancel`, `cancelMultiple`, `withdraw`, `withdrawMax`, `withdrawMaxAndTransfer`, and `withdrawMultiple`, by calling `allowToHook` to add it to the Allowed to Hook (`_allowedToHook`): those actions then call that address, and its answer can make them fail. No action takes an address off that list again.");
    expect(all).toContain('Powers over the deal: the Admin may call `allowToHook` and `transferAdmin` alone and the Sender of the Stream concerned may call `cancel` alone.');
    expect(all).not.toContain('Powers over the deal: the Admin may call `transferAdmin` alone.');
    // Review 6b: cancelling one stream stops its batch twin (`cancelMultiple`, the same check per stream); that is no consequence to state.
    expect(all).toContain('The Sender (`sender`) of the Stream concerned may, alone and without waiting for any deadline, call `cancel` on one Stream, under the conditions stated for it. `cancel` pays out to the Sender of the given Stream (`_streams[streamId]`).');
    expect(all.some((s) => /`cancelMultiple` can no longer be used/.test(s))).toBe(false);
  });

  it('Zora modules: the sale pays the royalty recipients the Royalty Engine returns, before the seller', async () => {
    const auction = await read(AUCTION, 'ReserveAuctionCoreEth');
    expect(auction.all).toContain("`settleAuction` calls this contract's own `_handleRoyaltyEnginePayout` from outside, as described under its own heading; that action pays the Recipients of the result of `getRoyalty` on the Royalty Engine (`royaltyEngine`), before `settleAuction` makes any payment of its own.");
    const asks = await read(ASKS, 'AsksV1_1');
    expect(asks.all).toContain("`fillAsk` calls this contract's own `_handleRoyaltyEnginePayout` from outside, as described under its own heading; that action pays the Recipients of the result of `getRoyalty` on the Royalty Engine (`royaltyEngine`), before `fillAsk` makes any payment of its own.");
    // The payees of the royalty loop are named in Money, not left as code.
    expect(auction.all.filter((s) => s.startsWith('Money:') && s.includes('the Recipient at the same position in the Recipients (`recipients`) computed in `_handleRoyaltyEnginePayout`'))).toHaveLength(1);
    expect(auction.all.filter((s) => /could not translate the loop `for \(uint256 i = 0; i < numRecipients; \)/.test(s))).toHaveLength(1);
    expect(auction.all.filter((s) => /in `recipients`/.test(s))).toEqual([]);
  });

  it('thirdweb NFTStake: an NFT moved in a loop over the ids given names them; nothing internal leaks into the text', async () => {
    const { all } = await read('node_modules/@thirdweb-dev/contracts/prebuilts/staking/NFTStake.sol', 'NFTStake');
    expect(all).toContain('`stake` sends the token of the Staking Token (`stakingToken`) whose ID is the Token Id at that number in the given Token Ids from the caller if the Trusted Forwarder flag for the caller is not set, otherwise `sender` to this contract, by calling `safeTransferFrom` on that token contract, whose code is not part of this summary, for each of the numbers from zero up to but not including the number of entries in the given Token Ids.');
    expect(all.filter((s) => /carried:/.test(s))).toEqual([]);
  });
});
