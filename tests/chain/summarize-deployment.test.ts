/** `plainterms summarize --rpc URL --address 0x…`: the summary states what the deployed instance holds. */
import { type JsonRpcSigner, parseEther } from 'ethers';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type CliOutput, runCli } from '../../src/cli/run.ts';
import { summarize } from '../../src/summarize.ts';
import { type Anvil, startAnvil } from './anvil.ts';
import { type Compiled, compileContract, deploy, signers } from './deploy.ts';

let anvil: Anvil;
let accounts: JsonRpcSigner[];
let fob: Compiled;
let fobAddress: string;

beforeAll(async () => {
  anvil = await startAnvil();
  accounts = await signers(anvil.provider, 3);
  fob = await compileContract('contracts/FobSale.sol', 'FobSale');
  const [deployer, buyer, seller] = accounts;
  fobAddress = await deploy(fob, deployer, [buyer.address, seller.address, parseEther('2.5')]);
}, 60_000);

afterAll(async () => {
  await anvil?.stop();
});

describe('summarize against a deployed contract', { timeout: 60_000 }, () => {
  it('adds the deployed price, parties and state, says the code matches, and drops "the bytecode was not checked"', async () => {
    const { document, outputs } = await summarize(['contracts/FobSale.sol'], { deployment: { rpc: anvil.url, address: fobAddress } });
    const contract = document.contracts[0];
    expect(contract.deployment).toMatchObject({ schema: 'plainterms/deployment@1', address: fobAddress, chainId: '31337' });
    const deployed = contract.statements.filter((s) => s.section === 'deployment');
    expect(deployed.length).toBeGreaterThan(3);
    expect(deployed.every((s) => s.basis === 'deployment')).toBe(true);
    const text = outputs[0].text;
    expect(text).toContain('read from the chain');
    expect(text).toContain('2.5 ETH');
    expect(text).toContain(accounts[1].address);
    expect(contract.statements.map((s) => s.id)).not.toContain('not-covered:deployed-code');
    expect(deployed.map((s) => s.text).join(' ')).toMatch(/match/i);
  });

  it('through the CLI: --rpc without --address is a usage error, exit 2', async () => {
    let err = '';
    const io: CliOutput = { out: () => undefined, err: (t) => void (err += t), exit: () => undefined };
    const code = await runCli(['summarize', 'contracts/FobSale.sol', '--rpc', anvil.url], io, {});
    expect(code).toBe(2);
    expect(err).toContain('--rpc and --address go together');
  });

  it('through the CLI: an address with no contract is an input error, exit 1', async () => {
    let err = '';
    const io: CliOutput = { out: () => undefined, err: (t) => void (err += t), exit: () => undefined };
    const code = await runCli(['summarize', 'contracts/FobSale.sol', '--rpc', anvil.url, '--address', accounts[2].address], io, {});
    expect(code).toBe(1);
    expect(err).not.toContain('    at ');
  });
});
