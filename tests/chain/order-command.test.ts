import { Contract, type InterfaceAbi, type JsonRpcSigner, parseEther } from 'ethers';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { registerOrderCommand } from '../../src/cli/order-command.ts';
import { runCommand } from '../orders/run-command.ts';
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
  fobAddress = await deploy(fob, deployer, [buyer.address, seller.address, parseEther('1')]);
}, 60_000);

afterAll(async () => {
  await anvil?.stop();
});

describe('plainterms order --rpc', () => {
  it('decodes a mined transaction, recognises the buyer from chain and says the code matches', async () => {
    const [, buyer] = accounts;
    const response = await new Contract(fobAddress, fob.abi as InterfaceAbi, buyer).getFunction('payDeposit')({ value: parseEther('0.3') });
    await response.wait();
    const result = await runCommand(registerOrderCommand, ['order', 'contracts/FobSale.sol', '--rpc', anvil.url, '--tx', response.hash, '--format', 'md']);
    expect(result.stderr).toBe('');
    expect(result.code).toBe(0);
    expect(result.stdout).toContain(`Transaction \`${response.hash}\` was mined in block`);
    expect(result.stdout).toContain('Shipped At (`shippedAt`): zero (not set).');
    expect(result.stdout).toContain('The code deployed there matches the source compiled with solc 0.8.37 and the optimizer off, so these terms describe the deployed contract.');
    expect(result.stdout).toContain(`Sent by ${buyer.address}, the Buyer`);
    expect(result.stdout).toContain('Price (`price`): 1 ETH.');
    expect(result.stdout).toContain('The State (`state`) is now Created.');
    expect(result.stdout).toContain('This order meets every condition the code states.');
  });

  it('reads calldata against the latest state: the seller may not pay the balance before shipment', async () => {
    const [, , seller] = accounts;
    const data = new Contract(fobAddress, fob.abi as InterfaceAbi).interface.encodeFunctionData('payBalance');
    const argv = ['order', 'contracts/FobSale.sol', '--rpc', anvil.url, '--address', fobAddress, '--calldata', data, '--value', '1', '--from', seller.address, '--format', 'json'];
    const result = await runCommand(registerOrderCommand, argv);
    const document = JSON.parse(result.stdout);
    expect(document.deployment).toMatchObject({ address: fobAddress, code: { matches: true } });
    expect(document.order.actor.parties).toEqual(['seller']);
    expect(document.order.unmet).toBeGreaterThanOrEqual(2);
    expect(document.statements[0].id).toBe('deployment:read');
  });

  it('exits 1 with CHAIN_ERROR for an unknown transaction and 2 without --rpc', async () => {
    const unknown = await runCommand(registerOrderCommand, ['order', 'contracts/FobSale.sol', '--rpc', anvil.url, '--tx', `0x${'12'.repeat(32)}`]);
    expect(unknown.code).toBe(1);
    expect(unknown.stderr).toContain('no transaction');
    const usage = await runCommand(registerOrderCommand, ['order', 'contracts/FobSale.sol', '--tx', `0x${'12'.repeat(32)}`]);
    expect(usage.code).toBe(2);
  });
});
