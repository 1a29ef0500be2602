/**
 * Issue 14 ("Shorter"): one fact once. Events in one line per action, money lines that name who may
 * receive what through which action (the amount stays in the action), no deployment line that repeats
 * the parties or the starting state, the topics the code does not cover in one statement.
 */
import { describe, expect, it } from 'vitest';
import { read } from '../helpers/sentences.ts';

describe('shorter summaries', { timeout: 60_000 }, () => {
  it('states the events of an action once, in one line, and no sentence per event', async () => {
    const { of, all, statements } = await read('contracts/ConsignmentAuction.sol', 'ConsignmentAuction');
    expect(of('action:bid():events')).toEqual(['Events: `BidPlaced` (the caller and the ETH sent with the call).']);
    expect(statements.filter((s) => s.id.startsWith('action:settle():events'))).toHaveLength(1);
    expect(all.some((s) => /records the event/.test(s))).toBe(false);
  });

  it('names each recipient once in the money section; the amount and its conditions stay in the action', async () => {
    const { of, all } = await read('contracts/FobSale.sol', 'FobSale');
    expect(of('money:out:')).toEqual([
      'The Seller (`seller`) may receive ETH through `confirmShipment` or `payBalance`.',
      'The Buyer may receive ETH through `cancelIfNotShipped`.',
    ]);
    expect(of('action:confirmShipment(')).toContain('The contract pays the Seller the Deposit (`deposit`) in ETH.');
    expect(of('action:cancelIfNotShipped()')).toContain('The contract pays the Buyer the Deposit (`deposit`) in ETH.');
    expect(all).toContain('The Buyer (`buyer`) may send ETH to the contract through `payDeposit` or `payBalance`.');
    // Money lines leave the conditions to the action (lifecycle lines point to them instead).
    expect(of('money:').some((s) => /provided the call meets the conditions/.test(s))).toBe(false);
  });

  it('says once that a party is set at deployment, and once what the state starts as', async () => {
    const { of, all } = await read('contracts/FobSale.sol', 'FobSale');
    expect(of('party:buyer')).toEqual(['The Buyer (`buyer`) is an address, set at deployment to the given Buyer (`_buyer`); it cannot change afterwards.']);
    expect(all.some((s) => /^At deployment, the (Buyer|Seller|State)\b/.test(s))).toBe(false);
    expect(all).toContain('The State starts as Created.');
    // A deployment line that is not a party's stays.
    expect(of('action:constructor')).toContain('At deployment, the Deposit (`deposit`) is set to 30% of the given Price.');
  });
});
