import { describe, expect, it } from 'vitest';
import { accessParties, action, nonAccessConditions, termsOf } from '../helpers/extract.ts';

const load = () => termsOf('contracts/LetterOfCredit.sol', 'LetterOfCredit');

const token = expect.objectContaining({ kind: 'variable', name: 'token', scope: 'immutable' });

describe('LetterOfCredit', { timeout: 60_000 }, () => {
  it('the Issuing Bank is the deploying account; Applicant, Beneficiary and Advising Bank are named at deployment', async () => {
    const parties = (await load()).parties;
    expect(parties.map((p) => [p.id, p.label])).toEqual([
      ['applicant', 'Applicant'],
      ['beneficiary', 'Beneficiary'],
      ['issuingBank', 'Issuing Bank'],
      ['advisingBank', 'Advising Bank'],
    ]);
    expect(parties.find((p) => p.id === 'issuingBank')).toMatchObject({ setAt: 'deployment', initial: { kind: 'caller' }, mutability: 'immutable' });
  });

  it('a custom-error check `if (msg.sender != issuingBank) revert NotIssuingBank()` makes acceptDocuments the Issuing Bank\'s alone', async () => {
    const accept = action(await load(), 'acceptDocuments()');
    expect(accept.access.anyone).toBe(false);
    expect(accept.access.rules).toEqual([{ kind: 'party', party: 'issuingBank', via: null }]);
    const check = accept.conditions.find((c) => c.isAccess);
    expect(check).toMatchObject({ form: 'if-revert', error: 'NotIssuingBank', message: null, expr: { kind: 'compare', op: '==', left: { kind: 'caller' } } });
    expect(check?.source.line).toBe(117);
  });

  it('only the Issuing Bank may reject documents', async () => {
    expect(accessParties(action(await load(), 'rejectDocuments(string)'))).toEqual(['issuingBank']);
  });

  it('documents may be presented by the Beneficiary or the Advising Bank', async () => {
    expect(accessParties(action(await load(), 'presentDocuments(bytes32)'))).toEqual(['advisingBank', 'beneficiary']);
  });

  it('conditions carry the custom error name, with the reverting test negated into what must hold', async () => {
    const terms = await load();
    const fund = action(terms, 'fund()');
    expect(nonAccessConditions(fund).map((c) => [c.error, c.form, c.message])).toEqual([
      ['InvalidState', 'if-revert', null],
      ['CreditExpired', 'if-revert', null],
    ]);
    expect(fund.conditions.find((c) => c.error === 'InvalidState')?.expr).toMatchObject({ kind: 'compare', op: '==', right: { kind: 'enum-member', member: 'Issued' } });
    const claim = action(terms, 'claimAfterExaminationPeriod()');
    expect(claim.conditions.find((c) => c.error === 'ExaminationPeriodRunning')?.expr).toMatchObject({
      kind: 'compare',
      op: '>',
      left: { kind: 'now' },
      right: { kind: 'arith', op: '+', left: { kind: 'variable', name: 'presentedAt' }, right: { kind: 'variable', name: 'EXAMINATION_PERIOD', value: '432000', unit: 'days' } },
    });
  });

  it('funding is a token payment pulled in from the Applicant with SafeERC20 safeTransferFrom', async () => {
    const fund = action(await load(), 'fund()');
    expect(accessParties(fund)).toEqual(['applicant']);
    expect(fund.payments).toHaveLength(1);
    expect(fund.payments[0]).toMatchObject({
      asset: { kind: 'token', token },
      direction: 'in',
      method: 'safeTransferFrom',
      from: { kind: 'variable', name: 'applicant', party: 'applicant' },
      amount: { kind: 'variable', name: 'amount' },
      when: [],
    });
  });

  it('accepting documents pays the Beneficiary the credit amount in the token (through _payBeneficiary)', async () => {
    const accept = action(await load(), 'acceptDocuments()');
    expect(accept.payments).toHaveLength(1);
    expect(accept.payments[0]).toMatchObject({ asset: { kind: 'token', token }, direction: 'out', method: 'safeTransfer', toParty: 'beneficiary', amount: { kind: 'variable', name: 'amount' }, via: '_payBeneficiary' });
    expect(accept.reads).toContain('_payBeneficiary');
    expect(accept.transitions.map((t) => [t.from, t.to])).toEqual([[['DocumentsPresented'], 'Paid']]);
  });

  it('after expiry the Applicant takes the funds back in the token', async () => {
    const reclaim = action(await load(), 'reclaimAfterExpiry()');
    expect(accessParties(reclaim)).toEqual(['applicant']);
    expect(reclaim.payments.map((p) => [p.direction, p.method, p.toParty])).toEqual([['out', 'safeTransfer', 'applicant']]);
    expect(reclaim.transitions.map((t) => [t.from, t.to])).toEqual([[['Funded', 'Rejected'], 'Expired']]);
  });

  it('expiry is a deadline set at deployment: funding and presentation before it, reclaim from it on', async () => {
    const expiry = (await load()).deadlines.find((d) => d.id === 'expiry');
    expect(expiry?.derived).toBe(false);
    expect(expiry?.setBy.map((s) => [s.action, s.value])).toEqual([['constructor', expect.objectContaining({ kind: 'variable', name: '_expiry', scope: 'parameter' })]]);
    expect(expiry?.checks.map((c) => [c.action, c.op])).toEqual([
      ['fund()', '<'],
      ['presentDocuments(bytes32)', '<'],
      ['reclaimAfterExpiry()', '>='],
    ]);
  });

  it('the examination period runs from presentation: presentedAt is set to the block time by presentDocuments', async () => {
    const presentedAt = (await load()).deadlines.find((d) => d.id === 'presentedAt');
    expect(presentedAt?.setBy.map((s) => [s.action, s.value])).toEqual([['presentDocuments(bytes32)', { kind: 'now' }]]);
    expect(presentedAt?.checks.map((c) => [c.action, c.op])).toEqual([['claimAfterExaminationPeriod()', '>']]);
  });

  it('an expiry given at deployment in the past is input validation, not a deadline of its own', async () => {
    const ids = (await load()).deadlines.map((d) => d.id);
    expect(ids.sort()).toEqual(['expiry', 'presentedAt']);
  });

  it('the credit ends Paid or Expired; a rejection allows a new presentation', async () => {
    const [state] = (await load()).lifecycles;
    expect(state.initial).toBe('Issued');
    expect(state.states.filter((s) => s.final).map((s) => s.name)).toEqual(['Paid', 'Expired']);
    expect(state.transitions.filter((t) => t.action === 'presentDocuments(bytes32)').flatMap((t) => t.from)).toEqual(['Funded', 'Rejected']);
  });

  it('the only asset is the token; no ether', async () => {
    expect((await load()).assets).toEqual([{ kind: 'token', token }]);
  });
});
