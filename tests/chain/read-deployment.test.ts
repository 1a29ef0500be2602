import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { Contract, type InterfaceAbi, type JsonRpcSigner, parseEther } from 'ethers';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { findBytecode } from '../../src/chain/compile-bytecode.ts';
import { readDeployment, toOrderFacts } from '../../src/chain/read-deployment.ts';
import { readTransaction } from '../../src/chain/transaction.ts';
import { isPlaintermsError } from '../../src/errors.ts';
import { describeOrder } from '../../src/orders/describe.ts';
import { renderOrder } from '../../src/orders/render.ts';
import { repo } from '../orders/contracts.ts';
import { type Anvil, startAnvil } from './anvil.ts';
import { type Compiled, compileContract, deploy, signers } from './deploy.ts';

let anvil: Anvil;
let accounts: JsonRpcSigner[];
let fob: Compiled;
let market: Compiled;
let coin: Compiled;
let fobAddress: string;
let coinAddress: string;
let marketAddress: string;
const temps: string[] = [];

const PRICE = parseEther('1');

beforeAll(async () => {
  anvil = await startAnvil();
  accounts = await signers(anvil.provider, 4);
  [fob, market, coin] = await Promise.all([
    compileContract('contracts/FobSale.sol', 'FobSale'),
    compileContract('contracts/MarketplaceOrder.sol', 'MarketplaceOrder'),
    compileContract('contracts/test/TestStablecoin.sol', 'TestStablecoin'),
  ]);
  const [deployer, buyer, seller, platform] = accounts;
  fobAddress = await deploy(fob, deployer, [buyer.address, seller.address, PRICE]);
  coinAddress = await deploy(coin, deployer);
  marketAddress = await deploy(market, deployer, [coinAddress, platform.address, 250n]);
}, 60_000);

afterAll(async () => {
  await anvil?.stop();
  for (const folder of temps) rmSync(folder, { recursive: true, force: true });
});

function bytecodeOf(contract: Compiled) {
  return findBytecode(contract.compiled, contract.name);
}

describe('readDeployment', () => {
  it('reads FobSale’s parties, price, deposit, deadline and current state, and finds its code matches', async () => {
    const facts = await readDeployment(anvil.url, fobAddress, fob, { bytecode: bytecodeOf(fob), compiledSolc: '0.8.37' });
    const [, buyer, seller] = accounts;
    expect(facts).toMatchObject({ schema: 'plainterms/deployment@1', contract: 'FobSale', chainId: '31337' });
    expect(facts.parties).toEqual([{ id: 'buyer', address: buyer.address }, { id: 'seller', address: seller.address }]);
    const value = (name: string) => facts.values.find((candidate) => candidate.name === name);
    expect(value('price')).toMatchObject({ value: PRICE.toString(), format: { kind: 'eth' }, kind: 'variable' });
    expect(value('deposit')).toMatchObject({ value: parseEther('0.3').toString(), format: { kind: 'eth' } });
    expect(value('shipBy')).toMatchObject({ format: { kind: 'datetime' } });
    expect(value('DEPOSIT_BPS')).toMatchObject({ value: '3000', format: { kind: 'percent', scale: '10000' } });
    expect(facts.lifecycles).toEqual([{ id: 'state', state: 'Created', value: '0' }]);
    expect(facts.code).toMatchObject({ matches: true, metadataMatches: true, deployedSolc: '0.8.37' });
    expect(facts.block.number).toBeGreaterThan(0);
  });

  it('reads the marketplace’s token, fee and owner', async () => {
    const facts = await readDeployment(anvil.url, marketAddress, market, { bytecode: bytecodeOf(market) });
    expect(facts.tokens).toEqual([{ variable: 'stablecoin', address: coinAddress, name: 'Test USD', symbol: 'TUSD', decimals: 6 }]);
    expect(facts.values.find((value) => value.name === 'feeBps')).toMatchObject({ value: '250', format: { kind: 'percent', scale: '10000' } });
    expect(facts.parties).toContainEqual({ id: 'owner', address: accounts[0].address });
    expect(facts.parties).toContainEqual({ id: 'feeRecipient', address: accounts[3].address });
    expect(facts.code?.matches).toBe(true);
  });

  it('says plainly when the deployed code is not this source, and ignores a change of comment', async () => {
    const folder = mkdtempSync(path.join(os.tmpdir(), 'plainterms-chain-'));
    temps.push(folder);
    const original = readFileSync(path.join(repo, 'contracts/FobSale.sol'), 'utf8');
    writeFileSync(path.join(folder, 'Changed.sol'), original.replace('DEPOSIT_BPS = 3000', 'DEPOSIT_BPS = 2000'));
    writeFileSync(path.join(folder, 'Commented.sol'), original.replace('contract FobSale {', '// Same code, another comment.\ncontract FobSale {'));
    const [deployer, buyer, seller] = accounts;
    const changed = await deploy(await compileContract(path.join(folder, 'Changed.sol'), 'FobSale', folder), deployer, [buyer.address, seller.address, PRICE]);
    const commented = await deploy(await compileContract(path.join(folder, 'Commented.sol'), 'FobSale', folder), deployer, [buyer.address, seller.address, PRICE]);
    expect((await readDeployment(anvil.url, changed, fob, { bytecode: bytecodeOf(fob) })).code).toMatchObject({ matches: false });
    expect((await readDeployment(anvil.url, commented, fob, { bytecode: bytecodeOf(fob) })).code).toMatchObject({ matches: true, metadataMatches: false });
  });

  it('fails with CHAIN_ERROR when there is no contract at the address, or no chain at the URL', async () => {
    const error = await readDeployment(anvil.url, '0x000000000000000000000000000000000000dEaD', fob).catch((thrown: unknown) => thrown);
    expect(isPlaintermsError(error) && error.code).toBe('CHAIN_ERROR');
    const closed = await readDeployment('http://127.0.0.1:9', fobAddress, fob).catch((thrown: unknown) => thrown);
    expect(isPlaintermsError(closed) && closed.code).toBe('CHAIN_ERROR');
  });
});

