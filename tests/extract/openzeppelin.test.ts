/** Real OpenZeppelin code from npm: v4.9.6 escrows and payment splitter, v5 vesting wallet. */
import { describe, expect, it } from 'vitest';
import { accessParties, action, OZ4, OZ5, rootName, termsOf, unwrap } from '../helpers/extract.ts';

const refundEscrow = () => termsOf(`${OZ4}/utils/escrow/RefundEscrow.sol`, 'RefundEscrow');
const escrow = () => termsOf(`${OZ4}/utils/escrow/Escrow.sol`, 'Escrow');
const splitter = () => termsOf(`${OZ4}/finance/PaymentSplitter.sol`, 'PaymentSplitter');
const vesting = () => termsOf(`${OZ5}/finance/VestingWallet.sol`, 'VestingWallet');

const stateIs = (member: string) => ({
  kind: 'compare',
  op: '==',
  left: expect.objectContaining({ kind: 'variable', name: '_state' }),
  right: expect.objectContaining({ kind: 'enum-member', enumName: 'State', member }),
});

describe('OpenZeppelin v4 RefundEscrow', { timeout: 60_000 }, () => {
  it('deposit is owner-only, through super.deposit (Escrow.deposit is onlyOwner), and only while Active', async () => {
    const deposit = action(await refundEscrow(), 'deposit(address)');
    expect(deposit.definedIn).toBe('RefundEscrow');
    expect(deposit.access.anyone).toBe(false);
    expect(accessParties(deposit)).toEqual(['owner']);
    expect(deposit.reads).toEqual(expect.arrayContaining(['deposit', 'onlyOwner']));
    expect(deposit.conditions.map((c) => c.expr)).toContainEqual(stateIs('Active'));
    expect(deposit.effects).toContainEqual(expect.objectContaining({ kind: 'increase', value: { kind: 'value-sent' } }));
  });

  it('withdraw(address) is owner-only and allowed only while Refunding (the overridden withdrawalAllowed)', async () => {
    const withdraw = action(await refundEscrow(), 'withdraw(address)');
    expect(withdraw).toMatchObject({ definedIn: 'ConditionalEscrow', inherited: true });
    expect(accessParties(withdraw)).toEqual(['owner']);
    const refunding = withdraw.conditions.find((c) => !c.isAccess && c.message === 'ConditionalEscrow: payee is not allowed to withdraw');
    expect(refunding?.expr).toEqual(stateIs('Refunding'));
    expect(refunding?.when).toEqual([]);
    expect(withdraw.payments).toHaveLength(1);
    expect(withdraw.payments[0]).toMatchObject({ asset: { kind: 'eth' }, method: 'sendValue', to: { kind: 'variable', name: 'payee' } });
  });

  it('beneficiaryWithdraw may be called by anyone, only while Closed, and pays the Beneficiary the whole balance', async () => {
    const terms = await refundEscrow();
    const withdraw = action(terms, 'beneficiaryWithdraw()');
    expect(withdraw.access.anyone).toBe(true);
    expect(withdraw.conditions.map((c) => c.expr)).toEqual([stateIs('Closed')]);
    expect(withdraw.payments).toHaveLength(1);
    expect(withdraw.payments[0]).toMatchObject({ asset: { kind: 'eth' }, direction: 'out', toParty: 'beneficiary', amount: { kind: 'balance', of: { kind: 'this' } }, when: [] });
    expect(terms.parties.find((p) => p.id === 'beneficiary')).toMatchObject({ mutability: 'immutable', setAt: 'deployment' });
  });

  it('the escrow starts Active; the owner closes it or enables refunds', async () => {
    const terms = await refundEscrow();
    const [state] = terms.lifecycles;
    expect(state.initial).toBe('Active');
    expect(state.transitions.map((t) => `${t.action}: ${t.from.join('|')}->${t.to}`)).toEqual(['close(): Active->Closed', 'enableRefunds(): Active->Refunding']);
    expect(accessParties(action(terms, 'close()'))).toEqual(['owner']);
    expect(accessParties(action(terms, 'enableRefunds()'))).toEqual(['owner']);
  });
});

