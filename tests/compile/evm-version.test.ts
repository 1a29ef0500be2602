/**
 * The EVM version code is compiled for: solc's setting, else the release's default. It decides what
 * `selfdestruct` does (from Cancun on, EIP-6780, it no longer deletes the contract).
 */
import { createRequire } from 'node:module';
import { describe, expect, it } from 'vitest';
import { defaultEvmVersion, isCancunOrLater } from '../../src/compile/evm-version.ts';
import { compileFiles } from '../../src/compile/index.ts';

const require = createRequire(import.meta.url);

describe('EVM version', { timeout: 60_000 }, () => {
  it('each release’s default, at the releases where solc changed it', () => {
    expect(['0.4.24', '0.5.16', '0.8.10', '0.8.19', '0.8.24', '0.8.25', '0.8.30', '0.8.31'].map((v) => defaultEvmVersion(`${v}+commit.00000000`))).toEqual([
      'byzantium', 'istanbul', 'london', 'paris', 'shanghai', 'cancun', 'prague', 'osaka',
    ]);
    expect([null, 'shanghai', 'cancun', 'osaka', 'unknownFork'].map((v) => isCancunOrLater(v))).toEqual([null, false, true, true, null]);
  });

  it('the bundled solc’s own metadata names the default this table gives it', () => {
    const solc = require('solc');
    const input = { language: 'Solidity', sources: { 'A.sol': { content: 'pragma solidity >=0.8.0; contract A {}' } }, settings: { outputSelection: { '*': { '*': ['metadata'] } } } };
    const metadata = JSON.parse(JSON.parse(solc.compile(JSON.stringify(input))).contracts['A.sol'].A.metadata);
    expect(defaultEvmVersion(solc.version())).toBe(metadata.settings.evmVersion);
  });

  it('a compilation records it', async () => {
    const compilation = await compileFiles(['tests/fixtures/core/SelfDestructLondon.sol'], { cache: false });
    expect(compilation.evmVersion).toBe('london');
  });
});
