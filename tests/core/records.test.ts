/**
 * Failure kinds 7 and 8: creating a record is not a transition; a signed `x <= 0` is not "is zero"; an
 * owner kept in ERC-7201 namespaced storage (OpenZeppelin upgradeable) still restricts who may call.
 */
import { describe, expect, it } from 'vitest';
import { read } from '../helpers/sentences.ts';

describe('records, signed values and namespaced storage', { timeout: 60_000 }, () => {
  it('an order created Funded (by a counter, or by push) is recorded, not moved from any state', async () => {
    const { all, terms } = await read('tests/fixtures/core/Records.sol', 'OrderBook');
    expect(all).toContain('new Order in `orders` | Funded | Anyone | `open`');
    // The write of the whole record states its status: no second line says the same.
    expect(all).toContain('`openArchived` adds a new Order record to the Archive (`archive`), set as in the table below.');
    expect(all).toContain('Status (`status`) | Funded');
    expect(all).not.toContain('`openArchived` records a new Order in `archive`, with its Status at Funded.');
    expect(all.some((s) => /^any state \|/.test(s))).toBe(false);
    const orders = terms.lifecycles.find((l) => l.id === 'orders.status')!;
    expect(orders.transitions.filter((t) => !t.creates).map((t) => [t.action, t.from, t.to])).toEqual([
      ['ship(uint256)', ['Funded'], 'Shipped'],
      ['close(uint256)', ['Shipped'], 'Closed'],
    ]);
  });

  it('a signed `delta <= 0` reads "at most zero"', async () => {
    const { of } = await read('tests/fixtures/core/Signed.sol', 'PriceAdjust');
    expect(of('action:discount(int256)')).toContain('`discount` goes ahead only if the given Delta (`delta`) is at most zero; otherwise it fails (“only a discount”).');
  });

  it('OwnableUpgradeable: only the Owner may set the fee, transfer or renounce ownership', async () => {
    const { terms, all } = await read('tests/fixtures/core/Signed.sol', 'UpgradeableFee');
    for (const name of ['setFee', 'transferOwnership', 'renounceOwnership']) {
      expect(terms.actions.find((a) => a.name === name)?.access.rules, name).toEqual([expect.objectContaining({ kind: 'party', party: 'owner' })]);
    }
    expect(terms.parties.map((p) => [p.id, p.kind])).toEqual([['owner', 'owner']]);
    expect(all.some((s) => /Anyone may call `(setFee|transferOwnership|renounceOwnership)`/.test(s))).toBe(false);
  });

  it('renouncing ownership while the owner is paid in a token: the token may refuse or the tokens are lost', async () => {
    const { all } = await read('tests/fixtures/core/Signed.sol', 'TokenFeeDesk');
    const risk = all.filter((s) => s.startsWith('If the Owner') && s.includes('gives up ownership'));
    expect(risk).toEqual([expect.stringContaining('what `payFee` pays to the owner afterwards goes to the zero address: the token at')]);
    expect(risk[0]).toContain('may refuse such a transfer, which leaves the tokens where they were, or accept it, and the tokens are lost.');
    expect(risk[0]).not.toContain('ETH');
  });
});
