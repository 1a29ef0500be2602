/**
 * The bad-input matrix, command by command: each hostile or careless input exits 1 (or 2 for usage)
 * with a message that says what is wrong, never a stack trace or "internal error", and never shows a
 * byte of a file outside the roots. A canary file is planted outside every project; its content must
 * appear nowhere in what plainterms prints.
 */
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { Interface } from 'ethers';
import { afterAll, describe, expect, it } from 'vitest';
import { type CliOutput, runCli } from '../../src/cli/run.ts';
import { loadEmbeddedSource } from '../../src/compile/prebuilt.ts';
import { makeProject, type ProjectFiles, removeProjects } from '../compile/temp-project.ts';

const CANARY = 'CANARY-7f3a9c-NEVER-PRINT';
const outside = mkdtempSync(path.join(tmpdir(), 'plainterms-outside-'));
const canary = path.join(outside, 'canary.sol');
writeFileSync(canary, `${CANARY}\n`);
const projects = mkdtempSync(path.join(tmpdir(), 'plainterms-hostile-'));
afterAll(() => {
  rmSync(outside, { recursive: true, force: true });
  rmSync(projects, { recursive: true, force: true });
  removeProjects();
});

const CONTRACT = '// SPDX-License-Identifier: MIT\npragma solidity ^0.8.20;\ncontract A { uint256 public n; function f() external { n += 1; } }\n';

/** A project folder (with package.json) holding the given files; a value `{ symlinkTo }` makes a symbolic link. */
const project = (files: ProjectFiles): string => makeProject({ 'package.json': '{}', ...files });

async function run(argv: string[], cwd = process.cwd()): Promise<{ code: number; out: string; err: string }> {
  let out = '';
  let err = '';
  const io: CliOutput = { out: (text) => void (out += text), err: (text) => void (err += text), exit: () => undefined };
  const before = process.cwd();
  process.chdir(cwd);
  try {
    const code = await runCli(argv, io, {});
    return { code, out, err };
  } finally {
    process.chdir(before);
  }
}

const order = new Interface(['function placeOrder(address seller, uint256 amount, uint64 deliverBy)']);
const clean = order.encodeFunctionData('placeOrder', ['0x1111111111111111111111111111111111111111', 5n, 1000n]);
/** The calldata with the byte at `word` (0-based, after the selector) and `offset` set to ff. */
const dirty = (word: number, offset: number) => {
  const at = 10 + word * 64 + offset * 2;
  return `${clean.slice(0, at)}ff${clean.slice(at + 2)}`;
};
const typedData = (name: string, json: string) => {
  const file = path.join(projects, `${name}.json`);
  writeFileSync(file, json);
  return file;
};

interface Case {
  name: string;
  argv: () => string[];
  message: RegExp;
  code?: number;
}

