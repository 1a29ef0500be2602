/**
 * Findings of the third lawyer's review on records and helpers (F-L1, F-L2, F-L3, F-L5, F-T1, F-T2, F-S1):
 * moves dropped or told "from any state" when a private helper is called with constants or branches on its
 * argument; a whole record written anew read only as a creation; a payment of an amount no action records.
 */
import { describe, expect, it } from 'vitest';
import { summarize } from '../../src/summarize.ts';
import { repo } from '../helpers/extract.ts';
import { read } from '../helpers/sentences.ts';

const LOC = 'tests/fixtures/third-party/LetterOfCredit.sol';
const TENANCY = 'tests/fixtures/third-party/TenancyDeposit.sol';
const OFFERS = 'tests/fixtures/records/UnrecordedOffers.sol';

async function zh(file: string, contract: string): Promise<string[]> {
  const { documents } = await summarize([file], { contracts: [contract], languages: ['zh'], formats: ['json'], cwd: repo, cache: false });
  return documents[0].contracts[0].statements.map((s) => s.text);
}

describe('review 3: records and helpers', () => {
  it('F-L1: the moves a helper makes on the caller’s record (validate, accept, decline) are told, by the Buyer', async () => {
    const { all, terms } = await read(LOC, 'LetterOfCredit');
    expect(all).toContain('Init | Validated | The Buyer | `pushStateForwardTo`, if the given State (`_state`) is Validated');
    expect(all).toContain('Sent | Accepted | The Buyer | `pushStateForwardTo`, if the given State is Accepted');
    expect(all).toContain('Sent | Declined | The Buyer | `pushStateForwardTo`, if the given State is Declined');
    // Every statement counted as explained produced something: the two writes keyed by the caller are effects.
    const push = terms.actions.find((a) => a.name === 'pushStateForwardTo')!;
    expect(push.effects.map((e) => e.helperSource?.line)).toEqual(expect.arrayContaining([146, 164]));
  });

  it('F-L2: each move through the helper starts from the state its own checks require; dead branches are not told', async () => {
    const { all } = await read(LOC, 'LetterOfCredit');
    expect(all).toContain('Validated | Sent | The Shipping Manager (`shippingManager`) | `pushStateForwardTo`, if the given State is Sent');
    expect(all).toContain('Init or Validated | Zs | The Buyer | `cancelBargainBuyer`');
    expect(all).toContain('Sent | Zs | The Seller | `cancelBargainSeller`');
    expect(all.filter((s) => /^any state \| (Sent|Validated|Accepted|Declined|Finished) \|/.test(s))).toEqual([]);
    // Comparisons of two constants are settled, never shown (`if Zs is Sent`, `if false`).
    expect(all.filter((s) => /\b(Zs|Finished) is (Sent|Zs|Finished|Validated|Accepted|Declined)\b|\bif false\b/.test(s))).toEqual([]);
  });

  it('F-L3: anyone may call transferPaymentsToParties; the caller checks of dead branches are not its access', async () => {
    const { all } = await read(LOC, 'LetterOfCredit');
    expect(all).toContain('Anyone may call `transferPaymentsToParties`.');
    expect(all).toContain('Accepted or Declined | Finished | Anyone | `transferPaymentsToParties`');
    expect(all).not.toContain('Who may call `transferPaymentsToParties` is limited by a check of the caller, stated below.');
  });

  it('F-L4, in part: an amount computed before the check on the state keeps no case the check rules out', async () => {
    const { of } = await read(LOC, 'LetterOfCredit');
    const pay = of('action:transferPaymentsToParties()');
    expect(pay).toContain('The contract pays the Seller (`seller`) ETH equal to 15% of the Bargain Sum of the Bargain for the Buyer in the Bargain Initialized By if the Bargain State of the Bargain for the Buyer in the Bargain Initialized By is Declined, otherwise the Bargain Sum of the Bargain for the Buyer in the Bargain Initialized By.');
    expect(pay.filter((s) => /is (Sent|Init|Validated)\b/.test(s))).toEqual([]);
  });

  it('F-L5: resetting a bargain, paying no one, to a state from which nothing pays out is a power (en, zh)', async () => {
    const { all } = await read(LOC, 'LetterOfCredit');
    expect(all).toContain('The Buyer (`buyer`), the Seller (`seller`), or the Shipping Manager (`shippingManager`) may alone move the Bargain State (`bargainState`) of the Bargain concerned to Zs by calling `pushStateForwardTo`, which pays no one, also where `cancelBargainBuyer`, `cancelBargainSeller`, or `transferPaymentsToParties` would pay out; no action pays out from Zs, so the money held for it may stay in the contract.');
    expect(all).not.toContain('Powers over the deal: none in the code.');
    expect((await zh(LOC, 'LetterOfCredit')).some((s) => s.includes('可单方调用 `pushStateForwardTo` 将该记录的状态（`bargainState`）变为') && s.includes('为其持有的资金可能一直留在合约中'))).toBe(true);
  });

  it('F-T1, F-T2: a whole Deposit written anew over an existing one is a move from every state the checks allow (en, zh)', async () => {
    const { all } = await read(TENANCY, 'TenancyDeposit');
    expect(all).toContain('Created, Released, or Ended | Created, as a new Deposit replacing the one concerned (everything the old one recorded is overwritten) | The Landlord | `createDepositAgreement`');
    expect(all).toContain('States of each Deposit: Empty, Created, Active, Released, Ended; `createDepositAgreement` may start one that is Created, Released, or Ended over again at Created.');
    expect(all).toContain('The Landlord (`landlord`) may alone move the Agreement State (`agreementState`) of the Deposit concerned to Created by calling `createDepositAgreement`, which pays no one, also where `withdrawDeposit` would pay out; no action pays out from Created, so the money held for it may stay in the contract.');
    expect(all).not.toContain('Ended is final: no action moves the Agreement State of the Deposit concerned out of it.');
    expect(all).not.toContain('States of each Deposit: Empty, Created, Active, Released, Ended; final: Ended.');
    expect(all).not.toContain('Powers over the deal: none in the code.');
    const cn = await zh(TENANCY, 'TenancyDeposit');
    expect(cn.some((s) => s.includes('（以新预付款记录取代该记录，原记录的全部内容被覆盖）') && s.includes('`createDepositAgreement`'))).toBe(true);
  });

  it('a record keyed by a counter the action raises is only created, never replaced', async () => {
    const { all } = await read('contracts/MarketplaceOrder.sol', 'MarketplaceOrder');
    expect(all.some((s) => s.startsWith('new Order in `orders` | Placed |'))).toBe(true);
    expect(all.filter((s) => s.includes('as a new Order replacing the one concerned'))).toEqual([]);
  });

  it('F-S1: a payment of an amount no action records pays nothing, and the ETH paid in is not paid back (en, zh)', async () => {
    const { all } = await read(OFFERS, 'UnrecordedOffers');
    expect(all).toContain('The contract pays the caller ETH equal to the Offer of the caller as it stood before the call, which no action ever records: it is always zero, so nothing is paid.');
    expect(all).toContain('No action ever records a value in `offers`: the Offer (`offers`) of the caller as it stood before the call is always zero, so `reclaim` pays nothing. ETH paid in through `offer` is not paid back that way: what no other payment pays out stays in the contract.');
    expect(all).not.toContain('The contract pays the caller ETH equal to the Offer of the caller as it stood before the call.');
    expect((await zh(OFFERS, 'UnrecordedOffers')).some((s) => s.startsWith('没有任何操作向 `offers` 写入数值'))).toBe(true);
  });

  it('a payment of an amount an action does record is told as before', async () => {
    const { all } = await read('tests/fixtures/third-party/EtherWallet.sol', 'EtherWallet');
    expect(all.filter((s) => s.includes('no action ever records'))).toEqual([]);
  });
});
