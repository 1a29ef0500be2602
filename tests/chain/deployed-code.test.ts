/**
 * `summarize --rpc --address`: whether the deployed code is this source, under which compiler settings,
 * and the true reason when it is not; what the contract holds where it is. Every deployment is real,
 * on a local anvil chain, compiled by solc as a deployer would.
 */
import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { Contract, ContractFactory, type InterfaceAbi, type JsonRpcSigner, parseEther } from 'ethers';
import { Ajv2020 } from 'ajv/dist/2020.js';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type CliOutput, runCli } from '../../src/cli/run.ts';
import { loadCompiler } from '../../src/compile/index.ts';
import { summarize } from '../../src/summarize.ts';
import { repo } from '../orders/contracts.ts';
import { ensureCompilers } from '../versions/setup.ts';
import { type Anvil, startAnvil } from './anvil.ts';
import { compileContract, deploy, signers } from './deploy.ts';

let anvil: Anvil;
let accounts: JsonRpcSigner[];
let optimized: string;
const temps: string[] = [];
const FOB = 'contracts/FobSale.sol';

beforeAll(async () => {
  anvil = await startAnvil();
  accounts = await signers(anvil.provider, 4);
  const [deployer, buyer, seller] = accounts;
  const fob200 = await compileContract(FOB, 'FobSale', repo, { settings: { optimizer: { enabled: true, runs: 200 } } });
  optimized = await deploy(fob200, deployer, [buyer.address, seller.address, parseEther('1')]);
}, 120_000);

afterAll(async () => {
  await anvil?.stop();
  for (const folder of temps) rmSync(folder, { recursive: true, force: true });
});

async function run(argv: string[]): Promise<{ code: number; out: string; err: string }> {
  let [out, err] = ['', ''];
  const io: CliOutput = { out: (text) => void (out += text), err: (text) => void (err += text), exit: () => undefined };
  const code = await runCli(argv, io, {});
  return { code, out, err };
}

function codeStatement(document: Awaited<ReturnType<typeof summarize>>['document']): string {
  return document.contracts[0].statements.find((statement) => statement.id === 'deployment:code')?.text ?? '';
}

function tempFolder(): string {
  const folder = mkdtempSync(path.join(os.tmpdir(), 'plainterms-deployed-'));
  temps.push(folder);
  writeFileSync(path.join(folder, 'package.json'), '{"name": "deployed-code-test"}\n');
  return folder;
}

describe('a deployment compiled with the optimizer', { timeout: 120_000 }, () => {
  it('matches with --optimizer-runs 200, and the release is not misreported', async () => {
    const result = await run(['summarize', FOB, '--rpc', anvil.url, '--address', optimized, '--optimizer-runs', '200']);
    expect(result.err).toBe('');
    expect(result.code).toBe(0);
    expect(result.out).toContain('The code deployed there matches the source compiled with solc 0.8.37 and the optimizer on at 200 runs, so these terms describe the deployed contract.');
    expect(result.out).not.toContain('No settings were given');
    expect(result.out).not.toContain('does not match');
    expect(result.out).not.toContain('its metadata names');
  });

  it('matches without settings, found by trying, and names what was tried', async () => {
    const { document } = await summarize([FOB], { cwd: repo, deployment: { rpc: anvil.url, address: optimized } });
    const text = codeStatement(document);
    expect(text).toContain('matches the source compiled with solc 0.8.37 and the optimizer on at 200 runs');
    expect(text).toContain('No settings were given; plainterms tried the optimizer off, then the optimizer on at 200 runs.');
    expect(document.contracts[0].deployment).toMatchObject({ code: { matches: true, settings: { optimizer: true, runs: 200, viaIR: false }, given: null } });
  });

  it('says when the settings given are not the deployment’s, and names both', async () => {
    const { document } = await summarize([FOB], { cwd: repo, deployment: { rpc: anvil.url, address: optimized, settings: { optimizer: { enabled: false } } } });
    const text = codeStatement(document);
    expect(text).toContain('matches the source compiled with solc 0.8.37 and the optimizer on at 200 runs');
    expect(text).toContain('These are not the settings given (the optimizer off).');
    const result = await run(['summarize', FOB, '--rpc', anvil.url, '--address', optimized, '--optimizer-runs', '1000', '--format', 'json']);
    expect(result.code).toBe(0);
    const validate = new Ajv2020({ allErrors: true, strict: true }).compile(JSON.parse(readFileSync(path.join(repo, 'schema/summary.schema.json'), 'utf8')));
    expect(validate(JSON.parse(result.out)), JSON.stringify(validate.errors)).toBe(true);
    const code = JSON.parse(result.out).contracts[0].deployment.code;
    expect(code).toMatchObject({ matches: true, givenMatch: false, given: { origin: 'options', optimizer: true, runs: 1000 }, settings: { optimizer: true, runs: 200 } });
    expect(code.tried[0]).toEqual({ optimizer: true, runs: 1000, evmVersion: null, viaIR: false });
  });

  it('plainterms order --rpc takes the same settings', async () => {
    const abi = (await compileContract(FOB, 'FobSale')).abi as InterfaceAbi;
    const data = new Contract(optimized, abi).interface.encodeFunctionData('payDeposit');
    const result = await run(['order', FOB, '--rpc', anvil.url, '--address', optimized, '--calldata', data, '--from', accounts[1].address, '--optimizer-runs', '200', '--format', 'md']);
    expect(result.err).toBe('');
    expect(result.out).toContain('The code deployed there matches the source compiled with solc 0.8.37 and the optimizer on at 200 runs, so these terms describe the deployed contract.');
    const usage = await run(['order', FOB, '--calldata', data, '--no-optimizer']);
    expect(usage.code).toBe(2);
    expect(usage.err).toContain('give them with --rpc');
  });

  it('in Chinese, names the settings that match', async () => {
    const { document } = await summarize([FOB], { cwd: repo, language: 'zh', deployment: { rpc: anvil.url, address: optimized, settings: { optimizer: { enabled: true, runs: 200 } } } });
    expect(codeStatement(document)).toContain('该地址上部署的代码与使用 solc 0.8.37、开启优化器（`runs` 为200）编译的源代码一致');
  });
});

