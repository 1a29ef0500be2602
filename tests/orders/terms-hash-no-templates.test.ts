import { describe, expect, it, vi } from 'vitest';

vi.mock('../../src/render/engine.ts', () => ({
  handlebars: null,
  loadLocale: () => {
    throw new Error('templates were read');
  },
  listLocales: () => [],
}));

describe('termsHash never reads templates', () => {
  it('describes and hashes an order with the template engine unavailable', async () => {
    const { describeOrder } = await import('../../src/orders/describe.ts');
    const { termsHash } = await import('../../src/orders/terms-hash.ts');
    const { bundled } = await import('./contracts.ts');
    const fob = await bundled('FobSale');
    const order = describeOrder(fob, { data: fob.encode('payDeposit'), value: 1n });
    expect(termsHash(order)).toMatch(/^0x[0-9a-f]{64}$/);
    expect(termsHash(fob.terms)).toBe(order.contractHash);
  });
});
