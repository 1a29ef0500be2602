import { execFileSync } from 'node:child_process';
import { describe, expect, it } from 'vitest';
import * as orders from '../../src/orders/index.ts';
import { repo } from './contracts.ts';

describe('the orders library API', () => {
  it('exports describeOrder, termsHash, toErc7730 and the rendering functions', () => {
    for (const name of ['describeOrder', 'termsHash', 'toErc7730', 'renderOrder', 'buildOrderStatements', 'buildOrderDocument', 'loadContract']) {
      expect(typeof (orders as Record<string, unknown>)[name], name).toBe('function');
    }
  });

  it('runs the platform example: the order’s terms in Markdown and their hash, ready to store', () => {
    const output = execFileSync(process.execPath, ['--import', 'tsx', 'examples/platform-order.ts'], { cwd: repo, encoding: 'utf8' });
    expect(output).toContain('# Place Order (`placeOrder`): an order to MarketplaceOrder');
    expect(output).toContain('Amount (`amount`): 250 TUSD (250,000,000 in the token\'s smallest unit)');
    const record = JSON.parse(output.slice(output.indexOf('\n{') + 1));
    expect(record.terms.termsHash).toMatch(/^0x[0-9a-f]{64}$/);
    expect(record.terms.unmetConditions).toBe(0);
    expect(output).toContain(`Terms hash of this order (keccak256): \`${record.terms.termsHash}\``);
  });
});
