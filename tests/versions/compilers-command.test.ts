/**
 * `plainterms compilers add|list`, run in-process against a fresh cache folder, and what a user sees
 * when a file needs a compiler that is not installed.
 */
import { existsSync, mkdtempSync, readFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type CliOutput, runCli } from '../../src/cli/run.ts';
import { readBundledVersion } from '../../src/compile/index.ts';
import { makeProject, removeProjects } from '../compile/temp-project.ts';
import { FETCH_TIMEOUT } from './setup.ts';

const saved = process.env.PLAINTERMS_CACHE;
let cache: string;
beforeAll(() => {
  cache = mkdtempSync(path.join(os.tmpdir(), 'plainterms-cache-'));
  process.env.PLAINTERMS_CACHE = cache;
});
afterAll(() => {
  if (saved === undefined) delete process.env.PLAINTERMS_CACHE;
  else process.env.PLAINTERMS_CACHE = saved;
  removeProjects();
});

async function run(argv: string[], cwd?: string) {
  let out = '';
  let err = '';
  const io: CliOutput = { out: (text) => void (out += text), err: (text) => void (err += text), exit: () => undefined };
  const previous = process.cwd();
  if (cwd) process.chdir(cwd);
  try {
    return { code: await runCli(argv, io, {}), out, err };
  } finally {
    process.chdir(previous);
  }
}

describe('plainterms compilers', () => {
  it('lists only the bundled release in a fresh cache', async () => {
    const result = await run(['compilers', 'list']);
    expect(result.code).toBe(0);
    expect(result.out).toBe(`${readBundledVersion()}  bundled\n(no other release installed; add one with: plainterms compilers add <version>)\n`);
  });

  it('names the exact command when a file needs a release that is not installed', async () => {
    const root = makeProject({ 'package.json': '{}', 'Old.sol': 'pragma solidity ^0.4.24;\ncontract Old { function f() public {} }\n' });
    const result = await run(['summarize', 'Old.sol'], root);
    expect(result.code).toBe(1);
    expect(result.err).toContain(`plainterms: Old.sol needs solc ^0.4.24; the bundled solc is ${readBundledVersion()}\n`);
    expect(result.err).toContain('hint: install solc 0.4.26 once with: plainterms compilers add 0.4.26\n');
  });

  it('installs a release from the npm registry, lists it, and then the file summarizes', async () => {
    const added = await run(['compilers', 'add', '0.4.26']);
    expect(added.err).toBe('');
    expect(added.out).toBe(`installed solc 0.4.26 in ${path.join(cache, 'compilers', '0.4.26')}\n`);
    expect(JSON.parse(readFileSync(path.join(cache, 'compilers', '0.4.26', 'compiler.json'), 'utf8'))).toMatchObject({ version: '0.4.26', from: 'npm:solc@0.4.26' });
    expect((await run(['compilers', 'add', '0.4.26'])).out).toMatch(/^solc 0\.4\.26 is already installed/);
    expect((await run(['compilers', 'list', '--json'])).out).toContain('"version": "0.4.26"');
    const root = makeProject({ 'package.json': '{}', 'Old.sol': 'pragma solidity ^0.4.24;\n/// @title Old\ncontract Old { address owner; function f() public { require(msg.sender == owner); } }\n' });
    const summary = await run(['summarize', 'Old.sol', '--format', 'json'], root);
    expect(summary.err).toBe('');
    expect(JSON.parse(summary.out).compiler.version).toMatch(/^0\.4\.26\+commit/);
  }, FETCH_TIMEOUT);

  it('says a release that npm does not have is not published, and leaves nothing behind', async () => {
    const result = await run(['compilers', 'add', '0.4.99']);
    expect(result.code).toBe(1);
    expect(result.err).toContain('plainterms: solc 0.4.99 is not published on npm\n');
    expect(existsSync(path.join(cache, 'compilers', '0.4.99'))).toBe(false);
  }, FETCH_TIMEOUT);

  it('refuses what is not a version as a usage error', async () => {
    expect((await run(['compilers', 'add', 'latest'])).code).toBe(2);
  });
});
