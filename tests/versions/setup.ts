/**
 * What the version tests need from the npm registry, fetched once into the per-user cache: solc
 * releases (through installCompiler, as `plainterms compilers add` does) and the npm packages of real
 * contracts written for those releases.
 */
import { execFile } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, renameSync, rmSync } from 'node:fs';
import path from 'node:path';
import { promisify } from 'node:util';
import { findCacheRoot } from '../../src/compile/cache-dir.ts';
import { installCompiler } from '../../src/compile/install-compiler.ts';

const run = promisify(execFile);

/** Fetching from npm can take a while on a cold cache. */
export const FETCH_TIMEOUT = 300_000;

export async function ensureCompilers(versions: string[]): Promise<void> {
  for (const version of versions) await installCompiler(version);
}

/**
 * The folder of an npm package's files, laid out as `…/node_modules/<name>` so that display paths
 * read as package paths (`@uniswap/v2-core/contracts/UniswapV2Pair.sol`).
 */
export async function fetchPackage(name: string, version: string): Promise<string> {
  const root = path.join(findCacheRoot(), 'test-packages', `${name.replace('/', '+')}@${version}`);
  const folder = path.join(root, 'node_modules', name);
  if (existsSync(folder)) return folder;
  mkdirSync(root, { recursive: true });
  const work = mkdtempSync(path.join(root, '.fetch-'));
  try {
    const pack = () => run('npm', ['pack', `${name}@${version}`, '--json', '--pack-destination', work], { cwd: work, maxBuffer: 16 * 1024 * 1024 });
    // Tried twice: a registry hiccup should not fail the suite.
    const { stdout } = await pack().catch(pack);
    const [{ filename }] = JSON.parse(stdout) as { filename: string }[];
    const unpacked = path.join(work, 'package');
    mkdirSync(unpacked);
    await run('tar', ['-xzf', path.join(work, path.basename(filename)), '-C', unpacked, '--strip-components=1']);
    mkdirSync(path.dirname(folder), { recursive: true });
    try {
      renameSync(unpacked, folder);
    } catch (error) {
      if (!existsSync(folder)) throw error;
    }
  } finally {
    rmSync(work, { recursive: true, force: true });
  }
  return folder;
}
