import { existsSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { type CliOutput, runCli } from '../../src/cli/run.ts';

interface Run {
  code: number;
  out: string;
  err: string;
}

async function run(argv: string[], overrides: Partial<CliOutput> = {}, env: NodeJS.ProcessEnv = {}): Promise<Run> {
  let out = '';
  let err = '';
  const io: CliOutput = {
    out: (text) => void (out += text),
    err: (text) => void (err += text),
    exit: () => undefined,
    ...overrides,
  };
  const code = await runCli(argv, io, env);
  return { code, out, err };
}

const folder = mkdtempSync(path.join(tmpdir(), 'plainterms-cli-'));
afterAll(() => rmSync(folder, { recursive: true, force: true }));

describe('plainterms summarize', () => {
  it('rejects an unknown --format as a usage error, exit 2', async () => {
    const result = await run(['summarize', 'contracts/FobSale.sol', '--format', 'rtf']);
    expect(result.code).toBe(2);
    expect(result.err).toContain("option '--format <format>' argument 'rtf' is invalid. Allowed choices are md, text, html, json, docx, pdf.");
    expect(result.out).toBe('');
  });

  it('rejects an unknown --lang and an unknown option as usage errors', async () => {
    expect((await run(['summarize', 'contracts/FobSale.sol', '--lang', 'fr'])).code).toBe(2);
    const unknown = await run(['summarize', 'contracts/FobSale.sol', '--colour']);
    expect(unknown.code).toBe(2);
    expect(unknown.err).toContain("unknown option '--colour'");
  });

  it('rejects a missing file argument and a malformed remapping', async () => {
    expect((await run(['summarize'])).code).toBe(2);
    const remap = await run(['summarize', 'contracts/FobSale.sol', '--remap', 'no-equals-sign']);
    expect(remap.code).toBe(2);
    expect(remap.err).toContain('expected prefix=path');
  });

  it('prints help and the version with exit 0', async () => {
    const help = await run(['summarize', '--help']);
    expect(help.code).toBe(0);
    expect(help.out).toContain('--format <format>');
    expect((await run(['--version'])).out).toMatch(/^\d+\.\d+\.\d+/);
  });

  it('summarizes a contract to stdout', async () => {
    const result = await run(['summarize', 'contracts/FobSale.sol']);
    expect(result.code).toBe(0);
    expect(result.err).toBe('');
    expect(result.out).toMatch(/^# FobSale — terms in plain language\n/);
    expect(result.out).toContain('Only the Buyer (`buyer`) may call `payDeposit`, and only if every condition below holds. [FobSale.sol:51]');
  });

  it('writes both languages with --lang en,zh, and one HTML page with a language switch', async () => {
    const md = await run(['summarize', 'contracts/FobSale.sol', '--lang', 'en,zh']);
    expect(md.code).toBe(0);
    expect(md.out).toContain('# FobSale — terms in plain language');
    expect(md.out).toContain('# FobSale — 合约条款通俗说明');
    const html = await run(['summarize', 'contracts/FobSale.sol', '--lang', 'en,zh', '--format', 'html']);
    expect(html.code).toBe(0);
    expect(html.out.match(/<html/g)).toHaveLength(1);
    expect(html.out).toContain('lang="zh');
  });

  it('refuses two languages in one JSON document as a usage error, exit 2', async () => {
    const result = await run(['summarize', 'contracts/FobSale.sol', '--lang', 'en,zh', '--format', 'json']);
    expect(result.code).toBe(2);
    expect(result.err).toContain('a JSON document holds one language');
    expect(result.out).toBe('');
  });

  it('reports a missing file as an input error, exit 1', async () => {
    const result = await run(['summarize', 'contracts/NoSuchFile.sol']);
    expect(result.code).toBe(1);
    expect(result.err).toMatch(/^plainterms: /);
    expect(result.out).toBe('');
  });

  it('reports a compile error with its location and a caret, exit 1, and writes no file', async () => {
    const target = path.join(folder, 'broken.md');
    const result = await run(['summarize', 'tests/fixtures/broken/SyntaxError.sol', '-o', target]);
    expect(result.code).toBe(1);
    expect(result.err).toMatch(/SyntaxError\.sol:\d+:\d+: error: /);
    expect(result.err).toContain('^');
    expect(existsSync(target)).toBe(false);
  });

  it('reports a syntax error at its exact line and column, with a hint, exit 1', async () => {
    const result = await run(['summarize', 'tests/fixtures/broken/SyntaxError.sol']);
    expect(result.code).toBe(1);
    expect(result.err).toContain("tests/fixtures/broken/SyntaxError.sol:11:5: error: Expected ';' but got '}'");
    expect(result.err).toContain('hint: ');
    expect(result.err).not.toContain('    at ');
  });

  it('reports a type error with its location, exit 1', async () => {
    const result = await run(['summarize', 'tests/fixtures/broken/TypeError.sol']);
    expect(result.code).toBe(1);
    expect(result.err).toContain('tests/fixtures/broken/TypeError.sol:9:17: error: Type literal_string "one hundred" is not implicitly convertible');
  });

  it('reports an import that cannot be found at the import statement, with what to do, exit 1', async () => {
    const result = await run(['summarize', 'tests/fixtures/broken/MissingImport.sol']);
    expect(result.code).toBe(1);
    expect(result.err).toContain('tests/fixtures/broken/MissingImport.sol:4:1: error: cannot find import "./DoesNotExist.sol"');
    expect(result.err).toContain('hint: ');
    expect(result.out).toBe('');
  });

  it('reports a file that is not Solidity, exit 1', async () => {
    const result = await run(['summarize', 'tests/fixtures/broken/NotSolidity.sol']);
    expect(result.code).toBe(1);
    expect(result.err).toContain('not a Solidity file');
    expect(result.out).toBe('');
  });

  it('reports an unknown contract with a hint, exit 1', async () => {
    const result = await run(['summarize', 'contracts/FobSale.sol', '--contract', 'Nope']);
    expect(result.code).toBe(1);
    expect(result.err).toContain('Nope');
    expect(result.err).toContain('hint: ');
  });

  it('writes the output file with -o, only once everything has rendered', async () => {
    const target = path.join(folder, 'fob.json');
    const result = await run(['summarize', 'contracts/FobSale.sol', '--format', 'json', '-o', target]);
    expect(result).toEqual({ code: 0, out: '', err: '' });
    expect(JSON.parse(readFileSync(target, 'utf8')).schema).toBe('plainterms/summary@2');
  });

  it('reports -o into a missing folder or under a file as an input error, exit 1, not a bug', async () => {
    const file = path.join(folder, 'plain-file');
    await run(['summarize', 'contracts/FobSale.sol', '-o', file]);
    const cases: [string, string][] = [
      [path.join(folder, 'missing', 'x.md'), `the folder ${path.join(folder, 'missing')} does not exist`],
      [path.join(file, 'x.md'), 'part of the path is a file, not a folder'],
    ];
    for (const [target, message] of cases) {
      const result = await run(['summarize', 'contracts/FobSale.sol', '-o', target]);
      expect(result.code, target).toBe(1);
      expect(result.err).toContain(`plainterms: cannot write ${target}: ${message}`);
      expect(result.err).not.toMatch(/internal error|at .*\.ts:\d+/);
    }
  });

  it('keeps stdout for the document: what a library prints through the console during a run goes to stderr', async () => {
    const pending = run(['summarize', 'contracts/FobSale.sol', '--format', 'json', '--no-cache']);
    // Runs at the command's first await, while it is under way (the compile itself is synchronous).
    void Promise.resolve().then(() => console.log('[Warning] Invalid Fragment'));
    const result = await pending;
    expect(result.code).toBe(0);
    expect(JSON.parse(result.out).schema).toBe('plainterms/summary@2');
    expect(result.err).toBe('[Warning] Invalid Fragment\n');
  });

  it('turns a bug into an internal error, exit 3, without a stack trace unless asked', async () => {
    const failingOut = { out: () => { throw new TypeError('boom'); } };
    const quiet = await run(['summarize', 'contracts/FobSale.sol'], failingOut);
    expect(quiet.code).toBe(3);
    expect(quiet.err).toContain('internal error: boom');
    expect(quiet.err).toContain('please report');
    expect(quiet.err).not.toContain('    at ');
    const debug = await run(['summarize', 'contracts/FobSale.sol'], failingOut, { PLAINTERMS_DEBUG: '1' });
    expect(debug.err).toContain('    at ');
  });
});
