/**
 * Statement length in characters on library-heavy code: for each contract, how many statements run over
 * 400 and over 800 characters, and the longest (the review counted a bullet over 800 characters as
 * unreadable). English statements of the JSON model.
 * Run: node --import tsx bench/statement-length.ts [--long]
 */
import { summarize } from '../src/summarize.ts';

const root = new URL('..', import.meta.url).pathname;
const ZORA = 'node_modules/@zoralabs/v3/dist/contracts/modules';
const CONTRACTS: [file: string, contract: string][] = [
  [`${ZORA}/Asks/V1.1/AsksV1_1.sol`, 'AsksV1_1'],
  [`${ZORA}/ReserveAuction/Core/ETH/ReserveAuctionCoreEth.sol`, 'ReserveAuctionCoreEth'],
  ['node_modules/@sablier/v2-core/src/SablierV2LockupLinear.sol', 'SablierV2LockupLinear'],
  ['node_modules/@thirdweb-dev/contracts/prebuilts/marketplace/direct-listings/DirectListingsLogic.sol', 'DirectListingsLogic'],
];

const rows = [['contract', 'statements', '>400', '>800', 'longest']];
for (const [file, contract] of CONTRACTS) {
  const { documents } = await summarize([file], { contracts: [contract], formats: ['json'], cwd: root, cache: false });
  const statements = documents[0]!.contracts[0]!.statements;
  const lengths = statements.map((s) => s.text.length);
  rows.push([contract, String(statements.length), String(lengths.filter((n) => n > 400).length), String(lengths.filter((n) => n > 800).length), String(Math.max(...lengths))]);
  if (process.argv.includes('--long')) for (const s of statements) if (s.text.length > 400) process.stdout.write(`${contract} ${s.id} (${s.text.length}): ${s.text.slice(0, 300)}…\n`);
}
const widths = rows[0]!.map((_, column) => Math.max(...rows.map((row) => row[column]!.length)));
process.stdout.write(`${rows.map((row) => row.map((cell, column) => (column === 0 ? cell.padEnd(widths[column]!) : cell.padStart(widths[column]!))).join('  ')).join('\n')}\n`);
