import { execFileSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import sha3 from 'js-sha3';
import { afterAll, describe, expect, it } from 'vitest';
import { registerHashCommand } from '../../src/cli/hash-command.ts';
import { summarize } from '../../src/summarize.ts';
import { compileFiles } from '../../src/compile/index.ts';
import { extractContracts } from '../../src/extract/index.ts';
import { describeOrder } from '../../src/orders/describe.ts';
import { canonicalJson, termsHash } from '../../src/orders/terms-hash.ts';
import type { ContractTerms } from '../../src/terms/index.ts';
import { BUYER, bundled, repo } from './contracts.ts';
import { runCommand } from './run-command.ts';

const temps: string[] = [];
afterAll(() => {
  for (const folder of temps) rmSync(folder, { recursive: true, force: true });
});

/** FobSale copied to a temporary folder with its source edited, then compiled and extracted. */
async function editedFobSale(edit: (source: string) => string): Promise<ContractTerms> {
  const folder = mkdtempSync(path.join(os.tmpdir(), 'plainterms-hash-'));
  temps.push(folder);
  const file = path.join(folder, 'FobSale.sol');
  writeFileSync(file, edit(readFileSync(path.join(repo, 'contracts/FobSale.sol'), 'utf8')));
  const compilation = await compileFiles([file], { cwd: folder });
  return extractContracts(compilation, { contracts: ['FobSale'] })[0];
}

/** The same value with the keys of every object in reverse order. */
function reverseKeys(value: unknown): unknown {
  if (Array.isArray(value)) return value.map(reverseKeys);
  if (value === null || typeof value !== 'object') return value;
  return Object.fromEntries(Object.entries(value).reverse().map(([key, item]) => [key, reverseKeys(item)]));
}

describe('termsHash', () => {
  it('is keccak256 of canonical JSON: sorted keys, no whitespace, wording and positions left out', () => {
    expect(canonicalJson({ b: [2, { d: null, c: 'x' }], a: true, label: 'Buyer', source: { line: 1 }, statements: [], skip: undefined })).toBe(
      '{"a":true,"b":[2,{"c":"x","d":null}]}',
    );
    expect(termsHash({})).toBe('0xb48d38f93eaa084033fc5970bf96e559c33c4cdc07d889ab00b4d63f9590739d');
  });

  it('is reproduced from the JSON document as docs/terms-hash.md says, with an independent RFC 8785 library', async () => {
    // A CommonJS package whose module.exports is the function (its types declare it as a default export).
    const canonicalize = (await import('canonicalize')).default as unknown as (input: unknown) => string | undefined;
    const { documents } = await summarize(['contracts/FobSale.sol'], { formats: ['json'], cwd: repo, cache: false });
    const entry = JSON.parse(JSON.stringify(documents[0].contracts[0]));
    const drop = (value: unknown): unknown => {
      if (Array.isArray(value)) return value.map(drop);
      if (value === null || typeof value !== 'object') return value;
      return Object.fromEntries(Object.entries(value).filter(([key]) => !['statements', 'label', 'source', 'deployment'].includes(key)).map(([key, item]) => [key, drop(item)]));
    };
    expect(`0x${sha3.keccak256(canonicalize(drop(entry))!)}`).toBe(termsHash(documents[0].contracts[0]));
  });

  it('does not depend on key order', async () => {
    const { terms } = await bundled('MarketplaceOrder');
    expect(termsHash(reverseKeys(terms))).toBe(termsHash(terms));
  });

  it('is the same in another process compiling the same file', async () => {
    const { terms } = await bundled('FobSale');
    const script = [
      "import { compileFiles } from './src/compile/index.ts';",
      "import { extractContracts } from './src/extract/index.ts';",
      "import { termsHash } from './src/orders/terms-hash.ts';",
      "const compilation = await compileFiles(['contracts/FobSale.sol'], { cache: false });",
      "process.stdout.write(termsHash(extractContracts(compilation, { contracts: ['FobSale'] })[0]));",
    ].join('\n');
    const output = execFileSync(process.execPath, ['--import', 'tsx', '--input-type=module', '-e', script], { cwd: repo, encoding: 'utf8' });
    expect(output).toBe(termsHash(terms));
  });

  it('changes when a term changes: the deposit rate of FobSale', async () => {
    const { terms } = await bundled('FobSale');
    const changed = await editedFobSale((source) => source.replace('DEPOSIT_BPS = 3000', 'DEPOSIT_BPS = 2000'));
    expect(termsHash(changed)).not.toBe(termsHash(terms));
  });

  it('does not change when only the layout of the code changes (lines move, plain comments)', async () => {
    const { terms } = await bundled('FobSale');
    const moved = await editedFobSale((source) => source.replace('contract FobSale {', '// A plain comment.\n\n\ncontract FobSale {'));
    expect(moved.source.line).not.toBe(terms.source.line);
    expect(termsHash(moved)).toBe(termsHash(terms));
  });

  it('ignores rendered statements and labels: wording is not a term', async () => {
    const { terms } = await bundled('FobSale');
    const worded = { ...terms, statements: [{ id: 'x', section: 'parties', text: 'Any wording at all.', basis: 'code', source: null }] };
    const relabelled = JSON.parse(JSON.stringify(terms).replaceAll('"label":"Buyer"', '"label":"Purchaser"'));
    expect(termsHash(worded)).toBe(termsHash(terms));
    expect(termsHash(relabelled)).toBe(termsHash(terms));
  });

  it('hashes an order with its contract’s terms, and changes with any argument', async () => {
    const market = await bundled('MarketplaceOrder');
    const data = (amount: bigint) => market.encode('placeOrder', [BUYER.replace('1111', '2222'), amount, 1796083200n]);
    const order = describeOrder(market, { data: data(5n) });
    expect(order.contractHash).toBe(termsHash(market.terms));
    expect(termsHash(describeOrder(market, { data: data(5n) }))).toBe(termsHash(order));
    expect(termsHash(describeOrder(market, { data: data(6n) }))).not.toBe(termsHash(order));
    expect(termsHash(describeOrder(market, { data: data(5n), from: BUYER }))).not.toBe(termsHash(order));
  });
});

describe('plainterms hash', () => {
  it('prints the hash of each contract in the files', async () => {
    const { terms } = await bundled('FobSale');
    const result = await runCommand(registerHashCommand, ['hash', 'contracts/FobSale.sol']);
    expect(result.stdout).toBe(`${termsHash(terms)}  FobSale\n`);
  });

  it('prints the hash of one order with --calldata', async () => {
    const fob = await bundled('FobSale');
    const data = fob.encode('payDeposit');
    const result = await runCommand(registerHashCommand, ['hash', 'contracts/FobSale.sol', '--calldata', data, '--value', '7', '--format', 'json']);
    expect(JSON.parse(result.stdout)).toEqual([{ hash: termsHash(describeOrder(fob, { data, value: 7n })), name: 'FobSale.payDeposit()' }]);
  });

  it('exits 1 for an unknown contract', async () => {
    const result = await runCommand(registerHashCommand, ['hash', 'contracts/FobSale.sol', '--contract', 'Nope']);
    expect(result.code).toBe(1);
    expect(result.stderr).toContain('no contract named Nope');
  });
});

