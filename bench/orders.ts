/**
 * How many orders per second one warm process describes and renders, next to the bare ethers decode
 * rate of the same calldata.
 *
 *   node --import tsx bench/orders.ts [--seconds 2] [--only <text in a row or case name>]
 *
 * Compile and extract happen once, before. Each case runs for a fixed time after a warm-up. Two rates
 * are printed: per second of wall-clock time, and per second of this process's CPU time (user +
 * system), which is the rate on one core even when other processes share the machine.
 *
 * Each case is measured twice: with the same calldata for every order, and with new values in every
 * order (another sender or counterparty, amount and date each time, from a list longer than any cache
 * of addresses or dates), so that nothing kept from one order to the next can help. The rows with
 * new values come last, as "… (new values)".
 */
import { Interface, type InterfaceAbi } from 'ethers';
import { describeOrder, loadContract, type OrderCallInput, type OrderContract, renderOrder, termsHash } from '../src/orders/index.ts';

const seconds = Number(argument('--seconds')) || 2;
const only = argument('--only');
const BUYER = '0x70997970C51812dc3A010C7d01b50e0d17dc79C8';
const SELLER = '0x3C44CdDdB6a900fa2b585dd299e03d12FA4293BC';
/** Distinct orders per case for the rows with new values: more than the 10,000 addresses and 1,000 dates kept. */
const VARIED = 25_000;

function argument(name: string): string | undefined {
  const index = process.argv.indexOf(name);
  return index < 0 ? undefined : process.argv[index + 1];
}

interface Rate {
  wall: number;
  cpu: number;
}

/** Calls per second of `run`, measured for `seconds` after a warm-up as long (at least a second: the JIT needs ~10,000 calls). */
function rate(run: () => unknown): Rate {
  const measure = (ms: number): Rate => {
    let count = 0;
    const cpuStart = process.cpuUsage();
    const start = performance.now();
    let now = start;
    while (now - start < ms) {
      for (let i = 0; i < 50; i++) run();
      count += 50;
      now = performance.now();
    }
    const cpu = process.cpuUsage(cpuStart);
    return { wall: (count / (now - start)) * 1000, cpu: (count / (cpu.user + cpu.system)) * 1e6 };
  };
  measure(Math.max(1000, seconds * 1000));
  return measure(seconds * 1000);
}

/** A fixed sequence of pseudo-random numbers (xorshift32), so every run measures the same orders. */
function numbers(seed: number): () => number {
  let state = seed;
  return () => {
    state ^= state << 13;
    state ^= state >>> 17;
    state ^= state << 5;
    return (state >>> 0) / 2 ** 32;
  };
}

function addresses(count: number, seed: number): string[] {
  const next = numbers(seed);
  return Array.from({ length: count }, () => `0x${Array.from({ length: 5 }, () => Math.floor(next() * 2 ** 32).toString(16).padStart(8, '0')).join('')}`);
}

/** The items in turn, one per run. */
function cycle<T>(items: readonly T[]): () => T {
  let index = 0;
  return () => items[index++ % items.length];
}

const market = await loadContract(['contracts/MarketplaceOrder.sol'], 'MarketplaceOrder');
const fob = await loadContract(['contracts/FobSale.sol'], 'FobSale');
const marketAbi = new Interface(market.abi as InterfaceAbi);
const fobAbi = new Interface(fob.abi as InterfaceAbi);
const senders = addresses(VARIED, 7);
const sellers = addresses(VARIED, 11);
const next = numbers(13);

const cases: { name: string; contract: OrderContract; call: OrderCallInput; varied: OrderCallInput[] }[] = [
  {
    name: 'FobSale.payDeposit() with 0.3 ETH',
    contract: fob,
    call: { data: fobAbi.encodeFunctionData('payDeposit'), value: 300000000000000000n, from: BUYER },
    varied: senders.map((from) => ({ data: fobAbi.encodeFunctionData('payDeposit'), value: BigInt(Math.floor(next() * 1e9)) * 10n ** 9n, from })),
  },
  {
    name: 'MarketplaceOrder.placeOrder(seller, 250000000, 1796083200)',
    contract: market,
    call: { data: marketAbi.encodeFunctionData('placeOrder', [SELLER, 250_000_000n, 1796083200n]), from: BUYER },
    varied: sellers.map((seller, index) => ({
      data: marketAbi.encodeFunctionData('placeOrder', [seller, BigInt(Math.floor(next() * 1e12)), 1767225600n + BigInt(Math.floor(next() * 10 * 365 * 86400))]),
      from: senders[index],
    })),
  },
];

const format = (value: number) => Math.round(value).toLocaleString('en').padStart(9);
process.stdout.write(`orders per second, one warm process (node ${process.version}, ${seconds} s per measurement)\n`);
process.stdout.write(`${''.padEnd(44)}${'wall'.padStart(9)}${'CPU'.padStart(11)}\n`);
for (const { name, contract, call, varied } of cases) {
  const iface = new Interface(contract.abi as InterfaceAbi);
  const tx = { data: call.data, value: BigInt(call.value ?? 0) };
  const nextCall = cycle(varied);
  const nextTx = cycle(varied.map((each) => ({ data: each.data, value: BigInt(each.value ?? 0) })));
  const rows: [string, () => unknown][] = [
    ['ethers parseTransaction', () => iface.parseTransaction(tx)],
    ['describeOrder', () => describeOrder(contract, call)],
    ['describeOrder + render text', () => renderOrder(describeOrder(contract, call), contract.terms)],
    ['describeOrder + render md', () => renderOrder(describeOrder(contract, call), contract.terms, { format: 'md' })],
    ['ethers parseTransaction (new values)', () => iface.parseTransaction(nextTx())],
    ['describeOrder + render text (new values)', () => renderOrder(describeOrder(contract, nextCall()), contract.terms)],
    ['describeOrder + render md (new values)', () => renderOrder(describeOrder(contract, nextCall()), contract.terms, { format: 'md' })],
    ['describeOrder + termsHash', () => termsHash(describeOrder(contract, call))],
  ];
  const shown = rows.filter(([label]) => only === undefined || label.includes(only) || name.includes(only));
  if (shown.length === 0) continue;
  process.stdout.write(`\n${name}\n`);
  for (const [label, run] of shown) {
    const { wall, cpu } = rate(run);
    process.stdout.write(`  ${label.padEnd(42)}${format(wall)}  ${format(cpu)}\n`);
  }
}
