import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { TypedDataEncoder } from 'ethers';
import { afterAll, describe, expect, it } from 'vitest';
import { registerOrderCommand } from '../../src/cli/order-command.ts';
import { isPlaintermsError } from '../../src/errors.ts';
import type { OrderArgument } from '../../src/orders/model.ts';
import { buildOrderStatements, renderOrder, wordDirectly } from '../../src/orders/render.ts';
import { termsHash } from '../../src/orders/terms-hash.ts';
import { describeSignedOrder, type TypedDataInput } from '../../src/orders/typed-data.ts';
import { BUYER, bundled, SELLER } from './contracts.ts';
import { runCommand } from './run-command.ts';

const FILE = 'tests/orders/fixtures/SignedOrderBook.sol';
const BOOK = '0x5FbDB2315678afecb367f032d93F642f64180aa3';
const temps: string[] = [];
afterAll(() => {
  for (const folder of temps) rmSync(folder, { recursive: true, force: true });
});

function typedData(overrides: Record<string, unknown> = {}): TypedDataInput {
  return {
    domain: { name: 'SignedOrderBook', version: '1', chainId: 31337, verifyingContract: BOOK },
    types: {
      EIP712Domain: [
        { name: 'name', type: 'string' },
        { name: 'version', type: 'string' },
        { name: 'chainId', type: 'uint256' },
        { name: 'verifyingContract', type: 'address' },
      ],
      Order: [
        { name: 'seller', type: 'address' },
        { name: 'buyer', type: 'address' },
        { name: 'price', type: 'uint256' },
        { name: 'deadline', type: 'uint64' },
        { name: 'feeBps', type: 'uint16' },
        { name: 'nonce', type: 'uint256' },
      ],
    },
    primaryType: 'Order',
    message: { seller: SELLER, buyer: BUYER, price: '2500000000000000000', deadline: 1796083200, feeBps: 250, nonce: 7, ...overrides },
  };
}

function field(args: OrderArgument[], name: string): OrderArgument {
  const found = args.find((arg) => arg.name === name);
  if (!found) throw new Error(`no field ${name}`);
  return found;
}

