/**
 * Review 6 (F4, F7, F8, O1): a loop whose body calls a function that reads and writes the same stored values
 * (a commit-reveal auction's `placeBid`), a pull payment whose money also leaves with the whole balance (the
 * solc 0.4 `this.balance` included), a deadline each account must act on for itself, what an owner's
 * power to take money takes, and a period written as a product of plain numbers.
 */
import { describe, expect, it } from 'vitest';
import { summarize } from '../../src/summarize.ts';
import { repo } from '../helpers/extract.ts';
import { read } from '../helpers/sentences.ts';

const SEALED = 'tests/fixtures/core/SealedBids.sol';

describe('review 6: loops, ways out, who must act, periods', { timeout: 120_000 }, () => {
  it('what a function called in a loop does is said for every item, reading what the earlier items left', async () => {
    const { of, all } = await read(SEALED, 'SealedBids');
    const reveal = of('action:reveal(');
    expect(reveal).toContainEqual(expect.stringMatching(/^`reveal` increases the Pending Return \(`pendingReturns`\) of the Highest Bidder \(`highestBidder`\) as the earlier entries left it by the Highest Bid \(`highestBid`\) as the earlier entries left it, for every entry in the Bid for the caller for which /));
    expect(reveal).toContainEqual(expect.stringMatching(/^`reveal` sets the Highest Bidder to the caller, for every entry in the Bid for the caller for which /));
    // Never the value before the call: an earlier bid in the same call may have changed it.
    expect(all.filter((s) => /Highest (Bidder|Bid)[^,;]* as it stood before the call/.test(s))).toEqual([]);
    expect(reveal.filter((s) => /^If .*`reveal` (increases|sets) the (Pending Return|Highest)/.test(s))).toEqual([]);
  });

  it('a local a loop adds to and takes from in one item is a sum of the differences, and the loop is explained', async () => {
    const { of, all, terms } = await read(SEALED, 'SealedBids');
    const [refund] = of('action:reveal(').filter((s) => s.startsWith('The contract pays the caller'));
    // Review 6b N2: the shared condition picks the entries once, and what each entry adds closes the sentence.
    expect(refund).toBe('The contract pays the caller ETH equal to the sum, over every entry in the Bid for the caller for which the Blinded Bid of the Bid as it stood before the call equals the hash (`keccak256`) of (the Value at the same position in the given Values, the entry at the same position in the given Fake, and the entry at the same position in the given Secret), of this amount for each: the Deposit of the Bid minus the Value at the same position in the given Values if the entry at the same position in the given Fake is false and the Deposit of the Bid is at least the Value at the same position in the given Values, otherwise the Deposit of the Bid.');
    expect(refund).not.toMatch(/plus the sum of|it is not the case that/);
    expect(refund.split(" ").length).toBeLessThan(150); // it was 225 words
    const { documents } = await summarize([SEALED], { contracts: ['SealedBids'], languages: ['zh'], formats: ['json'], cwd: repo, cache: false });
    const zh = documents[0].contracts[0].statements.filter((s) => s.id.startsWith('action:reveal(') && s.text.startsWith('本合约向调用者支付'));
    expect(zh.map((s) => s.text)).toEqual([expect.stringMatching(/^本合约向调用者支付以ETH计的.*keccak256哈希值者逐项所计金额之和（每项：.*时为该出价的预付款减.*，否则为该出价的预付款）。$/)]);
    expect(all.some((s) => s.includes('`refund`'))).toBe(false);
    expect(terms.notExplained).toEqual([]);
  });

  it('unread code that may pay out: the credit never leaves "only" through the withdrawal', async () => {
    const { of, terms } = await read('tests/fixtures/core/UnreadPayout.sol', 'UnreadPayout');
    expect(terms.notExplained.map((n) => n.reason)).toContain('loop');
    expect(of('money-fact:')).toContain('`bid` credits money to the Credit (`credit`) of the Leader (`leader`) as it stood before the call instead of paying it out. The money leaves the contract when the address credited calls `withdraw`; the code under “Not explained” may pay money out too.');
    expect(of('money-fact:').filter((s) => /only when/.test(s))).toEqual([]);
  });

  it('a credit is never said to leave only through the withdrawal while the whole balance can pay it out', async () => {
    const { of } = await read(SEALED, 'SealedBids');
    const [credit] = of('money-fact:');
    expect(credit).toMatch(/^`reveal` credits money to the Pending Return \(`pendingReturns`\) of the Highest Bidder \(`highestBidder`\) as the earlier entries left it, for every entry in the Bid for the caller in the Bids \(`bids`\) for which /);
    expect(credit).toContain('instead of paying it out. The money leaves the contract when the address credited calls `withdraw`, or with the whole balance when anyone calls `auctionEnd`.');
    expect(credit).not.toContain('only when');
  });

  it('solc 0.4: `this.balance` is the whole balance, a way out for credited money', async () => {
    const { of, terms } = await read('tests/fixtures/core/OldSweep.sol', 'OldSweep');
    expect(of('action:end(')).toContain('The contract pays the Beneficiary (`beneficiary`) all the ETH that this contract holds.');
    // The condition is stated with `bid` itself.
    expect(of('action:bid(')).toContain('If the Highest Bid is not zero, `bid` increases the Pending Return (`pendingReturns`) of the Highest Bidder (`highestBidder`) as it stood before the call by the Highest Bid as it stood before the call.');
    expect(of('money-fact:')).toContain('In some cases, `bid` credits money to the Pending Return (`pendingReturns`) of the Highest Bidder (`highestBidder`) as it stood before the call instead of paying it out. The money leaves the contract when the address credited calls `withdraw`, or with the whole balance when anyone calls `end`.');
    expect(terms.notExplained).toEqual([]);
  });

  it('an action that acts only on the caller’s own entry must be called by each account, before it closes', async () => {
    const { all } = await read(SEALED, 'SealedBids');
    expect(all).toContain('Nothing happens automatically at the Bidding End (`biddingEnd`): each account must call `reveal` itself, for its own entry in the Bids (`bids`), before the Reveal End (`revealEnd`); no one else can do this on its behalf. After the Reveal End, `reveal` can no longer succeed, and the whole balance leaves the contract when anyone calls `auctionEnd`.');
    expect(all.some((s) => /someone must call `reveal`/.test(s))).toBe(false);
    // `auctionEnd` acts on no one's own entry: anyone may.
    expect(all).toContain('Nothing happens automatically at the Reveal End: someone must call `auctionEnd`.');
  });

  it('a power to take money says what it takes, from the payment', async () => {
    const { all } = await read('tests/fixtures/core/FundedVesting.sol', 'FundedVesting');
    // Review 6b N1: the flags the action requires, and who is paid, are part of the power.
    expect(all).toContain('The Owner (`owner`) may take money out of the contract alone, by calling `revoke`, but only when the Revocable flag of the Schedule for the given Beneficiary (`beneficiary`) in the Schedules (`schedules`) is set and the Revoked flag of the Schedule for the given Beneficiary is not set. `revoke` then pays the Owner an amount of the token at `token` equal to the Amount of the Schedule for the given Beneficiary minus the Vested (`vested`) as it stood before the call, for the given Beneficiary.');
    expect(all.some((s) => /may take money held by the contract|may take out of the contract, alone/.test(s))).toBe(false);
    const { documents } = await summarize(['tests/fixtures/core/FundedVesting.sol'], { contracts: ['FundedVesting'], languages: ['zh'], formats: ['json'], cwd: repo, cache: false });
    const zh = documents[0].contracts[0].statements.filter((s) => s.id.startsWith('power:')).map((s) => s.text);
    expect(zh[0]).toMatch(/^合约所有者（`owner`）可单方调用 `revoke` 从本合约取款，但仅当.*`revocable`已设置且.*`revoked`未设置时可以。`revoke` 随即向合约所有者支付/);
  });

  it('a constant written as a product of plain numbers, used as a period, is stated in days', async () => {
    const { of, all } = await read('tests/fixtures/core/LoanTerm.sol', 'LoanTerm');
    expect(of('action:fund(')).toContain('`fund` sets the Due Date (`dueDate`) to 30 days (`LOAN_DURATION`) after the call.');
    // A product not used as a period is a plain number.
    expect(of('action:fund(')).toContain('`fund` sets the Fee (`fee`) to 100 (`FEE_UNITS`).');
    expect(all.some((s) => /the Loan Duration/.test(s))).toBe(false);
  });
});
