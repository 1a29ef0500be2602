/**
 * Per bundled contract: its coverage, and the whole-process time of `plainterms summarize --format json`
 * (no cache) beside a bare solc compile of the same file in a fresh process (load solc-js, compile with
 * the same output selection). Medians of interleaved runs.
 *
 *   node --import tsx bench/per-contract.ts [--runs 5]
 */
import { spawnSync } from 'node:child_process';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { summarize } from '../src/summarize.ts';
import { BUNDLED } from './corpus.ts';

const repo = fileURLToPath(new URL('..', import.meta.url));
const runs = Number(process.argv[process.argv.indexOf('--runs') + 1]) || 5;
const CONTRACTS = BUNDLED;

const BARE_COMPILE = `
const fs = require('fs'), path = require('path');
const solc = require(${JSON.stringify(path.join(repo, 'node_modules/solc'))});
const read = (p) => { for (const c of [path.resolve(p), path.resolve('node_modules', p)]) { try { return fs.readFileSync(c, 'utf8'); } catch {} } return null; };
const file = process.argv[1];
const input = { language: 'Solidity', sources: { [file]: { content: read(file) } }, settings: { outputSelection: { '*': { '': ['ast'], '*': ['abi', 'devdoc', 'userdoc'] } } } };
const out = JSON.parse(solc.compile(JSON.stringify(input), { import: (p) => { const c = read(p); return c === null ? { error: 'not found' } : { contents: c }; } }));
if ((out.errors || []).some((e) => e.severity === 'error')) process.exit(1);
`;

function seconds(args: string[]): number {
  const start = process.hrtime.bigint();
  const result = spawnSync(process.execPath, args, { cwd: repo, stdio: ['ignore', 'ignore', 'inherit'] });
  if (result.status !== 0) throw new Error(`${args.join(' ')} exited ${result.status}`);
  return Number(process.hrtime.bigint() - start) / 1e9;
}

const median = (values: number[]) => [...values].sort((a, b) => a - b)[Math.floor(values.length / 2)]!;

console.log('| contract | statements explained | plainterms summarize --format json | bare solc compile | ratio |');
console.log('| --- | ---: | ---: | ---: | ---: |');
for (const name of CONTRACTS) {
  const file = `contracts/${name}.sol`;
  const { document } = await summarize([file], { formats: [], cache: false });
  const { coverage } = document.contracts[0]!;
  const tool: number[] = [];
  const bare: number[] = [];
  for (let i = 0; i < runs; i++) {
    tool.push(seconds(['bin/plainterms.js', 'summarize', file, '--format', 'json', '--no-cache']));
    bare.push(seconds(['-e', BARE_COMPILE, file]));
  }
  const [t, b] = [median(tool), median(bare)];
  console.log(`| ${name} | ${coverage.explained} of ${coverage.statements} | ${t.toFixed(2)} s | ${b.toFixed(2)} s | ${(t / b).toFixed(2)}× |`);
}
