/**
 * The build workflows people run, with the real tools (forge, Hardhat 2), then plainterms on what they
 * wrote: a plain `forge build`, `foundry.toml` remappings, incremental builds (build, edit one file,
 * build again), and single artifact files. Each gives the terms of the sources as they are now.
 * Hardhat 3 is not run: it needs Node.js 22.13 or later.
 */
import { cpSync, readdirSync, readFileSync, utimesSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type CliOutput, runCli } from '../../src/cli/run.ts';
import { foundryToml, hardhatConfig, runForge, runHardhat, writeSolcExecutable } from './build-tools.ts';
import { makeProject, removeProjects } from './temp-project.ts';

const repo = fileURLToPath(new URL('../..', import.meta.url));
const read = (file: string) => readFileSync(path.join(repo, file), 'utf8');
const FOB_SALE = read('contracts/FobSale.sol');
/** FobSale with a 40% deposit instead of 30%: the edit between two builds. */
const FOB_SALE_40 = FOB_SALE.replace('DEPOSIT_BPS = 3000;', 'DEPOSIT_BPS = 4000;');
/** MarketplaceOrder importing OpenZeppelin through the `@oz/` remapping of foundry.toml. */
const ORDER = read('contracts/MarketplaceOrder.sol').replaceAll('@openzeppelin/contracts/', '@oz/');

afterAll(removeProjects);

interface Run {
  code: number;
  out: string;
  err: string;
}

/** `plainterms …` run in `cwd`, as a user runs it there. */
async function plainterms(cwd: string, ...argv: string[]): Promise<Run> {
  let out = '';
  let err = '';
  const io: CliOutput = { out: (text) => void (out += text), err: (text) => void (err += text), exit: () => undefined };
  const before = process.cwd();
  process.chdir(cwd);
  try {
    return { code: await runCli(argv, io, {}), out, err };
  } finally {
    process.chdir(before);
  }
}

/**
 * The terms (the JSON document's contracts) of `summarize <input>`, which must succeed. The EVM version is
 * the build's own (a build tool's settings, or its compiler's default), so it is left out of the comparison
 * with the sources compiled by plainterms; `evmOf` reads it.
 */
async function termsOf(cwd: string, input: string, ...options: string[]): Promise<unknown[]> {
  return (await documentOf(cwd, input, ...options)).contracts.map(({ evm: _evm, ...terms }: { evm: unknown }) => terms);
}

async function evmOf(cwd: string, input: string): Promise<unknown> {
  return (await documentOf(cwd, input)).contracts[0].evm;
}

async function documentOf(cwd: string, input: string, ...options: string[]): Promise<any> {
  const run = await plainterms(cwd, 'summarize', input, '--format', 'json', '--no-cache', ...options);
  expect(run.err, `summarize ${input}`).toBe('');
  expect(run.code).toBe(0);
  return JSON.parse(run.out);
}

const names = (terms: unknown[]) => terms.map((contract) => (contract as { name: string }).name);
const buildInfoCount = (folder: string) => readdirSync(path.join(folder, 'build-info')).filter((name) => !name.endsWith('.output.json')).length;
const toolTimes: string[] = [];
afterAll(() => console.log(`build tool runs: ${toolTimes.join(', ')}`));
const timed = (label: string, run: { seconds: number }) => toolTimes.push(`${label} ${run.seconds.toFixed(1)} s`);

/** The terms of a Foundry project's sources, the remapping given on the command line. */
const sourceTermsOf = (root: string) => termsOf(root, 'src', '--remap', '@oz/=lib/oz/');

/** A Foundry project: FobSale and MarketplaceOrder in src/, OpenZeppelin copied into lib/oz. */
function makeFoundryProject(extraToml = ''): string {
  const root = makeProject({ 'src/FobSale.sol': FOB_SALE, 'src/MarketplaceOrder.sol': ORDER });
  const solc = writeSolcExecutable(root);
  writeFileSync(path.join(root, 'foundry.toml'), foundryToml(solc, `remappings = ["@oz/=lib/oz/"]\n${extraToml}`));
  cpSync(path.join(repo, 'node_modules/@openzeppelin/contracts'), path.join(root, 'lib/oz'), { recursive: true, filter: (source) => !source.endsWith('.json') && !source.endsWith('.md') });
  return root;
}