describe('describeSignedOrder', () => {
  it('refuses a message signed in another domain than the contract’s EIP712("SignedOrderBook", "1"): the contract would reject it', async () => {
    const book = await bundled('SignedOrderBook', FILE);
    expect(book.terms.eip712).toMatchObject({ name: 'SignedOrderBook', version: '1' });
    for (const [domain, message] of [
      [{ ...typedData().domain, name: 'OtherBook' }, `the typed data's domain has the name "OtherBook", but SignedOrderBook signs with the name "SignedOrderBook"`],
      [{ ...typedData().domain, version: '2' }, `the typed data's domain has the version "2", but SignedOrderBook signs with the version "1"`],
      [{}, `the typed data's domain has no name, but SignedOrderBook signs with the name "SignedOrderBook"`],
    ] as const) {
      let error: unknown = null;
      try {
        describeSignedOrder(book, { ...typedData(), domain });
      } catch (thrown) {
        error = thrown;
      }
      expect(isPlaintermsError(error)).toBe(true);
      expect((error as Error).message).toContain(message);
      expect((error as Error).message).toMatch(/\(tests\/orders\/fixtures\/SignedOrderBook\.sol:24\): the contract would reject this signature$/);
    }
  });

  it('reads each signed field by what the function taking it does with it', async () => {
    const book = await bundled('SignedOrderBook', FILE);
    const order = describeSignedOrder(book, typedData());
    expect(order.action.id).toMatch(/^fill\(/);
    expect(order.signed).toMatchObject({ primaryType: 'Order', parameter: 'order', digest: TypedDataEncoder.hash(typedData().domain, { Order: typedData().types.Order }, typedData().message) });
    expect(field(order.arguments, 'order.price').format).toEqual({ kind: 'eth' });
    expect(field(order.arguments, 'order.deadline').format).toEqual({ kind: 'datetime' });
    expect(field(order.arguments, 'order.feeBps').format).toEqual({ kind: 'percent', scale: '10000' });
    expect(field(order.arguments, 'order.buyer').format).toMatchObject({ kind: 'address' });
    expect(order.call).toEqual({ data: null, value: null, from: null });
  });

  it('checks the conditions the signed values decide, and leaves the rest open', async () => {
    const book = await bundled('SignedOrderBook', FILE);
    const right = describeSignedOrder(book, typedData(), { value: '2500000000000000000', from: BUYER });
    const status = (order: typeof right, message: string) => order.conditions.find((c) => c.message === message)?.status;
    expect(status(right, 'wrong price')).toBe('met');
    expect(status(right, 'not the buyer')).toBe('met');
    expect(status(right, 'fee too high')).toBe('met');
    expect(status(right, 'expired')).toBe('open');
    const greedy = describeSignedOrder(book, typedData({ feeBps: 5000 }), { value: '1', from: SELLER });
    expect(status(greedy, 'fee too high')).toBe('unmet');
    expect(status(greedy, 'wrong price')).toBe('unmet');
    expect(status(greedy, 'not the buyer')).toBe('unmet');
    expect(termsHash(greedy)).not.toBe(termsHash(right));
  });

  it('states the signed order in words, with the digest the signer signs', async () => {
    const book = await bundled('SignedOrderBook', FILE);
    const order = describeSignedOrder(book, typedData());
    const text = renderOrder(order, book.terms, { format: 'md' });
    expect(text).toContain('# Fill (`fill`): a signed order for SignedOrderBook');
    expect(text).toContain(`the signer signs the digest \`${order.signed?.digest}\``);
    expect(text).toContain('Fee BPS (`order.feeBps`): 2.5%');
    expect(text).toContain('Price (`order.price`): 2.5 ETH');
    expect(text).toContain('The ETH to be sent with it is not given here.');
  });

  it('words a signed order the same through shared sentences as directly', async () => {
    const book = await bundled('SignedOrderBook', FILE);
    const order = describeSignedOrder(book, typedData(), { from: BUYER });
    expect(buildOrderStatements(order, book.terms)).toEqual(wordDirectly(order, book.terms));
  });

  it('refuses a message whose fields differ from the contract’s struct, or of a type no function takes', async () => {
    const book = await bundled('SignedOrderBook', FILE);
    const wrongFields = typedData();
    wrongFields.types.Order = wrongFields.types.Order.filter((item) => item.name !== 'feeBps');
    delete wrongFields.message.feeBps;
    const wrongType = { ...typedData(), types: { Bid: typedData().types.Order }, primaryType: 'Bid' };
    for (const input of [wrongFields, wrongType, { ...typedData(), message: { seller: 'nope' } }]) {
      let error: unknown = null;
      try {
        describeSignedOrder(book, input);
      } catch (thrown) {
        error = thrown;
      }
      expect(isPlaintermsError(error) && error.code).toBe('BAD_INPUT');
    }
  });

  it('plainterms order --typed-data reads the JSON file', async () => {
    const folder = mkdtempSync(path.join(os.tmpdir(), 'plainterms-typed-'));
    temps.push(folder);
    const file = path.join(folder, 'order.json');
    writeFileSync(file, JSON.stringify(typedData()));
    const result = await runCommand(registerOrderCommand, ['order', FILE, '--typed-data', file, '--value', '2500000000000000000', '--format', 'json']);
    expect(result.stderr).toBe('');
    const document = JSON.parse(result.stdout);
    expect(document.order.signed.primaryType).toBe('Order');
    expect(document.order.unmet).toBe(0);
    const missing = await runCommand(registerOrderCommand, ['order', FILE, '--typed-data', path.join(folder, 'none.json')]);
    expect(missing.code).toBe(1);
  });
});
