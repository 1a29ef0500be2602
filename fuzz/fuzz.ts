/**
 * The fuzz suite: hostile and careless input run through the real command, as a process, many times.
 * Each case is a command line and the files it reads, generated from a seeded random source:
 * - Solidity mutated from the bundled and corpus contracts (operators swapped, lines dropped or doubled,
 *   unicode and bidi controls, deep nesting, assembly, try/catch, huge literals, truncation);
 * - calldata (random, cut short, valid with dirty words) and typed data (random JSON shapes) for `order`;
 * - hostile project layouts (symbolic links out, to nothing and in loops, remappings out of the project,
 *   Foundry artifacts naming files outside it, standard-JSON inputs with odd unit names).
 * Every run must exit 0, 1 or 2 within the time limit, print no "internal error" or stack trace, keep
 * `--format json` output valid JSON, and never print the canary planted outside every project.
 */
import { spawn } from 'node:child_process';
import { mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const BIN = path.join(ROOT, 'bin', 'plainterms.js');
export const CANARY = 'FUZZ-CANARY-5d1e0b-MUST-NOT-LEAK';

export interface FuzzOptions {
  seconds: number;
  seed: number;
  /** Processes run at once. */
  parallel?: number;
  /** A run that takes longer than this is a hang. */
  timeoutMs?: number;
  /** Only these kinds of case (solidity, calldata, typed-data, layout); default all. */
  kinds?: string[];
  /** Keep running past `seconds` until this many runs are done, so a slow machine still covers every kind. */
  minRuns?: number;
  /** Called after each run (progress). */
  onRun?: (result: RunResult, done: number) => void;
}

export interface RunResult {
  kind: string;
  argv: string[];
  code: number | null;
  ms: number;
  /** Why the run is a failure; null when it behaved. */
  problem: string | null;
}

export interface FuzzReport {
  seed: number;
  seconds: number;
  runs: number;
  exitCodes: Record<string, number>;
  byKind: Record<string, number>;
  /** Problem signature → count, with one example command. */
  problems: Record<string, { count: number; example: string[] }>;
}

// ── Random source ───────────────────────────────────────────────────────────────────────────────

class Random {
  private state: number;
  constructor(seed: number) {
    this.state = seed >>> 0 || 1;
  }
  next(): number {
    // mulberry32
    let t = (this.state = (this.state + 0x6d2b79f5) >>> 0);
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  }
  int(max: number): number {
    return Math.floor(this.next() * max);
  }
  pick<T>(items: readonly T[]): T {
    return items[this.int(items.length)];
  }
  chance(p: number): boolean {
    return this.next() < p;
  }
  hex(bytes: number): string {
    let out = '';
    for (let i = 0; i < bytes; i++) out += this.int(256).toString(16).padStart(2, '0');
    return out;
  }
}

// ── Cases ───────────────────────────────────────────────────────────────────────────────────────

interface Case {
  kind: string;
  argv: string[];
  cwd: string;
  json: boolean;
}

const OPERATORS = ['+', '-', '*', '/', '%', '<', '>', '<=', '>=', '==', '!=', '&&', '||', '!', '&', '|', '^', '<<', '>>', '=', '+=', '-='];
const INSERTS = [
  '\u202E', '\u200B', '\u2066', '\uFEFF', 'é', '合同', '🙂', '\0',
  ' assembly { let x := mload(0x40) sstore(0, x) } ',
  ' try this.f() {} catch {} ',
  ' unchecked { } ',
  ' 115792089237316195423570985008687907853269984665640564039457584007913129639936 ',
  ' 0x' + 'f'.repeat(80) + ' ',
  ' /* */ ', ' // \n', ' "\\u202E" ', ' } ', ' { ', ' ; ', ' ( ', ' ) ', ' payable ', ' external ', ' function ', ' import "x.sol"; ',
  ' selfdestruct(payable(msg.sender)); ', ' delete x; ', ' emit E(); ', ' revert(); ', ' require(false, "\u202Eevil"); ',
];

function solidityCase(random: Random, seeds: string[], work: string, index: number): Case {
  const seed = random.pick(seeds);
  let text = readFileSync(seed, 'utf8');
  const mutations = 1 + random.int(3);
  for (let m = 0; m < mutations; m++) text = mutate(random, text);
  const dir = path.join(work, `sol-${index}`);
  mkdirSync(dir, { recursive: true });
  writeFileSync(path.join(dir, 'package.json'), '{}');
  symlinkSync(path.join(ROOT, 'node_modules'), path.join(dir, 'node_modules'));
  const file = path.join(dir, path.basename(seed));
  writeFileSync(file, text);
  const format = random.pick(['json', 'md', 'text', 'html']);
  return { kind: 'solidity', argv: ['summarize', file, '--format', format, '--no-cache'], cwd: dir, json: format === 'json' };
}

function mutate(random: Random, text: string): string {
  const lines = text.split('\n');
  const at = random.int(lines.length);
  switch (random.int(8)) {
    case 0: {
      // Swap an operator somewhere.
      const positions = [...text.matchAll(/[+\-*/%<>=!&|^]{1,2}/g)];
      if (positions.length === 0) return text;
      const found = random.pick(positions);
      return text.slice(0, found.index) + random.pick(OPERATORS) + text.slice(found.index! + found[0].length);
    }
    case 1:
      lines.splice(at, 1);
      return lines.join('\n');
    case 2:
      lines.splice(at, 0, lines[random.int(lines.length)]);
      return lines.join('\n');
    case 3: {
      const line = lines[at];
      const column = random.int(line.length + 1);
      lines[at] = line.slice(0, column) + random.pick(INSERTS) + line.slice(column);
      return lines.join('\n');
    }
    case 4: {
      // Deep nesting around a number.
      const depth = 50 + random.int(400);
      return text.replace(/\b\d+\b/, (n) => '('.repeat(depth) + n + ')'.repeat(depth));
    }
    case 5:
      return text.slice(0, random.int(text.length));
    case 6: {
      // A huge literal in place of a number.
      return text.replace(/\b\d+\b/, () => '9'.repeat(10 + random.int(200)));
    }
    default: {
      // A long run of statements inside the first function body.
      const body = Array.from({ length: 20 + random.int(200) }, (_, i) => `uint256 v${i} = ${i};`).join(' ');
      return text.replace(/\)\s*(external|public)([^{]*)\{/, (m) => `${m} ${body}`);
    }
  }
}

const ORDER_FILE = 'contracts/MarketplaceOrder.sol';
const SELECTORS = ['0x47f5ba4e', '0xa9059cbb', '0x', '0x12', '0x00000000', '0xffffffff'];

function calldataCase(random: Random): Case {
  let data: string;
  switch (random.int(4)) {
    case 0:
      data = `0x${random.hex(random.int(200))}`;
      break;
    case 1:
      data = random.pick(SELECTORS) + random.hex(random.int(4) * 32 + random.int(3));
      break;
    case 2: {
      // placeOrder(address,uint256,uint64) with random, often dirty, words.
      const word = () => (random.chance(0.5) ? '0'.repeat(24) + random.hex(20) : random.hex(32));
      data = `0x47f5ba4e${word()}${word()}${random.chance(0.5) ? '0'.repeat(48) + random.hex(8) : random.hex(32)}`;
      break;
    }
    default:
      data = random.pick(['0x', 'zz', '0x0', '', '0x' + 'g'.repeat(8), '47f5ba4e', '0x47F5BA4E']);
  }
  const argv = ['order', ORDER_FILE, '--calldata', data];
  if (random.chance(0.3)) argv.push('--value', random.pick(['0', '1', '-5', '1e18', 'abc', '99999999999999999999999999999999999999999999999999999999999999999999999999999999']));
  if (random.chance(0.2)) argv.push('--from', random.pick(['0x' + random.hex(20), '0x12', 'nobody']));
  const json = random.chance(0.5);
  if (json) argv.push('--format', 'json');
  return { kind: 'calldata', argv, cwd: ROOT, json };
}

function typedDataCase(random: Random, work: string, index: number): Case {
  const value = (depth: number): unknown => {
    switch (random.int(depth > 2 ? 4 : 7)) {
      case 0: return null;
      case 1: return random.int(1000) - 500;
      case 2: return random.pick(['', 'Order', '0x' + random.hex(20), 'uint256', '\u202E', 'x'.repeat(random.int(100))]);
      case 3: return random.chance(0.5);
      case 4: return Array.from({ length: random.int(4) }, () => value(depth + 1));
      default: return Object.fromEntries(Array.from({ length: random.int(5) }, () => [random.pick(['domain', 'types', 'primaryType', 'message', 'name', 'type', 'Order', 'EIP712Domain', 'chainId']), value(depth + 1)]));
    }
  };
  const base: Record<string, unknown> = {
    domain: { name: 'MarketplaceOrder', version: '1', chainId: 1, verifyingContract: '0x' + random.hex(20) },
    types: { Order: [{ name: 'seller', type: 'address' }, { name: 'amount', type: 'uint256' }] },
    primaryType: 'Order',
    message: { seller: '0x' + random.hex(20), amount: String(random.int(1e6)) },
  };
  for (const key of Object.keys(base)) if (random.chance(0.4)) base[key] = value(1);
  const file = path.join(work, `typed-${index}.json`);
  writeFileSync(file, random.chance(0.1) ? random.pick(['null', '[]', '{', '"x"', '42']) : JSON.stringify(base));
  return { kind: 'typed-data', argv: ['order', ORDER_FILE, '--typed-data', file], cwd: ROOT, json: false };
}

const SIMPLE = '// SPDX-License-Identifier: MIT\npragma solidity ^0.8.20;\ncontract A { uint256 public n; function f() external { n += 1; } }\n';

function layoutCase(random: Random, work: string, outside: string, index: number): Case {
  const root = path.join(work, `layout-${index}`);
  mkdirSync(path.join(root, 'src'), { recursive: true });
  if (random.chance(0.7)) writeFileSync(path.join(root, random.pick(['package.json', 'foundry.toml', 'remappings.txt'])), random.chance(0.5) ? '{}' : '');
  writeFileSync(path.join(root, 'src', 'A.sol'), SIMPLE);
  const canary = path.join(outside, 'canary.sol');
  const link = (name: string, target: string) => {
    try {
      symlinkSync(target, path.join(root, name));
    } catch {
      // an existing name: keep the file
    }
  };
  let argv: string[] = ['summarize', root];
  switch (random.int(6)) {
    case 0:
      link(`src/${random.pick(['L.sol', 'M.sol', 'lib'])}`, random.pick([canary, outside, '/nonexistent/x.sol', 'self', '../src']));
      break;
    case 1:
      link('src/one', 'two');
      link('src/two', 'one');
      break;
    case 2: {
      const prefix = random.pick(['sys/', 'up/', '@x/', '']);
      const target = random.pick([`${outside}/`, `${path.relative(root, outside)}/`, '/', '../../../../../../', '']);
      writeFileSync(path.join(root, 'remappings.txt'), `${prefix}=${target}\n`);
      writeFileSync(path.join(root, 'src', 'B.sol'), `${SIMPLE}import "${prefix}canary.sol";\n`);
      argv = ['summarize', path.join(root, 'src', 'B.sol')];
      break;
    }
    case 3: {
      const absolutePath = random.pick([canary, '../../canary.sol', path.relative(root, canary), 'src/A.sol', '', '/']);
      const artifact = random.chance(0.2) ? random.pick(['null', '{}', '[]']) : JSON.stringify({ id: random.int(3), ast: { absolutePath, nodeType: 'SourceUnit', nodes: random.chance(0.5) ? [] : null, src: '0:0:0' }, metadata: { compiler: { version: '0.8.20+commit.a1b79de6' }, sources: {} } });
      mkdirSync(path.join(root, 'out', 'A.sol'), { recursive: true });
      writeFileSync(path.join(root, 'out', 'A.sol', 'A.json'), artifact);
      argv = ['summarize', path.join(root, 'out')];
      break;
    }
    case 4: {
      const unit = random.pick([path.relative(root, canary), canary, '../x.sol', 'A.sol', '', '\u202E.sol']);
      // The source text is the input's own (never the canary's), so any canary in the output was read from disk.
      const source = random.pick([{ content: 'contract X {}\n' }, { content: SIMPLE }, null, { content: 5 }, {}]);
      const json = random.chance(0.2) ? random.pick(['null', '{"language":"Solidity","sources":null}', '{"language":"Solidity"}']) : JSON.stringify({ language: 'Solidity', sources: { [unit]: source }, settings: random.chance(0.5) ? {} : null });
      writeFileSync(path.join(root, 'input.json'), json);
      argv = ['summarize', path.join(root, 'input.json')];
      break;
    }
    default: {
      const json = random.pick([
        { _format: 'hh-sol-build-info-1', input: null },
        { _format: 'hh-sol-build-info-1', input: { sources: { [canary]: { content: 'x' } } }, output: { sources: { [canary]: { ast: {} } } } },
        { _format: 'hh-sol-build-info-1', input: {}, output: null },
        { _format: 'ethers-rs-sol-build-info-1', input: { sources: null }, output: { sources: { a: null } } },
      ]);
      mkdirSync(path.join(root, 'out', 'build-info'), { recursive: true });
      writeFileSync(path.join(root, 'out', 'build-info', 'x.json'), JSON.stringify(json));
      argv = ['summarize', random.chance(0.5) ? path.join(root, 'out') : path.join(root, 'out', 'build-info', 'x.json')];
    }
  }
  const json = random.chance(0.5);
  if (json) argv.push('--format', 'json');
  return { kind: 'layout', argv, cwd: root, json };
}

// ── Running ─────────────────────────────────────────────────────────────────────────────────────

function runCase(c: Case, timeoutMs: number): Promise<RunResult> {
  const started = Date.now();
  const child = spawn(process.execPath, [BIN, ...c.argv], { cwd: c.cwd, stdio: ['ignore', 'pipe', 'pipe'], env: { ...process.env, PLAINTERMS_DEBUG: '' } });
  let stdout = '';
  let stderr = '';
  child.stdout.on('data', (chunk) => (stdout += chunk));
  child.stderr.on('data', (chunk) => (stderr += chunk));
  let timedOut = false;
  const killer = setTimeout(() => {
    timedOut = true;
    child.kill('SIGKILL');
  }, timeoutMs);
  return new Promise((resolve) =>
    child.on('close', (code) => {
      clearTimeout(killer);
      const ms = Date.now() - started;
      resolve({ kind: c.kind, argv: c.argv, code, ms, problem: judge(c, code, stdout, stderr, timedOut) });
    }),
  );
}

/** The problem signature of a run, or null when it behaved. */
function judge(c: Case, code: number | null, stdout: string, stderr: string, timedOut: boolean): string | null {
  if (timedOut) return `${c.kind}: hang`;
  if (`${stdout}${stderr}`.includes(CANARY)) return `${c.kind}: canary content printed`;
  const internal = /internal error: (.*)/.exec(stderr);
  if (internal) return `${c.kind}: internal error: ${internal[1].replace(/0x[0-9a-f]+|\d+|'[^']*'|"[^"]*"/gi, '…').slice(0, 120)}`;
  if (code === null || ![0, 1, 2].includes(code)) return `${c.kind}: exit ${code}`;
  if (/\n\s+at [\w.<]+ \(/.test(stderr)) return `${c.kind}: stack trace`;
  if (code === 0 && c.json) {
    try {
      JSON.parse(stdout);
    } catch {
      return `${c.kind}: --format json printed invalid JSON`;
    }
  }
  if (code !== 0 && c.json && stderr.startsWith('{')) {
    // With --format json an input error is one JSON object: {"error": {code, message, …}}.
    try {
      if (typeof JSON.parse(stderr).error?.message !== 'string') return `${c.kind}: a JSON error without a message`;
    } catch {
      return `${c.kind}: an error that is not valid JSON`;
    }
    return null;
  }
  if (code !== 0 && !/^plainterms: |error:|^error: |Usage:/m.test(stderr)) return `${c.kind}: exit ${code} without a message`;
  return null;
}

function listSeeds(): string[] {
  const folders = ['contracts', 'tests/fixtures/core', 'tests/fixtures/third-party'];
  const files = folders.flatMap((folder) => readdirSync(path.join(ROOT, folder)).filter((name) => name.endsWith('.sol')).map((name) => path.join(ROOT, folder, name)));
  for (const extra of ['node_modules/@openzeppelin/contracts/finance/VestingWallet.sol', 'node_modules/@kleros/erc-792/contracts/examples/SimpleEscrow.sol']) files.push(path.join(ROOT, extra));
  return files;
}

export async function fuzz(options: FuzzOptions): Promise<FuzzReport> {
  const random = new Random(options.seed);
  const work = mkdtempSync(path.join(tmpdir(), 'plainterms-fuzz-'));
  const outside = mkdtempSync(path.join(tmpdir(), 'plainterms-fuzz-outside-'));
  writeFileSync(path.join(outside, 'canary.sol'), `${CANARY}\n`);
  const seeds = listSeeds();
  const report: FuzzReport = { seed: options.seed, seconds: options.seconds, runs: 0, exitCodes: {}, byKind: {}, problems: {} };
  const deadline = Date.now() + options.seconds * 1000;
  let index = 0;
  const make = (): Case => {
    index++;
    switch (random.int(10)) {
      case 0: case 1: case 2: case 3: return solidityCase(random, seeds, work, index);
      case 4: case 5: return calldataCase(random);
      case 6: return typedDataCase(random, work, index);
      default: return layoutCase(random, work, outside, index);
    }
  };
  const next = (): Case => {
    for (;;) {
      const made = make();
      if (!options.kinds || options.kinds.includes(made.kind)) return made;
    }
  };
  let begun = 0;
  const worker = async () => {
    while (Date.now() < deadline || begun < (options.minRuns ?? 0)) {
      begun++;
      const result = await runCase(next(), options.timeoutMs ?? 60_000);
      report.runs++;
      report.exitCodes[String(result.code)] = (report.exitCodes[String(result.code)] ?? 0) + 1;
      report.byKind[result.kind] = (report.byKind[result.kind] ?? 0) + 1;
      if (result.problem) {
        const entry = (report.problems[result.problem] ??= { count: 0, example: result.argv });
        entry.count++;
      }
      options.onRun?.(result, report.runs);
    }
  };
  try {
    await Promise.all(Array.from({ length: options.parallel ?? 2 }, worker));
  } finally {
    rmSync(work, { recursive: true, force: true });
    rmSync(outside, { recursive: true, force: true });
  }
  return report;
}
