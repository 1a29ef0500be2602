/**
 * Precision and recall of the claim checker: on the comments of tests/fixtures/claims/Planted.sol, whose
 * planted contradictions are labelled in planted.json, and the number of flags it raises on the bundled
 * contracts and on contracts the team did not write (each of those flags is a false flag unless listed
 * in KNOWN).
 *
 *   node --import tsx bench/claims.ts
 */
import { readFileSync } from 'node:fs';
import { summarize } from '../src/summarize.ts';
import { BUNDLED_FILES } from './corpus.ts';
import type { Claim } from '../src/terms/index.ts';
import { scoreClaims, type LabelledSentence } from '../tests/helpers/claim-score.ts';

const PLANTED = 'tests/fixtures/claims/Planted.sol';
const labels = (JSON.parse(readFileSync('tests/fixtures/claims/planted.json', 'utf8')) as { sentences: LabelledSentence[] }).sentences;

/** Contracts whose comments are the authors' own: every flag here must be a real contradiction. */
const REAL: [file: string, contract: string][] = [
  ...BUNDLED_FILES,
  ['node_modules/@kleros/erc-792/contracts/examples/SimpleEscrow.sol', 'SimpleEscrow'],
  ['node_modules/@kleros/erc-792/contracts/examples/Escrow.sol', 'Escrow'],
  ['node_modules/@kleros/erc-792/contracts/examples/SimpleCentralizedArbitrator.sol', 'SimpleCentralizedArbitrator'],
  ['node_modules/@openzeppelin/contracts/finance/VestingWallet.sol', 'VestingWallet'],
  ['node_modules/@openzeppelin/contracts-v4/finance/PaymentSplitter.sol', 'PaymentSplitter'],
  ['node_modules/@openzeppelin/contracts-v4/utils/escrow/RefundEscrow.sol', 'RefundEscrow'],
  ['node_modules/@openzeppelin/contracts-v4/token/ERC20/utils/TokenTimelock.sol', 'TokenTimelock'],
  ['node_modules/@openzeppelin/contracts-v4/governance/TimelockController.sol', 'TimelockController'],
  ['node_modules/@sablier/v2-core/src/SablierV2LockupLinear.sol', 'SablierV2LockupLinear'],
  ['tests/fixtures/third-party/MultipleArbitrableTransaction.sol', 'MultipleArbitrableTransaction'],
  ['tests/fixtures/third-party/MultipleArbitrableTransactionWithFee.sol', 'MultipleArbitrableTransactionWithFee'],
  ['tests/fixtures/third-party/TimeLock.sol', 'TimeLock'],
];
/**
 * Contradictions known to be real: the one planted among the bundled contracts (ArbiterEscrow's "Only the
 * buyer can request a refund"), and Kleros's `executeRuling`, whose comment maps the rulings the reverse of
 * its code (1 is SENDER_WINS and pays the sender; 2 is RECEIVER_WINS and pays the receiver).
 */
const KNOWN = new Set([
  'ArbiterEscrow|Only the buyer can request a refund after the deadline.',
  ...['MultipleArbitrableTransaction', 'MultipleArbitrableTransactionWithFee'].flatMap((c) => [`${c}|1 : Reimburse the receiver.`, `${c}|2 : Pay the sender.`]),
]);

async function claimsOf(file: string, contracts: string[]): Promise<Map<string, Claim[]>> {
  const { documents } = await summarize([file], { contracts, formats: ['json'], cache: false });
  return new Map(documents[0]!.contracts.map((c) => [c.name, c.claims]));
}

const planted = await claimsOf(PLANTED, [...new Set(labels.map((l) => l.contract))]);
const score = scoreClaims(planted, labels);
console.log(`planted corpus: ${score.planted} planted contradictions, ${score.flagged} flagged, ${score.truePositives} correct`);
console.log(`  precision ${(score.precision * 100).toFixed(1)}%, recall ${(score.recall * 100).toFixed(1)}%`);
for (const key of score.missed) console.log(`  missed: ${key}`);
for (const key of score.falseFlags) console.log(`  false flag: ${key}`);

let checks = 0;
let flags = 0;
const unexpected: string[] = [];
for (const [file, contract] of REAL) {
  const claims = (await claimsOf(file, [contract])).get(contract) ?? [];
  for (const claim of claims) {
    for (const check of claim.checks) {
      checks += 1;
      if (check.verdict !== 'contradicts') continue;
      flags += 1;
      if (!KNOWN.has(`${contract}|${check.said}`)) unexpected.push(`${contract}|${check.said}`);
    }
  }
}
console.log(`real contracts: ${REAL.length} contracts, ${checks} checks, ${flags} flagged, ${unexpected.length} not known to be contradictions`);
for (const key of unexpected) console.log(`  unexpected flag: ${key}`);
