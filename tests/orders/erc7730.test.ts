import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import type { Options, ValidateFunction } from 'ajv-draft-04';
import { getAddress } from 'ethers';
import { describe, expect, it } from 'vitest';
import { registerErc7730Command } from '../../src/cli/erc7730-command.ts';
import { toErc7730 } from '../../src/orders/erc7730.ts';
import { BUNDLED, bundled } from './contracts.ts';
import { runCommand } from './run-command.ts';

/**
 * The v1 schema names one of its definitions `id`, which draft-04 reads as a schema identifier; Ajv then
 * fails to resolve `#/$definitions/id`. The definition is renamed (with its references) before compiling;
 * nothing else in the schema changes.
 */
const schemaText = readFileSync(new URL('../fixtures/erc7730/erc7730-v1.schema.json', import.meta.url), 'utf8');
const schema = JSON.parse(schemaText.replaceAll('#/$definitions/id"', '#/$definitions/identifier"'));
schema.$definitions.identifier = schema.$definitions.id;
delete schema.$definitions.id;
type AjvInstance = { compile(schema: object): ValidateFunction };
const Ajv = createRequire(import.meta.url)('ajv-draft-04') as new (options: Options) => AjvInstance;
const ajv = new Ajv({ strict: false, validateFormats: false, allErrors: true });
const validate = ajv.compile(schema);
const DEPLOYMENT = { chainId: 31337, address: '0x5fbdb2315678afecb367f032d93f642f64180aa3' };

function expectValid(descriptor: unknown): void {
  const valid = validate(descriptor);
  expect(validate.errors ?? [], JSON.stringify(validate.errors, null, 2)).toEqual([]);
  expect(valid).toBe(true);
}

describe('toErc7730', () => {
  it('is checked by a validator that rejects a broken descriptor', async () => {
    const { terms, abi } = await bundled('FobSale');
    const descriptor = toErc7730(terms, abi);
    const broken = { ...descriptor, display: { formats: { 'payDeposit()': { fields: [{ path: '@.value', format: 'amount' }] } } } };
    expect(validate(broken)).toBe(false);
  });

  it.each(BUNDLED)('writes a descriptor for %s that the ERC-7730 v1 schema accepts, with every field required', async (name) => {
    const { terms, abi } = await bundled(name);
    const descriptor = toErc7730(terms, abi, DEPLOYMENT);
    expectValid(descriptor);
    const functions = terms.actions.filter((action) => action.kind === 'function');
    expect(Object.keys(descriptor.display.formats)).toHaveLength(functions.length);
    for (const format of Object.values(descriptor.display.formats)) {
      expect(format.required).toEqual(format.fields.map((field) => field.path));
      expect(format.excluded).toEqual([]);
    }
    expect(descriptor.context.contract.deployments).toEqual([{ chainId: 31337, address: getAddress(DEPLOYMENT.address) }]);
  });

  it('formats placeOrder by what the code does: seller by name, amount in the token, delivery as a date', async () => {
    const { terms, abi } = await bundled('MarketplaceOrder');
    const format = toErc7730(terms, abi).display.formats['placeOrder(address seller,uint256 amount,uint64 deliverBy)'];
    expect(format).toMatchObject({ $id: 'placeOrder', intent: 'Place Order' });
    expect(format.fields).toEqual([
      { path: 'seller', label: 'Seller', format: 'addressName', params: { sources: ['local', 'ens'] } },
      { path: 'amount', label: 'Amount', format: 'tokenAmount', params: {} },
      { path: 'deliverBy', label: 'Deliver By', format: 'date', params: { encoding: 'timestamp' } },
    ]);
  });

  it('names the token of a token amount when its address is known', async () => {
    const { terms, abi } = await bundled('MarketplaceOrder');
    const token = '0xe7f1725e7734ce288f8367e1bb143e90bb3f0512';
    const descriptor = toErc7730(terms, abi, { tokens: { stablecoin: { address: token, symbol: null, decimals: null } } });
    const amount = descriptor.display.formats['placeOrder(address seller,uint256 amount,uint64 deliverBy)'].fields[1];
    expect(amount.params).toEqual({ token: '0xe7f1725E7734CE288F8367e1Bb143E90bb3F0512' });
    expectValid(descriptor);
  });

  it('shows basis points as a percentage with two decimals', async () => {
    const { terms, abi } = await bundled('MarketplaceOrder');
    const [field] = toErc7730(terms, abi).display.formats['setFeeBps(uint256 newFeeBps)'].fields;
    expect(field).toEqual({ path: 'newFeeBps', label: 'New Fee BPS', format: 'unit', params: { base: '%', decimals: 2 } });
  });

  it('shows the ETH sent on payable functions, as an amount', async () => {
    const { terms, abi } = await bundled('FobSale');
    const format = toErc7730(terms, abi).display.formats['payDeposit()'];
    expect(format.fields).toEqual([{ path: '@.value', label: 'ETH sent', format: 'amount' }]);
    expect(format.required).toEqual(['@.value']);
  });

  it('shows an auction’s ETH amounts, its duration and commission in the constructor-free formats', async () => {
    const { terms, abi } = await bundled('ConsignmentAuction');
    const formats = toErc7730(terms, abi).display.formats;
    expect(formats['bid()'].fields).toEqual([{ path: '@.value', label: 'ETH sent', format: 'amount' }]);
    expect(formats['setCommissionBps(uint256 newBps)'].fields[0]).toMatchObject({ format: 'unit', params: { base: '%', decimals: 2 } });
    expect(formats['transferOwnership(address newOwner)'].fields[0]).toMatchObject({ format: 'addressName' });
  });
});

describe('plainterms erc7730', () => {
  it('prints a valid descriptor bound to the given deployment', async () => {
    const result = await runCommand(registerErc7730Command, ['erc7730', 'contracts/LetterOfCredit.sol', '--chain-id', '1', '--address', DEPLOYMENT.address]);
    expect(result.code).toBe(0);
    const descriptor = JSON.parse(result.stdout);
    expectValid(descriptor);
    expect(descriptor.context.contract.deployments[0].chainId).toBe(1);
  });

  it('is a usage error to give a chain id without an address', async () => {
    const result = await runCommand(registerErc7730Command, ['erc7730', 'contracts/FobSale.sol', '--chain-id', '1']);
    expect(result.code).toBe(2);
  });

  it('rejects a malformed address with exit code 1', async () => {
    const result = await runCommand(registerErc7730Command, ['erc7730', 'contracts/FobSale.sol', '--chain-id', '1', '--address', '0x12']);
    expect(result.code).toBe(1);
    expect(result.stderr).toContain('is not an address');
  });
});

describe('toErc7730 labels', () => {
  it('labels an index by the collection it picks from', async () => {
    const { terms, abi } = await bundled('MilestoneEscrow');
    const [field] = toErc7730(terms, abi).display.formats['approve(uint256 i)'].fields;
    expect(field).toEqual({ path: 'i', label: 'Milestones entry', format: 'raw' });
  });
});
