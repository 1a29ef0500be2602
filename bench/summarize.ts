/**
 * How fast and how big `plainterms summarize` is, on the same files in one run, against:
 * - the floor: a node process that only loads solc-js and compiles the same files (same imports,
 *   same output selection);
 * - a peer: surya (`surya describe`, which parses without compiling);
 * - itself: warm in-process summarize vs compile alone, cached vs uncached, and peak RSS.
 *
 *   node --import tsx bench/summarize.ts [--runs 5] [--no-write]
 *
 * Process timings and peak RSS (maxRSS) are medians of interleaved runs (the machine may be busy).
 * The table is printed and written into bench/README.md between the markers.
 */
import { execFileSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { compileFiles } from '../src/compile/index.ts';
import { summarize } from '../src/summarize.ts';

const repo = fileURLToPath(new URL('..', import.meta.url));
const runs = Number(process.argv[process.argv.indexOf('--runs') + 1]) || 5;
const oz = (file: string) => `node_modules/@openzeppelin/contracts/${file}`;

const SINGLE = ['contracts/MarketplaceOrder.sol'];
/** The six example contracts with OpenZeppelin contracts: about 6,000 lines with their imports. */
const PROJECT = [
  'contracts/ArbiterEscrow.sol',
  'contracts/ConsignmentAuction.sol',
  'contracts/FobSale.sol',
  'contracts/LetterOfCredit.sol',
  'contracts/MarketplaceOrder.sol',
  'contracts/MilestoneEscrow.sol',
  oz('governance/TimelockController.sol'),
  oz('finance/VestingWallet.sol'),
  oz('proxy/transparent/TransparentUpgradeableProxy.sol'),
  oz('utils/cryptography/ECDSA.sol'),
  oz('token/ERC20/ERC20.sol'),
  oz('token/ERC721/IERC721.sol'),
  oz('token/ERC1155/IERC1155.sol'),
];

/** The floor: load solc-js, compile with the same imports and output selection, nothing else. */
const FLOOR = `
const fs = require('fs'), path = require('path');
const solc = require(${JSON.stringify(path.join(repo, 'node_modules/solc'))});
const read = (p) => { for (const c of [path.resolve(p), path.resolve('node_modules', p)]) { try { return fs.readFileSync(c, 'utf8'); } catch {} } return null; };
const files = process.argv.slice(1);
const sources = Object.fromEntries(files.map((f) => [f, { content: read(f) }]));
const input = { language: 'Solidity', sources, settings: { outputSelection: { '*': { '': ['ast'], '*': ['abi', 'devdoc', 'userdoc'] } } } };
const out = JSON.parse(solc.compile(JSON.stringify(input), { import: (p) => { const c = read(p); return c === null ? { error: 'not found' } : { contents: c }; } }));
if ((out.errors || []).some((e) => e.severity === 'error')) process.exit(1);
`;

/** Written into every measured process: on exit, its peak RSS (KB) and CPU time (µs, all threads). */
const USAGE_HOOK = `data:text/javascript,import{writeFileSync}from"node:fs";process.on("exit",()=>{const u=process.resourceUsage();writeFileSync(process.env.BENCH_USAGE_FILE,JSON.stringify([u.maxRSS,u.userCPUTime+u.systemCPUTime]))})`;

interface ProcessResult {
  /** Wall-clock time. */
  seconds: number;
  /** User + system CPU time: steadier than wall time on a shared machine. */
  cpuSeconds: number;
  peakMb: number;
}

const scratch = mkdtempSync(path.join(os.tmpdir(), 'plainterms-bench-'));
/** The environment of measured processes: as given, so they run with plainterms' defaults. */
const childEnv = { ...process.env };
const cacheRoot = path.join(scratch, 'cache');

function runProcess(args: string[]): ProcessResult {
  const usageFile = path.join(scratch, 'usage.json');
  const start = performance.now();
  execFileSync(process.execPath, ['--import', USAGE_HOOK, ...args], {
    cwd: repo,
    env: { ...childEnv, PLAINTERMS_CACHE: cacheRoot, BENCH_USAGE_FILE: usageFile },
    stdio: ['ignore', 'ignore', 'inherit'],
  });
  const seconds = (performance.now() - start) / 1000;
  const [maxRss, cpu] = JSON.parse(readFileSync(usageFile, 'utf8')) as [number, number];
  return { seconds, cpuSeconds: cpu / 1e6, peakMb: maxRss / 1024 };
}

const median = (values: number[]) => [...values].sort((a, b) => a - b)[Math.floor(values.length / 2)];

/** Each command run `runs` times, interleaved, after one warm-up round (disk caches, tsx's cache). */
function measureProcesses(commands: Record<string, string[]>): Record<string, ProcessResult> {
  const samples: Record<string, ProcessResult[]> = Object.fromEntries(Object.keys(commands).map((name) => [name, []]));
  for (let round = 0; round <= runs; round++) {
    for (const [name, args] of Object.entries(commands)) {
      const result = runProcess(args);
      if (round > 0) samples[name].push(result);
    }
  }
  return Object.fromEntries(
    Object.entries(samples).map(([name, results]) => [
      name,
      { seconds: median(results.map((r) => r.seconds)), cpuSeconds: median(results.map((r) => r.cpuSeconds)), peakMb: median(results.map((r) => r.peakMb)) },
    ]),
  );
}

/** The build in dist/, which the installed command runs, made fresh so it matches the sources measured in process. */
function buildDist(): void {
  execFileSync(process.execPath, ['scripts/build.mjs'], { cwd: repo, stdio: 'inherit' });
}

function processCommands(files: string[]): Record<string, string[]> {
  const args = ['summarize', ...files, '--format', 'json', '-o', path.join(scratch, 'summary.json')];
  return {
    floor: ['-e', FLOOR, ...files],
    'floor, baseline wasm tier': ['--liftoff-only', '-e', FLOOR, ...files],
    'plainterms (no cache)': ['dist/cli/main.js', ...args, '--no-cache'],
    'plainterms (cached)': ['dist/cli/main.js', ...args],
    'plainterms (cached), sources through tsx in a checkout': ['bin/plainterms.js', ...args],
    'surya describe': ['node_modules/surya/bin/surya', 'describe', ...files],
  };
}

/** Median CPU milliseconds of each case, measured in turns (so later ones are not warmer), after warm-up. */
async function timeInTurns<K extends string>(cases: Record<K, () => Promise<unknown>>): Promise<Record<K, number>> {
  const entries = Object.entries(cases) as [K, () => Promise<unknown>][];
  for (let i = 0; i < 3; i++) for (const [, run] of entries) await run();
  const times = Object.fromEntries(entries.map(([name]) => [name, [] as number[]])) as Record<K, number[]>;
  for (let i = 0; i < Math.max(runs, 7); i++) {
    for (const [name, run] of entries) {
      const start = process.cpuUsage();
      await run();
      const used = process.cpuUsage(start);
      times[name].push((used.user + used.system) / 1000);
    }
  }
  return Object.fromEntries(entries.map(([name]) => [name, median(times[name])])) as Record<K, number>;
}

async function measureInProcess(files: string[]) {
  const cacheFolder = path.join(scratch, 'in-process-cache');
  const options = { cwd: repo };
  return timeInTurns({
    compile: () => compileFiles(files, { ...options, cache: false }),
    summarize: () => summarize(files, { ...options, cache: false, formats: ['json'] }),
    compileCached: () => compileFiles(files, { ...options, cacheFolder }),
    summarizeCached: () => summarize(files, { ...options, cacheFolder, formats: ['json'] }),
  });
}

async function countLines(files: string[]): Promise<{ sources: number; lines: number }> {
  const compilation = await compileFiles(files, { cwd: repo, cache: false });
  return { sources: compilation.sources.length, lines: compilation.sources.reduce((n, s) => n + s.content.split('\n').length, 0) };
}

const ratio = (a: number, b: number) => `${(a / b).toFixed(2)}×`;
const sec = (s: number) => `${s.toFixed(2)} s`;
const ms = (m: number) => `${m.toFixed(0)} ms`;
const mb = (m: number) => `${m.toFixed(0)} MB`;

async function main() {
  // This process is the long-lived, warm case: V8's default wasm tiering, the faster one there.
  process.env.PLAINTERMS_WASM_TIERUP ??= '1';
  buildDist();
  const sets = { single: SINGLE, project: PROJECT };
  const lines: string[] = [`Node ${process.version}, ${os.cpus().length} cores, load average ${os.loadavg()[0].toFixed(1)} at start, ${runs} runs each (medians).`, ''];
  const summary: Record<string, string> = {};
  for (const [label, files] of Object.entries(sets)) {
    const size = await countLines(files);
    const proc = measureProcesses(processCommands(files));
    const warm = await measureInProcess(files);
    const floor = proc.floor;
    lines.push(`### ${label}: ${files.length} file${files.length > 1 ? 's' : ''}, ${size.sources} sources with imports, ${size.lines} lines`, '');
    lines.push('| whole process | wall time | vs floor | CPU time | vs floor | peak RSS |', '| --- | ---: | ---: | ---: | ---: | ---: |');
    for (const [name, r] of Object.entries(proc)) {
      lines.push(`| ${name} | ${sec(r.seconds)} | ${ratio(r.seconds, floor.seconds)} | ${sec(r.cpuSeconds)} | ${ratio(r.cpuSeconds, floor.cpuSeconds)} | ${mb(r.peakMb)} |`);
    }
    lines.push('', '| warm, in one process | CPU time | ratio |', '| --- | ---: | ---: |');
    lines.push(`| compile alone (no cache) | ${ms(warm.compile)} | 1.00× |`);
    lines.push(`| summarize --format json (no cache) | ${ms(warm.summarize)} | ${ratio(warm.summarize, warm.compile)} of compile |`);
    lines.push(`| compile, cached | ${ms(warm.compileCached)} | ${ratio(warm.compile, warm.compileCached)} faster than uncached |`);
    lines.push(`| summarize, cached | ${ms(warm.summarizeCached)} | ${ratio(warm.summarize, warm.summarizeCached)} faster than uncached |`, '');
    const cold = proc['plainterms (no cache)'];
    const cached = proc['plainterms (cached)'];
    summary[`${label}: cold CLI / floor (goal ≤ 1.3×)`] = `${ratio(cold.seconds, floor.seconds)} wall, ${ratio(cold.cpuSeconds, floor.cpuSeconds)} CPU`;
    summary[`${label}: warm summarize / compile (goal ≤ 1.1×)`] = ratio(warm.summarize, warm.compile);
    summary[`${label}: uncached / cached CLI (goal ≥ 10×)`] = `${ratio(cold.seconds, cached.seconds)} wall, ${ratio(cold.cpuSeconds, cached.cpuSeconds)} CPU`;
    summary[`${label}: uncached / cached compile in process (goal ≥ 10×)`] = ratio(warm.compile, warm.compileCached);
    if (label === 'project') summary['project: CLI peak RSS, no cache (goal ≤ 300 MB)'] = mb(cold.peakMb);
  }
  lines.push('### Against the goals', '', '| measure | figure |', '| --- | ---: |', ...Object.entries(summary).map(([k, v]) => `| ${k} | ${v} |`));
  const table = lines.join('\n');
  process.stdout.write(`${table}\n`);
  if (!process.argv.includes('--no-write')) writeIntoReadme(table);
}

function writeIntoReadme(table: string): void {
  const readme = path.join(repo, 'bench/README.md');
  const text = readFileSync(readme, 'utf8');
  const start = '<!-- bench:summarize:start -->';
  const end = '<!-- bench:summarize:end -->';
  const [before, rest] = text.split(start);
  const after = rest.split(end)[1];
  writeFileSync(readme, `${before}${start}\n${table}\n${end}${after}`);
}

try {
  await main();
} finally {
  rmSync(scratch, { recursive: true, force: true });
  rmSync(path.join(repo, '.cache/bench-cli'), { recursive: true, force: true });
}
