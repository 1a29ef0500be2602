/**
 * Issue 14, shorter summaries with every term kept: a share taken from an amount is said once ("less 1% of
 * it"), statements under one condition sit together and the second says "In that case", and comments with
 * no claim to check are counted rather than tabled.
 */
import { describe, expect, it } from 'vitest';
import { read } from '../helpers/sentences.ts';

describe('shorter summaries, every term kept', { timeout: 120_000 }, () => {
  it('a payment of an amount less a share of it names the amount once', async () => {
    const { of } = await read('contracts/MarketplaceOrder.sol', 'MarketplaceOrder');
    expect(of('action:confirmDelivery(uint256):payment:1')).toEqual([
      'The contract pays the Seller (`seller`) of the Order concerned an amount of the token at `stablecoin` equal to the Amount of the given Order less the Fee BPS (`feeBps`) share (in basis points) of it.',
    ]);
    const arbiter = await read('contracts/ArbiterEscrow.sol', 'ArbiterEscrow');
    expect(arbiter.all).toContain('In that case, the contract pays the Seller (`seller`) ETH equal to the Amount (`amount`) less 1% of it.');
    expect(arbiter.all.join('\n')).not.toMatch(/minus 1% of the Amount/);
  });

  it('what happens under one condition is stated together, the condition once', async () => {
    const { of } = await read('contracts/MilestoneEscrow.sol', 'MilestoneEscrow');
    const resolve = of('action:resolve(uint256,bool)').filter((s) => !s.startsWith('Events'));
    expect(resolve.slice(-4)).toEqual([
      'If the given Pay Provider (`payProvider`) is set, `resolve` moves the Status (`status`) of the Milestone concerned from Disputed to Paid.',
      'In that case, the contract pays the Provider (`provider`) the Amount of the given Milestone of the token at `token`.',
      'If the given Pay Provider is not set, `resolve` moves the Status of the Milestone concerned from Disputed to Refunded.',
      'In that case, the contract pays the Client (`client`) the Amount of the given Milestone of the token at `token`.',
    ]);
    // A payment made in every case never borrows the condition of the statement before it.
    const arbiter = await read('contracts/ArbiterEscrow.sol', 'ArbiterEscrow');
    expect(arbiter.all).toContain('The contract pays the Arbiter ETH equal to 1% of the Amount.');
  });

  it('the comments with no claim to check are counted, with the lines of the code they are on', async () => {
    const { statements } = await read('contracts/FobSale.sol', 'FobSale');
    const rows = statements.filter((s) => s.table === 'claims');
    expect(rows.length).toBeGreaterThan(0);
    expect(rows.every((row) => row.cells![2] !== '')).toBe(true);
    expect(statements.find((s) => s.id === 'claims:unchecked')?.text).toMatch(/^The author’s comments also hold \d+ passages with no claim plainterms checks, on the code at `FobSale\.sol` lines [\d, and]+\.$/);
  });
});
