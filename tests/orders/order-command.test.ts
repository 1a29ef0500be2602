import { describe, expect, it } from 'vitest';
import { registerOrderCommand } from '../../src/cli/order-command.ts';
import { BUYER, bundled, SELLER } from './contracts.ts';
import { runCommand } from './run-command.ts';

const DELIVER_BY = 1796083200n;

describe('plainterms order', () => {
  it('states a marketplace order in text: a token amount, a UTC delivery date, conditions and the hash', async () => {
    const market = await bundled('MarketplaceOrder');
    const data = market.encode('placeOrder', [SELLER, 250_000_000n, DELIVER_BY]);
    const result = await runCommand(registerOrderCommand, ['order', market.file, '--contract', 'MarketplaceOrder', '--calldata', data, '--from', BUYER]);
    expect(result.stderr).toBe('');
    expect(result.code).toBe(0);
    expect(result.stdout).toContain('Place Order (`placeOrder`): an order to MarketplaceOrder');
    expect(result.stdout).toContain('Deliver By (`deliverBy`): December 1, 2026 at 00:00:00 UTC (Unix time 1796083200)');
    expect(result.stdout.replace(/\s+/g, ' ')).toContain('250,000,000 in the token\'s smallest unit; read this way because the code transfers it as an amount of the token at the Stablecoin');
    expect(result.stdout).toContain('[MarketplaceOrder.sol:100]');
    expect(result.stdout).toMatch(/Terms hash of this order \(keccak256\): 0x[0-9a-f]{64}/);
  });

  it('recognises the sender as a given party and states ETH exactly', async () => {
    const fob = await bundled('FobSale');
    const argv = ['order', fob.file, '--calldata', fob.encode('payDeposit'), '--value', '300000000000000000', '--from', BUYER, '--party', `buyer=${BUYER}`, '--format', 'md'];
    const result = await runCommand(registerOrderCommand, argv);
    expect(result.code).toBe(0);
    expect(result.stdout).toContain(`Sent by ${BUYER}, the Buyer`);
    expect(result.stdout).toContain('0.3 ETH is sent with this order.');
    expect(result.stdout).toMatch(/^# Pay Deposit/);
  });

  it('states a fee in basis points as a percentage', async () => {
    const market = await bundled('MarketplaceOrder');
    const result = await runCommand(registerOrderCommand, ['order', market.file, '--calldata', market.encode('setFeeBps', [250n])]);
    expect(result.stdout).toContain('New Fee BPS (`newFeeBps`): 2.5%; read this way because it is stored as `feeBps`');
  });

  it('prints the order model, its statements and its terms hash as JSON', async () => {
    const market = await bundled('MarketplaceOrder');
    const data = market.encode('cancel', [3n]);
    const result = await runCommand(registerOrderCommand, ['order', market.file, '--calldata', data, '--format', 'json']);
    const document = JSON.parse(result.stdout);
    expect(document).toMatchObject({ schema: 'plainterms/order-document@1', language: 'en', order: { action: { id: 'cancel(uint256)' } } });
    expect(document.termsHash).toMatch(/^0x[0-9a-f]{64}$/);
    expect(document.statements.map((statement: { id: string }) => statement.id)).toContain('argument:id');
    expect(document.sources).toContainEqual({ path: market.file, keccak256: expect.stringMatching(/^0x[0-9a-f]{64}$/) });
  });

  it('exits 1 with a clear message for an unknown selector, undecodable calldata or ETH to a non-payable function', async () => {
    const fob = await bundled('FobSale');
    const cases = [
      ['--calldata', '0x12345678'],
      ['--calldata', `${fob.encode('confirmShipment', [`0x${'ab'.repeat(32)}`]).slice(0, 40)}`],
      ['--calldata', fob.encode('cancelIfNotShipped'), '--value', '5'],
    ];
    for (const extra of cases) {
      const result = await runCommand(registerOrderCommand, ['order', fob.file, ...extra]);
      expect(result.code).toBe(1);
      expect(result.stdout).toBe('');
      expect(result.stderr).toMatch(/^plainterms: .+\n/);
    }
  });

  it('exits 2 without calldata', async () => {
    const fob = await bundled('FobSale');
    const result = await runCommand(registerOrderCommand, ['order', fob.file]);
    expect(result.code).toBe(2);
  });
});
