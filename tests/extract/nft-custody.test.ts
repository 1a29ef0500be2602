/** An NFT the contract takes in: who it goes to, through which action, and from when the contract holds it. */
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { read } from '../helpers/sentences.ts';

const FILE = 'tests/fixtures/extract/NftCustody.sol';

describe('NFT custody', { timeout: 60_000 }, () => {
  it('follows the id through the place the intake stores it in, to each action that sends the token out', async () => {
    const { all, of } = await read(FILE, 'NftPawn');
    expect(of('key-fact:money')).toEqual([
      'Money: ETH; paid out to the Lender; the contract holds the token of the Collection (`collection`) whose ID is the Token ID (`tokenId`) from `pawn` until `repay` or `seize`.',
    ]);
    expect(all).toContain('`repay` sends the token of the Collection (`collection`) whose ID is the Token ID (`tokenId`) to the Borrower; the contract holds that token from `pawn` until then.');
    expect(all).toContain('`seize` sends the token of the Collection whose ID is the Token ID to the Lender; the contract holds that token from `pawn` until then.');
    expect(all.some((s) => /no action sends it out/.test(s))).toBe(false);
  });

  it('the Lender can stop a repayment by refusing ETH; the Borrower, the only caller of `repay`, only stops their own', async () => {
    const { all } = await read(FILE, 'NftPawn');
    expect(all).toContain('If the Lender (`lender`) is a contract that refuses ETH, or needs more gas to accept it than `transfer` forwards, every call to `repay` that would pay it fails.');
    expect(all.some((s) => /If the Borrower .* call to `repay`/.test(s))).toBe(false);
  });

  it('says when nothing sends the token out again', async () => {
    const { all, of } = await read(FILE, 'NftSink');
    expect(all).toContain('`deposit` takes into the contract the token of the Collection (`collection`) whose ID is the given ID (`id`); no action sends it out again.');
    expect(of('key-fact:money')[0]).toMatch(/the contract holds the token of the Collection \(`collection`\) whose ID is the given ID \(`id`\) from `deposit`, and no action sends it out\.$/);
  });

  it('says nothing of custody when an item of the token leaves under an id it cannot match to the one taken in', async () => {
    const folder = mkdtempSync(path.join(tmpdir(), 'plainterms-nft-'));
    const file = path.join(folder, 'NftCustody.sol');
    const text = readFileSync(FILE, 'utf8');
    const from = 'function seize() external {';
    expect(text).toContain(from);
    writeFileSync(file, text.replace(from, 'function seize(uint256 anyId) external {').replace('collection.safeTransferFrom(address(this), lender, tokenId);', 'collection.safeTransferFrom(address(this), lender, anyId);'));
    try {
      const { all } = await read(file, 'NftPawn');
      expect(all.some((s) => /the contract holds the token|no action sends it out/.test(s))).toBe(false);
    } finally {
      rmSync(folder, { recursive: true, force: true });
    }
  });

  describe('an NFT that comes in as a parameter and leaves through the record that keeps it', () => {
    const RECORDS = 'tests/fixtures/extract/NftRecords.sol';

    it('a record written out whole (`listings[n] = Listing(nft, tokenId, …)`): the buyer receives it', async () => {
      const { all, of } = await read(RECORDS, 'NftListing');
      expect(of('key-fact:money')[0]).toMatch(/the contract holds the token of the given NFT \(`nft`\) whose ID is the given Token ID \(`tokenId`\) from `list` until `buy`\.$/);
      expect(all).toContain('`buy` sends the token of the given NFT (`nft`) whose ID is the given Token ID (`tokenId`) to the caller; the contract holds that token from `list` until then.');
      expect(all.some((s) => /no action sends it out/.test(s))).toBe(false);
    });

    it('fields written one by one through an interface cast (`IERC721(loan.collection)`): repaid or seized', async () => {
      const { all, of } = await read(RECORDS, 'NftLoan');
      expect(of('key-fact:money')[0]).toMatch(/the contract holds the token of the given Collection \(`collection`\) whose ID is the given Token ID \(`tokenId`\) from `open` until `repay` or `seize`\.$/);
      expect(all).toContain('`seize` sends the token of the given Collection whose ID is the given Token ID to the caller; the contract holds that token from `open` until then.');
      // The id is the one given, not the record's place named through the counter.
      expect([...of('key-fact:money'), ...of('money-fact')].some((s) => /Token ID of the Loan for the Loan Count/.test(s))).toBe(false);
      expect(all.some((s) => /no action sends it out/.test(s))).toBe(false);
    });

    it('says nothing of custody when another action can change the record\'s token, and never that nothing sends it out', async () => {
      const { all } = await read(RECORDS, 'NftMovable');
      expect(all.some((s) => /the contract holds the token|no action sends it out|takes into the contract/.test(s))).toBe(false);
      expect(all.some((s) => /`take` sends the token of the NFT of the given Slot .* from this contract to the caller/.test(s))).toBe(true);
    });

    it('the NFT collection a record or the contract keeps as an address is a contract it calls, not a party', async () => {
      const loan = await read(RECORDS, 'NftLoan');
      expect(loan.of('key-fact:parties')).toEqual(['Parties: Borrower (`borrower`) and Lender (`lender`); the Lender of the Loan concerned can be replaced.']);
      expect(loan.terms.parties.map((p) => p.name)).not.toContain('collection');
      const escrow = await read(RECORDS, 'NftAddressEscrow');
      expect(escrow.of('key-fact:parties')).toEqual(['Parties: Buyer (`buyer`); no action can replace any of them.']);
      expect(escrow.all).toContain('`release` sends the token of the Collection (`collection`) whose ID is the given ID (`id`) to the Buyer (`buyer`); the contract holds that token from `deposit` until then.');
    });
  });
});