describe('OpenZeppelin v4 Escrow', { timeout: 60_000 }, () => {
  it('deposit and withdraw are owner-only', async () => {
    const terms = await escrow();
    expect(action(terms, 'deposit(address)').access.rules).toEqual([{ kind: 'party', party: 'owner', via: 'onlyOwner' }]);
    expect(action(terms, 'withdraw(address)').access.rules).toEqual([{ kind: 'party', party: 'owner', via: 'onlyOwner' }]);
  });

  it('withdraw pays the payee their whole deposit and zeroes it', async () => {
    const withdraw = action(await escrow(), 'withdraw(address)');
    expect(withdraw.payments.map((p) => [p.asset.kind, p.amount])).toEqual([
      // The amount is read before the deposit is zeroed: the deposit as it stood before the call.
      ['eth', { kind: 'prior', of: { kind: 'index', base: expect.objectContaining({ name: '_deposits' }), index: expect.objectContaining({ name: 'payee' }), item: null } }],
    ]);
    expect(withdraw.effects.map((e) => [e.kind, rootName(e.target), e.value])).toEqual([['set', '_deposits', expect.objectContaining({ kind: 'number', value: '0' })]]);
  });

  it('the owner is the deployer', async () => {
    expect((await escrow()).parties).toEqual([expect.objectContaining({ id: 'owner', kind: 'owner', initial: { kind: 'caller' } })]);
  });
});

describe('OpenZeppelin v4 PaymentSplitter', { timeout: 60_000 }, () => {
  it('anyone may release ether or tokens to a payee', async () => {
    const terms = await splitter();
    for (const id of ['release(address)', 'release(address,address)']) {
      expect(action(terms, id).access, id).toEqual({ anyone: true, rules: [], source: null, forwarded: false });
    }
    expect(action(terms, 'release(address)').payments.map((p) => [p.asset.kind, unwrap(p.to)])).toEqual([['eth', expect.objectContaining({ name: 'account' })]]);
    expect(action(terms, 'release(address,address)').payments.map((p) => [p.asset.kind, p.method])).toEqual([['token', 'safeTransfer']]);
  });

  it('shares are set only at deployment: no action other than the constructor writes _shares', async () => {
    const terms = await splitter();
    const writers = terms.actions.filter((a) => a.effects.some((e) => rootName(e.target) === '_shares')).map((a) => a.id);
    expect(writers).toEqual(['constructor']);
  });

  it('release requires the account to hold shares', async () => {
    const release = action(await splitter(), 'release(address)');
    expect(release.conditions.map((c) => c.expr)).toContainEqual({
      kind: 'compare',
      op: '!=',
      left: { kind: 'index', base: expect.objectContaining({ name: '_shares' }), index: expect.objectContaining({ name: 'account' }), item: null },
      right: expect.objectContaining({ kind: 'number', value: '0' }),
    });
  });
});

describe('OpenZeppelin v5 VestingWallet', { timeout: 60_000 }, () => {
  it('the owner is the beneficiary given at deployment', async () => {
    const owner = (await vesting()).parties.find((p) => p.id === 'owner');
    expect(owner).toMatchObject({ kind: 'owner', setAt: 'deployment', initial: { kind: 'variable', name: 'beneficiary', scope: 'parameter' } });
  });

  it('anyone may release vested ether, which is paid to the owner', async () => {
    const release = action(await vesting(), 'release()');
    expect(release.access.anyone).toBe(true);
    expect(release.payments).toHaveLength(1);
    expect(release.payments[0]).toMatchObject({ asset: { kind: 'eth' }, direction: 'out', toParty: 'owner', when: [] });
  });

  it('anyone may release vested tokens, which are paid to the owner', async () => {
    const release = action(await vesting(), 'release(address)');
    expect(release.access.anyone).toBe(true);
    expect(release.payments.map((p) => [p.asset.kind, p.toParty])).toEqual([['token', 'owner']]);
  });
});
