/**
 * The real build tools, run in a temporary project: forge from the @foundry-rs/forge npm package and
 * Hardhat 2 from the hardhat package. Neither may download a compiler here, so both use the solcjs of
 * the `solc` npm package: forge through a small executable that answers `solc --version` and
 * `solc --standard-json` (forge's only calls), Hardhat through its documented override of the
 * TASK_COMPILE_SOLIDITY_GET_SOLC_BUILD subtask.
 */
import { spawnSync } from 'node:child_process';
import { chmodSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import path from 'node:path';

const require = createRequire(import.meta.url);
const ARCH: Record<string, string> = { x64: 'amd64', arm64: 'arm64' };

/** The forge binary of the platform package that @foundry-rs/forge installs for this machine. */
export function forgeBinary(): string {
  const name = `@foundry-rs/forge-${process.platform}-${ARCH[process.arch] ?? process.arch}`;
  const packageJson = require.resolve(`${name}/package.json`);
  return path.join(path.dirname(packageJson), 'bin', process.platform === 'win32' ? 'forge.exe' : 'forge');
}

/** An executable `solc` in `folder` that runs the npm package's solcjs; its path. */
export function writeSolcExecutable(folder: string): string {
  const file = path.join(folder, 'solc');
  writeFileSync(
    file,
    `#!${process.execPath}
const solc = require(${JSON.stringify(require.resolve('solc'))});
const args = process.argv.slice(2);
if (args.includes('--version')) {
  process.stdout.write('solc, the solidity compiler commandline interface\\nVersion: ' + solc.version() + '\\n');
} else if (args.includes('--standard-json')) {
  const chunks = [];
  process.stdin.on('data', (chunk) => chunks.push(chunk));
  process.stdin.on('end', () => process.stdout.write(solc.compile(Buffer.concat(chunks).toString('utf8'))));
} else {
  process.stderr.write('this solc answers only --version and --standard-json\\n');
  process.exitCode = 1;
}
`,
  );
  chmodSync(file, 0o755);
  return file;
}

/** foundry.toml for a project built with the solc executable, offline, without the linter. */
export function foundryToml(solc: string, extra = ''): string {
  return `[profile.default]\nsolc = ${JSON.stringify(solc)}\noffline = true\n${extra}\n[lint]\nlint_on_build = false\n`;
}

/** hardhat.config.js that compiles with the solcjs of the `solc` npm package. */
export function hardhatConfig(): string {
  const solc = require.resolve('solc');
  return `const path = require('node:path');
const { subtask } = require('hardhat/config');
const { TASK_COMPILE_SOLIDITY_GET_SOLC_BUILD } = require('hardhat/builtin-tasks/task-names');
const solc = require(${JSON.stringify(solc)});
const longVersion = solc.version().replace(/\\.Emscripten.*$/, '');
subtask(TASK_COMPILE_SOLIDITY_GET_SOLC_BUILD, async (args, hre, runSuper) => {
  if (args.solcVersion !== longVersion.split('+')[0]) return runSuper();
  return { compilerPath: path.join(path.dirname(${JSON.stringify(solc)}), 'soljson.js'), isSolcJs: true, version: args.solcVersion, longVersion };
});
module.exports = { solidity: longVersion.split('+')[0] };
`;
}

export interface ToolRun {
  seconds: number;
  output: string;
}

/** Run a build tool in `cwd`; throws with its output when it fails. */
function runTool(command: string, args: string[], cwd: string, env: NodeJS.ProcessEnv = {}): ToolRun {
  const started = performance.now();
  const result = spawnSync(command, args, { cwd, encoding: 'utf8', env: { ...process.env, ...env }, timeout: 120_000 });
  const output = `${result.stdout ?? ''}${result.stderr ?? ''}`;
  if (result.status !== 0) throw new Error(`${path.basename(command)} ${args.join(' ')} failed (${result.error?.message ?? `exit ${result.status}`}):\n${output}`);
  return { seconds: (performance.now() - started) / 1000, output };
}

export function runForge(cwd: string, args: string[] = ['build']): ToolRun {
  return runTool(forgeBinary(), args, cwd);
}

export function runHardhat(cwd: string, args: string[] = ['compile']): ToolRun {
  const cli = path.join(path.dirname(require.resolve('hardhat/package.json')), 'internal', 'cli', 'bootstrap.js');
  return runTool(process.execPath, [cli, ...args], cwd, { HARDHAT_DISABLE_TELEMETRY_PROMPT: 'true', CI: 'true' });
}