describe('a deployment of other source', { timeout: 120_000 }, () => {
  it('a function the source defines is missing from the code: other source, whatever the settings', async () => {
    const folder = tempFolder();
    const original = readFileSync(path.join(repo, FOB), 'utf8');
    writeFileSync(path.join(folder, 'FobSale.sol'), original.replace('function cancelIfNotShipped()', 'function cancelUnshipped()'));
    const [deployer, buyer, seller] = accounts;
    const renamed = await deploy(await compileContract(path.join(folder, 'FobSale.sol'), 'FobSale', folder), deployer, [buyer.address, seller.address, parseEther('1')]);
    const { document } = await summarize([FOB], { cwd: repo, deployment: { rpc: anvil.url, address: renamed } });
    expect(codeStatement(document)).toBe(
      'The code deployed there was compiled from other source: it has no entry for `cancelIfNotShipped()`, which the source defines. These terms describe the source, which may not be what is deployed.',
    );
    expect(document.contracts[0].deployment).toMatchObject({ code: { matches: false, reason: 'missing-functions' }, balances: null });
  });

  it('another constant: no settings tried reproduce it, and the summary does not claim which differs', async () => {
    const folder = tempFolder();
    const original = readFileSync(path.join(repo, FOB), 'utf8');
    writeFileSync(path.join(folder, 'FobSale.sol'), original.replace('DEPOSIT_BPS = 3000', 'DEPOSIT_BPS = 2000'));
    const [deployer, buyer, seller] = accounts;
    const changed = await deploy(await compileContract(path.join(folder, 'FobSale.sol'), 'FobSale', folder), deployer, [buyer.address, seller.address, parseEther('1')]);
    const { document } = await summarize([FOB], { cwd: repo, deployment: { rpc: anvil.url, address: changed } });
    expect(codeStatement(document)).toBe(
      'The code deployed there does not match the source compiled with solc 0.8.37 under any of the settings tried: the optimizer off; the optimizer on at 200 runs; the optimizer on at 1 run; the optimizer on at 10,000 runs; the optimizer on at 200 runs, via IR. So the source or the settings differ from the deployment’s; plainterms cannot tell which. These terms describe the source, which may not be what is deployed.',
    );
  });

  it('the same code with another comment matches; only the metadata hash differs', async () => {
    const folder = tempFolder();
    const original = readFileSync(path.join(repo, FOB), 'utf8');
    writeFileSync(path.join(folder, 'FobSale.sol'), original.replace('contract FobSale {', '// Same code, another comment.\ncontract FobSale {'));
    const [deployer, buyer, seller] = accounts;
    const commented = await deploy(await compileContract(path.join(folder, 'FobSale.sol'), 'FobSale', folder), deployer, [buyer.address, seller.address, parseEther('1')]);
    const text = codeStatement((await summarize([FOB], { cwd: repo, deployment: { rpc: anvil.url, address: commented } })).document);
    expect(text).toContain('matches the source compiled with solc 0.8.37 and the optimizer off');
    expect(text).toContain('Its metadata hash differs: that compilation differed in something that leaves the code unchanged');
    expect(text).toContain('The comparison leaves out the values of `buyer`, `seller`, `price`, `deposit` and `shipBy`, set at deployment.');
  });
});

