import { Command } from 'commander';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { registerDiffCommand } from '../../src/cli/diff-command.ts';
import { repo } from '../helpers/extract.ts';

const dir = `${repo}tests/fixtures/diff`;

async function run(args: string[]): Promise<{ out: string; code: number | undefined }> {
  let out = '';
  const spy = vi.spyOn(process.stdout, 'write').mockImplementation((chunk) => ((out += String(chunk)), true));
  process.exitCode = undefined;
  const program = new Command('plainterms').exitOverride();
  registerDiffCommand(program);
  try {
    await program.parseAsync(['diff', ...args], { from: 'user' });
  } finally {
    spy.mockRestore();
  }
  const code = process.exitCode as number | undefined;
  process.exitCode = undefined;
  return { out, code };
}

afterEach(() => {
  process.exitCode = undefined;
});

describe('plainterms diff', () => {
  it('exits 1 with --exit-code when the terms differ', async () => {
    const { out, code } = await run([`${dir}/ConsignmentAuction.sol`, `${dir}/ConsignmentAuction.fee.sol`, '--exit-code', '--format', 'json']);
    expect(JSON.parse(out).changes).toHaveLength(1);
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
    expect(code).toBeUndefined();
  });
});
