import { getAddress } from 'ethers';
import { describe, expect, it } from 'vitest';
import { registerErc7730Command } from '../../src/cli/erc7730-command.ts';
import { buildErc7730, type Erc7730Descriptor, toErc7730 } from '../../src/orders/erc7730.ts';
import { interpolatedPaths } from '../../src/orders/erc7730-intent.ts';
import { toErc7730V1 } from '../../src/orders/erc7730-v1.ts';
import { BUNDLED, bundled } from './contracts.ts';
import { expectValid, validateV1, validateV2 } from './erc7730-schemas.ts';
import { runCommand } from './run-command.ts';

const DEPLOYMENT = { chainId: 31337, address: '0x5fbdb2315678afecb367f032d93f642f64180aa3' };
const SIGNED = ['SignedOrderBook', 'tests/orders/fixtures/SignedOrderBook.sol'] as const;
const SHAPES = ['Shapes', 'tests/fixtures/erc7730/Shapes.sol'] as const;
const CONTRACTS: [string, string | undefined][] = [...BUNDLED.map((name): [string, undefined] => [name, undefined]), [...SIGNED], [...SHAPES]];
const VALUE_FORMATS = new Set(['amount', 'tokenAmount', 'unit', 'addressName']);

function formatsOf(descriptor: Erc7730Descriptor) {
  return Object.entries(descriptor.display.formats);
}

