/**
 * How many orders per second one warm process describes and renders, next to the bare ethers decode
 * rate of the same calldata.
 *
 *   node --import tsx bench/orders.ts [--seconds 2]
 *
 * Compile and extract happen once, before. Each case runs for a fixed time after a warm-up. Two rates
 * are printed: per second of wall-clock time, and per second of this process's CPU time (user +
 * system), which is the rate on one core even when other processes share the machine.
 */
import { Interface, type InterfaceAbi } from 'ethers';
import { describeOrder, loadContract, type OrderCallInput, type OrderContract, renderOrder, termsHash } from '../src/orders/index.ts';

const seconds = Number(process.argv[process.argv.indexOf('--seconds') + 1]) || 2;
const BUYER = '0x70997970C51812dc3A010C7d01b50e0d17dc79C8';
const SELLER = '0x3C44CdDdB6a900fa2b585dd299e03d12FA4293BC';

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

const market = await loadContract(['contracts/MarketplaceOrder.sol'], 'MarketplaceOrder');
const fob = await loadContract(['contracts/FobSale.sol'], 'FobSale');
const cases: { name: string; contract: OrderContract; call: OrderCallInput }[] = [
  {
    name: 'FobSale.payDeposit() with 0.3 ETH',
    contract: fob,
    call: { data: new Interface(fob.abi as InterfaceAbi).encodeFunctionData('payDeposit'), value: 300000000000000000n, from: BUYER },
  },
  {
    name: 'MarketplaceOrder.placeOrder(seller, 250000000, 1796083200)',
    contract: market,
    call: { data: new Interface(market.abi as InterfaceAbi).encodeFunctionData('placeOrder', [SELLER, 250_000_000n, 1796083200n]), from: BUYER },
  },
];

const format = (value: number) => Math.round(value).toLocaleString('en').padStart(9);
process.stdout.write(`orders per second, one warm process (node ${process.version}, ${seconds} s per measurement)\n`);
process.stdout.write(`${''.padEnd(34)}${'wall'.padStart(9)}${'CPU'.padStart(11)}\n`);
for (const { name, contract, call } of cases) {
  const iface = new Interface(contract.abi as InterfaceAbi);
  const tx = { data: call.data, value: BigInt(call.value ?? 0) };
  const rows: [string, () => unknown][] = [
    ['ethers parseTransaction', () => iface.parseTransaction(tx)],
    ['describeOrder', () => describeOrder(contract, call)],
    ['describeOrder + render text', () => renderOrder(describeOrder(contract, call), contract.terms)],
    ['describeOrder + render md', () => renderOrder(describeOrder(contract, call), contract.terms, { format: 'md' })],
    ['describeOrder + termsHash', () => termsHash(describeOrder(contract, call))],
  ];
  process.stdout.write(`\n${name}\n`);
  for (const [label, run] of rows) {
    const { wall, cpu } = rate(run);
    process.stdout.write(`  ${label.padEnd(32)}${format(wall)}  ${format(cpu)}\n`);
  }
}
