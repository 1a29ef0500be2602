import { existsSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, afterEach, describe, expect, it, vi } from 'vitest';
import { type CliOutput, runCli } from '../../src/cli/run.ts';
import { repo } from '../helpers/extract.ts';

const dir = `${repo}tests/fixtures/diff`;
const folder = mkdtempSync(path.join(tmpdir(), 'plainterms-diff-cli-'));
afterAll(() => rmSync(folder, { recursive: true, force: true }));

/** Runs the command line in-process; everything it writes goes through the given output. */
async function run(args: string[]): Promise<{ out: string; err: string; code: number }> {
  let out = '';
  let err = '';
  const io: CliOutput = { out: (text) => void (out += text), err: (text) => void (err += text), exit: () => undefined };
  const code = await runCli(['diff', ...args], io, {});
  return { out, err, code };
}

afterEach(() => {
  vi.restoreAllMocks();
});

describe('plainterms diff', () => {
  it('exits 1 with --exit-code when the terms differ', async () => {
    const { out, code } = await run([`${dir}/ConsignmentAuction.sol`, `${dir}/ConsignmentAuction.fee.sol`, '--exit-code', '--format', 'json']);
    // The raised cap, and the risk that it contradicts the constructor's comment.
    expect(JSON.parse(out).changes.map((c: { kind: string }) => c.kind)).toEqual(['constant-changed', 'risk-added']);
    expect(code).toBe(1);
  });

  it('exits 0 with --exit-code when only the wording of the code changed', async () => {
    const { out, code } = await run([
      `${dir}/MarketplaceOrder.sol`,
      `${dir}/MarketplaceOrder.refactor.sol`,
      '--contracts',
      'MarketplaceOrder:MarketplaceOrder',
      '--exit-code',
      '--lang',
      'zh',
    ]);
    expect(out).toContain('条款没有变化');
    expect(code).toBe(0);
  });

  it('writes only through the output given to the command line, never to the process streams', async () => {
    const stdout = vi.spyOn(process.stdout, 'write');
    const stderr = vi.spyOn(process.stderr, 'write');
    const { out, code } = await run([`${dir}/MarketplaceOrder.sol`, `${dir}/MarketplaceOrder.amendment.sol`, '--format', 'html']);
    expect(code).toBe(0);
    expect(out).toMatch(/^<!doctype html>/);
    expect(out).toContain('<li class="change" id="change-4"');
    expect(stdout).not.toHaveBeenCalled();
    expect(stderr).not.toHaveBeenCalled();
  });

  it('writes the HTML redline to a file with -o', async () => {
    const target = path.join(folder, 'redline.html');
    const { out, code } = await run([`${dir}/FobSale.sol`, `${dir}/FobSale.open-cancel.sol`, '--format', 'html', '--lang', 'zh', '-o', target]);
    expect(code).toBe(0);
    expect(out).toBe('');
    expect(existsSync(target)).toBe(true);
    expect(readFileSync(target, 'utf8')).toContain('<html lang="zh">');
  });

  it('reports an input error through the output, with its exit code', async () => {
    const { err, code } = await run([`${dir}/MarketplaceOrder.sol`, `${dir}/MarketplaceOrder.amendment.sol`, '--contract', 'Nope']);
    expect(code).toBe(1);
    expect(err).toMatch(/^plainterms: /m);
  });
});
