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
    expect(byId('action:payDeposit():access').text).toBe('Only the Buyer (`buyer`) may call `payDeposit`.');
    expect(byId('action:payDeposit():access').source).toEqual({ path: 'contracts/Sale.sol', line: 12, endLine: 12 });
  });

  it('states a condition with its revert message', () => {
    expect(byId('action:payDeposit():condition:3').text).toBe(
      '`payDeposit` goes ahead only if the ETH sent with the call equals 30% of the Price (`price`); otherwise it fails (“Sale: incorrect deposit”) and nothing changes.',
    );
  });

  it('states a deadline condition with its custom error', () => {
    expect(byId('action:payDeposit():condition:4').text).toContain('only if the call is made on or before the Ship By time');
    expect(byId('action:payDeposit():condition:4').text).toContain('(error `TooLate`)');
  });

  it('leaves out conditions that only repeat who may call', () => {
    expect(statements.some((statement) => statement.id === 'action:payDeposit():condition:1')).toBe(false);
  });

  it('pays the seller in ETH, exactly, and says when the payment is not checked', () => {
    expect(byId('action:confirmShipment():payment:1').text).toBe('The contract pays the Seller 1.5 ETH.');
    expect(byId('action:confirmShipment():payment:1:unchecked').text).toContain('does not check that this payment succeeded');
    expect(byId('money:out:confirmShipment():1').text).toBe('The Seller (`seller`) may receive ETH through `confirmShipment`.');
  });

  it('says that nothing happens automatically at a deadline', () => {
    expect(byId('deadline:shipBy').text).toBe('The Ship By time (`shipBy`) is set at deployment to 30 days after deployment.');
    expect(byId('deadline:shipBy:manual').text).toBe('Nothing happens automatically at the Ship By time: someone must call `reclaim`.');
    expect(byId('deadline:shipBy:check:2').text).toBe('`reclaim` can succeed only if the call is made after the Ship By time.');
  });

  it('puts powers that override the deal first, with their fine print', () => {
    expect(statements[0]).toMatchObject({ id: 'power:1', section: 'warning' });
    expect(statements[0]?.text).toBe('The Owner (`_owner`) may change the Fee BPS (`feeBps`) alone, by calling `setFee`.');
    expect(byId('power:1:bounds').text).toBe('The code sets no limit on the new value given to `setFee`.');
    expect(byId('power:1:timelock').text).toContain('takes effect at once');
  });

  it('describes the lifecycle as states, a start, moves and final states', () => {
    expect(byId('lifecycle:stage:states').text).toBe('The Stage (`stage`) is always one of Created or Paid.');
    expect(byId('lifecycle:stage:initial').text).toBe('The Stage starts as Created.');
    expect(byId('lifecycle:stage:transition:1').text).toBe('From Created, the Buyer (`buyer`) may move the Stage to Paid by calling `payDeposit`, provided the call meets the conditions stated for `payDeposit`.');
    expect(byId('lifecycle:stage:final').text).toBe('Paid is final: no action moves the Stage out of it.');
  });

  it('quotes the author and says plainly where the code disagrees', () => {
    expect(byId('claim:1')).toMatchObject({ basis: 'natspec', text: 'The author’s comment on `reclaim`: “Only the buyer can reclaim.”' });
    expect(byId('claim:1:check:1')).toMatchObject({ basis: 'code', text: 'Not so: anyone may call `reclaim`, not only the Buyer (`buyer`).' });
  });

  it('lists what the code does not cover and what was not explained', () => {
    const notCovered = statements.filter((statement) => statement.section === 'not-covered');
    expect(notCovered.map((statement) => statement.id)).toEqual(['not-covered:topics', 'not-covered:deployed-code']);
    for (const topic of ['governing law', 'forum (court or arbitration)', 'quality of the goods or services', 'warranties', 'limit or allocate liability', 'force majeure', 'notices', 'which language of the agreement prevails']) {
      expect(byId('not-covered:topics').text).toContain(topic);
    }
    expect(byId('not-covered:deployed-code').text).toContain('the bytecode was not checked');
    expect(notCovered.every((statement) => statement.source === null)).toBe(true);
    expect(byId('not-explained:1').text).toBe('In `reclaim`, plainterms could not translate the inline assembly `assembly { sstore(0, 1) }`; have an engineer read it.');
    expect(byId('not-explained:coverage').text).toBe('11 of 12 statements explained.');
  });

  it('ends with the disclaimer', () => {
    const disclaimer = statements.filter((statement) => statement.section === 'disclaimer');
    expect(disclaimer.map((statement) => statement.text).join(' ')).toContain('not legal advice and not a security audit');
    expect(statements.at(-1)?.section).toBe('disclaimer');
  });

  it('keeps sections in document order, ids unique, and a source on every statement but the fixed texts', () => {
    const order = statements.map((statement) => SECTIONS.indexOf(statement.section));
    expect(order).toEqual([...order].sort((a, b) => a - b));
    expect(new Set(statements.map((statement) => statement.id)).size).toBe(statements.length);
    for (const statement of statements) {
      const fixed = statement.section === 'disclaimer' || statement.section === 'not-covered';
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