describe('orders against a live chain', () => {
  it('recognises the buyer and finds every condition of the deposit met', async () => {
    const [, buyer] = accounts;
    const facts = toOrderFacts(await readDeployment(anvil.url, fobAddress, fob));
    const order = describeOrder(fob, { data: new Contract(fobAddress, fob.abi as InterfaceAbi).interface.encodeFunctionData('payDeposit'), value: parseEther('0.3'), from: buyer.address }, facts);
    expect(order.actor.parties).toEqual(['buyer']);
    expect(order.conditions.map((condition) => condition.status)).toEqual(['met', 'met', 'met']);
    expect(order.unmet).toBe(0);
    expect(renderOrder(order, fob.terms)).toContain('This order meets every condition the code states.');
  });

  it('states token amounts in the token’s units once the token is read', async () => {
    const [, buyer, seller] = accounts;
    const facts = toOrderFacts(await readDeployment(anvil.url, marketAddress, market));
    const data = new Contract(marketAddress, market.abi as InterfaceAbi).interface.encodeFunctionData('placeOrder', [seller.address, 250_000_000n, 1796083200n]);
    const order = describeOrder(market, { data, from: buyer.address }, facts);
    expect(order.conditions.find((condition) => condition.error === 'EnforcedPause')?.status).toBe('met');
    expect(renderOrder(order, market.terms)).toContain('Amount (`amount`): 250 TUSD (250,000,000 in the token\'s smallest unit)');
  });

  it('decodes a mined transaction: the deposit the buyer paid', async () => {
    const [, buyer] = accounts;
    const sale = new Contract(fobAddress, fob.abi as InterfaceAbi, buyer);
    const response = await sale.getFunction('payDeposit')({ value: parseEther('0.3') });
    await response.wait();
    const mined = await readTransaction(anvil.url, response.hash);
    expect(mined).toMatchObject({ to: fobAddress, from: buyer.address, value: parseEther('0.3').toString(), status: 'success' });
    const before = toOrderFacts(await readDeployment(anvil.url, fobAddress, fob, { blockTag: mined.blockNumber - 1 }));
    const order = describeOrder(fob, mined, before);
    expect(order.action.id).toBe('payDeposit()');
    expect(order.unmet).toBe(0);
    const after = await readDeployment(anvil.url, fobAddress, fob, { blockTag: mined.blockNumber });
    expect(after.lifecycles[0].state).toBe('DepositPaid');
  });
});

describe('readDeploymentOfFiles (for summarize --rpc --address)', () => {
  it('compiles, reads and words the deployment in one call', async () => {
    const { readDeploymentOfFiles } = await import('../../src/chain/deployment-of-files.ts');
    const { deployment, statements } = await readDeploymentOfFiles(['contracts/FobSale.sol'], { rpc: anvil.url, address: fobAddress, cwd: repo });
    expect(deployment.code?.matches).toBe(true);
    expect(statements.every((statement) => statement.basis === 'deployment' && statement.section === 'deployment')).toBe(true);
    expect(statements.map((statement) => statement.text)).toContain('Price (`price`): 1 ETH.');
    expect(statements.find((statement) => statement.id === 'deployment:code')?.text).toMatch(/^The code deployed there matches the source compiled with solc 0.8.37 and the optimizer off/);
  });
});