describe('a build-info with optimizer settings', { timeout: 120_000 }, () => {
  it('is used as it is: its own bytecode and settings, nothing compiled again', async () => {
    const folder = tempFolder();
    const content = readFileSync(path.join(repo, FOB), 'utf8');
    const input = {
      language: 'Solidity',
      sources: { 'contracts/FobSale.sol': { content } },
      settings: {
        optimizer: { enabled: true, runs: 1000 },
        outputSelection: { '*': { '': ['ast'], '*': ['abi', 'devdoc', 'userdoc', 'evm.bytecode.object', 'evm.deployedBytecode.object', 'evm.deployedBytecode.immutableReferences'] } },
      },
    };
    const solc = await loadCompiler();
    const output = JSON.parse(solc.compile(JSON.stringify(input), { import: () => ({ error: 'no imports' }) }));
    const longVersion = solc.version().replace(/\.Emscripten.*$/, '');
    mkdirSync(path.join(folder, 'artifacts/build-info'), { recursive: true });
    const file = path.join(folder, 'artifacts/build-info/fob.json');
    writeFileSync(file, JSON.stringify({ _format: 'hh-sol-build-info-1', id: 'fob', solcVersion: '0.8.37', solcLongVersion: longVersion, input, output }));
    const fob = output.contracts['contracts/FobSale.sol'].FobSale;
    const [deployer, buyer, seller] = accounts;
    const deployed = await new ContractFactory(fob.abi as InterfaceAbi, `0x${fob.evm.bytecode.object}`, deployer).deploy(buyer.address, seller.address, parseEther('1'));
    await deployed.waitForDeployment();
    const address = await deployed.getAddress();

    const result = await run(['summarize', file, '--rpc', anvil.url, '--address', address, '--format', 'json']);
    expect(result.err).toBe('');
    const code = JSON.parse(result.out).contracts[0].deployment.code;
    expect(code).toMatchObject({ matches: true, metadataMatches: true, compiledFrom: 'build-info', given: { origin: 'build-info', optimizer: true, runs: 1000 }, givenMatch: true });
    expect(code.tried).toEqual([{ optimizer: true, runs: 1000, evmVersion: null, viaIR: false }]);
    const text = (await run(['summarize', file, '--rpc', anvil.url, '--address', address])).out;
    expect(text).toContain('The code deployed there matches the source compiled with solc 0.8.37 and the optimizer on at 1,000 runs (the build-info’s own bytecode), so these terms describe the deployed contract.');

    const usage = await run(['summarize', file, '--rpc', anvil.url, '--address', address, '--optimizer-runs', '200']);
    expect(usage.code).toBe(2);
    expect(usage.err).toContain('the build-info gives its own compiler settings');
  });
});

describe('a Foundry out/ folder', { timeout: 120_000 }, () => {
  it('its artifact’s own bytecode is compared, with the settings its metadata records', async () => {
    const folder = tempFolder();
    const content = readFileSync(path.join(repo, FOB), 'utf8');
    mkdirSync(path.join(folder, 'src'));
    writeFileSync(path.join(folder, 'src/FobSale.sol'), content);
    writeFileSync(path.join(folder, 'foundry.toml'), '[profile.default]\noptimizer = true\noptimizer_runs = 300\n');
    const input = {
      language: 'Solidity',
      sources: { 'src/FobSale.sol': { content } },
      settings: {
        optimizer: { enabled: true, runs: 300 },
        outputSelection: { '*': { '': ['ast'], '*': ['abi', 'metadata', 'evm.bytecode.object', 'evm.deployedBytecode.object', 'evm.deployedBytecode.immutableReferences'] } },
      },
    };
    const output = JSON.parse((await loadCompiler()).compile(JSON.stringify(input), { import: () => ({ error: 'no imports' }) }));
    const fob = output.contracts['src/FobSale.sol'].FobSale;
    mkdirSync(path.join(folder, 'out/FobSale.sol'), { recursive: true });
    writeFileSync(
      path.join(folder, 'out/FobSale.sol/FobSale.json'),
      JSON.stringify({ abi: fob.abi, bytecode: { object: `0x${fob.evm.bytecode.object}` }, deployedBytecode: { object: `0x${fob.evm.deployedBytecode.object}`, immutableReferences: fob.evm.deployedBytecode.immutableReferences }, metadata: JSON.parse(fob.metadata), ast: output.sources['src/FobSale.sol'].ast, id: 0 }),
    );
    const [deployer, buyer, seller] = accounts;
    const deployed = await new ContractFactory(fob.abi as InterfaceAbi, `0x${fob.evm.bytecode.object}`, deployer).deploy(buyer.address, seller.address, parseEther('1'));
    await deployed.waitForDeployment();
    const result = await run(['summarize', path.join(folder, 'out'), '--rpc', anvil.url, '--address', await deployed.getAddress()]);
    expect(result.err).toBe('');
    expect(result.out).toContain('The code deployed there matches the source compiled with solc 0.8.37 and the optimizer on at 300 runs, for EVM version osaka (the build folder’s own bytecode), so these terms describe the deployed contract.');
  });
});

