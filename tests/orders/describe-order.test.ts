import { describe, expect, it } from 'vitest';
import { isPlaintermsError, type PlaintermsError } from '../../src/errors.ts';
import { describeOrder } from '../../src/orders/describe.ts';
import { renderOrder } from '../../src/orders/render.ts';
import type { OrderArgument } from '../../src/orders/model.ts';
import { BUYER, bundled, SELLER, STRANGER } from './contracts.ts';

const DELIVER_BY = 1796083200n; // 2026-12-01T00:00:00Z

function arg(args: OrderArgument[], name: string): OrderArgument {
  const found = args.find((candidate) => candidate.name === name);
  if (!found) throw new Error(`no argument ${name}`);
  return found;
}

function thrown(fn: () => unknown): PlaintermsError {
  try {
    fn();
  } catch (error) {
    if (isPlaintermsError(error)) return error;
    throw error;
  }
  throw new Error('expected a PlaintermsError');
}

describe('describeOrder: each argument is read by what the code does with it', () => {
  it('reads placeOrder as an address of the order’s Seller, a token amount and a delivery date', async () => {
    const market = await bundled('MarketplaceOrder');
    const order = describeOrder(market, { data: market.encode('placeOrder', [SELLER, 250_000_000n, DELIVER_BY]), from: BUYER });
    expect(order.action.id).toBe('placeOrder(address,uint256,uint64)');
    expect(arg(order.arguments, 'seller')).toMatchObject({ value: SELLER, format: { kind: 'address', party: 'orders.seller' } });
    expect(arg(order.arguments, 'amount')).toMatchObject({
      value: '250000000',
      format: { kind: 'token', token: { kind: 'variable', name: 'stablecoin' } },
      evidence: { reason: 'token-payment', source: { path: 'contracts/MarketplaceOrder.sol', line: 100 } },
    });
    expect(arg(order.arguments, 'deliverBy')).toMatchObject({ value: '1796083200', format: { kind: 'datetime' }, evidence: { reason: 'block-time' } });
  });

  it('reads a fee the code uses as a rate over 10,000 as a percentage, through the variable it is stored in', async () => {
    const market = await bundled('MarketplaceOrder');
    const order = describeOrder(market, { data: market.encode('setFeeBps', [250n]) });
    expect(arg(order.arguments, 'newFeeBps')).toMatchObject({
      format: { kind: 'percent', scale: '10000' },
      evidence: { reason: 'rate', via: 'feeBps', action: 'confirmDelivery(uint256)' },
    });
  });

  it('reads an order id as the number of an entry in orders', async () => {
    const market = await bundled('MarketplaceOrder');
    const order = describeOrder(market, { data: market.encode('cancel', [7n]) });
    expect(arg(order.arguments, 'id').format).toEqual({ kind: 'item', collection: 'orders', label: 'Orders' });
  });

  it('gives token amounts their decimals and symbol when the token is known', async () => {
    const market = await bundled('MarketplaceOrder');
    const data = market.encode('placeOrder', [SELLER, 250_000_000n, DELIVER_BY]);
    const order = describeOrder(market, { data }, { tokens: { stablecoin: { address: null, symbol: 'TUSD', decimals: 6 } } });
    expect(arg(order.arguments, 'amount').format).toMatchObject({ kind: 'token', decimals: 6, symbol: 'TUSD' });
  });

  it('reads the bid of an auction as the ETH sent', async () => {
    const auction = await bundled('ConsignmentAuction');
    const order = describeOrder(auction, { data: auction.encode('bid'), value: 10n ** 18n, from: STRANGER });
    expect(order.value).toMatchObject({ role: 'value', value: '1000000000000000000', format: { kind: 'eth' } });
    expect(order.call).toEqual({ data: auction.encode('bid'), value: '1000000000000000000', from: STRANGER });
  });
});

