/**
 * From a lawyer's read of fetched rental and marketplace contracts: a deposit that starts a lease is not a
 * pause; a limit after which an action stops succeeding is not one someone "must call"; a remainder taken
 * off twice (price less fee less royalty) goes to the seller; an id read before its counter is incremented
 * is the old value.
 */
import { describe, expect, it } from 'vitest';
import { read } from '../helpers/sentences.ts';

const FILE = 'tests/fixtures/core/Lease.sol';

describe('leases and shops', { timeout: 60_000 }, () => {
  it('paying the deposit that starts the lease, and ending it with a refund, are not a pause and its end', async () => {
    const { terms, statements } = await read(FILE, 'Lease');
    expect(terms.powers.map((p) => p.kind)).not.toContain('pause');
    expect(statements.filter((s) => s.section === 'warning')).toEqual([]);
  });

  it('the end date closes rent payments; nothing happens then, and no one is said to have to call payRent', async () => {
    const { all } = await read(FILE, 'Lease');
    expect(all).toContain('Nothing happens automatically at the End (`end`); from then on `payRent` can no longer succeed.');
    expect(all.some((s) => s.includes('someone must call `payRent`'))).toBe(false);
  });

  it('the rounding remainder of a fee and a royalty goes to the seller, who is paid the price less both', async () => {
    const { all } = await read(FILE, 'Shop');
    expect(all).toContain('2.5% of the ETH sent with the call is rounded down in `sell`; the fraction left over goes to the given Seller.');
    expect(all.some((s) => s.includes('stays in the contract'))).toBe(false);
  });

  it('an order stored under the counter as it stood before the increment', async () => {
    const { of } = await read(FILE, 'Shop');
    expect(of('action:order(uint256)').some((s) => s.includes('the Next ID as it stood before the call'))).toBe(true);
  });

  it('a rent the landlord may change only between leases does not reach a lease under way', async () => {
    const { all, terms } = await read(FILE, 'Rerentable');
    expect(terms.powers.find((p) => p.action === 'setRent(uint256)')?.affectsExisting).toBe(false);
    expect(all).toContain('A change through `setRent` leaves deals already under way as they were.');
  });
});
