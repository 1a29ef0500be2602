/**
 * Contracts fetched from public repositories (tests/fixtures/third-party, MIT): sentences a lawyer needs
 * and the false ones a review of their summaries found, which must not come back.
 */
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { read } from '../helpers/sentences.ts';

const DIR = 'tests/fixtures/third-party';

describe('MilestoneEscrow (one pool of ETH for many jobs)', { timeout: 60_000 }, () => {
  it('says first that the client of one job can take every job’s money', async () => {
    const { statements } = await read(`${DIR}/MilestoneEscrow.sol`, 'MilestoneEscrow');
    const warning = statements.filter((s) => s.section === 'warning').map((s) => s.text);
    expect(warning).toContain(
      'The Client of the Job concerned may take all the money the contract holds, by calling `cancelJob`: it pays out the contract’s whole balance, which includes the money held for every other Job, not only this one’s.',
    );
    // Cancelling a job at any time, before the contractor is paid, is itself a power (termination for convenience).
    expect(warning).toContain('The Client (`client`) of the Job concerned may, alone and without waiting for any deadline, call `cancelJob` on one Job, under the conditions stated for it. Afterwards `approveMilestone` can no longer be used for that Job. `cancelJob` pays out to the Client of the given Job (`jobs[jobId]`).');
  });

  it('a job created at a fresh id does not change another job: its parties are set once, and creating is not a move', async () => {
    const { all } = await read(`${DIR}/MilestoneEscrow.sol`, 'MilestoneEscrow');
    expect(all).toContain('Client | `client` | each Job in `jobs` names its own, set once, through `createJob` | no action changes it');
    expect(all).toContain('new Job in `jobs` | Active | Anyone | `createJob`');
    expect(all.some((s) => /can be replaced|changed through `createJob`|^any state \||as a new Job replacing/.test(s))).toBe(false);
  });
});

describe('RentalAgreement (a lease)', { timeout: 60_000 }, () => {
  it('the deposit comes back on termination only when the Landlord terminates, as `returnDeposit` requires', async () => {
    const { all } = await read(`${DIR}/RentalAgreement.sol`, 'RentalAgreement');
    expect(all).toContain('The contract | the Tenant as it stood before the call | ETH | `terminateContract`');
    // The payment follows the change made under the same condition, and says so.
    expect(all).toContain('If the Deposit Held is not zero, `terminateContract` sets the Deposit Held to zero.');
    expect(all).toContain('In that case, the contract pays the Tenant as it stood before the call ETH equal to the Deposit Held as it stood before the call.');
    expect(all.some((s) => /the Tenant, or the Property Manager \(`propertyManager`\) calls `terminateContract`, if the Deposit/.test(s))).toBe(false);
  });

  it('says first that anyone may make themselves the Tenant or the Property Manager', async () => {
    const { statements } = await read(`${DIR}/RentalAgreement.sol`, 'RentalAgreement');
    const warning = statements.filter((s) => s.section === 'warning').map((s) => s.text);
    expect(warning).toContain('Anyone may make themselves the Tenant (`tenant`), in place of whoever holds it, by calling `signAsTenant`; the new address then receives what `returnDeposit` pays to it.');
    expect(warning).toContain('Anyone may make themselves the Property Manager (`propertyManager`), in place of whoever holds it, by calling `signAsPropertyManager`.');
    // There is no new value to bound: the caller becomes the party.
    const { all } = await read(`${DIR}/RentalAgreement.sol`, 'RentalAgreement');
    expect(all.some((s) => /no limit on the new value given to `signAs/.test(s))).toBe(false);
  });

  it('a term the Landlord may change only while the lease is not active does not reach a running lease', async () => {
    const { all } = await read(`${DIR}/RentalAgreement.sol`, 'RentalAgreement');
    for (const action of ['changeRentCost', 'changeManagementFee', 'changeEndDate']) {
      expect(all).toContain(`A change through \`${action}\` leaves deals already under way as they were.`);
    }
  });
});