describe('describeOrder: conditions, payments and changes of this order', () => {
  it('marks conditions this order fails and counts them', async () => {
    const market = await bundled('MarketplaceOrder');
    const order = describeOrder(market, { data: market.encode('placeOrder', [BUYER, 0n, DELIVER_BY]), from: BUYER });
    const byMessage = Object.fromEntries(order.conditions.map((condition) => [condition.message ?? condition.error, condition.status]));
    expect(byMessage).toMatchObject({ 'invalid seller': 'unmet', 'zero amount': 'unmet', 'delivery date in the past': 'open', EnforcedPause: 'open' });
    expect(order.unmet).toBe(2);
  });

  it('puts the decoded values in place of the parameters', async () => {
    const market = await bundled('MarketplaceOrder');
    const order = describeOrder(market, { data: market.encode('placeOrder', [SELLER, 5n, DELIVER_BY]) });
    const zero = order.conditions.find((condition) => condition.message === 'zero amount');
    expect(zero?.expr).toMatchObject({ kind: 'compare', op: '!=', left: { kind: 'argument', name: 'amount', value: '5' } });
    expect(zero?.status).toBe('met');
    expect(order.payments[0]).toMatchObject({ direction: 'in', amount: { kind: 'argument', value: '5' } });
    expect(JSON.stringify(order)).not.toContain('"scope":"parameter"');
  });

  it('knows the sender’s party when the party addresses are given, and checks access', async () => {
    const fob = await bundled('FobSale');
    const data = fob.encode('payDeposit');
    const parties = { buyer: BUYER, seller: SELLER };
    const asBuyer = describeOrder(fob, { data, value: '300000000000000000', from: BUYER }, { parties });
    expect(asBuyer.actor).toEqual({ address: BUYER, parties: ['buyer'], checked: ['buyer', 'seller'] });
    expect(asBuyer.conditions.find((condition) => condition.isAccess)?.status).toBe('met');
    const asSeller = describeOrder(fob, { data, value: '300000000000000000', from: SELLER }, { parties });
    expect(asSeller.actor.parties).toEqual(['seller']);
    expect(asSeller.conditions.find((condition) => condition.isAccess)?.status).toBe('unmet');
    expect(asSeller.unmet).toBe(1);
  });

  it('checks the ETH sent against a price read from chain', async () => {
    const fob = await bundled('FobSale');
    const data = fob.encode('payDeposit');
    const state = { deposit: '300000000000000000' };
    const exact = describeOrder(fob, { data, value: '300000000000000000' }, { state });
    expect(exact.conditions.find((condition) => condition.message === 'FobSale: incorrect deposit')?.status).toBe('met');
    const short = describeOrder(fob, { data, value: '1' }, { state });
    expect(short.conditions.find((condition) => condition.message === 'FobSale: incorrect deposit')?.status).toBe('unmet');
  });

  it('keeps only the payments this decision makes', async () => {
    const escrow = await bundled('ArbiterEscrow');
    const toSeller = describeOrder(escrow, { data: escrow.encode('resolve', [true]) });
    expect(toSeller.payments.map((payment) => payment.toParty)).toEqual(['seller', 'arbiter']);
    expect(toSeller.transitions.map((transition) => transition.to)).toEqual(['Released']);
    const toBuyer = describeOrder(escrow, { data: escrow.encode('resolve', [false]) });
    expect(toBuyer.payments.map((payment) => payment.toParty)).toEqual(['buyer', 'arbiter']);
    expect(toBuyer.payments.every((payment) => payment.when.length === 0)).toBe(true);
  });

  it('shows a number the code compares with a percentage as a percentage: at most 15%', async () => {
    const auction = await bundled('ConsignmentAuction');
    const order = describeOrder(auction, { data: auction.encode('setCommissionBps', [2000n]) });
    const bound = order.conditions.find((condition) => condition.message === 'commission too high');
    // The summary's unit inference already reads the bound as basis points; the order shows it the same way.
    expect(bound).toMatchObject({ status: 'unmet', expr: { right: { kind: 'number', value: '1500', unit: 'basis-points' } } });
    expect(renderOrder(order, auction.terms, { format: 'md' })).toContain('the given New BPS (20%) is at most 15% (1,500 basis points) — not met: the order will fail with “commission too high”.');
  });

  it('refers to the contract’s terms by their hash', async () => {
    const fob = await bundled('FobSale');
    const order = describeOrder(fob, { data: fob.encode('payDeposit') });
    expect(order.contractHash).toMatch(/^0x[0-9a-f]{64}$/);
    expect(order.schema).toBe('plainterms/order@1');
  });
});

describe('describeOrder: bad calldata is refused with BAD_CALLDATA', () => {
  it('refuses an unknown selector, naming the functions there are', async () => {
    const fob = await bundled('FobSale');
    const error = thrown(() => describeOrder(fob, { data: '0xdeadbeef' }));
    expect(error.code).toBe('BAD_CALLDATA');
    expect(error.message).toBe('no function of FobSale has the selector 0xdeadbeef, and FobSale has no fallback function');
    expect(error.hint).toContain('payDeposit()');
    expect(error.exitCode).toBe(1);
  });

  it('refuses calldata that does not decode', async () => {
    const market = await bundled('MarketplaceOrder');
    const data = market.encode('placeOrder', [SELLER, 1n, DELIVER_BY]).slice(0, 60);
    const error = thrown(() => describeOrder(market, { data }));
    expect(error.code).toBe('BAD_CALLDATA');
    expect(error.message).toContain('does not decode as placeOrder(address,uint256,uint64)');
  });

  it('refuses ETH sent to a function that is not payable', async () => {
    const fob = await bundled('FobSale');
    const error = thrown(() => describeOrder(fob, { data: fob.encode('confirmShipment', [`0x${'ab'.repeat(32)}`]), value: 1n }));
    expect(error.code).toBe('BAD_CALLDATA');
    expect(error.message).toContain('confirmShipment(bytes32) is not payable');
  });

  it('refuses a read-only function, which is not an order', async () => {
    const fob = await bundled('FobSale');
    const error = thrown(() => describeOrder(fob, { data: fob.encode('balanceDue') }));
    expect(error.code).toBe('BAD_CALLDATA');
    expect(error.message).toContain('read-only');
  });

  it('refuses what is not hex, or shorter than a selector, and empty calldata without receive', async () => {
    const fob = await bundled('FobSale');
    for (const data of ['payDeposit', '0x123', '0x1234', '0x']) expect(thrown(() => describeOrder(fob, { data })).code).toBe('BAD_CALLDATA');
    expect(thrown(() => describeOrder(fob, { data: '0x' })).message).toBe('the calldata is empty and FobSale has no receive or fallback function');
  });

  it('refuses a malformed value or sender as bad input', async () => {
    const fob = await bundled('FobSale');
    const data = fob.encode('payDeposit');
    expect(thrown(() => describeOrder(fob, { data, value: '1.5' })).code).toBe('BAD_INPUT');
    expect(thrown(() => describeOrder(fob, { data, value: -1n })).code).toBe('BAD_INPUT');
    expect(thrown(() => describeOrder(fob, { data, from: '0x12' })).code).toBe('BAD_INPUT');
  });
});
