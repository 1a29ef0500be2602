/**
 * `plainterms summarize contracts/ -o out/`: one summary per contract, a file that fails is reported
 * and the rest go on, exit 1 when anything failed; a progress bar only on a terminal.
 */
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, describe, expect, it } from 'vitest';
import { summarizeBatch } from '../../src/cli/batch-summarize.ts';
import { type CliOutput, runCli } from '../../src/cli/run.ts';
import { makeProject, PRAGMA, removeProjects } from './temp-project.ts';

const repo = fileURLToPath(new URL('../..', import.meta.url));
const EXAMPLES = readdirSync(path.join(repo, 'contracts')).filter((name) => name.endsWith('.sol'));
afterAll(removeProjects);

function makeContractsProject(): string {
  return makeProject({
    'package.json': '{}',
    'node_modules/@openzeppelin/contracts': { symlinkTo: path.join(repo, 'node_modules/@openzeppelin/contracts') },
    ...Object.fromEntries(EXAMPLES.map((name) => [`contracts/${name}`, readFileSync(path.join(repo, 'contracts', name), 'utf8')])),
    'contracts/deals/Pair.sol': `${PRAGMA}contract Deposit { function pay() external payable {} }\ncontract Refund { function refund() external { payable(msg.sender).transfer(1); } }\n`,
    'contracts/lib/Fees.sol': `${PRAGMA}library Fees { function bps() internal pure returns (uint256) { return 100; } }\n`,
    'contracts/Broken.sol': readFileSync(path.join(repo, 'tests/fixtures/broken/SyntaxError.sol'), 'utf8'),
  });
}

function capture() {
  const seen = { out: '', err: '', exit: 0 };
  const io: CliOutput = { out: (t) => void (seen.out += t), err: (t) => void (seen.err += t), exit: (c) => void (seen.exit = Math.max(seen.exit, c)) };
  return { io, seen };
}

describe('summarize a folder into a folder', () => {
  it('writes one summary per contract, reports the broken file, goes on, and exits 1', async () => {
    const root = makeContractsProject();
    const previous = process.cwd();
    process.chdir(root);
    const { io, seen } = capture();
    let code: number;
    try {
      code = await runCli(['summarize', 'contracts/', '-o', 'out/', '--no-cache'], io, {});
    } finally {
      process.chdir(previous);
    }
    expect(code).toBe(1);
    const written = readdirSync(path.join(root, 'out'), { recursive: true }).map(String).filter((f) => f.endsWith('.md')).sort();
    const expected = [...EXAMPLES.map((name) => name.replace('.sol', '.md')), 'deals/Deposit.md', 'deals/Refund.md'].sort();
    expect(written).toEqual(expected);
    expect(readFileSync(path.join(root, 'out/deals/Refund.md'), 'utf8')).toContain('Refund');
    expect(readFileSync(path.join(root, 'out/deals/Refund.md'), 'utf8')).not.toContain('Deposit');
    expect(seen.err).toMatch(/^contracts\/Broken\.sol:\d+:\d+: error: /m);
    expect(seen.err).toContain(`wrote ${expected.length} summaries to out/ from ${EXAMPLES.length + 3} files; 1 failed\n`);
    expect(seen.err).not.toContain('\r');
    expect(seen.out).toBe('');
  }, 120_000);

  it('draws a progress bar on a terminal, and exits 0 when nothing failed', async () => {
    const root = makeProject({ 'package.json': '{}', 'src/Sale.sol': `${PRAGMA}contract Sale { function pay() external payable {} }\n` });
    const { io, seen } = capture();
    await summarizeBatch(['src'], { cwd: root, format: 'json', outputFolder: 'terms', progress: true, cache: false }, io);
    expect(seen.exit).toBe(0);
    expect(seen.err).toContain('\r\x1b[K[----------------------------------------] 0/1 src/Sale.sol'.replace('-'.repeat(40), '-'.repeat(20)));
    expect(seen.err.endsWith('wrote 1 summary to terms/ from 1 file\n')).toBe(true);
    expect(JSON.parse(readFileSync(path.join(root, 'terms/Sale.json'), 'utf8')).contracts[0].name).toBe('Sale');
  }, 60_000);

  it('reports an input that does not exist and still summarizes the others', async () => {
    const root = makeProject({ 'package.json': '{}', 'Sale.sol': `${PRAGMA}contract Sale { function pay() external payable {} }\n` });
    const { io, seen } = capture();
    await summarizeBatch(['Missing.sol', 'Sale.sol'], { cwd: root, format: 'md', outputFolder: 'out/', cache: false }, io);
    expect(seen.exit).toBe(1);
    expect(seen.err).toContain('plainterms: Missing.sol: no such file\n');
    expect(existsSync(path.join(root, 'out/Sale.md'))).toBe(true);
  }, 60_000);
});
