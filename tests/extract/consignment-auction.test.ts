import { describe, expect, it } from 'vitest';
import { accessParties, action, nonAccessConditions, termsOf, unwrap } from '../helpers/extract.ts';

const load = () => termsOf('contracts/ConsignmentAuction.sol', 'ConsignmentAuction');

describe('ConsignmentAuction', { timeout: 60_000 }, () => {
  it('the Ownable owner (the auction house) is a party set to the deployer', async () => {
    const owner = (await load()).parties.find((p) => p.id === 'owner');
    expect(owner).toMatchObject({ kind: 'owner', label: 'Owner', setAt: 'deployment', initial: { kind: 'caller' } });
    expect(owner?.changedBy.sort()).toEqual(['renounceOwnership()', 'transferOwnership(address)']);
  });

  it('the Consignor is named at deployment and cannot be changed', async () => {
    const consignor = (await load()).parties.find((p) => p.id === 'consignor');
    expect(consignor).toMatchObject({ mutability: 'immutable', setAt: 'deployment', changedBy: [], initial: { kind: 'variable', name: '_consignor' } });
  });

  it('only the owner may set the commission, and the new rate is bounded by newBps <= 1500', async () => {
    const set = action(await load(), 'setCommissionBps(uint256)');
    expect(set.access.rules).toEqual([{ kind: 'party', party: 'owner', via: 'onlyOwner' }]);
    expect(nonAccessConditions(set).map((c) => c.expr)).toContainEqual({
      kind: 'compare',
      op: '<=',
      left: expect.objectContaining({ kind: 'variable', name: 'newBps', scope: 'parameter' }),
      right: expect.objectContaining({ kind: 'number', value: '1500' }),
    });
    expect(set.effects.map((e) => [e.kind, unwrap(e.target)])).toContainEqual(['set', expect.objectContaining({ name: 'commissionBps' })]);
  });

  it('changing the commission is a power of the owner bounded by 1500 basis points', async () => {
    const power = (await load()).powers.find((p) => p.action === 'setCommissionBps(uint256)');
    expect(power).toMatchObject({ kind: 'change-term', holders: ['owner'], target: { kind: 'variable', name: 'commissionBps' } });
    expect(power?.bounds).toEqual([
      { kind: 'compare', op: '<=', left: expect.objectContaining({ name: 'newBps' }), right: expect.objectContaining({ kind: 'number', value: '1500' }) },
    ]);
  });

  it('anyone may bid until the end time, except the Consignor, and must beat the highest bid by the minimum increment', async () => {
    const bid = action(await load(), 'bid()');
    expect(bid.access.anyone).toBe(true);
    const exprs = bid.conditions.map((c) => c.expr);
    expect(exprs).toContainEqual({ kind: 'compare', op: '<', left: { kind: 'now' }, right: expect.objectContaining({ name: 'endTime' }) });
    expect(exprs).toContainEqual({ kind: 'compare', op: '!=', left: { kind: 'caller' }, right: expect.objectContaining({ name: 'consignor' }) });
    expect(exprs).toContainEqual({
      kind: 'compare',
      op: '>=',
      left: { kind: 'value-sent' },
      right: { kind: 'arith', op: '+', left: expect.objectContaining({ name: 'highestBid' }), right: expect.objectContaining({ name: 'minIncrement' }) },
    });
  });

  it('withdraw pays the caller their pendingReturns in ETH and zeroes them', async () => {
    const withdraw = action(await load(), 'withdraw()');
    expect(withdraw.access.anyone).toBe(true);
    expect(withdraw.payments).toHaveLength(1);
    const [payment] = withdraw.payments;
    expect(payment).toMatchObject({ asset: { kind: 'eth' }, direction: 'out', method: 'call', resultChecked: true });
    expect(unwrap(payment.to)).toEqual({ kind: 'caller' });
    // Read before it is zeroed: the caller's pending returns as they stood before the call.
    expect(payment.amount).toMatchObject({ kind: 'prior', of: { kind: 'index', base: { kind: 'variable', name: 'pendingReturns' }, index: { kind: 'caller' } } });
    expect(withdraw.effects).toContainEqual(expect.objectContaining({ kind: 'set', target: expect.objectContaining({ kind: 'index', index: { kind: 'caller' } }), value: expect.objectContaining({ kind: 'number', value: '0' }) }));
  });

  it('settle pays the commission (highest bid × commissionBps / 10 000) to the owner when the reserve is met', async () => {
    const settle = action(await load(), 'settle()');
    const toOwner = settle.payments.filter((p) => p.toParty === 'owner');
    expect(toOwner).toHaveLength(1);
    expect(toOwner[0].amount).toMatchObject({
      kind: 'percent-of',
      scale: '10000',
      percent: null,
      base: { kind: 'variable', name: 'highestBid' },
      rate: { kind: 'variable', name: 'commissionBps' },
    });
    expect(toOwner[0].when).toContainEqual({ kind: 'compare', op: '>=', left: expect.objectContaining({ name: 'highestBid' }), right: expect.objectContaining({ name: 'reservePrice' }) });
  });

  it('settle pays the Consignor the hammer price less the commission', async () => {
    const settle = action(await load(), 'settle()');
    const toConsignor = settle.payments.filter((p) => p.toParty === 'consignor');
    expect(toConsignor).toHaveLength(1);
    expect(toConsignor[0].amount).toMatchObject({ kind: 'arith', op: '-', left: { kind: 'variable', name: 'highestBid' }, right: { kind: 'percent-of', rate: { name: 'commissionBps' } } });
  });

  it('anyone may settle, but only from the end time on; below the reserve the highest bid is credited back', async () => {
    const terms = await load();
    const settle = action(terms, 'settle()');
    expect(settle.access.anyone).toBe(true);
    expect(terms.deadlines.find((d) => d.id === 'endTime')?.checks.map((c) => [c.action, c.op])).toEqual([
      ['bid()', '<'],
      ['settle()', '>='],
    ]);
    const credit = settle.effects.find((e) => e.kind === 'increase');
    expect(credit?.when).toContainEqual({ kind: 'compare', op: '<', left: expect.objectContaining({ name: 'highestBid' }), right: expect.objectContaining({ name: 'reservePrice' }) });
  });

  it('the end time is the deployment time plus the bidding time', async () => {
    const endTime = (await load()).deadlines.find((d) => d.id === 'endTime');
    expect(endTime?.setBy.map((s) => [s.action, s.value])).toEqual([
      ['constructor', { kind: 'arith', op: '+', left: { kind: 'now' }, right: expect.objectContaining({ kind: 'variable', name: '_biddingTime' }) }],
    ]);
  });

  it('describes inherited transferOwnership and renounceOwnership as owner-only actions of Ownable', async () => {
    const terms = await load();
    for (const id of ['transferOwnership(address)', 'renounceOwnership()']) {
      const a = action(terms, id);
      expect([a.definedIn, a.inherited], id).toEqual(['Ownable', true]);
      expect(accessParties(a), id).toEqual(['owner']);
    }
  });
});
