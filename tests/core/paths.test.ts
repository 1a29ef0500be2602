/**
 * Failure kind 2: what happens only on some paths says so — after an early return (also inside a nested
 * block), on either side of `c ? a : b`, and for a local set in both branches of an if/else.
 */
import { describe, expect, it } from 'vitest';
import { read } from '../helpers/sentences.ts';

const FILE = 'tests/fixtures/core/Paths.sol';

describe('paths', { timeout: 60_000 }, () => {
  it('after `if (nobody bid) { emit Unsold; return; }` the sale, its event and its payment are conditional', async () => {
    const { of } = await read(FILE, 'Settlement');
    const settle = of('action:settle()');
    expect(settle).toContain('Events: `Unsold`, if the Bidder is the zero address. `Sold`, if the Bidder is not the zero address.');
    expect(settle).toContain('If the Bidder (`bidder`) is not the zero address, the contract pays the Consignor (`consignor`) the Bid (`bid`) in ETH.');
  });

  it('an early return inside a nested block guards what follows by both conditions', async () => {
    const { of } = await read(FILE, 'NestedReturn');
    const pay = of('action:pay()');
    expect(pay).toContain('Events: `Skipped`, if the Active flag is set and the Owed is zero. `Paid`, if (the Active flag is not set or the Owed is not zero).');
    expect(pay.find((s) => s.includes('sets the Owed to zero'))).toMatch(/^If \(the Active flag \(`active`\) is not set or the Owed \(`owed`\) is not zero\), `pay` sets/);
    // The payment under the same condition comes next and says so.
    expect(pay.find((s) => s.includes('pays the Payee'))).toMatch(/^In that case, the contract pays/);
  });

  it('`c ? seller.send(x) : buyer.send(x)` pays one or the other, each under its side of the condition', async () => {
    const { of, all } = await read(FILE, 'ChooseRecipient');
    const close = of('action:close()');
    expect(close).toContain('If the Delivered flag (`delivered`) is set, the contract pays the Seller (`seller`) all the ETH that this contract holds.');
    expect(close).toContain('If the Delivered flag is not set, the contract pays the Buyer (`buyer`) all the ETH that this contract holds.');
    // Each send's flag is its own payment's check, not a separate condition.
    expect(close.some((s) => /goes ahead only if/.test(s))).toBe(false);
    expect(all.some((s) => /does not check/.test(s))).toBe(false);
  });

  it('a local set in both branches is one value with both cases, not the last branch', async () => {
    const { of } = await read(FILE, 'TieredFee');
    expect(of('action:buy()')).toContain(
      'The contract pays the Platform (`platform`) ETH equal to 1% of the ETH sent with the call if the Premium flag (`premium`) for the caller is set, otherwise 3% of the ETH sent with the call.',
    );
  });
});