describe('toErc7730 (v2.0.0)', () => {
  it('is checked by a validator that rejects a v1-shaped format (required/excluded) and an embedded ABI', async () => {
    const { terms, abi } = await bundled('FobSale');
    const descriptor = toErc7730(terms, abi, DEPLOYMENT);
    const key = 'payDeposit()';
    const v1Format = { ...descriptor.display.formats[key], required: ['@.value'], excluded: [] };
    expect(validateV2({ ...descriptor, display: { formats: { [key]: v1Format } } })).toBe(false);
    expect(validateV2({ ...descriptor, context: { $id: 'FobSale', contract: { abi, deployments: [] }, extra: 1 } })).toBe(false);
    expect(validateV2(toErc7730V1(descriptor, abi))).toBe(false);
  });

  it.each(CONTRACTS)('writes a descriptor for %s that the ERC-7730 v2 schema accepts, keyed by each function’s signature', async (name, file) => {
    const { terms, abi, iface } = await bundled(name, file);
    const descriptor = toErc7730(terms, abi, DEPLOYMENT);
    expectValid(validateV2, descriptor);
    expect(descriptor.$schema).toBe('https://eips.ethereum.org/assets/eip-7730/erc7730-v2.schema.json');
    expect(descriptor.context.contract).toEqual({ deployments: [{ chainId: 31337, address: getAddress(DEPLOYMENT.address) }] });
    const functions = terms.actions.filter((action) => action.kind === 'function');
    expect(formatsOf(descriptor)).toHaveLength(functions.length);
    for (const [key, format] of formatsOf(descriptor)) {
      // The key, without its names, is the function's signature: wallets match the selector from it.
      const typesOnly = key.replace(/ [A-Za-z_$][\w$]*(?=[,)])/g, '');
      expect(functions.map((action) => action.id)).toContain(typesOnly);
      expect(iface.getFunction(typesOnly)).not.toBeNull();
      expect(format).not.toHaveProperty('required');
      expect(format).not.toHaveProperty('excluded');
      for (const field of format.fields) {
        expect(['always', 'never', 'optional']).toContain(field.visible);
        // Nothing that moves value, names a recipient or sets a rate is hidden.
        if (VALUE_FORMATS.has(field.format)) expect(field.visible, `${key} ${field.path}`).toBe('always');
      }
    }
  });

  it.each(CONTRACTS)('shows the ETH sent on every payable function of %s, always', async (name, file) => {
    const { terms, abi } = await bundled(name, file);
    const descriptor = toErc7730(terms, abi);
    const payable = terms.actions.filter((action) => action.kind === 'function' && action.payable);
    for (const [key, format] of formatsOf(descriptor)) {
      const action = terms.actions.find((candidate) => candidate.name === format.$id && key.startsWith(`${candidate.name}(`))!;
      const value = format.fields.filter((field) => field.path === '@.value');
      expect(value, key).toEqual(action.payable ? [{ path: '@.value', label: 'ETH sent', format: 'amount', visible: 'always' }] : []);
    }
    if (name === 'FobSale') expect(payable.map((action) => action.name)).toEqual(['payDeposit', 'payBalance']);
  });

  it.each(CONTRACTS)('interpolates in the intents of %s only fields that exist and are always shown', async (name, file) => {
    const { terms, abi } = await bundled(name, file);
    for (const lang of ['en', 'zh']) {
      for (const [key, format] of formatsOf(toErc7730(terms, abi, { lang }))) {
        const shown = new Set(format.fields.filter((field) => field.visible === 'always').map((field) => field.path));
        for (const path of interpolatedPaths(format.interpolatedIntent)) expect(shown, `${lang} ${key}: ${format.interpolatedIntent}`).toContain(path);
      }
    }
  });

  it('keys a struct parameter with its field names and shows each field by what the code does with it; the seller’s signature is not shown', async () => {
    const { terms, abi } = await bundled(...SIGNED);
    const descriptor = toErc7730(terms, abi);
    const key = 'fill((address seller,address buyer,uint256 price,uint64 deadline,uint16 feeBps,uint256 nonce) order,bytes signature)';
    const format = descriptor.display.formats[key];
    expect(format.fields.map((field) => [field.path, field.format, field.visible])).toEqual([
      ['order.seller', 'addressName', 'always'],
      ['order.buyer', 'addressName', 'always'],
      ['order.price', 'amount', 'always'],
      ['order.deadline', 'date', 'always'],
      ['order.feeBps', 'unit', 'always'],
      ['order.nonce', 'raw', 'always'],
      ['signature', 'raw', 'never'],
      ['@.value', 'amount', 'always'],
    ]);
    expect(format.interpolatedIntent).toBe('Fill, sending {@.value} (Seller {order.seller}, Buyer {order.buyer}, Price {order.price}, Deadline {order.deadline}, Fee BPS {order.feeBps})');
  });

  it('says what the model proves in interpolated intents: the ETH sent, the tokens the caller pays, a party replaced', async () => {
    const fob = toErc7730((await bundled('FobSale')).terms, (await bundled('FobSale')).abi).display.formats;
    expect(fob['payDeposit()']).toMatchObject({ intent: 'Pay Deposit', interpolatedIntent: 'Pay Deposit, sending {@.value}' });
    const { terms, abi } = await bundled('MarketplaceOrder');
    const market = toErc7730(terms, abi).display.formats;
    expect(market['placeOrder(address seller,uint256 amount,uint64 deliverBy)'].interpolatedIntent).toBe('Place Order, paying {amount} (Seller {seller}, Deliver By {deliverBy})');
    expect(market['setFeeRecipient(address newRecipient)'].interpolatedIntent).toBe('Make {newRecipient} the Fee Recipient');
    expect(market['transferOwnership(address newOwner)'].interpolatedIntent).toBe('Make {newOwner} the Owner');
    // Where the money goes is left to the summary; an id is not named.
    expect(market['markShipped(uint256 id)'].interpolatedIntent).toBe('Mark Shipped');
  });

  it('declares a fee rate the owner can change alone: unbounded in the marketplace, bounded in the auction, applying to deals already made', async () => {
    const market = await bundled('MarketplaceOrder');
    const fee = toErc7730(market.terms, market.abi).display.formats['setFeeBps(uint256 newFeeBps)'];
    expect(fee.fields).toEqual([{ path: 'newFeeBps', label: 'New Fee BPS', format: 'unit', params: { base: '%', decimals: 2 }, visible: 'always' }]);
    expect(fee.interpolatedIntent).toBe(
      'Change the Fee BPS to {newFeeBps}: a rate the Owner may change alone, with no upper limit in the code; the new rate also applies to deals already made',
    );
    const auction = await bundled('ConsignmentAuction');
    const commission = toErc7730(auction.terms, auction.abi).display.formats['setCommissionBps(uint256 newBps)'];
    expect(commission.interpolatedIntent).toBe('Change the Commission BPS to {newBps}: a rate the Owner may change alone; the new rate also applies to deals already made');
    // Where that rate is applied, the intent says the owner may change it.
    const formats = toErc7730(market.terms, market.abi).display.formats;
    expect(formats['confirmDelivery(uint256 id)'].interpolatedIntent).toBe('Confirm Delivery; its payments apply the Fee BPS, a rate the Owner may change alone');
    expect(formats['cancel(uint256 id)'].interpolatedIntent).toBe('Cancel');
    expect(toErc7730(auction.terms, auction.abi).display.formats['settle()'].interpolatedIntent).toBe('Settle; its payments apply the Commission BPS, a rate the Owner may change alone');
    const zh = toErc7730(market.terms, market.abi, { lang: 'zh' }).display.formats['setFeeBps(uint256 newFeeBps)'];
    expect(zh.interpolatedIntent).toBe('将费率 feeBps 改为 {newFeeBps}（合约所有者可单方变更该费率，代码未设上限；新费率也适用于已成立的交易）');
  });

  it('binds a token amount to the token the code holds when its address is known, and to none otherwise', async () => {
    const { terms, abi } = await bundled('MarketplaceOrder');
    const key = 'placeOrder(address seller,uint256 amount,uint64 deliverBy)';
    const amountOf = (descriptor: Erc7730Descriptor) => descriptor.display.formats[key].fields[1];
    expect(amountOf(toErc7730(terms, abi))).toEqual({ path: 'amount', label: 'Amount', format: 'tokenAmount', visible: 'always' });
    const token = '0xe7f1725e7734ce288f8367e1bb143e90bb3f0512';
    const descriptor = toErc7730(terms, abi, { tokens: { stablecoin: { address: token, symbol: null, decimals: null } } });
    expect(amountOf(descriptor).params).toEqual({ token: '0xe7f1725E7734CE288F8367e1Bb143E90bb3F0512' });
    expectValid(validateV2, descriptor);
  });

  it('binds a token amount to the token parameter or struct field the code pays in, keys nested structs and arrays, and names an unnamed parameter', async () => {
    const { terms, abi } = await bundled(...SHAPES);
    const descriptor = toErc7730(terms, abi);
    expectValid(validateV2, descriptor);
    const formats = descriptor.display.formats;
    expect(formats['swap(address token,uint256 amount,address to)'].fields[1]).toMatchObject({ path: 'amount', format: 'tokenAmount', params: { tokenPath: 'token' } });
    expect(formats['pay((address token,uint256 amount) leg)'].fields[1]).toMatchObject({ path: 'leg.amount', format: 'tokenAmount', params: { tokenPath: 'leg.token' } });
    expect(formats['pay((address token,uint256 amount) leg)'].interpolatedIntent).toBe('Pay, paying {leg.amount} (Token {leg.token})');
    const route = formats['route(((address token,uint256 amount) leg,address[] hops,uint64 deadline) r,uint256 arg1)'];
    expect(route.fields.map((field) => [field.path, field.label, field.format])).toEqual([
      ['r.leg.token', 'Token', 'addressName'],
      ['r.leg.amount', 'Amount', 'raw'],
      ['r.hops.[]', 'Hops', 'addressName'],
      ['r.deadline', 'Deadline', 'date'],
      ['arg1', 'Arg1', 'raw'],
    ]);
  });

  it('formats placeOrder by what the code does: seller by name, amount in the token, delivery as a date', async () => {
    const { terms, abi } = await bundled('MarketplaceOrder');
    const format = toErc7730(terms, abi).display.formats['placeOrder(address seller,uint256 amount,uint64 deliverBy)'];
    expect(format).toMatchObject({ $id: 'placeOrder', intent: 'Place Order' });
    expect(format.fields.map(({ path, format: name, params }) => ({ path, format: name, params }))).toEqual([
      { path: 'seller', format: 'addressName', params: { sources: ['local', 'ens'] } },
      { path: 'amount', format: 'tokenAmount', params: undefined },
      { path: 'deliverBy', format: 'date', params: { encoding: 'timestamp' } },
    ]);
  });

  it('labels an index by the collection it picks from', async () => {
    const { terms, abi } = await bundled('MilestoneEscrow');
    const [field] = toErc7730(terms, abi).display.formats['approve(uint256 i)'].fields;
    expect(field).toEqual({ path: 'i', label: 'Milestones entry', format: 'raw', visible: 'always' });
  });

  it('gives the model of each format beside the descriptor, for fixtures', async () => {
    const { terms, abi } = await bundled('FobSale');
    const model = buildErc7730(terms, abi);
    expect([...model.formats.keys()]).toEqual(Object.keys(model.descriptor.display.formats));
  });
});

