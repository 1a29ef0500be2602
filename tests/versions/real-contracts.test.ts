/**
 * Real contracts from npm, written for older compilers: each compiles with the release its pragma asks
 * for (installed by the tests as `plainterms compilers add` would), and the extractor describes it.
 */
import { fileURLToPath } from 'node:url';
import { Interface } from 'ethers';
import type { ContractDefinition } from 'solidity-ast';
import { findAll } from 'solidity-ast/utils.js';
import { beforeAll, describe, expect, it } from 'vitest';
import { compileFiles, type Compilation } from '../../src/compile/index.ts';
import { extractContracts } from '../../src/extract/index.ts';
import type { ContractTerms } from '../../src/terms/index.ts';
import { catchPlaintermsError } from '../compile/temp-project.ts';
import { ensureCompilers, fetchPackage, FETCH_TIMEOUT } from './setup.ts';

const repo = fileURLToPath(new URL('../..', import.meta.url));
const packages: Record<string, string> = {};

beforeAll(async () => {
  await ensureCompilers(['0.4.24', '0.5.16', '0.6.12', '0.7.6']);
  packages.uniswap = await fetchPackage('@uniswap/v2-core', '1.0.1');
  packages.cow = await fetchPackage('@cowprotocol/contracts', '1.8.0');
  packages.oz3 = await fetchPackage('@openzeppelin/contracts', '3.4.2');
  packages.oz1 = await fetchPackage('openzeppelin-solidity', '1.12.0');
}, FETCH_TIMEOUT);

const compile = (file: string, options = {}) => compileFiles([file], { cwd: repo, cache: false, ...options });
const action = (terms: ContractTerms, name: string) => terms.actions.find((a) => a.name === name)!;
const whoMay = (terms: ContractTerms, name: string) => {
  const { access } = action(terms, name);
  return access.anyone ? 'anyone' : access.rules.map((rule) => (rule.kind === 'party' ? rule.party : rule.kind)).join(',');
};

/** Every public function's selector in the AST is one the contract's ABI has. */
function expectSelectorsMatchAbi(compilation: Compilation): void {
  for (const source of compilation.sources) {
    for (const contract of findAll('ContractDefinition', source.ast)) {
      if (contract.contractKind === 'library') continue;
      const abi = new Interface(compilation.contracts[source.unitName][contract.name].abi as never);
      const selectors = new Set<string>();
      abi.forEachFunction((fragment) => selectors.add(fragment.selector));
      for (const fn of findAll('FunctionDefinition', contract as ContractDefinition)) {
        if (fn.kind !== 'function' || (fn.visibility !== 'public' && fn.visibility !== 'external')) continue;
        expect(selectors, `${contract.name}.${fn.name}`).toContain(`0x${fn.functionSelector}`);
      }
    }
  }
}

describe('Uniswap v2 pair (solc 0.5.16)', () => {
  it('compiles with 0.5.16, shows package paths, and describes mint, burn, swap, skim and sync', async () => {
    const compilation = await compile(`${packages.uniswap}/contracts/UniswapV2Pair.sol`);
    expect(compilation.compiler.version).toMatch(/^0\.5\.16\+commit\./);
    expect(compilation.sources.map((s) => s.path)).toContain('@uniswap/v2-core/contracts/UniswapV2Pair.sol');
    const [pair] = extractContracts(compilation, { contracts: ['UniswapV2Pair'] });
    for (const name of ['mint', 'burn', 'swap', 'skim', 'sync']) expect(whoMay(pair, name)).toBe('anyone');
    expect(whoMay(pair, 'initialize')).toBe('factory');
    expect(action(pair, 'swap').selector).toBe('0x022c0d9f');
    expectSelectorsMatchAbi(compilation);
  }, 60_000);
});

describe('CoW Protocol GPv2Settlement (solc 0.7.6)', () => {
  it('compiles with 0.7.6 and describes settle, swap and the order owner’s own actions', async () => {
    const compilation = await compile(`${packages.cow}/src/contracts/GPv2Settlement.sol`);
    expect(compilation.compiler.version).toMatch(/^0\.7\.6\+commit\./);
    const [settlement] = extractContracts(compilation, { contracts: ['GPv2Settlement'] });
    expect(settlement.inherits).toEqual(['StorageAccessible', 'ReentrancyGuard', 'GPv2Signing']);
    expect(action(settlement, 'settle').selector).toBe('0x13d79a0b');
    expect(action(settlement, 'settle').payments.length).toBeGreaterThan(0);
    expect(action(settlement, 'invalidateOrder').access.anyone).toBe(false);
    expect(action(settlement, 'freeFilledAmountStorage').access.rules[0]).toMatchObject({ via: 'onlyInteraction' });
    expectSelectorsMatchAbi(compilation);
  }, 60_000);
});

describe('OpenZeppelin 3.4 RefundEscrow (pragma >=0.6.0 <0.8.0)', () => {
  it('is compiled with 0.6.12, the oldest series its pragma allows, and only the owner deposits, closes and refunds', async () => {
    const compilation = await compile(`${packages.oz3}/payment/escrow/RefundEscrow.sol`);
    expect(compilation.compiler.version).toMatch(/^0\.6\.12\+commit\./);
    expect(compilation.sources.map((s) => s.path)).toContain('@openzeppelin/contracts/payment/escrow/Escrow.sol');
    const [escrow] = extractContracts(compilation);
    expect(escrow.parties.map((p) => p.id)).toEqual(['owner', 'beneficiary']);
    for (const name of ['deposit', 'close', 'enableRefunds', 'withdraw']) expect(whoMay(escrow, name)).toBe('owner');
    expect(whoMay(escrow, 'beneficiaryWithdraw')).toBe('anyone');
    expect(action(escrow, 'deposit').payable).toBe(true);
    expect(action(escrow, 'beneficiaryWithdraw').payments).toHaveLength(1);
  }, 60_000);

  it('does not compile with 0.7.6, which its pragma allows: `using … for` is no longer inherited', async () => {
    const error = await catchPlaintermsError(compile(`${packages.oz3}/payment/escrow/RefundEscrow.sol`, { solcVersion: '0.7.6' }));
    expect(error.code).toBe('COMPILE_ERROR');
    expect(error.diagnostics[0].message).toMatch(/sendValue/);
  }, 60_000);
});

describe('OpenZeppelin 1.12 RefundEscrow (solc 0.4.24)', () => {
  it('compiles with a 0.4 release (pragma ^0.4.24) and reads like the 3.4 escrow', async () => {
    const compilation = await compile(`${packages.oz1}/contracts/payment/RefundEscrow.sol`);
    expect(compilation.compiler.version).toMatch(/^0\.4\.2[4-6]\+commit\./);
    const [escrow] = extractContracts(compilation);
    expect(escrow.inherits).toEqual(['ConditionalEscrow', 'Escrow', 'Ownable']);
    expect(escrow.parties.map((p) => p.id)).toEqual(['owner', 'beneficiary']);
    for (const name of ['deposit', 'close', 'enableRefunds', 'withdraw']) expect(whoMay(escrow, name)).toBe('owner');
    expect(action(escrow, 'deposit').payable).toBe(true);
    expect(action(escrow, 'deposit').selector).toBe('0xf340fa01');
    expectSelectorsMatchAbi(compilation);
  }, 60_000);
});
