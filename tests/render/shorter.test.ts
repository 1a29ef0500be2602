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
    expect(of('action:bid():events')).toEqual(['Events: `BidPlaced`.']);
    expect(statements.filter((s) => s.id.startsWith('action:settle():events'))).toHaveLength(1);
    expect(all.some((s) => /records the event/.test(s))).toBe(false);
  });

  it('names each recipient once in the money table; the amount and its conditions stay in the action', async () => {
    const { of, all } = await read('contracts/FobSale.sol', 'FobSale');
    expect(of('money:out:')).toEqual(['The contract | the Seller (`seller`) | ETH | `confirmShipment` or `payBalance`', 'The contract | the Buyer | ETH | `cancelIfNotShipped`']);
    expect(of('action:confirmShipment(')).toContain('The contract pays the Seller the Deposit (`deposit`) in ETH.');
    expect(of('action:cancelIfNotShipped()')).toContain('The contract pays the Buyer the Deposit (`deposit`) in ETH.');
    expect(all).toContain('The Buyer (`buyer`) | the contract | any ETH sent with the call | `payDeposit` or `payBalance`');
    // Money rows leave the conditions to the action.
    expect(of('money:').some((s) => /conditions/.test(s))).toBe(false);
  });

  it('says in the lifecycle table that only the Buyer moves Created to Deposit Paid, through payDeposit', async () => {
    const { of } = await read('contracts/FobSale.sol', 'FobSale');
    expect(of('lifecycle:state:transition:')).toEqual([
      'Created | Deposit Paid | The Buyer (`buyer`) | `payDeposit`',
      'Deposit Paid | Shipped | The Seller (`seller`) | `confirmShipment`',
      'Shipped | Completed | The Buyer | `payBalance`',
      'Deposit Paid | Cancelled | The Buyer | `cancelIfNotShipped`',
    ]);
  });

  it('keeps each condition of payDeposit with its revert message; what a failure does is said once, before the actions', async () => {
    const { of, all } = await read('contracts/FobSale.sol', 'FobSale');
    expect(of('action:payDeposit()')).toEqual(
      expect.arrayContaining([
        'Only the Buyer (`buyer`) may call `payDeposit`, and only if every condition below holds.',
        'The State (`state`) is Created | “FobSale: wrong state”',
        'The ETH sent with the call equals the Deposit (`deposit`) | “FobSale: incorrect deposit”',
      ]),
    );
    expect(of('actions:all-or-nothing')).toEqual(['A call that breaks any rule stated below for its action fails, and nothing changes.']);
    expect(all.filter((s) => /nothing changes/.test(s))).toHaveLength(1);
  });

  it('says once that a party is set at deployment, and once what the state starts as', async () => {
    const { of, all } = await read('contracts/FobSale.sol', 'FobSale');
    expect(of('party:buyer')).toEqual(['Buyer | `buyer` | set at deployment to the given Buyer (`_buyer`) | no one (it cannot change)']);
    expect(all.some((s) => /^At deployment, the (Buyer|Seller|State)\b/.test(s))).toBe(false);
    expect(all).toContain('The State (`state`) starts as Created.');
    // A deployment line that is not a party's stays.
    expect(of('action:constructor')).toContain('At deployment, the Deposit (`deposit`) is set to 30% of the given Price.');
  });

  it('states rounding without the conditions of the payment, unless they tell two outcomes apart', async () => {
    const auction = await read('contracts/ConsignmentAuction.sol', 'ConsignmentAuction');
    expect(auction.all).toContain('The Commission BPS (`commissionBps`) share (in basis points) of the Highest Bid is rounded down in `settle`; the fraction left over goes to the Consignor.');
    const escrow = await read('contracts/ArbiterEscrow.sol', 'ArbiterEscrow');
    expect(escrow.all).toContain('If the given To Seller (`toSeller`) is set, 1% of the Amount (`amount`) is rounded down in `resolve`; the fraction left over goes to the Seller.');
    expect(escrow.all).toContain('If the given To Seller is not set, 1% of the Amount is rounded down in `resolve`; the fraction left over goes to the Buyer.');
  });
});
