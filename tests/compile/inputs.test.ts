/**
 * Every kind of input gives the same terms as compiling the sources: a folder of .sol files, a Hardhat
 * build-info file or artifacts/ folder, a Foundry out/ folder (artifacts with the AST, or build-info),
 * and a standard-JSON input. Builds are generated here with solc; build outputs are read, not recompiled.
 */
import { readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { compileFiles, loadCompiler, type Compilation, type SolcCompiler } from '../../src/compile/index.ts';
import { extractContracts } from '../../src/extract/index.ts';
import type { ContractTerms } from '../../src/terms/index.ts';
import * as build from './build-fixtures.ts';
import { catchPlaintermsError, makeProject, removeProjects } from './temp-project.ts';

const repo = fileURLToPath(new URL('../..', import.meta.url));
const FILES = ['contracts/ArbiterEscrow.sol', 'contracts/MarketplaceOrder.sol'];
/** Build outputs must be read as they are: a compiler that is never to be called. */
const noCompiler: SolcCompiler = {
  version: () => '0.0.0+commit.00000000',
  compile: () => {
    throw new Error('solc ran on a build output');
  },
};

let run: build.SolcRun;
let expected: ContractTerms[];

/** A project with the two example contracts and @openzeppelin/contracts in node_modules. */
function makeExampleProject(marker: Record<string, string>): string {
  return makeProject({
    ...marker,
    'node_modules/@openzeppelin/contracts': { symlinkTo: path.join(repo, 'node_modules/@openzeppelin/contracts') },
    ...Object.fromEntries(FILES.map((file) => [file, readFileSync(path.join(repo, file), 'utf8')])),
  });
}

beforeAll(async () => {
  const root = makeExampleProject({ 'package.json': '{}' });
  run = build.runSolc(await loadCompiler(), root, FILES);
  expected = extractContracts(await compileFiles(FILES, { cwd: root, cache: false }));
});
afterAll(removeProjects);

function expectSameTerms(compilation: Compilation): void {
  expect(compilation.inputs).toEqual(FILES);
  expect(compilation.sources.map((s) => s.path)).toEqual(expect.arrayContaining([...FILES, '@openzeppelin/contracts/access/Ownable.sol']));
  expect(extractContracts(compilation)).toEqual(expected);
}

describe('a folder of .sol files', () => {
  it('compiles every .sol file below it, packages and build output left out', async () => {
    const root = makeExampleProject({ 'package.json': '{}', 'out/Stale.sol/Stale.json': '{}' });
    expectSameTerms(await compileFiles(['contracts'], { cwd: root, cache: false }));
  });
});

describe('Hardhat', () => {
  it('reads a build-info file as it is, without running solc', async () => {
    const root = makeExampleProject({ 'package.json': '{}', 'hardhat.config.js': 'module.exports = {};' });
    const file = build.writeHardhatBuildInfo(root, run);
    const compilation = await compileFiles([path.relative(root, file)], { cwd: root, compiler: noCompiler });
    expect(compilation.compiler.version).toBe(run.longVersion);
    expectSameTerms(compilation);
  });

  it('reads a Hardhat 3 build-info, its output beside it, and names sources as people know them', async () => {
    const root = makeExampleProject({ 'package.json': '{}', 'hardhat.config.ts': 'export default {};' });
    const file = build.writeHardhat3BuildInfo(root, run);
    const compilation = await compileFiles([path.relative(root, file)], { cwd: root, compiler: noCompiler });
    expect(compilation.inputs).toEqual(FILES.map((f) => `project/${f}`));
    expect(compilation.sources.map((s) => s.path)).toEqual(expect.arrayContaining([...FILES, '@openzeppelin/contracts/access/Ownable.sol']));
    expect(extractContracts(compilation)).toEqual(expected);
  });

  it('reads the artifacts/ folder through its build-info', async () => {
    const root = makeExampleProject({ 'package.json': '{}', 'hardhat.config.js': 'module.exports = {};' });
    build.writeHardhatBuildInfo(root, run);
    expectSameTerms(await compileFiles(['artifacts'], { cwd: root, compiler: noCompiler }));
  });
});

describe('Foundry', () => {
  it('reads out/ artifacts that carry the AST, and the sources from the project', async () => {
    const root = makeExampleProject({ 'foundry.toml': '[profile.default]\n' });
    build.writeFoundryArtifacts(root, run, { ast: true });
    const compilation = await compileFiles(['out'], { cwd: root, compiler: noCompiler });
    expect(compilation.compiler.version).toBe(run.longVersion);
    expectSameTerms(compilation);
  });

  it('reads out/build-info when the artifacts carry no AST', async () => {
    const root = makeExampleProject({ 'foundry.toml': '[profile.default]\n' });
    build.writeFoundryArtifacts(root, run, { ast: false });
    build.writeFoundryBuildInfo(root, run);
    expectSameTerms(await compileFiles(['out'], { cwd: root, compiler: noCompiler }));
  });

  it('compiles the sources again with the settings the artifacts record when they carry no AST', async () => {
    const root = makeExampleProject({ 'foundry.toml': '[profile.default]\n' });
    build.writeFoundryArtifacts(root, run, { ast: false });
    const solc = await loadCompiler();
    const settings: unknown[] = [];
    const recording: SolcCompiler = { version: () => solc.version(), compile: (input, callbacks) => (settings.push(JSON.parse(input).settings), solc.compile(input, callbacks)) };
    expectSameTerms(await compileFiles(['out'], { cwd: root, compiler: recording, cache: false }));
    expect(settings).toEqual([{ remappings: [], optimizer: { enabled: true, runs: 200 }, evmVersion: expect.any(String), outputSelection: { '*': { '': ['ast'], '*': ['abi', 'devdoc', 'userdoc'] } } }]);
  });

  it('says how to install the release the artifacts were built with when it is missing', async () => {
    const root = makeExampleProject({ 'foundry.toml': '[profile.default]\n' });
    build.writeFoundryArtifacts(root, run, { ast: false });
    for (const name of readdirSync(path.join(root, 'out'), { recursive: true, encoding: 'utf8' }).filter((name) => name.endsWith('.json'))) {
      const artifact = path.join(root, 'out', name);
      const json = JSON.parse(readFileSync(artifact, 'utf8'));
      writeFileSync(artifact, JSON.stringify({ ...json, rawMetadata: undefined, metadata: { ...json.metadata, compiler: { version: '0.8.20+commit.a1b79de6' } } }));
    }
    const error = await catchPlaintermsError(compileFiles(['out'], { cwd: root, compilersFolder: makeProject({}) }));
    expect(error.code).toBe('COMPILER_NOT_INSTALLED');
    expect(error.message).toBe('out was built with solc 0.8.20, which is not installed');
    expect(error.hint).toBe('install it once with: plainterms compilers add 0.8.20 (or choose another release with --solc <version>)');
  });

  it('says how to build again when the artifacts carry neither an AST nor metadata', async () => {
    const root = makeExampleProject({ 'foundry.toml': '[profile.default]\n' });
    build.writeFoundryArtifacts(root, run, { ast: false });
    for (const name of readdirSync(path.join(root, 'out'), { recursive: true, encoding: 'utf8' }).filter((name) => name.endsWith('.json'))) {
      const artifact = path.join(root, 'out', name);
      const { metadata: _metadata, rawMetadata: _raw, ...rest } = JSON.parse(readFileSync(artifact, 'utf8'));
      writeFileSync(artifact, JSON.stringify(rest));
    }
    const error = await catchPlaintermsError(compileFiles(['out'], { cwd: root }));
    expect(error.code).toBe('BAD_INPUT');
    expect(error.message).toBe('out: the artifacts name neither their sources nor a build-info');
    expect(error.hint).toMatch(/forge build/);
  });

  it('refuses artifacts whose source changed since the build', async () => {
    const root = makeExampleProject({ 'foundry.toml': '[profile.default]\n' });
    build.writeFoundryArtifacts(root, run, { ast: true });
    const file = path.join(root, FILES[0]);
    writeFileSync(file, `${readFileSync(file, 'utf8')}\n// edited\n`);
    const error = await catchPlaintermsError(compileFiles(['out'], { cwd: root }));
    expect(error.message).toBe(`${FILES[0]}: changed since it was built`);
    expect(error.hint).toMatch(/forge build/);
  });
});

describe('a standard-JSON input, as explorers publish verified sources', () => {
  it('compiles it as it stands, with plainterms’ output selection', async () => {
    const root = makeExampleProject({ 'package.json': '{}' });
    const file = build.writeStandardJsonInput(path.join(root, 'verified', 'input.json'), run);
    rmSync(path.join(root, 'node_modules'), { recursive: true });
    let calls = 0;
    const solc = await loadCompiler();
    const counting: SolcCompiler = {
      version: () => solc.version(),
      compile: (input, callbacks) => {
        calls += 1;
        expect(JSON.parse(input).settings.outputSelection).toEqual({ '*': { '': ['ast'], '*': ['abi', 'devdoc', 'userdoc'] } });
        return solc.compile(input, callbacks);
      },
    };
    const compilation = await compileFiles(['verified/input.json'], { cwd: root, compiler: counting, cache: false });
    expect(calls).toBe(1);
    expectSameTerms(compilation);
  });

  it('reads the form wrapped in a second pair of braces', async () => {
    const root = makeExampleProject({ 'package.json': '{}' });
    build.writeStandardJsonInput(path.join(root, 'input.json'), run, { wrapped: true });
    expectSameTerms(await compileFiles(['input.json'], { cwd: root, cache: false }));
  });

  it('refuses JSON that is neither a build-info nor a standard-JSON input', async () => {
    const root = makeProject({ 'package.json': '{"name": "not-a-build"}' });
    const error = await catchPlaintermsError(compileFiles(['package.json'], { cwd: root }));
    expect(error.code).toBe('BAD_INPUT');
    expect(error.message).toBe('package.json: neither a build-info file, a contract artifact nor a solc standard-JSON input');
  });
});