describe('toErc7730V1 (deprecated, --erc7730-version 1)', () => {
  it.each(CONTRACTS)('writes for %s a descriptor the ERC-7730 v1 schema accepts, fields shown always required, the signature excluded', async (name, file) => {
    const { terms, abi } = await bundled(name, file);
    const descriptor = toErc7730(terms, abi, DEPLOYMENT);
    const v1 = toErc7730V1(descriptor, abi);
    expectValid(validateV1, v1);
    expect(v1.context.contract.abi).toBe(abi);
    for (const [key, format] of Object.entries(v1.display.formats)) {
      const v2 = descriptor.display.formats[key];
      expect(format.required).toEqual(v2.fields.filter((field) => field.visible === 'always').map((field) => field.path));
      expect(format.excluded).toEqual(v2.fields.filter((field) => field.visible === 'never').map((field) => field.path));
    }
  });
});

describe('plainterms erc7730', () => {
  it('prints a v2 descriptor by default, bound to the given deployment', async () => {
    const result = await runCommand(registerErc7730Command, ['erc7730', 'contracts/LetterOfCredit.sol', '--chain-id', '1', '--address', DEPLOYMENT.address]);
    expect(result.code).toBe(0);
    const descriptor = JSON.parse(result.stdout);
    expectValid(validateV2, descriptor);
    expect(descriptor.context.contract.deployments[0].chainId).toBe(1);
  });

  it('prints a v1 descriptor with --erc7730-version 1', async () => {
    const result = await runCommand(registerErc7730Command, ['erc7730', 'contracts/FobSale.sol', '--erc7730-version', '1']);
    expect(result.code).toBe(0);
    expectValid(validateV1, JSON.parse(result.stdout));
  });

  it('refuses an ERC-7730 version it does not write', async () => {
    const result = await runCommand(registerErc7730Command, ['erc7730', 'contracts/FobSale.sol', '--erc7730-version', '3']);
    expect(result.code).not.toBe(0);
    expect(result.stderr).toContain('Allowed choices are 1, 2');
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