const CASES: Case[] = [
  {
    name: 'a folder with a symbolic link that leads out of the project',
    argv: () => ['summarize', project({ 'contracts/A.sol': CONTRACT, 'contracts/Link.sol': { symlinkTo: canary } })],
    message: /contracts\/Link\.sol: leads to a file outside the project/,
  },
  {
    name: 'a folder with a symbolic link to nothing',
    argv: () => ['summarize', project({ 'contracts/A.sol': CONTRACT, 'contracts/Gone.sol': { symlinkTo: path.join(outside, 'missing.sol') } })],
    message: /contracts\/Gone\.sol: a symbolic link to something that does not exist/,
  },
  {
    name: 'a folder with a symbolic link loop',
    argv: () => ['summarize', project({ 'contracts/A.sol': CONTRACT, 'contracts/one': { symlinkTo: 'two' }, 'contracts/two': { symlinkTo: 'one' } })],
    message: /contracts\/one: a symbolic link that leads back to itself/,
  },
  {
    name: 'a remappings.txt that maps a prefix to a folder outside the project',
    argv: () => [
      'summarize',
      path.join(project({ 'remappings.txt': `sys/=${outside}/\n`, 'src/B.sol': `${CONTRACT}import "sys/canary.sol";\n` }), 'src/B.sol'),
    ],
    message: /import "sys\/canary\.sol" .*points outside the allowed folders/,
  },
  {
    name: 'a remappings.txt that climbs out with ../',
    argv: () => {
      const root = project({ 'src/B.sol': `${CONTRACT}import "up/canary.sol";\n` });
      writeFileSync(path.join(root, 'remappings.txt'), `up/=${path.relative(root, outside)}/\n`);
      return ['summarize', path.join(root, 'src/B.sol')];
    },
    message: /import "up\/canary\.sol" .*points outside the allowed folders/,
  },
  {
    name: 'a foundry.toml remapping to a folder outside the project',
    argv: () => [
      'summarize',
      path.join(makeProject({ 'foundry.toml': `[profile.default]\nremappings = ["sys/=${outside}/"]\n`, 'src/B.sol': `${CONTRACT}import "sys/canary.sol";\n` }), 'src/B.sol'),
    ],
    message: /import "sys\/canary\.sol" .*points outside the allowed folders/,
  },
  {
    name: 'a foundry.toml whose libs folder lies outside the project',
    argv: () => {
      const root = makeProject({ 'src/B.sol': CONTRACT });
      writeFileSync(path.join(root, 'foundry.toml'), `[profile.default]\nsrc = "src"\nlibs = ["${path.relative(root, outside)}"]\n`);
      return ['summarize', path.join(root, 'src/B.sol')];
    },
    message: /foundry\.toml:3: libs ".*" leads to a folder outside the project/,
  },
  {
    name: 'a foundry.toml that is not valid TOML',
    argv: () => ['summarize', path.join(makeProject({ 'foundry.toml': '[profile.default]\nremappings = ["a/=b/"\n', 'src/B.sol': CONTRACT }), 'src/B.sol')],
    message: /foundry\.toml:\d+: not valid TOML/,
  },
  {
    name: 'a Foundry artifact without AST whose metadata names a source outside the project',
    argv: () => {
      const metadata = { compiler: { version: '0.8.37+commit.f401782d' }, settings: { compilationTarget: { [canary]: 'A' } }, sources: { [canary]: { keccak256: '0x00' } } };
      const root = makeProject({ 'foundry.toml': '[profile.default]\n', 'out/A.sol/A.json': JSON.stringify({ abi: [], metadata }) });
      return ['summarize', path.join(root, 'out')];
    },
    message: /a build artifact names this source, which lies outside the project/,
  },
  {
    name: 'a Hardhat artifact whose .dbg.json names a build-info outside the project',
    argv: () => {
      const artifact = { _format: 'hh-sol-artifact-1', contractName: 'A', sourceName: 'contracts/A.sol', abi: [] };
      const root = project({
        'hardhat.config.js': 'module.exports = {};',
        'artifacts/contracts/A.sol/A.json': JSON.stringify(artifact),
        'artifacts/contracts/A.sol/A.dbg.json': JSON.stringify({ _format: 'hh-sol-dbg-1', buildInfo: canary }),
      });
      return ['summarize', path.join(root, 'artifacts/contracts/A.sol/A.json')];
    },
    message: /A\.dbg\.json: buildInfo ".*" leads outside the project/,
  },
  ...[canary, '../../canary.sol'].map((absolutePath) => ({
    name: `a Foundry artifact whose ast.absolutePath is ${absolutePath.startsWith('/') ? 'a file outside the project' : 'a climb out of it'}`,
    argv: () => {
      const artifact = { id: 0, ast: { absolutePath, nodeType: 'SourceUnit', nodes: [], src: '0:0:0' }, metadata: { compiler: { version: '0.8.20+commit.a1b79de6' }, sources: {} } };
      const root = project({ 'foundry.toml': '[profile.default]\n', 'out/A.sol/A.json': JSON.stringify(artifact) });
      return ['summarize', path.join(root, 'out')];
    },
    message: /a build artifact names this source, which lies outside the project/,
  })),
  {
    name: 'a standard-JSON input whose source is null',
    argv: () => ['summarize', typedData('std-null', JSON.stringify({ language: 'Solidity', sources: { 'A.sol': null } }))],
    message: /A\.sol has no content/,
  },
  {
    name: 'a build-info whose input is null',
    argv: () => ['summarize', typedData('bi-null', JSON.stringify({ _format: 'hh-sol-build-info-1', input: null, output: {} }))],
    message: /neither a build-info file, a contract artifact nor a solc standard-JSON input/,
  },
  {
    name: 'typed data that is null',
    argv: () => ['order', 'contracts/MarketplaceOrder.sol', '--typed-data', typedData('td-null', 'null')],
    message: /the typed data is not a JSON object/,
  },
  {
    name: 'typed data without a domain',
    argv: () => ['order', 'contracts/MarketplaceOrder.sol', '--typed-data', typedData('td-no-domain', '{"types":{},"primaryType":"X","message":{}}')],
    message: /the typed data has no domain object/,
  },
  {
    name: 'calldata whose address word has dirty high bytes',
    argv: () => ['order', 'contracts/MarketplaceOrder.sol', '--calldata', dirty(0, 0)],
    message: /seller \(address\) has bits set above its 20 bytes: Solidity's ABI decoder rejects it, so the contract would revert this call/,
  },
  {
    name: 'calldata whose uint64 word has dirty high bits',
    argv: () => ['order', 'contracts/MarketplaceOrder.sol', '--calldata', dirty(2, 0)],
    message: /deliverBy \(uint64\) is larger than a uint64 can hold/,
  },
  {
    name: 'two contracts with one name, without saying which',
    argv: () => {
      const root = project({ 'a/Sale.sol': CONTRACT.replace('contract A', 'contract Sale'), 'b/Sale.sol': CONTRACT.replace('contract A', 'contract Sale').replace('n += 1', 'n += 2') });
      return ['summarize', path.join(root, 'a/Sale.sol'), path.join(root, 'b/Sale.sol'), '--contract', 'Sale'];
    },
    message: /2 contracts are named Sale: a\/Sale\.sol:Sale, b\/Sale\.sol:Sale\nhint: say which, as --contract a\/Sale\.sol:Sale/,
  },
  {
    name: 'sources larger than --max-source-bytes',
    argv: () => ['summarize', 'contracts/FobSale.sol', '--max-source-bytes', '1000'],
    message: /the sources come to [\d,]+ bytes with their imports, more than the limit of 1,000\nhint: raise the limit with --max-source-bytes/,
  },
  {
    name: '-o into a missing folder',
    argv: () => ['summarize', 'contracts/FobSale.sol', '-o', path.join(projects, 'no/such/folder/out.md')],
    message: /cannot write/i,
  },
];