describe('what the contract holds', { timeout: 120_000 }, () => {
  it('states the ETH and the token the contract holds, read where its code matches', async () => {
    const [deployer, buyer, seller, platform] = accounts;
    const [coin, market] = await Promise.all([compileContract('contracts/test/TestStablecoin.sol', 'TestStablecoin'), compileContract('contracts/MarketplaceOrder.sol', 'MarketplaceOrder')]);
    const coinAddress = await deploy(coin, deployer);
    const marketAddress = await deploy(market, deployer, [coinAddress, platform.address, 250n]);
    const token = new Contract(coinAddress, coin.abi as InterfaceAbi, buyer);
    await (await token.getFunction('mint')(buyer.address, 400_000_000n)).wait();
    await (await token.getFunction('approve')(marketAddress, 250_000_000n)).wait();
    await (await new Contract(marketAddress, market.abi as InterfaceAbi, buyer).getFunction('placeOrder')(seller.address, 250_000_000n, 1896083200n)).wait();
    await anvil.provider.send('anvil_setBalance', [marketAddress, '0x14d1120d7b160001']); // 1.5 ETH and 1 wei

    const { document, documents, outputs } = await summarize(['contracts/MarketplaceOrder.sol'], { cwd: repo, languages: ['en', 'zh'], formats: ['json'], deployment: { rpc: anvil.url, address: marketAddress } });
    const validate = new Ajv2020({ allErrors: true, strict: true }).compile(JSON.parse(readFileSync(path.join(repo, 'schema/summary.schema.json'), 'utf8')));
    expect(validate(JSON.parse(outputs[0].text)), JSON.stringify(validate.errors)).toBe(true);
    const balance = (doc: typeof document) => doc.contracts[0].statements.find((statement) => statement.id === 'deployment:balance')?.text;
    expect(balance(documents[0])).toBe('The contract holds 1.500000000000000001 ETH (1,500,000,000,000,000,001 wei) and 250 TUSD (250,000,000 in the token\'s smallest unit) of the Stablecoin token.');
    expect(balance(documents[1])).toBe('该合约当前持有1.500000000000000001 ETH（1,500,000,000,000,000,001 wei），以及`stablecoin` 代币250 TUSD（按代币最小单位计为250,000,000）。');
    expect(document.contracts[0].deployment).toMatchObject({ balances: { eth: '1500000000000000001', tokens: [{ variable: 'stablecoin', address: coinAddress, balance: '250000000' }] } });
  });

  it('states the ETH an escrow holds after the deposit', async () => {
    const [, buyer] = accounts;
    const abi = (await compileContract(FOB, 'FobSale')).abi as InterfaceAbi;
    await (await new Contract(optimized, abi, buyer).getFunction('payDeposit')({ value: parseEther('0.3') })).wait();
    const result = await run(['summarize', FOB, '--rpc', anvil.url, '--address', optimized, '--optimizer-runs', '200']);
    expect(result.out).toContain('The contract holds 0.3 ETH.');
  });
});

