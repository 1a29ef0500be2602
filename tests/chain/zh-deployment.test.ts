/** What a deployment holds, read from a chain and stated in Chinese (templates/zh/order/deployment). */
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { Contract, type InterfaceAbi, type JsonRpcSigner, parseEther } from 'ethers';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { findBytecode } from '../../src/chain/compile-bytecode.ts';
import { buildDeploymentStatements } from '../../src/chain/deployment-statements.ts';
import { readDeployment } from '../../src/chain/read-deployment.ts';
import { registerOrderCommand } from '../../src/cli/order-command.ts';
import { summarize } from '../../src/summarize.ts';
import { repo } from '../orders/contracts.ts';
import { runCommand } from '../orders/run-command.ts';
import { type Anvil, startAnvil } from './anvil.ts';
import { type Compiled, compileContract, deploy, signers } from './deploy.ts';

const HAN = /[\u4e00-\u9fff]/;

let anvil: Anvil;
let accounts: JsonRpcSigner[];
let fob: Compiled;
let market: Compiled;
let fobAddress: string;
let marketAddress: string;
let coinAddress: string;
const temps: string[] = [];

beforeAll(async () => {
  anvil = await startAnvil();
  accounts = await signers(anvil.provider, 4);
  const coin = await compileContract('contracts/test/TestStablecoin.sol', 'TestStablecoin');
  [fob, market] = await Promise.all([compileContract('contracts/FobSale.sol', 'FobSale'), compileContract('contracts/MarketplaceOrder.sol', 'MarketplaceOrder')]);
  const [deployer, buyer, seller, platform] = accounts;
  fobAddress = await deploy(fob, deployer, [buyer.address, seller.address, parseEther('2.5')]);
  coinAddress = await deploy(coin, deployer);
  marketAddress = await deploy(market, deployer, [coinAddress, platform.address, 250n]);
}, 60_000);

afterAll(async () => {
  await anvil?.stop();
  for (const folder of temps) rmSync(folder, { recursive: true, force: true });
});

describe('deployment facts in Chinese', { timeout: 60_000 }, () => {
  it('summarize --rpc --address in Chinese: the price in ETH, the parties, the state, and that the code matches', async () => {
    const { document, outputs } = await summarize(['contracts/FobSale.sol'], { language: 'zh', deployment: { rpc: anvil.url, address: fobAddress }, cwd: repo });
    const deployed = document.contracts[0].statements.filter((statement) => statement.section === 'deployment');
    expect(deployed.length).toBeGreaterThan(3);
    for (const statement of deployed) expect(statement.text, statement.id).toMatch(HAN);
    const text = deployed.map((statement) => statement.text).join('\n');
    const [, buyer, seller] = accounts;
    expect(text).toContain('以下信息读取自链ID为31337的区块链');
    expect(text).toContain(`所读合约的地址为${fobAddress}`);
    expect(text).toContain('该地址上部署的代码与使用 solc 0.8.37、关闭优化器编译的源代码一致');
    expect(text).toContain('`price` 的当前值为2.5 ETH。');
    expect(text).toContain('`deposit` 的当前值为0.75 ETH。');
    expect(text).toContain('`DEPOSIT_BPS` 的当前值为30%。');
    expect(text).toContain(`买方（\`buyer\`）的地址为${buyer.address}。`);
    expect(text).toContain(`卖方（\`seller\`）的地址为${seller.address}。`);
    expect(text).toContain('状态（`state`）当前为「已创建」（`Created`）。');
    expect(text).toMatch(/`shippedAt` 的当前值为零（未设定）。/);
    expect(outputs[0].text).toContain('已部署合约的链上状态');
  });

  it('states the same facts as in English, with the same ids', async () => {
    const deployment = await readDeployment(anvil.url, marketAddress, market, { bytecode: findBytecode(market.compiled, market.name), compiledSolc: '0.8.37' });
    const en = buildDeploymentStatements(deployment, market.terms, 'en');
    const zh = buildDeploymentStatements(deployment, market.terms, 'zh');
    expect(zh.map((statement) => statement.id)).toEqual(en.map((statement) => statement.id));
    for (const statement of zh) expect(statement.text, statement.id).toMatch(HAN);
    const text = zh.map((statement) => statement.text).join('\n');
    expect(text).toContain(`\`stablecoin\` 是地址${coinAddress}上的代币“Test USD”（TUSD），精度为6位小数。`);
    expect(text).toContain('`feeBps` 的当前值为2.5%。');
    expect(text).toContain(`手续费收款人（\`feeRecipient\`）的地址为${accounts[3].address}。`);
  });

  it('says plainly, in Chinese, when the deployed code is not this source', async () => {
    const folder = mkdtempSync(path.join(os.tmpdir(), 'plainterms-zh-chain-'));
    temps.push(folder);
    const original = readFileSync(path.join(repo, 'contracts/FobSale.sol'), 'utf8');
    writeFileSync(path.join(folder, 'Changed.sol'), original.replace('DEPOSIT_BPS = 3000', 'DEPOSIT_BPS = 2000'));
    const [deployer, buyer, seller] = accounts;
    const changed = await deploy(await compileContract(path.join(folder, 'Changed.sol'), 'FobSale', folder), deployer, [buyer.address, seller.address, parseEther('1')]);
    const deployment = await readDeployment(anvil.url, changed, fob, { bytecode: findBytecode(fob.compiled, fob.name), compiledSolc: '0.8.37' });
    const code = buildDeploymentStatements(deployment, fob.terms, 'zh').find((statement) => statement.id === 'deployment:code');
    expect(code?.text).toMatch(/^该地址上部署的代码与编译后的源代码不一致.*本说明描述的是源代码，可能与实际部署的合约不同。$/);
  });

  it('order --rpc --tx --lang zh: the mined transaction, the buyer read from chain, and every condition met', async () => {
    const [, buyer] = accounts;
    const response = await new Contract(fobAddress, fob.abi as InterfaceAbi, buyer).getFunction('payDeposit')({ value: parseEther('0.75') });
    await response.wait();
    const result = await runCommand(registerOrderCommand, ['order', 'contracts/FobSale.sol', '--rpc', anvil.url, '--tx', response.hash, '--lang', 'zh', '--format', 'md']);
    expect(result.stderr).toBe('');
    expect(result.code).toBe(0);
    expect(result.stdout).toContain('## 链上读取的信息');
    expect(result.stdout).toMatch(new RegExp(`交易 \`${response.hash}\` 已打包进区块[\\d,]+，执行成功；下列状态读取自该交易之前的区块。`));
    expect(result.stdout).toContain(`发送者：${buyer.address}，即买方`);
    expect(result.stdout).toContain('本指令随附发送0.75 ETH。');
    expect(result.stdout).toContain('本指令满足代码所列的全部条件');
  });
});
