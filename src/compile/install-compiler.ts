/**
 * `plainterms compilers add <version>`: fetch a solc release from the npm registry (the `solc`
 * package of that version, through the user's own npm and its registry settings), keep only its
 * soljson.js, and move it into the per-user cache in one rename, so a half-done install is never seen.
 */
import { execFile } from 'node:child_process';
import { mkdirSync, mkdtempSync, renameSync, rmSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import path from 'node:path';
import { promisify } from 'node:util';
import semver from 'semver';
import { fail } from '../errors.ts';
import { findCompilersFolder } from './cache-dir.ts';
import { readBundledVersion } from './compiler.ts';
import { findInstalledCompiler, type InstalledCompiler } from './installed-compilers.ts';

const run = promisify(execFile);
const require = createRequire(import.meta.url);
const onWindows = process.platform === 'win32';

export interface InstallResult extends InstalledCompiler {
  /** 'installed' now, 'present' already, or 'bundled' (ships with plainterms; nothing to do). */
  status: 'installed' | 'present' | 'bundled';
}

export interface InstallOptions {
  /** Default `<cache>/compilers`. */
  folder?: string;
}

export async function installCompiler(requested: string, options: InstallOptions = {}): Promise<InstallResult> {
  const version = semver.valid(semver.clean(requested) ?? '');
  if (version === null) {
    fail('USAGE', `"${requested}" is not a compiler version`, { hint: 'give an exact release, e.g. plainterms compilers add 0.7.6' });
  }
  if (version === readBundledVersion()) return { version, file: require.resolve('solc/soljson.js'), status: 'bundled' };
  const folder = options.folder ?? findCompilersFolder();
  const present = findInstalledCompiler(version, folder);
  if (present !== null) return { ...present, status: 'present' };

  mkdirSync(folder, { recursive: true });
  const work = mkdtempSync(path.join(folder, `.install-${version}-`));
  try {
    const packed = await packSolc(version, work);
    await run('tar', ['-xzf', packed.file, '-C', work, 'package/soljson.js']).catch((error: Error) => {
      fail('COMPILER_NOT_INSTALLED', `could not unpack solc ${version}: ${firstLine(error.message)}`);
    });
    const staged = path.join(work, version);
    mkdirSync(staged);
    renameSync(path.join(work, 'package', 'soljson.js'), path.join(staged, 'soljson.js'));
    writeFileSync(path.join(staged, 'compiler.json'), `${JSON.stringify({ version, from: `npm:solc@${version}`, integrity: packed.integrity }, null, 2)}\n`);
    try {
      renameSync(staged, path.join(folder, version));
    } catch (error) {
      // Another process installed it meanwhile: keep theirs.
      if (findInstalledCompiler(version, folder) === null) throw error;
    }
  } finally {
    rmSync(work, { recursive: true, force: true });
  }
  return { ...findInstalledCompiler(version, folder)!, status: 'installed' };
}

/** `npm pack solc@<version>`, tried twice: a registry hiccup should not fail an install. */
async function packSolc(version: string, into: string): Promise<{ file: string; integrity: string | null }> {
  let stdout = '';
  for (let attempt = 1; ; attempt += 1) {
    try {
      ({ stdout } = await run(onWindows ? 'npm.cmd' : 'npm', ['pack', `solc@${version}`, '--json', '--pack-destination', into], {
        cwd: into,
        shell: onWindows,
        maxBuffer: 16 * 1024 * 1024,
      }));
      break;
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code === 'ENOENT') {
        fail('COMPILER_NOT_INSTALLED', `cannot install solc ${version}: npm is not on the PATH`, { hint: 'install Node.js with npm, or put npm on the PATH, then try again' });
      }
      const stderr = (error as { stderr?: string }).stderr ?? (error as Error).message;
      const missing = /E404|No matching version|notarget/i.test(stderr);
      if (!missing && attempt < 2) continue;
      failPack(version, stderr, missing);
    }
  }
  const [entry] = JSON.parse(stdout) as { filename: string; integrity?: string }[];
  return { file: path.join(into, path.basename(entry.filename)), integrity: entry.integrity ?? null };
}

function failPack(version: string, stderr: string, missing: boolean): never {
  fail('COMPILER_NOT_INSTALLED', missing ? `solc ${version} is not published on npm` : `could not fetch solc ${version} from npm: ${lastLines(stderr)}`, {
    hint: missing ? 'see the published releases with: npm view solc versions' : 'check that npm can reach its registry (npm ping), then try again',
  });
}

function firstLine(text: string): string {
  return text.split('\n')[0];
}

function lastLines(text: string): string {
  return text.trim().split('\n').slice(-3).join(' ').replace(/\s+/g, ' ');
}
