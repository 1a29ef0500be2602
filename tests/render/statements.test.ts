import { describe, expect, it } from 'vitest';
import { listLocales, loadLocale } from '../../src/render/engine.ts';
import { buildStatements } from '../../src/render/statements.ts';
import { STATEMENT_KINDS } from '../../src/render/statements/spec.ts';
import { SECTIONS, type Statement } from '../../src/terms/index.ts';
import { buildSaleTerms } from './fixture.ts';

const statements = buildStatements(buildSaleTerms(), 'en');
const byId = (id: string): Statement => {
  const found = statements.find((statement) => statement.id === id);
  if (!found) throw new Error(`no statement ${id}; ids: ${statements.map((s) => s.id).join(', ')}`);
  return found;
};

describe('statements', () => {
  it('only the buyer may pay the deposit', () => {
    // Who may call, and what happens when a condition in the table below fails, said once for the action.
    expect(byId('action:payDeposit():access').text).toBe(
      'Only the Buyer (`buyer`) may call `payDeposit`, and only if every condition below holds.',
    );
    expect(byId('action:confirmShipment():access').text).toBe('Only the Seller (`seller`) may call `confirmShipment`.');
    expect(byId('action:payDeposit():access').source).toEqual({ path: 'contracts/Sale.sol', line: 12, endLine: 12 });
  });

  it('states a condition with its revert message', () => {
    // Each condition of an action with several is a row of its conditions table, with its own message and source.
    expect(byId('action:payDeposit():condition:3')).toMatchObject({
      table: 'conditions',
      cells: ['The ETH sent with the call equals 30% of the Price (`price`)', '“Sale: incorrect deposit”'],
      source: { path: 'contracts/Sale.sol', line: expect.any(Number) },
    });
    // A lone condition stays one sentence.
    expect(byId('action:reclaim():condition:1').text).toBe('`reclaim` goes ahead only if the call is made after the Ship By time (`shipBy`); otherwise it fails (“too early”).');
  });

  it('states a deadline condition with its custom error', () => {
    expect(byId('action:payDeposit():condition:4').cells).toEqual(['The call is made on or before the Ship By time (`shipBy`)', 'error `TooLate`']);
  });

  it('leaves out conditions that only repeat who may call', () => {
    expect(statements.some((statement) => statement.id === 'action:payDeposit():condition:1')).toBe(false);
  });

  it('pays the seller in ETH, exactly, and says when the payment is not checked', () => {
    expect(byId('action:confirmShipment():payment:1').text).toBe('The contract pays the Seller 1.5 ETH.');
    expect(byId('action:confirmShipment():payment:1:unchecked').text).toContain('does not check that this payment succeeded');
    expect(byId('money:out:confirmShipment():1')).toMatchObject({ table: 'money', cells: ['The contract', 'the Seller (`seller`)', 'ETH', '`confirmShipment`'] });
    expect(byId('money:in:payDeposit()').cells).toEqual(['The Buyer (`buyer`)', 'the contract', 'any ETH sent with the call', '`payDeposit`']);
  });

  it('says that nothing happens automatically at a deadline', () => {
    expect(byId('deadline:shipBy:manual').text).toBe('Nothing happens automatically at the Ship By time (`shipBy`): someone must call `reclaim`.');
    // Set at deployment, and checked by the actions' conditions: the deployment block and the conditions say so, once.
    expect(byId('action:constructor:effect:1').text).toBe('At deployment, the Ship By time (`shipBy`) is set to 30 days after deployment.');
    expect(statements.some((statement) => statement.id === 'deadline:shipBy' || statement.id.startsWith('deadline:shipBy:check'))).toBe(false);
  });

  it('puts powers that override the deal first, with their fine print', () => {
    expect(statements[0]).toMatchObject({ id: 'power:1', section: 'warning' });
    expect(statements[0]?.text).toBe('The Owner (`_owner`) may change the Fee BPS (`feeBps`) alone, by calling `setFee`.');
    expect(byId('power:1:bounds').text).toBe('The code sets no limit on the new value given to `setFee`.');
    expect(byId('powers:at-once').text).toBe('`setFee` takes effect at once: the code requires no notice or delay.');
  });

  it('describes the lifecycle as states, a start, moves and final states', () => {
    // The states are listed in the key facts; the lifecycle section says where they start.
    expect(byId('key-fact:lifecycle:stage').text).toBe('States: Created, Paid; final: Paid.');
    expect(byId('lifecycle:stage:initial').text).toBe('The Stage (`stage`) starts as Created.');
    expect(byId('lifecycle:stage:transition:1')).toMatchObject({ table: 'lifecycle', cells: ['Created', 'Paid', 'The Buyer (`buyer`)', '`payDeposit`'] });
    expect(byId('lifecycle:stage:final').text).toBe('Paid is final: no action moves the Stage out of it.');
  });

  it('quotes the author and says plainly where the code disagrees', () => {
    // The verdict is in the same row as the sentence it checks, with the source of the code that decides it.
    expect(byId('claim:1')).toMatchObject({ basis: 'code', table: 'claims', cells: ['`reclaim`', '“Only the buyer can reclaim.”', 'Contradicts: anyone may call `reclaim`, not only the Buyer (`buyer`).'] });
    expect(statements.some((s) => s.id.startsWith('claim:1:check'))).toBe(false);
  });

  it('lists what the code does not cover and what was not explained', () => {
    const notCovered = statements.filter((statement) => statement.section === 'not-covered');
    expect(notCovered.map((statement) => statement.id)).toEqual(['not-covered:topics', 'not-covered:deployed-code']);
    for (const topic of ['governing law', 'forum (court or arbitration)', 'quality of goods or services', 'warranties', 'limits of liability', 'force majeure', 'notices', 'which language of the agreement prevails']) {
      expect(byId('not-covered:topics').text).toContain(topic);
    }
    expect(byId('not-covered:deployed-code').text).toContain('not the code deployed at any address');
    expect(notCovered.every((statement) => statement.source === null)).toBe(true);
    expect(byId('not-explained:1').text).toBe('In `reclaim`, plainterms could not translate the inline assembly `assembly { sstore(0, 1) }`; have an engineer read it.');
    expect(byId('not-explained:coverage').text).toBe('11 of 12 statements explained.');
  });

  it('ends with the disclaimer', () => {
    const disclaimer = statements.filter((statement) => statement.section === 'disclaimer');
    expect(disclaimer.map((statement) => statement.text).join(' ')).toContain('Not legal advice or a security audit');
    expect(statements.at(-1)?.section).toBe('disclaimer');
  });

  it('keeps sections in document order, ids unique, and a source on every statement but the fixed texts', () => {
    const order = statements.map((statement) => SECTIONS.indexOf(statement.section));
    expect(order).toEqual([...order].sort((a, b) => a - b));
    expect(new Set(statements.map((statement) => statement.id)).size).toBe(statements.length);
    for (const statement of statements) {
      const fixed = statement.section === 'disclaimer' || statement.section === 'not-covered' || statement.id === 'actions:all-or-nothing';
      expect(statement.source === null, statement.id).toBe(fixed);
      expect(statement.text, statement.id).not.toMatch(/\s{2}|undefined|null|\[object/);
    }
  });

  it('every statement kind has a template in every locale', () => {
    for (const locale of listLocales()) {
      const templates = loadLocale(locale).templates;
      for (const kind of STATEMENT_KINDS) expect(templates[`statements/${kind}`], `${locale}: statements/${kind}`).toBeDefined();
    }
  });
});
