/**
 * Compiler output cached on disk by content hash: a second run on unchanged sources does not run
 * solc and gives the same Compilation; any change to a source, an imported file, the settings or the
 * compiler runs solc again; `cache: false` neither reads nor writes.
 */
import { mkdtempSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { compileFiles, loadCompiler, type Compilation, type SolcCompiler } from '../../src/compile/index.ts';
import { pruneCache } from '../../src/compile/output-cache.ts';
import { makeProject, PRAGMA, removeProjects } from './temp-project.ts';

let solc: SolcCompiler;
beforeAll(async () => {
  solc = await loadCompiler();
});
afterAll(removeProjects);

/** The bundled solc under another version name, counting its runs. */
function countingCompiler(version = '0.8.37+commit.cafe0001') {
  const counter = { runs: 0 };
  const compiler: SolcCompiler = {
    version: () => `${version}.Emscripten.clang`,
    compile: (input, callbacks) => {
      counter.runs += 1;
      return solc.compile(input, callbacks);
    },
  };
  return { compiler, counter };
}

function makeSale(): string {
  return makeProject({
    'package.json': '{}',
    'contracts/Sale.sol': `${PRAGMA}import "./lib/Fees.sol";\n/// @notice A sale.\ncontract Sale { function pay() external payable { Fees.one(); } }\n`,
    'contracts/lib/Fees.sol': `${PRAGMA}library Fees { function one() internal pure returns (uint256) { return 1; } }\n`,
  });
}

const cacheFolder = () => mkdtempSync(path.join(os.tmpdir(), 'plainterms-cache-'));
const comparable = (c: Compilation) => ({ compiler: c.compiler, inputs: c.inputs, contracts: c.contracts, sources: c.sources });

describe('the output cache', () => {
  it('does not run solc a second time on unchanged sources, and gives the same compilation', async () => {
    const root = makeSale();
    const folder = cacheFolder();
    const { compiler, counter } = countingCompiler();
    const first = await compileFiles(['contracts/Sale.sol'], { cwd: root, compiler, cacheFolder: folder });
    const second = await compileFiles(['contracts/Sale.sol'], { cwd: root, compiler, cacheFolder: folder });
    expect(counter.runs).toBe(1);
    expect([first.fromCache, second.fromCache]).toEqual([false, true]);
    expect(comparable(second)).toEqual(comparable(first));
    const [fn] = second.sources[0].ast.nodes.flatMap((n) => (n.nodeType === 'ContractDefinition' ? n.nodes : []));
    expect(second.locate(fn.src)).toEqual(first.locate(fn.src));
  });

  it('runs solc again when a source, an imported file or the compiler changes', async () => {
    const root = makeSale();
    const folder = cacheFolder();
    const { compiler, counter } = countingCompiler();
    const compile = (c = compiler) => compileFiles(['contracts/Sale.sol'], { cwd: root, compiler: c, cacheFolder: folder });
    await compile();
    const fees = path.join(root, 'contracts/lib/Fees.sol');
    writeFileSync(fees, readFileSync(fees, 'utf8').replace('return 1', 'return 2'));
    expect((await compile()).fromCache).toBe(false);
    const sale = path.join(root, 'contracts/Sale.sol');
    writeFileSync(sale, readFileSync(sale, 'utf8').replace('A sale', 'A sale of goods'));
    expect((await compile()).fromCache).toBe(false);
    expect((await compile()).fromCache).toBe(true);
    expect(counter.runs).toBe(3);
    const other = countingCompiler('0.8.37+commit.cafe0002');
    expect((await compile(other.compiler)).fromCache).toBe(false);
  });

  it('runs solc again when the settings change (remappings)', async () => {
    const root = makeSale();
    const folder = cacheFolder();
    const { compiler, counter } = countingCompiler();
    await compileFiles(['contracts/Sale.sol'], { cwd: root, compiler, cacheFolder: folder });
    await compileFiles(['contracts/Sale.sol'], { cwd: root, compiler, cacheFolder: folder, remappings: ['@fees/=contracts/lib/'] });
    expect(counter.runs).toBe(2);
  });

  it('neither reads nor writes with cache: false', async () => {
    const root = makeSale();
    const folder = cacheFolder();
    const { compiler, counter } = countingCompiler();
    await compileFiles(['contracts/Sale.sol'], { cwd: root, compiler, cacheFolder: folder, cache: false });
    await compileFiles(['contracts/Sale.sol'], { cwd: root, compiler, cacheFolder: folder, cache: false });
    expect(counter.runs).toBe(2);
    expect(readdirSync(folder)).toEqual([]);
  });

  it('treats a damaged entry as missing', async () => {
    const root = makeSale();
    const folder = cacheFolder();
    const { compiler, counter } = countingCompiler();
    await compileFiles(['contracts/Sale.sol'], { cwd: root, compiler, cacheFolder: folder });
    for (const sub of readdirSync(folder)) for (const entry of readdirSync(path.join(folder, sub))) writeFileSync(path.join(folder, sub, entry), '{"format":');
    expect((await compileFiles(['contracts/Sale.sol'], { cwd: root, compiler, cacheFolder: folder })).fromCache).toBe(false);
    expect(counter.runs).toBe(2);
  });
});

describe('the size of the output cache', () => {
  it('keeps the most recently used entries', async () => {
    const folder = cacheFolder();
    const { compiler } = countingCompiler();
    const roots = [makeSale(), makeSale(), makeSale()];
    for (const root of roots) await compileFiles(['contracts/Sale.sol'], { cwd: root, compiler, cacheFolder: folder });
    // The first project is used again: it is now the most recent.
    expect((await compileFiles(['contracts/Sale.sol'], { cwd: roots[0], compiler, cacheFolder: folder })).fromCache).toBe(true);
    pruneCache(folder, 2);
    expect((await compileFiles(['contracts/Sale.sol'], { cwd: roots[0], compiler, cacheFolder: folder })).fromCache).toBe(true);
    expect((await compileFiles(['contracts/Sale.sol'], { cwd: roots[1], compiler, cacheFolder: folder })).fromCache).toBe(false);
  });
});
