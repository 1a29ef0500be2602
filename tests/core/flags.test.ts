/**
 * Lifecycles from booleans and times, not only enums: a one-way flag or a time recorded once is a stage of
 * the deal; a switch that can be turned back (a pause, a lock held during a call, a record deleted) is not.
 */
import { describe, expect, it } from 'vitest';
import { read } from '../helpers/sentences.ts';

const FILE = 'tests/fixtures/core/Flags.sol';

describe('lifecycles from flags and times', { timeout: 60_000 }, () => {
  it('key facts list the one-way steps of each order and of the sale, with the actions that take them', async () => {
    const { of } = await read(FILE, 'FlagOrders');
    expect(of('key-fact:steps')).toEqual([
      'One-way steps for each Order: Paid set (`paid`, by `release`), Cancelled set (`cancelled`, by `cancel`), and Shipped At recorded (`shippedAt`, by `ship`); no action undoes any of them.',
      'One-way step: Ended set (`ended`, by `end`); no action undoes it.',
    ]);
  });

  it('says what each flag is and who sets it, and never calls a flag a state with two names', async () => {
    const { of, all } = await read(FILE, 'FlagOrders');
    expect(of('lifecycle:')).toEqual(
      expect.arrayContaining([
        'Each Order in `orders` has its own Shipped At time (`shippedAt`): it is zero (not recorded) when the Order is recorded, and once recorded, no action sets it back to zero.',
        'The Seller of the Order concerned may record the Shipped At time of the Order concerned by calling `ship`, provided the call meets the conditions stated for `ship`.',
        'The Ended flag (`ended`) is not set at first, and once set, no action clears it.',
        'Anyone may set the Ended flag by calling `end`, provided the call meets the conditions stated for `end`.',
      ]),
    );
    expect(all.filter((s) => /States|from Paid to Paid|always one of/.test(s))).toEqual([]);
  });

  it('a pause the owner can turn on and off, and a lock released at the end of a call, are not stages', async () => {
    const { terms, all } = await read(FILE, 'FlagOrders');
    expect(terms.lifecycles.map((l) => `${l.kind} ${l.id}`)).toEqual(['flag orders.paid', 'flag orders.cancelled', 'time orders.shippedAt', 'flag ended']);
    expect(all.some((s) => /Paused set|Locked set/.test(s))).toBe(false);
  });

  it('the Buyer alone decides when to release after shipping; the Seller is not said to stall shipping, since the Buyer may cancel', async () => {
    const { of } = await read(FILE, 'FlagOrders');
    const stalls = of('risk:').filter((s) => s.startsWith('The code sets no time limit'));
    expect(stalls).toEqual([
      'The code sets no time limit for the Buyer (`buyer`) of the Order concerned to call `release` while the Paid flag (`paid`) of the Order concerned is not set. Meanwhile, no one else can pay out the money held for that Order.',
    ]);
  });

  it('a flag that deleting the record clears is not one-way', async () => {
    const { terms, all } = await read(FILE, 'Tickets');
    expect(terms.lifecycles).toEqual([]);
    expect(all.some((s) => s.includes('no action clears it'))).toBe(false);
  });

  it('the same terms in Chinese', async () => {
    const { summarize } = await import('../../src/summarize.ts');
    const { outputs } = await summarize([FILE], { contracts: ['FlagOrders'], formats: ['md'], languages: ['zh'], cache: false });
    expect(outputs[0].text).toContain('单向步骤：设置标志 `ended`（通过 `end`）；一经完成，没有任何操作能撤销。');
  });

  it('a party written by an action that runs once per stage or per record is set once, not replaceable', async () => {
    const final = await read(FILE, 'FinalOffer');
    expect(final.of('party:buyer')).toEqual(['Buyer | `buyer` | set once, through `accept` | no action changes it']);
    expect(final.of('key-fact:parties')).toEqual(['Parties: Buyer (`buyer`); no action can replace any of them.']);
    const { of } = await read(FILE, 'Offer');
    expect(of('party:')).toEqual([
      'Seller | `seller` | set at deployment to the deployer | no action changes it',
      // accept runs from Open, but reopen returns to Open: the Buyer can be written again.
      'Buyer | `buyer` | set when an action records it | changed through `accept`',
      'Carrier | `carrier` | set when an action records it | changed through `reopen` and `nameCarrier`',
      'Proxy | `proxy` | each Member in `members` names its own, set once, through `appoint` | no action changes it',
    ]);
    // The record is the caller's own: not "of the Member concerned".
    expect(of('lifecycle:members.voted')).toContain('Anyone may set the Voted flag of their own Member (the entry for the caller) by calling `appoint`.');
  });

  it('a state set either way in one line moves to both, so Disputed is not final; a dispute flag is not a pause', async () => {
    const { of, statements, terms } = await read(FILE, 'DisputeDesk');
    expect(of('key-fact:lifecycle')).toEqual(['States: Funded, Disputed, Paid, Refunded; final: Paid or Refunded.']);
    expect(of('action:resolve(bool)')).toEqual(
      expect.arrayContaining([
        'If the given To Buyer (`toBuyer`) is set, `resolve` moves the Stage from Disputed to Refunded.',
        'If the given To Buyer is not set, `resolve` moves the Stage from Disputed to Paid.',
      ]),
    );
    // Raised by either side and cleared by the agent as part of resolving: a step of the deal, not a pause.
    expect(statements.filter((s) => s.section === 'warning')).toEqual([]);
    expect(terms.powers.map((p) => p.kind)).not.toContain('pause');
  });
});