describe('TokenEscrow (an ERC-20 escrow with an arbiter)', { timeout: 60_000 }, () => {
  it('the arbiter directs the money to the buyer or the seller; it does not take it, and the payout’s bookkeeping is not a term', async () => {
    const { statements, all } = await read(`${DIR}/TokenEscrow.sol`, 'Escrow');
    const warning = statements.filter((s) => s.section === 'warning').map((s) => s.text);
    expect(warning).toEqual([
      'The Buyer (`BUYER`) or the Arbiter (`ARBITER`) may pay out money held by the contract alone, by calling `releasePartialAmount`, to a recipient of their choosing, provided the given Receiver (`_receiver`) is the Buyer or the given Receiver is the Seller (`SELLER`).',
    ]);
    expect(all.some((s) => /may take (money held by the contract alone|out of the contract, alone)|may change the Released Amount/.test(s))).toBe(false);
  });
});

describe('RefundableCrowdfunding', { timeout: 60_000 }, () => {
  it('the owner takes the money only once the goal is met, and the summary says so', async () => {
    const { statements } = await read(`${DIR}/RefundableCrowdfunding.sol`, 'RefundableCrowdfunding');
    const warning = statements.filter((s) => s.section === 'warning').map((s) => s.text);
    expect(warning).toEqual(['The Owner (`owner`) may take money out of the contract alone, by calling `withdrawFunds`, but only when the Is Funded flag (`isFunded`) is set and the Funds Claimed flag (`fundsClaimed`) is not set. `withdrawFunds` then pays the Owner all the ETH that this contract holds.']);
  });
});

describe('NFTMarketplace (listings keyed by token id)', { timeout: 60_000 }, () => {
  it('a listing written again for the same token replaces its seller; a token minted at a fresh id keeps its creator', async () => {
    const { all } = await read(`${DIR}/NFTMarketplace.sol`, 'NFTMarketplace');
    expect(all).toContain('Seller | `seller` | each Listing in `listings` names its own, set when an action records it | changed through `listNFT`');
    expect(all).toContain('Creator | `creator` | each NFT in `nfts` names its own, set once, through `mintNFT` | no action changes it');
    expect(all.some((s) => /no action can replace any of them/.test(s))).toBe(false);
  });
});

describe('NFTMarketplace: payments pushed during a purchase', { timeout: 60_000 }, () => {
  it('the Owner, who takes a fee from every sale, can make every purchase fail by refusing ETH; nothing is locked in', async () => {
    const { all } = await read(`${DIR}/NFTMarketplace.sol`, 'NFTMarketplace');
    expect(all).toContain('If the Owner (`owner`) is a contract that refuses ETH, or needs more gas to accept it than `transfer` forwards, every call to `buyNFT` that would pay it fails.');
    // The price comes with the call and goes back when it fails: nothing stays in the contract.
    expect(all.some((s) => /`buyNFT` would release then stays in the contract/.test(s))).toBe(false);
  });
});

describe('NFTMarketplace: the author’s percentages, checked against the values they are about', { timeout: 60_000 }, () => {
  it('a fee cap is borne out by the fee’s check, not by the royalty cap that happens to be the same', async () => {
    const { terms } = await read(`${DIR}/NFTMarketplace.sol`, 'NFTMarketplace');
    const checks = terms.claims.flatMap((claim) => claim.checks).map((check) => [check.said, check.verdict, check.source?.line ?? null]);
    expect(checks).toEqual(
      expect.arrayContaining([
        ['- Users can mint NFTs with a royalty percentage (max 10%).', 'matches', 92],
        ['- Owner can adjust marketplace fee (max 10%).', 'matches', 198],
        ['max 1000 (10%).', 'matches', 198],
      ]),
    );
  });

  it('with the fee cap raised to 20%, the 10% royalty cap no longer “bears out” the fee claim', async () => {
    const folder = mkdtempSync(path.join(tmpdir(), 'plainterms-nft-'));
    const file = path.join(folder, 'NFTMarketplace.sol');
    writeFileSync(file, readFileSync(`${DIR}/NFTMarketplace.sol`, 'utf8').replace('require(_fee <= 1000, "Fee too high");', 'require(_fee <= 2000, "Fee too high");'));
    try {
      const { terms } = await read(file, 'NFTMarketplace');
      const fee = terms.claims.flatMap((claim) => claim.checks).find((check) => check.said === '- Owner can adjust marketplace fee (max 10%).');
      expect(fee?.verdict).not.toBe('matches');
    } finally {
      rmSync(folder, { recursive: true, force: true });
    }
  });
});

