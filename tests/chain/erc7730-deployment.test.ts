import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { getAddress, Interface, type InterfaceAbi, type JsonRpcSigner, keccak256 } from 'ethers';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { registerErc7730Command } from '../../src/cli/erc7730-command.ts';
import { expectValid, validateTests, validateV2 } from '../orders/erc7730-schemas.ts';
import { runCommand } from '../orders/run-command.ts';
import { type Anvil, startAnvil } from './anvil.ts';
import { type Compiled, compileContract, deploy, signers } from './deploy.ts';

let anvil: Anvil;
let accounts: JsonRpcSigner[];
let market: Compiled;
let coinAddress: string;
let marketAddress: string;
let proxyAddress: string;
const temps: string[] = [];
const PLACE_ORDER = 'placeOrder(address seller,uint256 amount,uint64 deliverBy)';

beforeAll(async () => {
  anvil = await startAnvil();
  accounts = await signers(anvil.provider, 4);
  const [coin, proxy] = await Promise.all([
    compileContract('contracts/test/TestStablecoin.sol', 'TestStablecoin'),
    compileContract('tests/fixtures/erc7730/Proxy.sol', 'ERC1967Proxy'),
  ]);
  market = await compileContract('contracts/MarketplaceOrder.sol', 'MarketplaceOrder');
  const [deployer, , , platform] = accounts;
  coinAddress = await deploy(coin, deployer);
  marketAddress = await deploy(market, deployer, [coinAddress, platform.address, 250n]);
  // OpenZeppelin's proxy refuses to start without a first call to the implementation: a harmless read.
  const firstCall = new Interface(market.abi as InterfaceAbi).encodeFunctionData('feeBps');
  proxyAddress = await deploy(proxy, deployer, [marketAddress, firstCall]);
}, 60_000);

afterAll(async () => {
  await anvil?.stop();
  for (const folder of temps) rmSync(folder, { recursive: true, force: true });
});

async function describeOnChain(address: string, extra: string[] = []) {
  const result = await runCommand(registerErc7730Command, ['erc7730', 'contracts/MarketplaceOrder.sol', '--rpc', anvil.url, '--address', address, ...extra]);
  expect(result.stderr).toBe('');
  expect(result.code).toBe(0);
  return result;
}

describe('plainterms erc7730 --rpc', () => {
  it('binds the deployment on the chain read, the token the code holds, and the code it runs with its hash', async () => {
    const descriptor = JSON.parse((await describeOnChain(marketAddress)).stdout);
    expectValid(validateV2, descriptor);
    expect(descriptor.context.contract.deployments).toEqual([{ chainId: 31337, address: getAddress(marketAddress) }]);
    expect(descriptor.display.formats[PLACE_ORDER].fields[1]).toMatchObject({ path: 'amount', format: 'tokenAmount', params: { token: getAddress(coinAddress) } });
    const code = await anvil.provider.getCode(marketAddress);
    expect(descriptor.metadata.constants).toEqual({
      implementationAddress: getAddress(marketAddress),
      implementationCodeHash: keccak256(code),
      implementationIsProxy: false,
      implementationReadAtBlock: await anvil.provider.getBlockNumber(),
      implementationMatchesSource: true,
    });
  });

  it('binds an ERC-1967 proxy by its own address and records the implementation behind it and that code’s hash', async () => {
    const descriptor = JSON.parse((await describeOnChain(proxyAddress)).stdout);
    expectValid(validateV2, descriptor);
    expect(descriptor.context.contract.deployments).toEqual([{ chainId: 31337, address: getAddress(proxyAddress) }]);
    const implementationCode = await anvil.provider.getCode(marketAddress);
    expect(keccak256(await anvil.provider.getCode(proxyAddress))).not.toBe(keccak256(implementationCode));
    expect(descriptor.metadata.constants).toMatchObject({
      implementationAddress: getAddress(marketAddress),
      implementationCodeHash: keccak256(implementationCode),
      implementationIsProxy: true,
      implementationMatchesSource: true,
    });
    // The token is read through the proxy: the implementation's immutable.
    expect(descriptor.display.formats[PLACE_ORDER].fields[1].params).toEqual({ token: getAddress(coinAddress) });
  });

  it('writes fixtures whose token amounts carry the token’s ticker and decimals read from the chain', async () => {
    const folder = mkdtempSync(path.join(os.tmpdir(), 'plainterms-erc7730-chain-'));
    temps.push(folder);
    const output = path.join(folder, 'market.json');
    const fixtures = path.join(folder, 'market.tests.json');
    await describeOnChain(marketAddress, ['-o', output, '--tests', fixtures]);
    const tests = JSON.parse(readFileSync(fixtures, 'utf8'));
    expectValid(validateTests, tests);
    expect(tests.dataProvider.tokens).toEqual({ [coinAddress.toLowerCase()]: { symbol: 'TUSD', decimals: 6, name: 'Test USD' } });
    const placeOrder = tests.tests.find((test: { description: string }) => test.description === PLACE_ORDER);
    expect(placeOrder.expected.fields[1]).toEqual({ label: 'Amount', value: '1.5 TUSD' });
  });

  it('records, and warns, that the code the address runs is not what the source compiles to', async () => {
    const result = await runCommand(registerErc7730Command, ['erc7730', 'contracts/FobSale.sol', '--rpc', anvil.url, '--address', marketAddress]);
    expect(result.code).toBe(0);
    expect(result.stderr).toContain(`warning: the code at ${getAddress(marketAddress)} is not what contracts/FobSale.sol compiles to`);
    expect(JSON.parse(result.stdout).metadata.constants).toMatchObject({ implementationAddress: getAddress(marketAddress), implementationMatchesSource: false });
  });

  it('refuses a --chain-id other than the chain’s', async () => {
    const result = await runCommand(registerErc7730Command, ['erc7730', 'contracts/MarketplaceOrder.sol', '--rpc', anvil.url, '--address', marketAddress, '--chain-id', '1']);
    expect(result.code).toBe(1);
    expect(result.stderr).toContain('chain 31337');
  });

  it('says so when the address holds no contract', async () => {
    const result = await runCommand(registerErc7730Command, ['erc7730', 'contracts/MarketplaceOrder.sol', '--rpc', anvil.url, '--address', '0x000000000000000000000000000000000000dEaD']);
    expect(result.code).toBe(1);
    expect(result.stderr).toContain('there is no contract at');
  });
});
