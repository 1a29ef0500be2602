/** The installed command, as a process: what `npx plainterms …` runs after `npm ci`. */
import { spawnSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';

const run = (...args: string[]) => spawnSync(process.execPath, ['bin/plainterms.js', ...args], { encoding: 'utf8', timeout: 60_000 });

describe('bin/plainterms.js', { timeout: 60_000 }, () => {
  it('summarizes a bundled contract as a JSON document, exit 0', () => {
    const result = run('summarize', 'contracts/FobSale.sol', '--format', 'json', '--no-cache');
    expect(result.status).toBe(0);
    const document = JSON.parse(result.stdout);
    expect(document.schema).toBe('plainterms/summary@2');
    expect(document.contracts[0].name).toBe('FobSale');
  });

  it('prints the reviewed documents in both languages (in a checkout, from the TypeScript sources)', () => {
    for (const lang of ['en', 'zh']) {
      const result = run('summarize', 'contracts/FobSale.sol', '--lang', lang);
      expect(result.status).toBe(0);
      expect(result.stdout).toBe(readFileSync(`tests/golden/FobSale.${lang}.md`, 'utf8'));
    }
  });

  it('imports as a library in plain Node, with no TypeScript loader (the package exports the build in dist/)', () => {
    const script = "const { summarize } = await import('plainterms'); const r = await summarize(['contracts/FobSale.sol'], { formats: ['json'], cache: false }); console.log(JSON.parse(r.outputs[0].text).contracts[0].name);";
    const result = spawnSync(process.execPath, ['--input-type=module', '-e', script], { encoding: 'utf8', timeout: 60_000, env: { ...process.env, NODE_OPTIONS: '' } });
    expect(result.stderr).toBe('');
    expect(result.stdout.trim()).toBe('FobSale');
  });

  it('gives a located error and exit 1 for a broken contract, with no stack trace', () => {
    const result = run('summarize', 'tests/fixtures/broken/SyntaxError.sol', '--no-cache');
    expect(result.status).toBe(1);
    expect(result.stderr).toContain('tests/fixtures/broken/SyntaxError.sol:11:5: error:');
    expect(result.stderr).not.toMatch(/\n\s+at /);
    expect(result.stdout).toBe('');
  });

  it('--timeout stops a run, even inside a compilation, with a clear message and exit 1', () => {
    const result = run('summarize', 'contracts/LetterOfCredit.sol', '--no-cache', '--timeout', '0.3');
    expect(result.status).toBe(1);
    expect(result.stderr).toBe('plainterms: stopped after 0.3 s, the limit set by --timeout\nhint: give a longer --timeout, or fewer or smaller files\n');
    expect(result.stdout).toBe('');
    expect(run('summarize', 'contracts/FobSale.sol', '--timeout', 'soon').status).toBe(2);
  });
});