describe('a proxy', { timeout: 120_000 }, () => {
  it('an EIP-1967 proxy: its implementation’s code is compared, and named', async () => {
    const [deployer, buyer, seller] = accounts;
    const fob = await compileContract(FOB, 'FobSale');
    const implementation = await deploy(fob, deployer, [buyer.address, seller.address, parseEther('1')]);
    const proxy = await compileContract('node_modules/@openzeppelin/contracts/proxy/ERC1967/ERC1967Proxy.sol', 'ERC1967Proxy');
    // OpenZeppelin 5's proxy wants a first call; a read of the price does nothing.
    const proxyAddress = await deploy(proxy, deployer, [implementation, new Contract(implementation, fob.abi as InterfaceAbi).interface.encodeFunctionData('price')]);
    const text = codeStatement((await summarize([FOB], { cwd: repo, deployment: { rpc: anvil.url, address: proxyAddress } })).document);
    expect(text).toMatch(new RegExp(`^The address holds a proxy \\(EIP-1967\\) that runs the code at ${implementation}\\. The code it runs matches the source compiled with solc 0\\.8\\.37 and the optimizer off`));
  });
});

describe('another compiler release', { timeout: 180_000 }, () => {
  const deal = (pragma: string) => `// SPDX-License-Identifier: MIT\npragma solidity ${pragma};\n\ncontract Deal {\n    address public buyer;\n    uint256 public price;\n\n    constructor(uint256 _price) {\n        buyer = msg.sender;\n        price = _price;\n    }\n\n    function pay() external payable {\n        require(msg.sender == buyer, "only buyer");\n        require(msg.value == price, "wrong amount");\n    }\n}\n`;
  let folder: string;
  let deployed: string;

  beforeAll(async () => {
    await ensureCompilers(['0.7.6']);
    folder = tempFolder();
    writeFileSync(path.join(folder, 'Deal.sol'), deal('>=0.7.0 <0.9.0'));
    writeFileSync(path.join(folder, 'Deal08.sol'), deal('^0.8.0'));
    deployed = await deploy(await compileContract(path.join(folder, 'Deal.sol'), 'Deal', folder, { solcVersion: '0.7.6' }), accounts[0], [100n]);
  }, 180_000);

  it('compiles again with the release the deployed metadata names, when installed', async () => {
    const text = codeStatement((await summarize([path.join(folder, 'Deal.sol')], { cwd: folder, deployment: { rpc: anvil.url, address: deployed } })).document);
    expect(text).toContain('The code deployed there matches the source compiled with solc 0.7.6 (the release its metadata names) and the optimizer off');
  });

  it('names the release when --solc chose another, when it is not installed, and when the pragma rules it out', async () => {
    const chosen = await run(['summarize', path.join(folder, 'Deal.sol'), '--solc', '0.8.37', '--rpc', anvil.url, '--address', deployed]);
    expect(chosen.err).toBe('');
    expect(chosen.out).toContain('The code deployed there does not match the source compiled with solc 0.8.37: its metadata names solc 0.7.6, and solc 0.8.37 was chosen for the source.');
    const empty = tempFolder();
    const missing = codeStatement((await summarize([path.join(folder, 'Deal.sol')], { cwd: folder, compilersFolder: empty, deployment: { rpc: anvil.url, address: deployed } })).document);
    expect(missing).toContain('its metadata names solc 0.7.6, which is not installed here (plainterms compilers add 0.7.6 installs it).');
    const pragma = codeStatement((await summarize([path.join(folder, 'Deal08.sol')], { cwd: folder, deployment: { rpc: anvil.url, address: deployed } })).document);
    expect(pragma).toContain('its metadata names solc 0.7.6, which the source’s version pragma does not allow, so it was compiled from other source.');
  });
});

describe('compiler options on the command line', () => {
  it('bad values and contradictions are usage errors (exit 2) with a clear message', async () => {
    const base = ['summarize', FOB, '--rpc', anvil.url, '--address', optimized];
    const runs = await run([...base, '--optimizer-runs', 'many']);
    expect(runs.code).toBe(2);
    expect(runs.err).toContain('expected a whole number of runs from 0 to 4294967295, e.g. 200');
    const negative = await run([...base, '--optimizer-runs', '-5']);
    expect(negative.code).toBe(2);
    const both = await run([...base, '--optimizer-runs', '200', '--no-optimizer']);
    expect(both.code).toBe(2);
    expect(both.err).toContain('--optimizer-runs and --no-optimizer contradict each other');
    const evm = await run([...base, '--evm-version', 'frontier2']);
    expect(evm.code).toBe(2);
    expect(evm.err).toContain('--evm-version');
    expect(evm.err).toContain('cancun');
    const alone = await run(['summarize', FOB, '--optimizer-runs', '200']);
    expect(alone.code).toBe(2);
    expect(alone.err).toContain('give them with --rpc and --address');
  });
});
