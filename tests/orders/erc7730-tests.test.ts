import { mkdirSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { Transaction } from 'ethers';
import { afterAll, describe, expect, it } from 'vitest';
import { registerErc7730Command } from '../../src/cli/erc7730-command.ts';
import { isPlaintermsError } from '../../src/errors.ts';
import { describeOrder } from '../../src/orders/describe.ts';
import { buildErc7730, type Erc7730Model } from '../../src/orders/erc7730.ts';
import { type Erc7730Tests, fieldsOfOrder, toErc7730Tests } from '../../src/orders/erc7730-tests.ts';
import { BUNDLED, bundled, repo } from './contracts.ts';
import { expectValid, validateTests, validateV2 } from './erc7730-schemas.ts';
import { runCommand } from './run-command.ts';

const DEPLOYMENT = { chainId: 31337, address: '0x5FbDB2315678afecb367f032d93F642f64180aa3' };
const TOKEN = { address: '0xe7f1725E7734CE288F8367e1Bb143E90bb3F0512', symbol: 'TUSD', decimals: 6, name: 'Test USD' };
const CONTRACTS: [string, string | undefined][] = [...BUNDLED.map((name): [string, undefined] => [name, undefined]), ['SignedOrderBook', 'tests/orders/fixtures/SignedOrderBook.sol'], ['Shapes', 'tests/fixtures/erc7730/Shapes.sol']];
const golden = (name: string) => path.join(repo, 'tests', 'golden', name);
const temps: string[] = [];

afterAll(() => {
  for (const folder of temps) rmSync(folder, { recursive: true, force: true });
});

/** Each fixture's transaction, decoded by describeOrder, shows the fields the fixture expects. */
async function expectDecodesAsExpected(name: string, file: string | undefined, model: Erc7730Model, tests: Erc7730Tests): Promise<void> {
  const contract = await bundled(name, file);
  const tokens = tests.dataProvider?.tokens ?? {};
  for (const test of tests.tests) {
    const tx = Transaction.from(test.rawTx);
    expect(tx.to).toBe(model.descriptor.context.contract.deployments![0].address);
    expect(tx.chainId).toBe(BigInt(model.descriptor.context.contract.deployments![0].chainId));
    const order = describeOrder(contract, { data: tx.data, value: tx.value });
    expect(fieldsOfOrder(model, order, tokens), test.description).toEqual(test.expected);
  }
}

describe('toErc7730Tests', () => {
  it.each(CONTRACTS)('writes for %s a fixtures file the tests schema accepts, one transaction per format, that our decoder reads back to the expected fields', async (name, file) => {
    const { terms, abi } = await bundled(name, file);
    const model = buildErc7730(terms, abi, DEPLOYMENT);
    const tests = toErc7730Tests(model, abi, { descriptor: `${name}.erc7730.json` });
    expectValid(validateTests, tests);
    expect(tests.tests.map((test) => test.description)).toEqual(Object.keys(model.descriptor.display.formats));
    for (const test of tests.tests) {
      const format = model.descriptor.display.formats[test.description];
      expect(test.expected.intent).toBe(format.intent);
      expect(test.expected.fields.map((field) => field.label)).toEqual(format.fields.filter((field) => field.visible !== 'never').map((field) => field.label));
      expect(test.expected.interpolatedIntent).not.toMatch(/[{}]/);
    }
    await expectDecodesAsExpected(name, file, model, tests);
  });

  it('formats sample values as the spec’s formats show them: ETH, token with its ticker, date, rate, address', async () => {
    const { terms, abi } = await bundled('MarketplaceOrder');
    const tokens = { stablecoin: TOKEN };
    const tests = toErc7730Tests(buildErc7730(terms, abi, { ...DEPLOYMENT, tokens }), abi, { descriptor: 'd.json', tokens });
    const byKey = new Map(tests.tests.map((test) => [test.description, test.expected]));
    expect(tests.dataProvider).toEqual({ tokens: { [TOKEN.address.toLowerCase()]: { symbol: 'TUSD', decimals: 6, name: 'Test USD' } } });
    expect(byKey.get('placeOrder(address seller,uint256 amount,uint64 deliverBy)')).toEqual({
      intent: 'Place Order',
      interpolatedIntent: 'Place Order, paying 1.5 TUSD (Seller 0x1111111111111111111111111111111111111111, Deliver By 2026-01-01T00:00:00Z)',
      fields: [
        { label: 'Seller', value: '0x1111111111111111111111111111111111111111' },
        { label: 'Amount', value: '1.5 TUSD' },
        { label: 'Deliver By', value: '2026-01-01T00:00:00Z' },
      ],
    });
    expect(byKey.get('setFeeBps(uint256 newFeeBps)')?.fields).toEqual([{ label: 'New Fee BPS', value: '2.5%' }]);
    const fob = await bundled('FobSale');
    const fobTests = toErc7730Tests(buildErc7730(fob.terms, fob.abi, DEPLOYMENT), fob.abi, { descriptor: 'd.json' });
    expect(fobTests.tests.find((test) => test.description === 'payDeposit()')?.expected).toEqual({
      intent: 'Pay Deposit',
      interpolatedIntent: 'Pay Deposit, sending 1.5 ETH',
      fields: [{ label: 'ETH sent', value: '1.5 ETH' }],
    });
  });

  it('leaves out of the expected fields the signature it does not show, but signs the order with the sample values', async () => {
    const { terms, abi } = await bundled('SignedOrderBook', 'tests/orders/fixtures/SignedOrderBook.sol');
    const tests = toErc7730Tests(buildErc7730(terms, abi, DEPLOYMENT), abi, { descriptor: 'd.json' });
    const [fill] = tests.tests;
    expect(fill.expected.fields.map((field) => field.label)).toEqual(['Seller', 'Buyer', 'Price', 'Deadline', 'Fee BPS', 'Nonce', 'ETH sent']);
    expect(fill.expected.fields.find((field) => field.label === 'Price')?.value).toBe('1.5 ETH');
  });

  it('shows an array field once per element, with the array’s label', async () => {
    const { terms, abi } = await bundled('Shapes', 'tests/fixtures/erc7730/Shapes.sol');
    const tests = toErc7730Tests(buildErc7730(terms, abi, DEPLOYMENT), abi, { descriptor: 'd.json' });
    const route = tests.tests.find((test) => test.description.startsWith('route('))!;
    expect(route.expected.fields).toContainEqual({ label: 'Hops', value: '0x2222222222222222222222222222222222222222' });
  });

  it('needs a deployment to address its transactions to', async () => {
    const { terms, abi } = await bundled('FobSale');
    let error: unknown;
    try {
      toErc7730Tests(buildErc7730(terms, abi), abi, { descriptor: 'd.json' });
    } catch (caught) {
      error = caught;
    }
    expect(isPlaintermsError(error) && error.code).toBe('USAGE');
  });
});

describe('the checked-in MarketplaceOrder descriptor and fixtures', () => {
  it('are what the code writes today', async () => {
    const { terms, abi } = await bundled('MarketplaceOrder');
    const tokens = { stablecoin: TOKEN };
    const model = buildErc7730(terms, abi, { ...DEPLOYMENT, tokens });
    await expect(`${JSON.stringify(model.descriptor, null, 2)}\n`).toMatchFileSnapshot(golden('MarketplaceOrder.erc7730.json'));
    const tests = toErc7730Tests(model, abi, { descriptor: 'MarketplaceOrder.erc7730.json', tokens });
    await expect(`${JSON.stringify(tests, null, 2)}\n`).toMatchFileSnapshot(golden('MarketplaceOrder.erc7730.tests.json'));
  });

  it('validate against their schemas, and the fixtures’ calldata decodes with our order decoder to the fields they expect', async () => {
    const descriptor = JSON.parse(readFileSync(golden('MarketplaceOrder.erc7730.json'), 'utf8'));
    const tests = JSON.parse(readFileSync(golden('MarketplaceOrder.erc7730.tests.json'), 'utf8')) as Erc7730Tests;
    expectValid(validateV2, descriptor);
    expectValid(validateTests, tests);
    expect(tests.descriptor).toBe('MarketplaceOrder.erc7730.json');
    const { terms, abi } = await bundled('MarketplaceOrder');
    const model = buildErc7730(terms, abi, { ...DEPLOYMENT, tokens: { stablecoin: TOKEN } });
    expect(model.descriptor).toEqual(descriptor);
    await expectDecodesAsExpected('MarketplaceOrder', undefined, model, tests);
  });
});

describe('plainterms erc7730 --tests', () => {
  it('writes the fixtures beside the descriptor, naming it by its path from the fixtures’ folder', async () => {
    const folder = mkdtempSync(path.join(os.tmpdir(), 'plainterms-erc7730-'));
    temps.push(folder);
    const output = path.join(folder, 'FobSale.json');
    const fixtures = path.join(folder, 'tests', 'FobSale.tests.json');
    mkdirSync(path.dirname(fixtures));
    const result = await runCommand(registerErc7730Command, [
      'erc7730', 'contracts/FobSale.sol', '--chain-id', '1', '--address', DEPLOYMENT.address, '-o', output, '--tests', fixtures,
    ]);
    expect(result.stderr).toBe('');
    expect(result.code).toBe(0);
    const tests = JSON.parse(readFileSync(fixtures, 'utf8'));
    expectValid(validateTests, tests);
    expect(tests.descriptor).toBe('../FobSale.json');
    expectValid(validateV2, JSON.parse(readFileSync(output, 'utf8')));
  });

  it('is a usage error without -o or without a deployment', async () => {
    const noOutput = await runCommand(registerErc7730Command, ['erc7730', 'contracts/FobSale.sol', '--chain-id', '1', '--address', DEPLOYMENT.address, '--tests', 'x.json']);
    expect(noOutput.code).toBe(2);
    expect(noOutput.stderr).toContain('-o');
    const noDeployment = await runCommand(registerErc7730Command, ['erc7730', 'contracts/FobSale.sol', '-o', '/nonexistent/d.json', '--tests', 'x.json']);
    expect(noDeployment.code).toBe(2);
    expect(noDeployment.stderr).toContain('deployment');
  });
});
