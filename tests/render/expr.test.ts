import { describe, expect, it } from 'vitest';
import { listLocales, loadLocale } from '../../src/render/engine.ts';
import { renderExpr } from '../../src/render/expr-helpers.ts';
import { createRenderData } from '../../src/render/render-data.ts';
import { EXPR_KINDS, type Expr } from '../../src/terms/index.ts';
import { buildSaleTerms, days, enumMember, variable } from './fixture.ts';

function read(expr: Expr, actionKind: string | null = 'function'): string {
  const data = createRenderData(loadLocale('en'), buildSaleTerms());
  data.actionKind = actionKind;
  return renderExpr(expr, data);
}

const now: Expr = { kind: 'now' };
const shipBy = variable('shipBy', 'Ship By', { scope: 'immutable' });
const deadline = variable('deadline', 'Deadline');
const endTime = variable('endTime', 'End Time');

describe('expression partials', () => {
  it.each(listLocales())('every expression kind has a partial in %s', (locale) => {
    const partials = loadLocale(locale).partials;
    const missing = EXPR_KINDS.filter((kind) => !partials[`expr/${kind}`]);
    expect(missing).toEqual([]);
  });

  it('throws on a kind without a partial instead of rendering nothing', () => {
    expect(() => read({ kind: 'unknown-kind' } as unknown as Expr)).toThrow(/Missing partial 'expr\/unknown-kind'/);
  });

  it('reads comparisons with the block time as deadline language', () => {
    expect(read({ kind: 'compare', op: '<=', left: now, right: shipBy })).toContain('on or before the Ship By time');
    expect(read({ kind: 'compare', op: '>', left: now, right: deadline })).toContain('after the Deadline');
    expect(read({ kind: 'compare', op: '<', left: now, right: endTime })).toContain('before the End Time');
    expect(read({ kind: 'compare', op: '>', left: deadline, right: now })).toContain('before the Deadline');
  });

  it('reads a grace period after a deadline exactly', () => {
    const graceOver: Expr = { kind: 'compare', op: '>', left: now, right: { kind: 'arith', op: '+', left: deadline, right: days(7) } };
    expect(read(graceOver)).toBe('the call is made more than 7 days after the Deadline (`deadline`)');
  });

  it('reads other comparisons in words', () => {
    const price = variable('price', 'Price');
    expect(read({ kind: 'compare', op: '>=', left: { kind: 'value-sent' }, right: price })).toBe('the ETH sent with the call is at least the Price (`price`)');
    expect(read({ kind: 'compare', op: '==', left: { kind: 'caller' }, right: variable('buyer', 'Buyer', { party: 'buyer' }) })).toBe('the caller is the Buyer (`buyer`)');
    expect(read({ kind: 'compare', op: '==', left: variable('stage', 'Stage'), right: enumMember('Paid', 'Paid') })).toBe('the Stage (`stage`) is Paid');
  });

  it('reads a time offset from the call, or from deployment in the constructor', () => {
    const in30Days: Expr = { kind: 'arith', op: '+', left: now, right: days(30) };
    expect(read(in30Days, 'function')).toBe('30 days after the call');
    expect(read(in30Days, 'constructor')).toBe('30 days after deployment');
  });

  it('reads shares, amounts and defined terms', () => {
    const price = variable('price', 'Price');
    const rate: Expr = { kind: 'number', value: '3000', written: '3000', unit: null };
    expect(read({ kind: 'percent-of', base: price, rate, scale: '10000', percent: '30' })).toBe('30% of the Price (`price`)');
    expect(read({ kind: 'number', value: '1000000000000000000', written: '1', unit: 'ether' })).toBe('1 ETH');
    expect(read({ kind: 'number', value: '123456789012345678', written: '123456789012345678', unit: 'wei' })).toBe(
      '0.123456789012345678 ETH (123,456,789,012,345,678 wei)',
    );
    expect(read({ kind: 'code', text: 'x.y()' })).toBe('`x.y()`');
    expect(read({ kind: 'value-sent' })).toBe('the ETH sent with the call');
    expect(read({ kind: 'caller' })).toBe('the caller');
  });

  it('shows a code name beside its defined term only the first time', () => {
    const data = createRenderData(loadLocale('en'), buildSaleTerms());
    const price = variable('price', 'Price');
    expect(renderExpr(price, data)).toBe('the Price (`price`)');
    expect(renderExpr(price, data)).toBe('the Price');
  });

  it('names a party by its label and a constant by its value', () => {
    expect(read(variable('seller', 'Seller', { party: 'seller' }))).toBe('the Seller (`seller`)');
    expect(read(variable('GRACE', 'Grace', { scope: 'constant', value: '1209600', unit: 'days' }))).toBe('14 days (`GRACE`)');
  });

  it('brackets a sum whose entries are picked by a condition when something is added after it (review 6b N2)', () => {
    const deposits = variable('deposits', 'Deposits');
    const fee = variable('fee', 'Fee');
    const sum: Expr = { kind: 'sum', over: deposits, item: null, term: variable('amount', 'Amount'), where: [variable('valid', 'Valid')] };
    const text = read({ kind: 'arith', op: '+', left: sum, right: fee });
    expect(text).toBe('(the sum of the Amount (`amount`) over every Deposit in the Deposits (`deposits`) for which the Valid (`valid`) is true) plus the Fee (`fee`)');
  });
});
