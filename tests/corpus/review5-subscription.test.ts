/**
 * Round-5 review of a subscription manager (AntonLED, MIT): a `transferFrom(subscriber, merchant)` the contract
 * makes is the subscriber paying the merchant under an approval, not the contract paying; and a charge date moved
 * on from its old value is said with both its writers, with the catch-up it allows and, where the period may be
 * zero, the risk that follows. The sentences that must appear, and the false ones that must not.
 */
import { describe, expect, it } from 'vitest';
import { summarize } from '../../src/summarize.ts';
import { repo } from '../helpers/extract.ts';
import { read } from '../helpers/sentences.ts';

const SUBS = 'tests/fixtures/third-party/SubscriptionsManagerCore.sol';
const OWN = 'tests/fixtures/core/TokenInstalments.sol';

async function zh(file: string, contract: string): Promise<string[]> {
  const { documents } = await summarize([file], { contracts: [contract], languages: ['zh'], formats: ['json'], cwd: repo, cache: false });
  return documents[0].contracts[0].statements.map((s) => s.text);
}

describe('review 5: tokens moved between two others, a recurring charge date', { timeout: 120_000 }, () => {
  it('F4: the subscriber pays the merchant from their own balance; the contract pays nothing (AntonLED)', async () => {
    const { all, of, terms } = await read(SUBS, 'SubscriptionsManagerCore');
    expect(of('action:charge(uint256):payment')).toEqual([
      'The contract moves the Amount of the Plan of the token at the Token of the Plan from the Subscriber (`subscriber`) of the Subscription concerned to the Merchant (`merchant`) of the Plan concerned; the payer must have approved this contract to take it, and the money does not pass through the contract.',
    ]);
    expect(of('action:subscribe(uint256):payment')[0]).toContain('from the caller to the Merchant (`merchant`) of the Plan concerned; the payer must have approved this contract to take it');
    expect(of('key-fact:money')[0]).toContain('the contract pays out none of its own money; it moves tokens from the caller to the Merchant of the Plan concerned (through `subscribe`) and from the Subscriber of the Subscription concerned to the Merchant of the Plan concerned (through `charge`), each time from the payer\'s own balance under an approval the payer gave this contract.');
    expect(of('money:between:charge(uint256)')[0]).toMatch(/^The Subscriber \(`subscriber`\) of the Subscription concerned \| the Merchant of the Plan concerned \| /);
    // The false sentences of the review, and a contract that "receives" what never reaches it.
    expect(all.filter((s) => s.includes('The contract pays the Merchant') || s.startsWith('The contract | the Merchant') || s.includes('paid out to the Merchant'))).toEqual([]);
    expect(all.filter((s) => s.includes('what it receives stays there'))).toEqual([]);
    expect(terms.actions.flatMap((a) => a.payments).map((p) => p.direction)).toEqual(['between', 'between']);
    const chinese = await zh(SUBS, 'SubscriptionsManagerCore');
    expect(chinese.some((s) => s.includes('从该订阅的`subscriber`转给该记录的商户（`merchant`）；付款方须事先授权本合约划转，款项不经过本合约。'))).toBe(true);
    expect(chinese.filter((s) => s.startsWith('本合约向该记录的商户'))).toEqual([]);
  });

  it('F4: money into the contract and out of it stay as they were, beside a move between two others (own fixture)', async () => {
    const { of, terms } = await read(OWN, 'TokenInstalments');
    expect(of('money:in:deposit(uint256)')).toEqual(['The caller | the contract | the given Amount (`amount`) of the token at `token` | `deposit`']);
    expect(of('money:out:withdraw()')).toEqual(['The contract | the Payee | the token at `token` | `withdraw`']);
    expect(of('money:between:collect()')).toEqual(['The Payer (`payer`) | the Payee (`payee`) | the Instalment (`instalment`) of the token at `token` | `collect`']);
    expect(of('key-fact:money')).toEqual(['Money: the token at `token`, counted in its smallest unit; paid out to the Payee; it also moves tokens from the Payer to the Payee (through `collect`), from the payer\'s own balance under an approval the payer gave this contract.']);
    expect(of('action:collect():payment')).toEqual(['The contract moves the Instalment (`instalment`) of the token at `token` from the Payer (`payer`) to the Payee (`payee`); the payer must have approved this contract to take it, and the money does not pass through the contract.']);
    const byAction = Object.fromEntries(terms.actions.map((a) => [a.name, a.payments.map((p) => p.direction)]));
    expect(byAction).toMatchObject({ collect: ['between'], deposit: ['in'], withdraw: ['out'] });
  });

  it('F4: an unchecked move between two others leaves the money with the payer, never "in the contract" (Shapes)', async () => {
    const { all } = await read('tests/fixtures/erc7730/Shapes.sol', 'Shapes');
    expect(all).toContain('The code does not check that this transfer succeeded; with a token that returns `false` instead of failing, `swap` still completes though nothing moved, and the money stays with the payer.');
    expect(all).toContain('`swap` does not check that a payment succeeded; with a token that returns `false` instead of failing, the action still completes though nothing moved, and the money stays with the payer.');
    expect(all.filter((s) => s.includes('`swap` still completes and the money stays in the contract'))).toEqual([]);
  });

  it('F8: the charge date names both writers, counted from the old date, and the catch-up it allows', async () => {
    const { of } = await read(SUBS, 'SubscriptionsManagerCore');
    const moved = 'and moved later by `charge`, each time by the Frequency of the Plan for the Plan ID of the given Subscription, counted from the old date, not from the time of the call; so after missed periods `charge` can succeed again at once, once for each period that has passed.';
    expect(of('key-fact:deadline')).toEqual([`Opens: \`charge\`, which anyone may call, can succeed only at or after the Next Charge At time of the given Subscription, set by \`subscribe\` to the Frequency of the given Plan after the call, ${moved}`]);
    expect(of('deadline:subscriptions.nextChargeAt')[0]).toBe(`The Next Charge At time of the given Subscription (\`subscriptions[_subId]\`) is set by \`subscribe\` to the Frequency of the given Plan (\`plans[_planId]\`) after the call, ${moved}`);
    const chinese = await zh(SUBS, 'SubscriptionsManagerCore');
    expect(chinese.some((s) => s.includes('并由 `charge` 推后，每次推后') && s.includes('从原定时间起算，而非从调用时起算；因此错过若干期后，`charge` 可立即再次成功执行'))).toBe(true);
  });

  it('F8: a period stored with no lower bound is a risk; one checked above zero is not', async () => {
    const { of } = await read(SUBS, 'SubscriptionsManagerCore');
    expect(of('risk')).toContain('Nothing in the code keeps the Frequency of the Plan for the Plan ID of the given Subscription above zero: `createPlan` stores any value. If it is zero, `charge` does not move the Next Charge At time of the given Subscription later, so `charge` can succeed again and again at once, making its payment each time, as far as the payer\'s approval and balance allow.');
    const own = await read(OWN, 'TokenInstalments');
    expect(own.of('key-fact:deadline')[0]).toContain('and moved later by `collect`, each time by the Period (`period`), counted from the old date');
    expect(own.of('risk').filter((s) => s.includes('above zero'))).toEqual([]);
  });
});
