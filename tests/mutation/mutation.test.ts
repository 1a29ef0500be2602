/**
 * Mutation test: every mutant that flips a comparison, changes a numeric constant or inverts a caller
 * check inside code a described action runs must change the summary's sentences. A survivor fails the
 * test unless it is listed, with its reason, in exceptions.json.
 */
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { runMutants } from './run-mutants.ts';

interface Exception {
  file: string;
  line: number;
  description: string;
  reason: string;
}

const exceptions: Exception[] = JSON.parse(readFileSync(new URL('./exceptions.json', import.meta.url), 'utf8'));

const TARGETS: [root: string, file: string, contract: string][] = [
  ['contracts', 'FobSale.sol', 'FobSale'],
  ['contracts', 'ArbiterEscrow.sol', 'ArbiterEscrow'],
  ['contracts', 'LetterOfCredit.sol', 'LetterOfCredit'],
  ['contracts', 'MilestoneEscrow.sol', 'MilestoneEscrow'],
  ['contracts', 'ConsignmentAuction.sol', 'ConsignmentAuction'],
  ['contracts', 'MarketplaceOrder.sol', 'MarketplaceOrder'],
  ['node_modules/@openzeppelin/contracts-v4', 'utils/escrow/RefundEscrow.sol', 'RefundEscrow'],
  ['node_modules/@openzeppelin/contracts-v4', 'utils/escrow/Escrow.sol', 'Escrow'],
  ['node_modules/@openzeppelin/contracts-v4', 'finance/PaymentSplitter.sol', 'PaymentSplitter'],
];

describe('every mutant of a term changes the summary', () => {
  for (const [root, file, contract] of TARGETS) {
    it(`${contract}: no mutant of a comparison, constant or caller check leaves the summary unchanged`, async () => {
      const result = await runMutants(root, file, contract);
      expect(result.total).toBeGreaterThan(0);
      const unexplained = result.survivors.filter(
        (s) => !exceptions.some((e) => e.file === file && e.line === s.line && e.description === s.description),
      );
      expect(unexplained.map((s) => `${file}:${s.line} ${s.kind} ${s.description}`)).toEqual([]);
    }, 120_000);
  }
});
