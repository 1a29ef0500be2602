import { describe, expect, it } from 'vitest';
import { accessParties, action, nonAccessConditions, termsOf } from '../helpers/extract.ts';

const load = () => termsOf('contracts/ArbiterEscrow.sol', 'ArbiterEscrow');

describe('ArbiterEscrow', { timeout: 60_000 }, () => {
  it('the Buyer is whoever deploys the escrow; Seller and Arbiter are named at deployment', async () => {
    const parties = (await load()).parties;
    expect(parties.map((p) => p.id)).toEqual(['buyer', 'seller', 'arbiter']);
    expect(parties.find((p) => p.id === 'buyer')).toMatchObject({ setAt: 'deployment', initial: { kind: 'caller' } });
    expect(parties.find((p) => p.id === 'arbiter')).toMatchObject({ setAt: 'deployment', initial: { kind: 'variable', name: '_arbiter' } });
  });

  it('release may be called by the Buyer or the Arbiter', async () => {
    const release = action(await load(), 'release()');
    expect(release.access.anyone).toBe(false);
    expect(accessParties(release)).toEqual(['arbiter', 'buyer']);
  });

  it('release pays the whole escrowed amount to the Seller', async () => {
    const release = action(await load(), 'release()');
    expect(release.payments).toHaveLength(1);
    expect(release.payments[0]).toMatchObject({ asset: { kind: 'eth' }, toParty: 'seller', amount: { kind: 'variable', name: 'amount' }, method: 'transfer', when: [] });
  });

  it('refund may be called by the Seller or the Arbiter and returns the amount to the Buyer', async () => {
    const refund = action(await load(), 'refund()');
    expect(accessParties(refund)).toEqual(['arbiter', 'seller']);
    expect(refund.payments.map((p) => p.toParty)).toEqual(['buyer']);
  });

  it('only the Arbiter may resolve a dispute, and only once one has been raised', async () => {
    const resolve = action(await load(), 'resolve(bool)');
    expect(accessParties(resolve)).toEqual(['arbiter']);
    expect(nonAccessConditions(resolve).map((c) => c.expr)).toContainEqual(expect.objectContaining({ kind: 'variable', name: 'disputed' }));
  });

  it('resolve pays the Arbiter a fee of 1% of the amount', async () => {
    const resolve = action(await load(), 'resolve(bool)');
    const toArbiter = resolve.payments.filter((p) => p.toParty === 'arbiter');
    expect(toArbiter).toHaveLength(1);
    expect(toArbiter[0]).toMatchObject({
      asset: { kind: 'eth' },
      when: [],
      amount: { kind: 'percent-of', percent: '1', scale: '100', base: { kind: 'variable', name: 'amount' } },
    });
  });

  it('resolve pays the winner the amount less the 1% fee: the Seller if toSeller, else the Buyer', async () => {
    const resolve = action(await load(), 'resolve(bool)');
    const net = { kind: 'arith', op: '-', left: expect.objectContaining({ name: 'amount' }), right: expect.objectContaining({ kind: 'percent-of', percent: '1' }) };
    expect(resolve.payments.find((p) => p.toParty === 'seller')).toMatchObject({ amount: net, when: [{ kind: 'variable', name: 'toSeller' }] });
    expect(resolve.payments.find((p) => p.toParty === 'buyer')).toMatchObject({ amount: net, when: [{ kind: 'not', operand: { kind: 'variable', name: 'toSeller' } }] });
  });

  it('reclaimAfterDeadline may be called by anyone and pays the Buyer', async () => {
    const reclaim = action(await load(), 'reclaimAfterDeadline()');
    expect(reclaim.access).toEqual({ anyone: true, rules: [], source: null, forwarded: false });
    expect(reclaim.payments).toHaveLength(1);
    expect(reclaim.payments[0]).toMatchObject({ toParty: 'buyer', amount: { kind: 'variable', name: 'amount' } });
  });

  it('reclaimAfterDeadline is allowed only once the deadline is reached and no dispute is raised', async () => {
    const terms = await load();
    const reclaim = action(terms, 'reclaimAfterDeadline()');
    const exprs = reclaim.conditions.map((c) => c.expr);
    expect(exprs).toContainEqual({ kind: 'compare', op: '>=', left: { kind: 'now' }, right: expect.objectContaining({ kind: 'variable', name: 'deadline' }) });
    expect(exprs).toContainEqual({ kind: 'not', operand: expect.objectContaining({ kind: 'variable', name: 'disputed' }) });
    const deadline = terms.deadlines.find((d) => d.id === 'deadline');
    expect(deadline?.setBy.map((s) => [s.action, s.value])).toEqual([['constructor', expect.objectContaining({ kind: 'variable', name: '_deadline' })]]);
    expect(deadline?.checks.map((c) => [c.action, c.op])).toEqual([['reclaimAfterDeadline()', '>=']]);
  });

  it('records the NatSpec claim "Only the buyer can request a refund" as contradicted, since anyone may call', async () => {
    const claims = (await load()).claims;
    const claim = claims.find((c) => c.action === 'reclaimAfterDeadline()' && c.tag === 'notice');
    expect(claim?.text).toBe('Only the buyer can request a refund after the deadline.');
    expect(claim?.basis).toBe('natspec');
    const who = claim?.checks.find((check) => check.topic === 'who');
    expect(who).toMatchObject({ verdict: 'contradicts', claimed: ['buyer'] });
    expect(who?.access?.anyone).toBe(true);
  });

  it('no other claim is reported as contradicted', async () => {
    const contradicted = (await load()).claims.filter((c) => c.checks.some((check) => check.verdict === 'contradicts')).map((c) => c.action);
    expect(contradicted).toEqual(['reclaimAfterDeadline()']);
  });

  it('funding at deployment is optional: the escrow starts AwaitingPayment unless the price is sent with it', async () => {
    const terms = await load();
    const ctor = action(terms, 'constructor');
    expect(ctor.payable).toBe(true);
    expect(ctor.conditions.find((c) => c.message === 'wrong amount')?.when).toEqual([{ kind: 'compare', op: '!=', left: { kind: 'value-sent' }, right: expect.objectContaining({ kind: 'number', value: '0' }) }]);
    const [status] = terms.lifecycles;
    expect(status.initial).toBe('AwaitingPayment');
    expect(status.states.filter((s) => s.final).map((s) => s.name)).toEqual(['Released', 'Refunded']);
  });
});
