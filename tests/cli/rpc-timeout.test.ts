/**
 * A node that never answers, or answers with nonsense, ends the run with exit 1 and a message naming the
 * URL: every request has a timeout (--rpc-timeout), the chain id is read once (no detection loop), and the
 * process exits even with a socket left open. Run as a process, since "the process ends" is the point.
 */
import { spawn } from 'node:child_process';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';

const TX = `0x${'ab'.repeat(32)}`;
const servers: Server[] = [];
const urls: Record<'silent' | 'garbage' | 'wrong', string> = { silent: '', garbage: '', wrong: '' };

function serve(answer: ((body: string) => string) | null): Promise<string> {
  const server = createServer((request, response) => {
    if (answer === null) return; // never answers
    let body = '';
    request.on('data', (chunk) => (body += chunk));
    request.on('end', () => {
      response.setHeader('content-type', 'application/json');
      response.end(answer(body));
    });
  });
  servers.push(server);
  return new Promise((resolve) => server.listen(0, '127.0.0.1', () => resolve(`http://127.0.0.1:${(server.address() as AddressInfo).port}`)));
}

beforeAll(async () => {
  urls.silent = await serve(null);
  urls.garbage = await serve(() => 'this is not JSON');
  urls.wrong = await serve(() => '{"jsonrpc":"2.0","id":1,"result":"0xzz"}');
});
afterAll(() => servers.forEach((server) => {
  server.closeAllConnections();
  server.close();
}));

/** Runs the command; resolves with its exit code, output and how long it took (killed after 30 s). */
function run(...args: string[]): Promise<{ code: number | null; stdout: string; stderr: string; ms: number }> {
  const started = Date.now();
  const child = spawn(process.execPath, ['bin/plainterms.js', ...args], { stdio: ['ignore', 'pipe', 'pipe'] });
  let stdout = '';
  let stderr = '';
  child.stdout.on('data', (chunk) => (stdout += chunk));
  child.stderr.on('data', (chunk) => (stderr += chunk));
  const killer = setTimeout(() => child.kill('SIGKILL'), 30_000);
  return new Promise((resolve) =>
    child.on('close', (code) => {
      clearTimeout(killer);
      resolve({ code, stdout, stderr, ms: Date.now() - started });
    }),
  );
}

describe('a JSON-RPC node that misbehaves', { timeout: 40_000 }, () => {
  it('that never answers: exit 1 after the timeout, naming the URL, and the process ends', async () => {
    const result = await run('order', 'contracts/MarketplaceOrder.sol', '--rpc', urls.silent, '--tx', TX, '--rpc-timeout', '1');
    expect(result.code).toBe(1);
    expect(result.stderr).toContain(`could not read the chain id through ${urls.silent}: no answer within 1 s`);
    expect(result.stdout).toBe('');
    // Killed at 30 s had it hung.
    expect(result.ms).toBeLessThan(25_000);
  });

  it('that answers with something other than JSON, or a malformed chain id: exit 1, no retry loop on stdout', async () => {
    const garbage = await run('order', 'contracts/MarketplaceOrder.sol', '--rpc', urls.garbage, '--tx', TX);
    expect(garbage.code).toBe(1);
    expect(garbage.stderr).toContain(`could not read the chain id through ${urls.garbage}: response body is not valid JSON`);
    expect(garbage.stdout).toBe('');
    const wrong = await run('summarize', 'contracts/MarketplaceOrder.sol', '--rpc', urls.wrong, '--address', '0x1111111111111111111111111111111111111111');
    expect(wrong.code).toBe(1);
    expect(wrong.stderr).toContain(`${urls.wrong} did not answer eth_chainId with a chain id`);
    expect(`${garbage.stderr}${wrong.stderr}`).not.toMatch(/retry in 1s|internal error/);
  });

  it('--rpc-timeout must be a positive number of seconds (usage error, exit 2)', async () => {
    const result = await run('order', 'contracts/MarketplaceOrder.sol', '--rpc', urls.silent, '--tx', TX, '--rpc-timeout', 'soon');
    expect(result.code).toBe(2);
    expect(result.stderr).toContain('expected a positive number of seconds');
  });
});
