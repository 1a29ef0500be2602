import { describe, expect, it } from 'vitest';
import { accessParties, action, termsOf, unwrap } from '../helpers/extract.ts';

const load = () => termsOf('contracts/MilestoneEscrow.sol', 'MilestoneEscrow');

describe('MilestoneEscrow', { timeout: 60_000 }, () => {
  it('the internal helper _onlyClient() gives access to the Client', async () => {
    const terms = await load();
    for (const id of ['fund()', 'approve(uint256)', 'dispute(uint256)', 'refundOverdue(uint256)']) {
      const a = action(terms, id);
      expect(a.access.rules, id).toEqual([{ kind: 'party', party: 'client', via: '_onlyClient' }]);
      expect(a.reads, id).toContain('_onlyClient');
    }
    const check = action(terms, 'fund()').conditions.find((c) => c.isAccess);
    expect(check).toMatchObject({ form: 'if-revert', error: 'Unauthorized', via: '_onlyClient' });
    // Cited where fund() calls the helper (the helper's own line is in the helper).
    expect(check?.source.line).toBe(101);
  });

  it('only the Provider may submit and only the Arbiter may resolve', async () => {
    const terms = await load();
    expect(action(terms, 'submit(uint256)').access.rules).toEqual([{ kind: 'party', party: 'provider', via: '_onlyProvider' }]);
    expect(accessParties(action(terms, 'resolve(uint256,bool)'))).toEqual(['arbiter']);
  });

  it('the Client is whoever deploys the agreement', async () => {
    const client = (await load()).parties.find((p) => p.id === 'client');
    expect(client).toMatchObject({ kind: 'address', setAt: 'deployment', initial: { kind: 'caller' } });
  });

  it('each milestone has its own lifecycle on milestones.status: Pending first, Paid or Refunded at the end', async () => {
    const lifecycles = (await load()).lifecycles;
    expect(lifecycles.map((l) => `${l.kind} ${l.id}`)).toEqual(['enum milestones.status', 'flag funded']);
    const [status] = lifecycles;
    expect(status).toMatchObject({ id: 'milestones.status', variable: 'status', enumName: 'Status', perItem: true, collection: 'milestones', initial: 'Pending' });
    expect(status.states.filter((s) => s.final).map((s) => s.name)).toEqual(['Paid', 'Refunded']);
    expect(status.states.find((s) => s.name === 'Pending')?.initial).toBe(true);
  });

  it('the Funded flag is a one-way step: only fund sets it and nothing clears it', async () => {
    const terms = await load();
    const funded = terms.lifecycles.find((l) => l.id === 'funded')!;
    expect(funded.transitions.map((t) => `${t.action}: ${t.from.join('|')}->${t.to}`)).toEqual(['fund(): off->on']);
    expect(funded.states.map((s) => [s.name, s.initial, s.final])).toEqual([['off', true, false], ['on', false, true]]);
  });

  it('milestone transitions follow submit, approve (then pay), dispute, resolve and refundOverdue', async () => {
    const [status] = (await load()).lifecycles;
    const moves = status.transitions.filter((t) => t.action !== 'constructor').map((t) => `${t.action}: ${t.from.join('|')}->${t.to}`);
    expect(moves).toEqual([
      'submit(uint256): Pending->Submitted',
      'approve(uint256): Submitted->Approved',
      'approve(uint256): Approved->Paid',
      'dispute(uint256): Submitted->Disputed',
      'resolve(uint256,bool): Disputed->Paid',
      'resolve(uint256,bool): Disputed->Refunded',
      'refundOverdue(uint256): Pending->Refunded',
    ]);
  });

  it('refundOverdue is allowed only after the milestone due date plus the 14-day grace period', async () => {
    const terms = await load();
    const due = terms.deadlines.find((d) => d.id === 'milestones.dueDate');
    expect(due?.derived).toBe(false);
    expect(due?.checks).toHaveLength(1);
    const [check] = due!.checks;
    expect(check.action).toBe('refundOverdue(uint256)');
    expect(check.op).toBe('>');
    expect(check.against.kind).toBe('arith');
    if (check.against.kind !== 'arith') return;
    expect(check.against.op).toBe('+');
    expect(unwrap(check.against.left)).toMatchObject({ kind: 'member', member: 'dueDate', object: { kind: 'index', base: { kind: 'variable', name: 'milestones' } } });
    expect(check.against.right).toMatchObject({ kind: 'variable', name: 'GRACE_PERIOD', scope: 'constant', value: '1209600', unit: 'days' });
  });

  it('milestone due dates are fixed at deployment from the dueDates argument', async () => {
    const due = (await load()).deadlines.find((d) => d.id === 'milestones.dueDate');
    expect(due?.setBy.map((s) => s.action)).toEqual(['constructor']);
    expect(due?.setBy[0].value).toMatchObject({ kind: 'index', base: { kind: 'variable', name: 'dueDates', scope: 'parameter' } });
  });

  it('the Client funds the whole fee up front by a checked ERC20 transferFrom', async () => {
    const fund = action(await load(), 'fund()');
    expect(fund.payments).toHaveLength(1);
    expect(fund.payments[0]).toMatchObject({
      asset: { kind: 'token', token: { kind: 'variable', name: 'token' } },
      direction: 'in',
      method: 'erc20-transferFrom',
      from: { kind: 'variable', name: 'client', party: 'client' },
      amount: { kind: 'variable', name: 'totalAmount' },
      resultChecked: true,
    });
  });

  it('approving pays the Provider the milestone amount (through _payProvider)', async () => {
    const approve = action(await load(), 'approve(uint256)');
    expect(approve.payments).toHaveLength(1);
    expect(approve.payments[0]).toMatchObject({
      toParty: 'provider',
      direction: 'out',
      via: '_payProvider',
      amount: { kind: 'member', member: 'amount', object: { kind: 'index', base: { kind: 'variable', name: 'milestones' } } },
    });
  });

  it('resolve pays the Provider if payProvider, otherwise refunds the Client', async () => {
    const resolve = action(await load(), 'resolve(uint256,bool)');
    expect(resolve.payments.map((p) => [p.toParty, p.when])).toEqual([
      ['provider', [expect.objectContaining({ kind: 'variable', name: 'payProvider', scope: 'parameter' })]],
      ['client', [{ kind: 'not', operand: expect.objectContaining({ kind: 'variable', name: 'payProvider' }) }]],
    ]);
  });

  it('the setup loop is read as terms for every amount given: each must be above zero, each adds a Pending milestone', async () => {
    const terms = await load();
    expect(terms.notExplained).toEqual([]);
    expect(terms.coverage.explained).toBe(terms.coverage.statements);
    const deployment = action(terms, 'constructor');
    const amounts = expect.objectContaining({ kind: 'variable', name: 'amounts', scope: 'parameter' });
    const perAmount = deployment.conditions.find((c) => c.each !== null);
    expect(perAmount).toMatchObject({ message: 'zero amount', when: [], each: { over: amounts, where: [] } });
    expect(perAmount?.expr).toEqual({ kind: 'compare', op: '!=', left: { kind: 'each', of: amounts, item: null }, right: expect.objectContaining({ value: '0' }) });
    const push = deployment.effects.find((e) => e.kind === 'push');
    expect(push).toMatchObject({ target: expect.objectContaining({ name: 'milestones' }), each: { over: amounts, where: [] } });
    expect(push?.value).toMatchObject({ kind: 'struct', name: 'Milestone', fields: expect.arrayContaining([expect.objectContaining({ name: 'status', value: expect.objectContaining({ member: 'Pending' }) })]) });
  });
});
