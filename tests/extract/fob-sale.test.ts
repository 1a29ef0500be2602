import { describe, expect, it } from 'vitest';
import { accessParties, action, extracted, nonAccessConditions, stateChangingFunctions, termsOf, unwrap } from '../helpers/extract.ts';

const load = () => termsOf('contracts/FobSale.sol', 'FobSale');

describe('FobSale', { timeout: 60_000 }, () => {
  it('names the Buyer and the Seller as parties, both fixed at deployment from constructor arguments', async () => {
    const terms = await load();
    const parties = terms.parties.map((p) => ({ id: p.id, label: p.label, kind: p.kind, mutability: p.mutability, setAt: p.setAt }));
    expect(parties).toEqual([
      { id: 'buyer', label: 'Buyer', kind: 'address', mutability: 'immutable', setAt: 'deployment' },
      { id: 'seller', label: 'Seller', kind: 'address', mutability: 'immutable', setAt: 'deployment' },
    ]);
    expect(terms.parties.find((p) => p.id === 'buyer')?.initial).toMatchObject({ kind: 'variable', name: '_buyer', scope: 'parameter' });
    expect(terms.parties.every((p) => p.changedBy.length === 0)).toBe(true);
  });

  it('only the Buyer may pay the deposit', async () => {
    const payDeposit = action(await load(), 'payDeposit()');
    expect(payDeposit.access.anyone).toBe(false);
    expect(payDeposit.access.rules).toEqual([{ kind: 'party', party: 'buyer', via: 'onlyBuyer' }]);
    expect(payDeposit.payable).toBe(true);
  });

  it('only the Seller may confirm shipment', async () => {
    const confirm = action(await load(), 'confirmShipment(bytes32)');
    expect(accessParties(confirm)).toEqual(['seller']);
  });

  it('the deposit must be exactly 30% of the price', async () => {
    const terms = await load();
    const payDeposit = action(terms, 'payDeposit()');
    expect(nonAccessConditions(payDeposit).map((c) => c.expr)).toContainEqual({
      kind: 'compare',
      op: '==',
      left: { kind: 'value-sent' },
      right: expect.objectContaining({ kind: 'variable', name: 'deposit' }),
    });
    const setDeposit = action(terms, 'constructor').effects.find((e) => e.kind === 'set' && unwrap(e.target).kind === 'variable' && (unwrap(e.target) as { name: string }).name === 'deposit');
    expect(setDeposit?.value).toMatchObject({
      kind: 'percent-of',
      percent: '30',
      scale: '10000',
      base: { kind: 'variable', name: '_price', scope: 'parameter' },
      rate: { kind: 'variable', name: 'DEPOSIT_BPS', scope: 'constant', value: '3000' },
    });
  });

  it('the deposit can only be paid while the sale is in the Created state', async () => {
    const payDeposit = action(await load(), 'payDeposit()');
    expect(payDeposit.conditions).toContainEqual(
      expect.objectContaining({
        expr: { kind: 'compare', op: '==', left: expect.objectContaining({ kind: 'variable', name: 'state' }), right: expect.objectContaining({ kind: 'enum-member', enumName: 'State', member: 'Created' }) },
        via: 'inState',
        message: 'FobSale: wrong state',
      }),
    );
    expect(payDeposit.transitions.map((t) => [t.from, t.to])).toEqual([[['Created'], 'DepositPaid']]);
  });

  it('the shipment deadline is 30 days after deployment', async () => {
    const shipBy = (await load()).deadlines.find((d) => d.id === 'shipBy');
    expect(shipBy?.derived).toBe(false);
    expect(shipBy?.setBy).toHaveLength(1);
    expect(shipBy?.setBy[0]).toMatchObject({
      action: 'constructor',
      value: { kind: 'arith', op: '+', left: { kind: 'now' }, right: { kind: 'number', value: '2592000', written: '30', unit: 'days' } },
    });
  });

  it('the Buyer may cancel only after the shipment deadline while the deposit is paid', async () => {
    const terms = await load();
    const cancel = action(terms, 'cancelIfNotShipped()');
    expect(accessParties(cancel)).toEqual(['buyer']);
    const exprs = nonAccessConditions(cancel).map((c) => c.expr);
    expect(exprs).toContainEqual({ kind: 'compare', op: '>', left: { kind: 'now' }, right: expect.objectContaining({ kind: 'variable', name: 'shipBy' }) });
    expect(exprs).toContainEqual(expect.objectContaining({ kind: 'compare', op: '==', right: expect.objectContaining({ member: 'DepositPaid' }) }));
    expect(cancel.transitions.map((t) => [t.from, t.to])).toEqual([[['DepositPaid'], 'Cancelled']]);
    const check = terms.deadlines.find((d) => d.id === 'shipBy')?.checks.find((c) => c.action === 'cancelIfNotShipped()');
    expect(check?.op).toBe('>');
  });

  it('on cancellation the deposit is refunded to the Buyer in ETH', async () => {
    const cancel = action(await load(), 'cancelIfNotShipped()');
    expect(cancel.payments).toHaveLength(1);
    expect(cancel.payments[0]).toMatchObject({ asset: { kind: 'eth' }, direction: 'out', toParty: 'buyer', amount: { kind: 'variable', name: 'deposit' }, when: [] });
  });

  it('the deposit is released to the Seller on confirmation of shipment', async () => {
    const confirm = action(await load(), 'confirmShipment(bytes32)');
    expect(confirm.payments).toHaveLength(1);
    expect(confirm.payments[0]).toMatchObject({ asset: { kind: 'eth' }, direction: 'out', toParty: 'seller', amount: { kind: 'variable', name: 'deposit' }, method: 'call', resultChecked: true });
    expect(confirm.transitions.map((t) => [t.from, t.to])).toEqual([[['DepositPaid'], 'Shipped']]);
  });

  it('payBalance pays the seller in ETH what the buyer sends, which must equal price less deposit less late penalty', async () => {
    const payBalance = action(await load(), 'payBalance()');
    expect(accessParties(payBalance)).toEqual(['buyer']);
    expect(payBalance.payments).toHaveLength(1);
    expect(payBalance.payments[0]).toMatchObject({ asset: { kind: 'eth' }, direction: 'out', toParty: 'seller', amount: { kind: 'value-sent' }, when: [] });
    expect(nonAccessConditions(payBalance).map((c) => c.expr)).toContainEqual({
      kind: 'compare',
      op: '==',
      left: { kind: 'value-sent' },
      right: {
        kind: 'arith',
        op: '-',
        left: { kind: 'arith', op: '-', left: expect.objectContaining({ name: 'price' }), right: expect.objectContaining({ name: 'deposit' }) },
        right: expect.objectContaining({ kind: 'call', name: 'latePenalty' }),
      },
    });
  });

  it('the sale starts Created and ends Completed or Cancelled', async () => {
    const lifecycles = (await load()).lifecycles;
    expect(lifecycles).toHaveLength(1);
    const [state] = lifecycles;
    expect(state).toMatchObject({ id: 'state', enumName: 'State', perItem: false, initial: 'Created' });
    expect(state.states.map((s) => s.name)).toEqual(['Created', 'DepositPaid', 'Shipped', 'Completed', 'Cancelled']);
    expect(state.states.filter((s) => s.final).map((s) => s.name)).toEqual(['Completed', 'Cancelled']);
    expect(state.transitions.map((t) => `${t.from.join('|')}->${t.to}`)).toEqual(['Created->DepositPaid', 'DepositPaid->Shipped', 'Shipped->Completed', 'DepositPaid->Cancelled']);
  });

  it('the only asset is ETH', async () => {
    expect((await load()).assets).toEqual([{ kind: 'eth' }]);
  });

  it('describes every external state-changing function, with its selector', async () => {
    const { compilation, terms } = await extracted('contracts/FobSale.sol', 'FobSale');
    const described = terms.actions.filter((a) => a.kind === 'function').map((a) => ({ signature: a.signature!, selector: a.selector! }));
    expect(described.sort((a, b) => a.signature.localeCompare(b.signature))).toEqual(stateChangingFunctions(compilation, 'FobSale'));
    expect(described.map((d) => d.signature).sort()).toEqual(['cancelIfNotShipped()', 'confirmShipment(bytes32)', 'payBalance()', 'payDeposit()']);
  });

  it('view functions are not actions', async () => {
    const ids = (await load()).actions.map((a) => a.id);
    expect(ids).not.toContain('latePenalty()');
    expect(ids).not.toContain('balanceDue()');
  });
});