describe('UniDirectionalPaymentChannel (close with the sender’s signature, or cancel after expiry; both end with selfdestruct)', { timeout: 60_000 }, () => {
  const FILE = `${DIR}/UniDirectionalPaymentChannel.sol`;

  it('says who receives what through close and cancel: the Receiver the signed amount, the Sender the rest', async () => {
    const { all, of } = await read(FILE, 'UniDirectionalPaymentChannel');
    expect(all).toContain('Money: ETH; paid out to the Receiver and the Sender.');
    expect(all).toContain('The contract | the Sender (`sender`) | ETH | `close` or `cancel`');
    expect(of('action:close(')).toContain('The contract pays the Sender all the ETH the contract still holds after paying the Receiver.');
    expect(of('action:cancel()')).toContain('The contract pays the Sender all the ETH that this contract holds.');
    // solc 0.8.37 compiles for osaka: the contract is not deleted.
    expect(of('action:cancel()')).toContain(
      '`cancel` ends with `selfdestruct`, which sends that ETH. The code is compiled for the `osaka` EVM (Cancun or later), where this does not delete the contract unless it was created in the same transaction: its actions can still be called afterwards.',
    );
  });

  it('the receiver’s signed claim and the sender’s remedy after expiry are the deal, not powers over it', async () => {
    const { statements, all } = await read(FILE, 'UniDirectionalPaymentChannel');
    expect(statements.filter((s) => s.section === 'warning')).toEqual([]);
    expect(all).toContain('Powers over the deal: none in the code.');
    expect(all.some((s) => /may destroy the contract|a term of the deal|may call `(close|cancel)` alone/.test(s))).toBe(false);
  });
});

describe('DutchAuction (buy refunds the excess, then selfdestruct pays the seller)', { timeout: 60_000 }, () => {
  it('the Seller receives the contract’s whole ETH balance through buy; no power over the deal', async () => {
    const { all, of } = await read(`${DIR}/DutchAuction.sol`, 'DutchAuction');
    expect(all).toContain('Money: ETH; paid out to the caller (through `buy`) and the Seller.');
    expect(all).toContain('The contract | the Seller (`seller`) | ETH | `buy`');
    expect(of('action:buy()')).toContain('The contract pays the Seller (`seller`) all the ETH the contract still holds after any payment to the caller.');
    expect(all).toContain('Powers over the deal: none in the code.');
  });
});

describe('CrowdFund (solidity-by-example: pledges in an ERC-20 token, transfers unchecked)', { timeout: 60_000 }, () => {
  it('an unchecked incoming transferFrom credits the backer although no tokens arrived, and refund pays from that record', async () => {
    const { all, of } = await read(`${DIR}/CrowdFund.sol`, 'CrowdFund');
    expect(all).toContain(
      '`pledge` does not check that the tokens it takes in arrived: with a token that returns `false` instead of failing, a transfer that moved nothing does not by itself make the action fail. If the action goes ahead without the tokens, it still increases the Pledged Amount (`pledgedAmount`) for the given ID (`_id`) and the caller, and `refund` can then pay an amount read from that record out of tokens others paid in.',
    );
    expect(of('action:pledge(uint256,uint256):payment:1:unchecked')).toEqual([
      'The code does not check that these tokens arrived; with a token that returns `false` instead of failing, a transfer that moved nothing does not by itself make `pledge` fail.',
    ]);
    // Money that never came in cannot stay in the contract.
    expect(all.some((s) => /`pledge`.*money stays in the contract/.test(s))).toBe(false);
  });

  it('declared without a result, transferFrom is no safer: a false from the token is not caught either', async () => {
    const folder = mkdtempSync(path.join(tmpdir(), 'plainterms-crowdfund-'));
    const file = path.join(folder, 'CrowdFund.sol');
    const from = 'function transferFrom(address, address, uint256) external returns (bool);';
    const text = readFileSync(`${DIR}/CrowdFund.sol`, 'utf8');
    expect(text).toContain(from);
    writeFileSync(file, text.replace(from, 'function transferFrom(address, address, uint256) external;'));
    try {
      const { of } = await read(file, 'CrowdFund');
      expect(of('action:pledge(uint256,uint256):payment:1:unchecked')).toEqual([
        'The code does not check that these tokens arrived; with a token that returns `false` instead of failing, a transfer that moved nothing does not by itself make `pledge` fail.',
      ]);
    } finally {
      rmSync(folder, { recursive: true, force: true });
    }
  });

  it('an unchecked outgoing transfer keeps its own risk: the action completes and the money stays', async () => {
    const { all } = await read(`${DIR}/CrowdFund.sol`, 'CrowdFund');
    expect(all.some((s) => s.startsWith('`refund` does not check that a payment succeeded; with a token that returns `false` instead of failing, the action still completes though nothing was paid, and the money stays in the contract.'))).toBe(true);
    expect(all.some((s) => /`(unpledge|claim|refund)` does not check that the tokens it takes in arrived/.test(s))).toBe(false);
  });
});

