/**
 * The claim checker on comments with planted contradictions (tests/fixtures/claims/planted.json): each
 * planted contradiction about who, how much, when, rounding, refunds or fixity is flagged, with the code
 * that does otherwise, and true claims are not. bench/claims.ts prints the same figures.
 */
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { summarize } from '../../src/summarize.ts';
import type { Claim } from '../../src/terms/index.ts';
import { scoreClaims, type LabelledSentence } from '../helpers/claim-score.ts';
import { read } from '../helpers/sentences.ts';

const FILE = 'tests/fixtures/claims/Planted.sol';
const labels = (JSON.parse(readFileSync('tests/fixtures/claims/planted.json', 'utf8')) as { sentences: LabelledSentence[] }).sentences;

describe('the author’s claims checked against the code', { timeout: 60_000 }, () => {
  it('flags planted contradictions with high precision and recall', async () => {
    const contracts = [...new Set(labels.map((l) => l.contract))];
    const { documents } = await summarize([FILE], { contracts, formats: ['json'], cache: false });
    const claims = new Map<string, Claim[]>(documents[0].contracts.map((c) => [c.name, c.claims]));
    const score = scoreClaims(claims, labels);
    expect(score.falseFlags).toEqual([]);
    // One planted contradiction is beyond the checker: a contract-wide period that another action also
    // uses (the lease's 30 days).
    expect(score.missed).toEqual(['PlantedLease|the landlord may end the lease after 30 days of arrears.']);
    expect(score.precision).toBe(1);
    expect(score.recall).toBeGreaterThanOrEqual(0.85);
  });

  it('a "fixed" term set once at deployment (an immutable) matches: no action changes it', async () => {
    const { of } = await read('contracts/FobSale.sol', 'FobSale');
    const row = of('claim').find((s) => s.includes('at a fixed price.'));
    expect(row).toContain('Matches: no action changes `buyer`, `seller`, and `price`.');
    expect(row).not.toMatch(/Cannot tell|Contradicts/);
  });

  it('says what the code does instead, for each kind of claim', async () => {
    const escrow = await read(FILE, 'PlantedEscrow');
    expect(escrow.all).toEqual(
      expect.arrayContaining([
        'Contradicts: the percentages the code applies are 1% and 99%, not 2%.',
        'Contradicts: anyone may call `deposit`, not only the Buyer (`buyer`).',
        'Contradicts: ETH sent above what `deposit` requires is not returned to the sender.',
        'Contradicts: the period the code checks in `reclaim` is 14 days, not 7 days.',
        'Contradicts: `reclaim` pays the Seller, not the Buyer.',
        'Contradicts: `decide` computes the share by division, which rounds down.',
        'Matches: only the Buyer or the Arbiter (`arbiter`) may call `release`.',
      ]),
    );
    const shop = await read(FILE, 'PlantedShop');
    expect(shop.all).toContain('Contradicts: the code lets the Owner (`owner`) change the Fee BPS (`feeBps`) (through `setFee`).');
    expect(shop.all).toContain('Matches: ETH sent above what `buy` requires goes back to the sender.');
    // A commission in a contract that computes no share at all (the keeper sweeps the whole balance).
    const box = await read(FILE, 'PlantedBox');
    expect(box.all).toContain('Contradicts: the code computes no percentage anywhere, 3% or any other.');
    const fund = await read(FILE, 'PlantedFund');
    expect(fund.all).toContain('Contradicts: `claimRefund` pays the caller, not the Owner.');
  });

  it('a cap the comment states is checked against the power to set the rate: no limit contradicts it, the stated limit bears it out', async () => {
    const open = await read(FILE, 'PlantedPlatform');
    expect(open.all).toContain('Contradicts: the code lets the Operator set the Platform Fee BPS (`platformFeeBps`) to any value through `setPlatformFee`; it sets no upper limit.');
    const capped = await read(FILE, 'PlantedCappedPlatform');
    expect(capped.all.filter((s) => s.startsWith('Contradicts'))).toEqual([]);
    expect(capped.all).toContain('Matches: the code uses 10%.');
  });

  it('"5% higher" is borne out by a bid above 105% of the highest, and an extension by its own period', async () => {
    const { all } = await read(FILE, 'PlantedBids');
    expect(all.filter((s) => s.startsWith('Contradicts'))).toEqual([]);
    expect(all).toContain('Matches: the code uses 5%.');
    expect(all).toContain('Matches: the code checks 10 minutes.');
  });

  it('a receive that always reverts takes no ETH, and the contract is not said to pay out what it never pays', async () => {
    const { all } = await read(FILE, 'PlantedBids');
    expect(all).toContain('No one can send ETH straight to the contract: `receive` always fails, with “use bid”, and nothing changes.');
    expect(all).toContain('The contract receives ETH.');
    expect(all.some((s) => /Anyone may send ETH straight|`receive` accepts ETH|receives and pays out/.test(s))).toBe(false);
  });

  it('OpenZeppelin Ownable’s "Can only be called by the current owner" is checked against who may call', async () => {
    const { all } = await read('contracts/MarketplaceOrder.sol', 'MarketplaceOrder');
    expect(all).toContain('Matches: only the Owner may call `transferOwnership`.');
  });

  it('a contradicted claim is a risk', async () => {
    const { of } = await read(FILE, 'PlantedSplit');
    expect(of('risk:')).toContain('The author’s comment on `setArtist` (“The artist address is fixed and cannot be changed.”) says more than the code enforces; see the author’s claims below.');
  });

  it('the same verdicts in Chinese', async () => {
    const { outputs } = await summarize([FILE], { contracts: ['PlantedEscrow'], formats: ['md'], languages: ['zh'], cache: false });
    expect(outputs[0].text).toContain('不符：代码适用的比例为1%和99%，而非2%。');
    expect(outputs[0].text).toContain('相符');
  });

  it('a refund to a party the code chooses on a condition (winner = favorBuyer ? buyer : seller) is borne out', async () => {
    const { terms } = await read('tests/fixtures/core/ChosenRecipient.sol', 'ChosenRecipient');
    const [check] = terms.claims.flatMap((claim) => claim.checks);
    expect(check).toMatchObject({ topic: 'refund', verdict: 'matches', claimed: ['buyer'] });
  });

  it('each sentence of a comment the code can check is one row, with its verdicts in the same row; the rest are counted, with their lines', async () => {
    const { statements } = await read('contracts/MarketplaceOrder.sol', 'MarketplaceOrder');
    const rows = statements.filter((s) => s.table === 'claims');
    const row = (quote: string) => rows.find((s) => s.cells![1] === `“${quote}”`);
    expect(row('Available even while the marketplace is paused.')?.cells![2]).toBe('Matches: `cancel` does not check whether the contract is paused.');
    expect(row('It applies to every order confirmed afterwards.')?.cells![2]).toBe('Matches: a change through `setFeeBps` also applies to deals already under way.');
    // No row holds only a verdict: every verdict sits beside the sentence it checks.
    expect(rows.filter((s) => s.cells![1] === '')).toEqual([]);
    // A parameter comment that merely names the parameter makes no claim to check: it is not a row, but counted, with its lines.
    expect(row('Order identifier.')).toBeUndefined();
    expect(rows.every((s) => s.cells![2] !== '')).toBe(true);
    expect(statements.find((s) => s.id === 'claims:unchecked')?.text).toBe(
      'The author’s comments also hold 14 passages with no claim plainterms checks, on the code at `MarketplaceOrder.sol` lines 18, 59, 76, 88, 106, 116, and 134; `Ownable.sol` lines 76 and 84.',
    );
  });

  it('MarketplaceOrder: refunds, fees, fixity, pause and who are checked on the author’s own sentences, and none is said to match what the code does otherwise', async () => {
    const { all } = await read('contracts/MarketplaceOrder.sol', 'MarketplaceOrder');
    expect(all).toEqual(
      expect.arrayContaining([
        'Matches: `cancel` pays the Buyer of the Order concerned in full.',
        'Matches: `confirmDelivery` pays the Seller (`seller`) of the Order concerned less a deduction.',
        'Matches: a change through `setFeeBps` also applies to deals already under way.',
        'Matches: `placeOrder`, `markShipped`, and `confirmDelivery` cannot be called while the contract is paused.',
        'Matches: only the Owner may call `transferOwnership`.',
        'Matches: `cancel` checks, in some cases, that the Deliver By of the given Order has passed.',
        // A timing it cannot read ("after it", said on `deliverBy`) is said so, not left blank.
        'Cannot tell: plainterms does not read the timing.',
        // "The operator": the code names no Operator; who may call is stated.
        'Cannot tell: only the Owner (`_owner`) may call `setFeeBps`.',
      ]),
    );
    expect(all.filter((s) => s.startsWith('Contradicts'))).toEqual([]);
  });

  it('planted contradictions on refunds in full, a fee less a deduction, the fee in force, pause, who may cancel, events and a date are flagged as risks', async () => {
    const { all, of } = await read(FILE, 'PlantedMarket');
    expect(all).toEqual(
      expect.arrayContaining([
        'Contradicts: the Buyer (`buyer`) of the Order concerned or the Seller (`seller`) of the Order concerned may call `cancel`, not only the Buyer of the Order concerned.',
        'Contradicts: `cancel` pays the Buyer of the Order concerned less a deduction.',
        'Contradicts: `deliver` pays the Seller of the Order concerned in full.',
        'Contradicts: a change through `setFee` does not reach deals already under way.',
        'Contradicts: `refund` cannot be called while the contract is paused.',
        'Contradicts: `deliver` can still be called while the contract is paused.',
        'Contradicts: `ship` records no event named `OrderShipped`.',
        'Contradicts: `withdrawUnclaimed` checks that the Expiry (`expiry`) has not passed.',
        'Matches: `refund` pays the Buyer of the Order concerned in full.',
      ]),
    );
    expect(all.some((s) => /^Matches: `(cancel|deliver)` pays/.test(s))).toBe(false);
    expect(of('risk:')).toEqual(
      expect.arrayContaining([
        'The author’s comment on `refund` (“Available even while the market is paused.”) says more than the code enforces; see the author’s claims below.',
        // Two contradicted sentences of one comment: two risks.
        'The author’s comment (“Only the buyer may cancel an order.”) says more than the code enforces; see the author’s claims below.',
        'The author’s comment (“The owner can pause new orders and deliveries.”) says more than the code enforces; see the author’s claims below.',
      ]),
    );
  });

  it('the new verdicts in Chinese', async () => {
    const { outputs } = await summarize([FILE], { contracts: ['PlantedMarket'], formats: ['md'], languages: ['zh'], cache: false });
    expect(outputs[0].text).toContain('不符：合约暂停期间不能调用`refund`。');
    expect(outputs[0].text).toContain('不符：`cancel`向该订单的买方付款时扣减一笔金额。');
  });

  it('a pause of the whole contract is not read as a list of actions, and an action that runs only while paused bears out "only when paused"', async () => {
    const { all } = await read(FILE, 'PlantedHouse');
    expect(all).toContain('Matches: `settle` can be called only while the contract is paused.');
    expect(all).toContain('Contradicts: `bid` does not check whether the contract is paused.');
    expect(all.some((s) => /^Contradicts: `settle`|can still be called while the contract is paused/.test(s))).toBe(false);
  });
});