describe('forge', () => {
  let plain: string;
  let incremental: string;
  let fullInfo: string;

  beforeAll(() => {
    plain = makeFoundryProject();
    timed('forge build', runForge(plain));
    incremental = makeFoundryProject();
    timed('forge build', runForge(incremental));
    writeFileSync(path.join(incremental, 'src/FobSale.sol'), FOB_SALE_40);
    timed('forge build (incremental)', runForge(incremental));
    fullInfo = makeFoundryProject('build_info = true\n');
    timed('forge build (build_info)', runForge(fullInfo));
    writeFileSync(path.join(fullInfo, 'src/FobSale.sol'), FOB_SALE_40);
    timed('forge build (build_info, incremental)', runForge(fullInfo));
  }, 120_000);

  it('summarizes the sources of a Foundry project through the remappings in foundry.toml', async () => {
    const terms = await termsOf(plain, 'src');
    expect(names(terms)).toEqual(['FobSale', 'MarketplaceOrder']);
    expect(terms).toEqual(await sourceTermsOf(plain));
    const run = await plainterms(plain, 'summarize', 'src/MarketplaceOrder.sol', '--no-cache');
    expect(run.code).toBe(0);
    expect(run.out).toContain('lib/oz/access/Ownable.sol');
  });

  it('reads out/ after a plain forge build (no AST, a build-info without output): the same terms as the sources', async () => {
    expect(JSON.parse(readFileSync(path.join(plain, 'out/FobSale.sol/FobSale.json'), 'utf8')).ast).toBeUndefined();
    expect(await termsOf(plain, 'out')).toEqual(await sourceTermsOf(plain));
  });

  it('reads one artifact of a plain forge build: the terms of its source file', async () => {
    expect(await termsOf(plain, 'out/FobSale.sol/FobSale.json')).toEqual((await sourceTermsOf(plain)).slice(0, 1));
  });

  it('after an incremental forge build, takes the newest build of each source', async () => {
    expect(buildInfoCount(path.join(incremental, 'out'))).toBe(2);
    const terms = await termsOf(incremental, 'out');
    expect(terms).toEqual(await sourceTermsOf(incremental));
    expect(JSON.stringify(terms)).toContain('40%');
    expect(JSON.stringify(terms)).not.toContain('"30%');
  });

  it('after an incremental forge build with build_info = true, merges the two build-info files, newest first', async () => {
    expect(buildInfoCount(path.join(fullInfo, 'out'))).toBe(2);
    const terms = await termsOf(fullInfo, 'out');
    expect(terms).toEqual(await sourceTermsOf(fullInfo));
    expect(JSON.stringify(terms)).toContain('40%');
  });

  it('refuses out/ when a source changed after the build, naming the file', async () => {
    const copy = makeProject({});
    cpSync(plain, copy, { recursive: true });
    writeFileSync(path.join(copy, 'src/FobSale.sol'), FOB_SALE_40);
    const run = await plainterms(copy, 'summarize', 'out', '--no-cache');
    expect(run.code).toBe(1);
    expect(run.err).toContain('src/FobSale.sol: changed since it was built');
    expect(run.err).not.toMatch(/\n\s+at /);
  });
});

describe('Hardhat 2', () => {
  let root: string;
  let sourceTerms: unknown[];

  beforeAll(async () => {
    root = makeProject({
      'package.json': '{"name": "deal", "private": true}',
      'hardhat.config.js': hardhatConfig(),
      'node_modules': { symlinkTo: path.join(repo, 'node_modules') },
      'contracts/FobSale.sol': FOB_SALE,
      'contracts/MarketplaceOrder.sol': read('contracts/MarketplaceOrder.sol'),
    });
    timed('hardhat compile', runHardhat(root));
    writeFileSync(path.join(root, 'contracts/FobSale.sol'), FOB_SALE_40);
    timed('hardhat compile (incremental)', runHardhat(root));
    sourceTerms = await termsOf(root, 'contracts');
  }, 120_000);

  it('reads a single artifact through the build-info its .dbg.json names', async () => {
    expect(await termsOf(root, 'artifacts/contracts/MarketplaceOrder.sol/MarketplaceOrder.json')).toEqual(sourceTerms.slice(1));
    const fob = await termsOf(root, 'artifacts/contracts/FobSale.sol/FobSale.json');
    expect(fob).toEqual(sourceTerms.slice(0, 1));
    expect(JSON.stringify(fob)).toContain('40%');
  });

  it('after an incremental build, merges the build-info files taking the newest build of each source', async () => {
    expect(buildInfoCount(path.join(root, 'artifacts'))).toBe(2);
    const terms = await termsOf(root, 'artifacts');
    expect(names(terms)).toEqual(['FobSale', 'MarketplaceOrder']);
    expect(terms).toEqual(sourceTerms);
    // The EVM version is the one the build-info's settings name.
    const info = readdirSync(path.join(root, 'artifacts/build-info')).find((name) => !name.endsWith('.output.json'))!;
    const recorded = JSON.parse(readFileSync(path.join(root, 'artifacts/build-info', info), 'utf8')).input.settings.evmVersion;
    expect(await evmOf(root, 'artifacts')).toEqual({ version: recorded, cancun: ['cancun', 'prague', 'osaka'].includes(recorded) });
  });

  it('takes each source from the build its .dbg.json names, even when the file times say otherwise (a copied folder)', async () => {
    const copy = makeProject({});
    cpSync(root, copy, { recursive: true, verbatimSymlinks: true });
    const folder = path.join(copy, 'artifacts', 'build-info');
    const newest = JSON.parse(readFileSync(path.join(copy, 'artifacts/contracts/FobSale.sol/FobSale.dbg.json'), 'utf8')).buildInfo;
    const older = readdirSync(folder).find((name) => name !== path.basename(newest))!;
    utimesSync(path.join(folder, older), new Date(), new Date(Date.now() + 60_000));
    expect(await termsOf(copy, 'artifacts')).toEqual(sourceTerms);
  });
});