describe('EnglishAuction (solidity-by-example: an NFT sold for ETH, both pushed out by `end`)', { timeout: 60_000 }, () => {
  it('says that the contract holds the NFT from `start` until `end`, and to whom `end` sends it', async () => {
    const { all, of } = await read(`${DIR}/EnglishAuction.sol`, 'EnglishAuction');
    expect(of('key-fact:money')).toEqual([
      'Money: ETH; paid out to the caller (through `withdraw`) and the Seller; the contract holds the token of the NFT (`nft`) whose ID is the NFT ID (`nftId`) from `start` until `end`.',
    ]);
    expect(all).toContain('If the Highest Bidder is not the zero address, `end` sends the token of the NFT (`nft`) whose ID is the NFT ID (`nftId`) to the Highest Bidder; the contract holds that token from `start` until then.');
    expect(all).toContain('If the Highest Bidder is the zero address, `end` sends the token of the NFT whose ID is the NFT ID to the Seller; the contract holds that token from `start` until then.');
  });

  it('a Seller who refuses ETH, or a Highest Bidder who cannot take the NFT, blocks `end` and locks both in', async () => {
    const { all } = await read(`${DIR}/EnglishAuction.sol`, 'EnglishAuction');
    expect(all).toContain('If the Seller (`seller`) is a contract that refuses ETH, or needs more gas to accept it than `transfer` forwards, every call to `end` that would pay it fails. What `end` would release then stays in the contract: no other action releases it.');
    expect(all).toContain(
      'If the Highest Bidder (`highestBidder`) is a contract that does not accept tokens sent with `safeTransferFrom`, every call to `end` that would send it one fails. What `end` would release then stays in the contract: no other action releases it.',
    );
    // `withdraw` pays the caller, who can only stop their own withdrawal.
    expect(all.some((s) => /call to `withdraw`/.test(s))).toBe(false);
  });

  it('with a way out for the highest bid, the Seller’s refusal no longer locks it in', async () => {
    const folder = mkdtempSync(path.join(tmpdir(), 'plainterms-auction-'));
    const file = path.join(folder, 'EnglishAuction.sol');
    const exit = 'function sweep() external {\n        require(block.timestamp >= endAt + 30 days, "early");\n        payable(highestBidder).transfer(address(this).balance);\n    }\n\n    function end() external {';
    writeFileSync(file, readFileSync(`${DIR}/EnglishAuction.sol`, 'utf8').replace('function end() external {', exit));
    try {
      const { all } = await read(file, 'EnglishAuction');
      expect(all.some((s) => /Seller \(`seller`\) is a contract that refuses ETH, or needs more gas to accept it than `transfer` forwards, every call to `end` that would pay it fails. What `end` would release then stays/.test(s))).toBe(false);
      expect(all).toContain('If the Seller (`seller`) is a contract that refuses ETH, or needs more gas to accept it than `transfer` forwards, every call to `end` that would pay it fails.');
      // The NFT still has no other way out.
      expect(all.some((s) => /Highest Bidder \(`highestBidder`\) is a contract that does not accept tokens sent with `safeTransferFrom`, every call to `end` that would send it one fails. What `end` would release then stays/.test(s))).toBe(true);
    } finally {
      rmSync(folder, { recursive: true, force: true });
    }
  });
});
