/**
 * Failure kinds 5 and 6: a payment made through a helper is cited where each action calls the helper, to
 * the right party; OpenZeppelin's Address and SafeERC20 read as a checked call with value and an approval.
 */
import { describe, expect, it } from 'vitest';
import { read } from '../helpers/sentences.ts';

describe('call sites', { timeout: 60_000 }, () => {
  it('one helper pays for two actions; each payment is cited at its own call site, to its own party', async () => {
    const { terms } = await read('tests/fixtures/core/CallSites.sol', 'TwoWayEscrow');
    const release = terms.actions.find((a) => a.name === 'release')!;
    const refund = terms.actions.find((a) => a.name === 'refund')!;
    expect(release.payments.map((p) => [p.toParty, p.source.line, p.resultChecked, p.via])).toEqual([['seller', 19, true, '_close']]);
    expect(refund.payments.map((p) => [p.toParty, p.source.line, p.resultChecked, p.via])).toEqual([['buyer', 24, true, '_close']]);
    // The helper's own line is kept beside the call site.
    expect([...release.payments, ...refund.payments].map((p) => p.helperSource?.line)).toEqual([34, 34]);
    // Paying the whole balance to the seller is not the buyer "taking" the money.
    expect(terms.powers).toEqual([]);
  });

  it('Address.functionCallWithValue is a payment that reverts on failure; forceApprove is an approval', async () => {
    const { terms, all } = await read('tests/fixtures/core/Libraries.sol', 'Forwarder');
    const forward = terms.actions.find((a) => a.name === 'forward')!;
    expect(forward.payments.map((p) => [p.toParty, p.method, p.resultChecked, p.amount.kind])).toEqual([['vault', 'call', null, 'variable']]);
    expect(terms.actions.find((a) => a.name === 'allowVault')?.externalCalls.map((c) => c.name)).toEqual(['approve']);
    expect(all.some((s) => /receives 0 ETH|receives zero|does not check/.test(s))).toBe(false);
  });
});
