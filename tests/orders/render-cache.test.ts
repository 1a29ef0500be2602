import { describe, expect, it } from 'vitest';
import { describeOrder } from '../../src/orders/describe.ts';
import type { OrderCallInput, OrderFacts } from '../../src/orders/model.ts';
import { buildOrderStatements, renderOrder, wordDirectly } from '../../src/orders/render.ts';
import { BUYER, type Bundled, bundled, SELLER, STRANGER } from './contracts.ts';

interface Sample {
  contract: string;
  call: (contract: Bundled) => OrderCallInput;
  facts?: OrderFacts;
}

const SAMPLES: Sample[] = [
  { contract: 'FobSale', call: (c) => ({ data: c.encode('payDeposit'), value: 300000000000000000n, from: BUYER }), facts: { parties: { buyer: BUYER, seller: SELLER } } },
  { contract: 'FobSale', call: (c) => ({ data: c.encode('payDeposit'), value: 1n, from: SELLER }), facts: { parties: { buyer: BUYER, seller: SELLER }, state: { deposit: '5' } } },
  { contract: 'FobSale', call: (c) => ({ data: c.encode('confirmShipment', [`0x${'00'.repeat(32)}`]) }) },
  { contract: 'FobSale', call: (c) => ({ data: c.encode('payBalance'), value: 0n }) },
  { contract: 'MarketplaceOrder', call: (c) => ({ data: c.encode('placeOrder', [SELLER, 250_000_000n, 1796083200n]), from: BUYER }) },
  { contract: 'MarketplaceOrder', call: (c) => ({ data: c.encode('placeOrder', [BUYER, 0n, 0n]), from: BUYER }), facts: { tokens: { stablecoin: { address: null, symbol: 'TUSD', decimals: 6 } } } },
  { contract: 'MarketplaceOrder', call: (c) => ({ data: c.encode('setFeeBps', [123n]) }) },
  { contract: 'MarketplaceOrder', call: (c) => ({ data: c.encode('cancel', [9n]), from: STRANGER }) },
  { contract: 'ArbiterEscrow', call: (c) => ({ data: c.encode('resolve', [true]) }) },
  { contract: 'ArbiterEscrow', call: (c) => ({ data: c.encode('resolve', [false]), from: STRANGER }) },
  { contract: 'ConsignmentAuction', call: (c) => ({ data: c.encode('bid'), value: 1500000000000000001n }) },
  { contract: 'LetterOfCredit', call: (c) => ({ data: c.encode('rejectDocuments', ['Invoice amount differs']) }) },
  { contract: 'MilestoneEscrow', call: (c) => ({ data: c.encode('resolve', [2n, true]) }) },
];

describe('sentences shared by orders of the same shape', () => {
  it.each(SAMPLES.map((sample, index) => [index, sample] as const))('gives the same words as wording order %i directly', async (_, sample) => {
    const contract = await bundled(sample.contract);
    const order = describeOrder(contract, sample.call(contract), sample.facts);
    const direct = wordDirectly(order, contract.terms);
    expect(buildOrderStatements(order, contract.terms)).toEqual(direct);
    expect(buildOrderStatements(order, contract.terms)).toEqual(direct);
    expect(direct.map((statement) => statement.text).join('\n')).not.toMatch(/[\u0001\u0002]/);
    const unshaped = JSON.parse(JSON.stringify(order));
    for (const format of ['text', 'md'] as const) {
      expect(renderOrder(order, contract.terms, { format })).toBe(renderOrder(unshaped, contract.terms, { format }));
    }
  });

  it('puts each order’s own values into a shared shape', async () => {
    const market = await bundled('MarketplaceOrder');
    const first = describeOrder(market, { data: market.encode('placeOrder', [SELLER, 1_000n, 1796083200n]) });
    const second = describeOrder(market, { data: market.encode('placeOrder', [SELLER, 2_000n, 1798761600n]) });
    const text = (order: typeof first) => renderOrder(order, market.terms, { format: 'md' });
    expect(text(first)).toContain('Amount (`amount`): 1,000 in the token\'s smallest unit');
    expect(text(second)).toContain('Amount (`amount`): 2,000 in the token\'s smallest unit');
    expect(text(second)).toContain('January 1, 2027 at 00:00:00 UTC');
    expect(text(second)).not.toContain('1,000');
  });

  it('words an order that did not come from describeOrder (e.g. read back from JSON) directly', async () => {
    const fob = await bundled('FobSale');
    const order = describeOrder(fob, { data: fob.encode('payDeposit'), value: 7n });
    const copy = JSON.parse(JSON.stringify(order));
    expect(buildOrderStatements(copy, fob.terms)).toEqual(buildOrderStatements(order, fob.terms));
  });
});
