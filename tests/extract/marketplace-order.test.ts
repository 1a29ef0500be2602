import { describe, expect, it } from 'vitest';
import { accessParties, action, nonAccessConditions, termsOf, unwrap } from '../helpers/extract.ts';

const load = () => termsOf('contracts/MarketplaceOrder.sol', 'MarketplaceOrder');

const REENTRANCY = /reentran|NOT_ENTERED|"ENTERED"|"_status"/i;

describe('MarketplaceOrder', { timeout: 60_000 }, () => {
  it('only the owner may set the fee, and nothing bounds the new fee', async () => {
    const set = action(await load(), 'setFeeBps(uint256)');
    expect(set.access.rules).toEqual([{ kind: 'party', party: 'owner', via: 'onlyOwner' }]);
    expect(nonAccessConditions(set)).toEqual([]);
    expect(set.effects.map((e) => [e.kind, unwrap(e.target), e.value])).toEqual([
      ['set', expect.objectContaining({ name: 'feeBps' }), expect.objectContaining({ kind: 'variable', name: 'newFeeBps', scope: 'parameter' })],
    ]);
  });

  it('setting the fee is an unbounded power of the owner that also applies to orders already placed', async () => {
    const terms = await load();
    const power = terms.powers.find((p) => p.action === 'setFeeBps(uint256)');
    expect(power).toMatchObject({ kind: 'change-term', holders: ['owner'], bounds: [], affectsExisting: true, target: { kind: 'variable', name: 'feeBps' } });
    expect(terms.risks.filter((r) => r.kind === 'no-upper-bound').map((r) => r.action)).toEqual(['setFeeBps(uint256)']);
  });

  it('the owner holds the power to pause and unpause', async () => {
    const powers = (await load()).powers.filter((p) => p.kind === 'pause' || p.kind === 'unpause');
    expect(powers.map((p) => [p.kind, p.action, p.holders])).toEqual([
      ['pause', 'pause()', ['owner']],
      ['unpause', 'unpause()', ['owner']],
    ]);
  });

  it('only the owner may change the fee recipient, who is a party changed by that action', async () => {
    const terms = await load();
    expect(accessParties(action(terms, 'setFeeRecipient(address)'))).toEqual(['owner']);
    expect(terms.parties.find((p) => p.id === 'feeRecipient')?.changedBy).toEqual(['setFeeRecipient(address)']);
  });

  it('placeOrder requires the marketplace not to be paused (from whenNotPaused)', async () => {
    const place = action(await load(), 'placeOrder(address,uint256,uint64)');
    expect(place.access.anyone).toBe(true);
    const notPaused = place.conditions.find((c) => c.via === 'whenNotPaused');
    expect(notPaused).toMatchObject({ error: 'EnforcedPause', form: 'if-revert', isAccess: false, when: [], expr: { kind: 'not', operand: { kind: 'variable', name: '_paused' } } });
  });

  it('placeOrder pulls the order amount in stablecoin from the caller', async () => {
    const place = action(await load(), 'placeOrder(address,uint256,uint64)');
    expect(place.payments).toHaveLength(1);
    expect(place.payments[0]).toMatchObject({
      asset: { kind: 'token', token: { kind: 'variable', name: 'stablecoin' } },
      direction: 'in',
      method: 'safeTransferFrom',
      from: { kind: 'caller' },
      amount: { kind: 'variable', name: 'amount', scope: 'parameter' },
    });
  });

  it('placeOrder records the caller as the order\'s buyer and starts the order Placed', async () => {
    const terms = await load();
    const place = action(terms, 'placeOrder(address,uint256,uint64)');
    const record = place.effects.find((e) => e.value?.kind === 'struct');
    expect(record?.value).toMatchObject({ kind: 'struct', name: 'Order' });
    if (record?.value?.kind !== 'struct') return;
    expect(record.value.fields.find((f) => f.name === 'buyer')?.value).toEqual({ kind: 'caller' });
    const [state] = terms.lifecycles;
    expect(state).toMatchObject({ id: 'orders.state', perItem: true, collection: 'orders', initial: 'Placed' });
  });

  it('confirmDelivery is only for the order\'s buyer', async () => {
    const confirm = action(await load(), 'confirmDelivery(uint256)');
    expect(confirm.access.rules).toEqual([{ kind: 'party', party: 'orders.buyer', via: null }]);
  });

  it('markShipped is only for the order\'s seller; cancel only for the order\'s buyer', async () => {
    const terms = await load();
    expect(accessParties(action(terms, 'markShipped(uint256)'))).toEqual(['orders.seller']);
    expect(accessParties(action(terms, 'cancel(uint256)'))).toEqual(['orders.buyer']);
  });

  it('confirmDelivery pays the fee (order amount × feeBps / 10 000) to the fee recipient, read at confirmation', async () => {
    const confirm = action(await load(), 'confirmDelivery(uint256)');
    const fee = confirm.payments.find((p) => p.toParty === 'feeRecipient');
    expect(fee?.amount).toMatchObject({ kind: 'percent-of', scale: '10000', rate: { kind: 'variable', name: 'feeBps', scope: 'state' } });
    expect(fee?.when).toEqual([{ kind: 'compare', op: '!=', left: expect.objectContaining({ kind: 'percent-of' }), right: expect.objectContaining({ kind: 'number', value: '0' }) }]);
  });

  it('payments to an order\'s seller and buyer name those item parties', async () => {
    const terms = await load();
    const proceeds = action(terms, 'confirmDelivery(uint256)').payments.find((p) => p.toParty !== 'feeRecipient');
    expect(proceeds?.to).toMatchObject({ kind: 'member', member: 'seller' });
    expect(proceeds?.toParty).toBe('orders.seller');
    const refund = action(terms, 'cancel(uint256)').payments[0];
    expect(refund?.to).toMatchObject({ kind: 'member', member: 'buyer' });
    expect(refund?.toParty).toBe('orders.buyer');
  });

  it('the buyer may cancel before shipment, or once shipped and past the delivery date', async () => {
    const terms = await load();
    const cancel = action(terms, 'cancel(uint256)');
    expect(cancel.transitions.map((t) => [t.from, t.to])).toEqual([[['Placed', 'Shipped'], 'Cancelled']]);
    expect(terms.deadlines.find((d) => d.id === 'orders.deliverBy')?.checks.map((c) => [c.action, c.op])).toEqual([['cancel(uint256)', '>']]);
    expect(cancel.conditions.some((c) => c.via === 'whenNotPaused')).toBe(false);
  });

  it('the reentrancy lock of nonReentrant does not appear as conditions or effects of the guarded actions', async () => {
    const terms = await load();
    const guarded = terms.actions.filter((a) => a.reads.includes('nonReentrant'));
    expect(guarded.map((a) => a.id).sort()).toEqual(['cancel(uint256)', 'confirmDelivery(uint256)', 'placeOrder(address,uint256,uint64)']);
    for (const a of guarded) {
      expect(JSON.stringify(a.conditions), a.id).not.toMatch(REENTRANCY);
      expect(JSON.stringify(a.effects), a.id).not.toMatch(REENTRANCY);
      expect(a.conditions.map((c) => c.via), a.id).not.toContain('nonReentrant');
      expect(a.effects.map((e) => e.via), a.id).not.toContain('nonReentrant');
    }
  });

  it('the reentrancy guard\'s storage set-up does not appear as an effect of deployment', async () => {
    const ctor = action(await load(), 'constructor');
    expect(ctor.effects.map((e) => e.via)).not.toContain('ReentrancyGuard');
    expect(JSON.stringify(ctor.effects)).not.toMatch(REENTRANCY);
  });

  it('pause and unpause are for the owner only, and set or clear the paused flag', async () => {
    const terms = await load();
    for (const [id, value] of [['pause()', true], ['unpause()', false]] as const) {
      const a = action(terms, id);
      expect(a.access.rules, id).toEqual([{ kind: 'party', party: 'owner', via: 'onlyOwner' }]);
      expect(a.effects.map((e) => [unwrap(e.target), e.value]), id).toEqual([[expect.objectContaining({ name: '_paused' }), { kind: 'bool', value }]]);
    }
  });

  it('describes inherited transferOwnership and renounceOwnership with access for the owner', async () => {
    const terms = await load();
    const transfer = action(terms, 'transferOwnership(address)');
    expect(transfer).toMatchObject({ definedIn: 'Ownable', inherited: true, selector: '0xf2fde38b' });
    expect(transfer.access.rules).toEqual([{ kind: 'party', party: 'owner', via: 'onlyOwner' }]);
    const renounce = action(terms, 'renounceOwnership()');
    expect(renounce).toMatchObject({ definedIn: 'Ownable', inherited: true, selector: '0x715018a6' });
    expect(renounce.access.rules).toEqual([{ kind: 'party', party: 'owner', via: 'onlyOwner' }]);
    expect(renounce.effects.map((e) => e.value)).toEqual([{ kind: 'zero-address' }]);
  });

  it('lists the stablecoin as the only asset', async () => {
    expect((await load()).assets).toEqual([{ kind: 'token', token: expect.objectContaining({ kind: 'variable', name: 'stablecoin' }) }]);
  });
});