describe('bad input exits 1 or 2 with a clear message, no stack trace, nothing from outside the roots', { timeout: 60_000 }, () => {
  it.each(CASES)('$name', async ({ argv, message, code = 1 }) => {
    const result = await run(argv());
    expect(result.err).toMatch(message);
    expect(result.code).toBe(code);
    expect(result.err).not.toMatch(/internal error|\n\s+at [\w.<]+ \(/);
    expect(`${result.out}${result.err}`).not.toContain(CANARY);
  });

  it('a unit name in a standard-JSON input or build-info that points at a file outside the project is not read to compare it', () => {
    const root = project({});
    // Same content as the canary: were the file read, the source would be taken for the canary itself.
    const source = loadEmbeddedSource(path.relative(root, canary), readFileSync(canary, 'utf8'), root, root);
    expect(source.absolutePath).not.toBe(canary);
    const insideRoot = project({ 'contracts/A.sol': CONTRACT });
    const inside = loadEmbeddedSource('contracts/A.sol', CONTRACT, insideRoot, root);
    expect(inside.absolutePath).toBe(path.join(insideRoot, 'contracts/A.sol'));
  });

  it('with --format json an error is one JSON object on stderr, with its code and location', async () => {
    const result = await run(['summarize', 'tests/fixtures/broken/SyntaxError.sol', '--format', 'json']);
    expect(result.code).toBe(1);
    expect(result.out).toBe('');
    expect(JSON.parse(result.err)).toMatchObject({ error: { code: 'COMPILE_ERROR', path: 'tests/fixtures/broken/SyntaxError.sol', line: 11, column: 5 } });
    const order = await run(['order', 'contracts/MarketplaceOrder.sol', '--calldata', '0x12', '--format', 'json']);
    expect(JSON.parse(order.err)).toEqual({ error: { code: 'BAD_CALLDATA', message: 'the calldata is 1 bytes long, shorter than a 4-byte selector', path: null, line: null, column: null, hint: null } });
  });

  it('diff --exit-code keeps 1 for terms that differ and exits 2 on an error, like git diff', async () => {
    expect((await run(['diff', 'tests/fixtures/diff/FobSale.sol', 'tests/fixtures/diff/FobSale.open-cancel.sol', '--exit-code'])).code).toBe(1);
    const missing = await run(['diff', 'tests/fixtures/diff/FobSale.sol', 'tests/fixtures/diff/Missing.sol', '--exit-code']);
    expect(missing.code).toBe(2);
    expect(missing.err).toContain('no such file');
  });

  it('path:Name chooses between two contracts of one name', async () => {
    const root = project({ 'a/Sale.sol': CONTRACT.replace('contract A', 'contract Sale'), 'b/Sale.sol': CONTRACT.replace('contract A', 'contract Sale').replace('n += 1', 'n += 2') });
    const result = await run(['summarize', path.join(root, 'a/Sale.sol'), path.join(root, 'b/Sale.sol'), '--contract', 'b/Sale.sol:Sale', '--format', 'json']);
    expect(result.code).toBe(0);
    const [contract] = JSON.parse(result.out).contracts;
    expect(contract.source.path).toBe('b/Sale.sol');
  });

  it('a summary reads the same whichever folder plainterms is run from', async () => {
    const repo = process.cwd();
    const here = await run(['summarize', 'contracts/FobSale.sol', '--format', 'json']);
    const above = await run(['summarize', path.join(path.basename(repo), 'contracts/FobSale.sol'), '--format', 'json'], path.dirname(repo));
    expect(here.code).toBe(0);
    expect(JSON.parse(above.out)).toEqual(JSON.parse(here.out));
  });
});
