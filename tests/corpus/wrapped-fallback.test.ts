/**
 * An ETH payment that falls back to the wrapped token for the same recipient: the wrapping contract is not a
 * payee (third review, Zora AsksV1_1: "The Weth may receive ETH through `fillAsk`"); the recipient is paid in
 * the wrapped token instead. Only where the model shows the same recipient and amount.
 */
import { describe, expect, it } from 'vitest';
import { read } from '../helpers/sentences.ts';

const ASKS = 'node_modules/@zoralabs/v3/dist/contracts/modules/Asks/V1.1/AsksV1_1.sol';
const OURS = 'tests/fixtures/extract/WrapOnFailure.sol';

describe('an ETH payment that falls back to the wrapped token', { timeout: 60_000 }, () => {
  it('Zora AsksV1_1: WETH is not a payee; each recipient is paid in WETH instead when ETH fails', async () => {
    const { all, of } = await read(ASKS, 'AsksV1_1');
    expect(of('key-fact:money')[0]).not.toMatch(/the Weth \(through/);
    expect(all.filter((s) => /^The Weth may receive|pays the Weth|calls `deposit` on the Weth/.test(s))).toEqual([]);
    const instead = all.filter((s) => s.endsWith(', instead: the ETH wrapped into that token.'));
    // The protocol fee, the finder's fee and the seller's proceeds in fillAsk, and each royalty in the royalty payout.
    expect(instead).toHaveLength(4);
    expect(instead.some((s) => s.includes('failed, the contract pays the given Finder ') && s.includes('of the token at `weth`'))).toBe(true);
  });

  it('a contract of our own: the same recipient is paid in the wrapped token instead', async () => {
    const { all, of } = await read(OURS, 'WrapOnFailure');
    expect(of('key-fact:money')).toEqual(['Money: ETH and the token at `wrapped`, counted in its smallest unit; paid out to the given Payee (`payee`) (through `pay`).']);
    expect(all).toContain('If the payment of the ETH sent with the call to the given Payee failed, the contract pays the given Payee the ETH sent with the call of the token at `wrapped`, instead: the ETH wrapped into that token.');
    expect(all.filter((s) => /Wrapped may receive ETH|pays the Wrapped/.test(s))).toEqual([]);
  });

  it('wrapped tokens sent to someone else are not said to replace the payment', async () => {
    const { all } = await read(OURS, 'WrapToTreasury');
    expect(all.filter((s) => s.includes('the ETH wrapped into that token'))).toEqual([]);
    expect(all).toContain('If the payment of the ETH sent with the call to the given Payee failed, the contract pays the Wrapped (`wrapped`) the ETH sent with the call.');
    expect(all).toContain('In that case, the contract pays the Treasury (`treasury`) the ETH sent with the call of the token at `wrapped`.');
  });
});
