/**
 * The package as npm delivers it: packed with `npm pack` from a copy of this checkout (built there, so the
 * repository's own dist/ is left alone), installed into a new project, then used as a user would: the
 * command, the README's library example in plain Node, and a strict TypeScript consumer checked with
 * TypeScript 5 (`typescript5`, a devDependency). The install reads the npm cache that `npm ci` filled.
 */
import { spawnSync, type SpawnSyncReturns } from 'node:child_process';
import { cpSync, existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { systemBrowserPaths } from '../../src/render/pdf/find-browser.ts';

const repository = path.resolve(import.meta.dirname, '..', '..');
const work = mkdtempSync(path.join(tmpdir(), 'plainterms-pack-'));
const app = path.join(work, 'app');
const npm = process.platform === 'win32' ? 'npm.cmd' : 'npm';

function run(command: string, args: string[], cwd: string): SpawnSyncReturns<string> {
  const result = spawnSync(command, args, { cwd, encoding: 'utf8', timeout: 240_000, env: { ...process.env, NODE_OPTIONS: '' } });
  if (result.error) throw result.error;
  return result;
}

function succeed(command: string, args: string[], cwd: string): string {
  const result = run(command, args, cwd);
  expect(result.status, `${command} ${args.join(' ')}\n${result.stdout}\n${result.stderr}`).toBe(0);
  return result.stdout;
}

/** The README's "As a library" example, exactly as printed there. */
function readmeLibraryExample(): string {
  const readme = readFileSync(path.join(repository, 'README.md'), 'utf8');
  const section = readme.slice(readme.indexOf('## As a library'));
  const match = /```ts\n([\s\S]*?)```/.exec(section);
  if (!match) throw new Error('README.md has no ```ts block under "As a library"');
  return match[1];
}

beforeAll(() => {
  const stage = path.join(work, 'stage');
  mkdirSync(stage);
  for (const entry of ['package.json', 'README.md', 'tsconfig.json', 'tsconfig.build.json', 'bin', 'scripts', 'src', 'templates', 'schema']) {
    cpSync(path.join(repository, entry), path.join(stage, entry), { recursive: true });
  }
  symlinkSync(path.join(repository, 'node_modules'), path.join(stage, 'node_modules'), 'dir');
  succeed(process.execPath, ['scripts/build.mjs'], stage);
  succeed(npm, ['pack', '--ignore-scripts', '--pack-destination', work], stage);
  const tarball = readdirSync(work).find((name) => name.endsWith('.tgz'));
  mkdirSync(app);
  writeFileSync(path.join(app, 'package.json'), JSON.stringify({ name: 'consumer', private: true, type: 'module' }));
  cpSync(path.join(repository, 'contracts', 'FobSale.sol'), path.join(app, 'contracts', 'FobSale.sol'));
  succeed(npm, ['install', path.join(work, tarball!), '--prefer-offline', '--no-audit', '--no-fund', '--ignore-scripts'], app);
}, 300_000);

afterAll(() => rmSync(work, { recursive: true, force: true }));

describe('the package installed from its npm tarball', { timeout: 120_000 }, () => {
  it('ships the build and its declarations, not the TypeScript sources, and needs no TypeScript loader', () => {
    const installed = path.join(app, 'node_modules', 'plainterms');
    expect(existsSync(path.join(installed, 'dist', 'index.js'))).toBe(true);
    expect(existsSync(path.join(installed, 'dist', 'index.d.ts'))).toBe(true);
    expect(existsSync(path.join(installed, 'src'))).toBe(false);
    expect(existsSync(path.join(app, 'node_modules', 'tsx'))).toBe(false);
    expect(existsSync(path.join(app, 'node_modules', 'esbuild'))).toBe(false);
    expect(readFileSync(path.join(installed, 'dist', 'index.d.ts'), 'utf8')).not.toMatch(/from '\.[^']*\.ts'/);
  });

  it('runs the command from the build: the reviewed summary of a bundled contract', () => {
    const stdout = succeed(path.join(app, 'node_modules', '.bin', 'plainterms'), ['summarize', 'contracts/FobSale.sol', '--no-cache'], app);
    expect(stdout).toBe(readFileSync(path.join(repository, 'tests', 'golden', 'FobSale.en.md'), 'utf8'));
  });

  // Where Chrome or Chromium is installed (GitHub's runners have it), the PDF is printed by it instead.
  const installedBrowser = systemBrowserPaths(process.platform, { ...process.env, PATH: path.dirname(process.execPath) }).find((file) => existsSync(file));

  it.skipIf(installedBrowser === undefined)('prints a PDF through the Chrome or Chromium installed on the machine, with no npm package for it', () => {
    const env = { PATH: path.dirname(process.execPath), HOME: work, NODE_OPTIONS: '' };
    const pdf = path.join(app, 'FobSale.system.pdf');
    const result = spawnSync(path.join(app, 'node_modules', '.bin', 'plainterms'), ['summarize', 'contracts/FobSale.sol', '--no-cache', '--lang', 'en,zh', '--format', 'pdf', '-o', pdf], { cwd: app, encoding: 'utf8', env, timeout: 120_000 });
    expect(result.stderr).toBe('');
    expect(result.status).toBe(0);
    expect(existsSync(path.join(app, 'node_modules', 'playwright-core'))).toBe(false);
    expect(readFileSync(pdf).subarray(0, 5).toString('latin1')).toBe('%PDF-');
  });

  it.skipIf(installedBrowser !== undefined)(
    'without a browser (the development dependencies are not installed), --format pdf says what to install and exits 2',
    () => {
      const env = { PATH: path.dirname(process.execPath), HOME: work, NODE_OPTIONS: '' };
      const result = spawnSync(path.join(app, 'node_modules', '.bin', 'plainterms'), ['summarize', 'contracts/FobSale.sol', '--no-cache', '--format', 'pdf', '-o', 'FobSale.pdf'], { cwd: app, encoding: 'utf8', env });
      expect(result.status).toBe(2);
      expect(result.stdout).toBe('');
      expect(result.stderr).toContain('--format pdf prints the HTML page through Chrome or Chromium, and none was found');
      expect(result.stderr).toContain('set PLAINTERMS_CHROME');
      expect(result.stderr).not.toMatch(/\n\s+at /);
      expect(existsSync(path.join(app, 'FobSale.pdf'))).toBe(false);
    },
  );

  it("runs the README's library example in plain Node", () => {
    writeFileSync(path.join(app, 'example.mjs'), readmeLibraryExample());
    const stdout = succeed(process.execPath, ['example.mjs'], app);
    expect(stdout.startsWith('FobSale\n')).toBe(true);
    expect(stdout).toContain('Only the Buyer (`buyer`) may call `payDeposit`, and only if every condition below holds');
  });

  it("type-checks the README's example as a strict TypeScript 5 consumer, and its types are real (a wrong one is an error)", () => {
    writeFileSync(path.join(app, 'example.ts'), readmeLibraryExample());
    writeFileSync(
      path.join(app, 'wrong.ts'),
      "import { summarize } from 'plainterms';\nconst { document } = await summarize(['contracts/FobSale.sol']);\nexport const name: number = document.contracts[0].name;\n",
    );
    const tsconfig = (files: string[]) => JSON.stringify({
      compilerOptions: { strict: true, module: 'NodeNext', moduleResolution: 'NodeNext', target: 'ES2022', noEmit: true, skipLibCheck: false, types: [] },
      files,
    });
    const tsc = path.join(repository, 'node_modules', 'typescript5', 'bin', 'tsc');
    expect(succeed(process.execPath, [tsc, '--version'], app)).toMatch(/^Version 5\./);
    writeFileSync(path.join(app, 'tsconfig.json'), tsconfig(['example.ts']));
    const good = run(process.execPath, [tsc, '-p', 'tsconfig.json'], app);
    expect(good.stdout + good.stderr).toBe('');
    expect(good.status).toBe(0);
    writeFileSync(path.join(app, 'tsconfig.json'), tsconfig(['wrong.ts']));
    const wrong = run(process.execPath, [tsc, '-p', 'tsconfig.json'], app);
    expect(wrong.status).not.toBe(0);
    expect(wrong.stdout).toContain("wrong.ts(3,14): error TS2322: Type 'string' is not assignable to type 'number'.");
  });
});
