/**
 * Real third-party contracts render in both languages without an internal error: strict templates meet
 * shapes the bundled contracts do not have (records keyed by members, role admins, timelocks).
 */
import { describe, expect, it } from 'vitest';
import { summarize } from '../../src/summarize.ts';

const FILES: [file: string, contract: string][] = [
  ['node_modules/@openzeppelin/contracts/access/manager/AccessManager.sol', 'AccessManager'],
  ['node_modules/@openzeppelin/contracts/governance/TimelockController.sol', 'TimelockController'],
  ['node_modules/@openzeppelin/contracts-v4/finance/PaymentSplitter.sol', 'PaymentSplitter'],
];

describe.each(FILES)('%s', { timeout: 60_000 }, (file, contract) => {
  it('renders in English and Chinese, every action under its own heading', async () => {
    const { documents, outputs } = await summarize([file], { contracts: [contract], languages: ['en', 'zh'], formats: ['md'] });
    const terms = documents[0].contracts[0];
    expect(outputs).toHaveLength(2);
    const functions = terms.actions.filter((a) => a.kind === 'function');
    const headings = outputs[0].text.split('\n').filter((line) => line.startsWith('### '));
    for (const action of functions) {
      // An overloaded name (PaymentSplitter's two `release`) is told apart by the signature.
      const shown = functions.some((other) => other !== action && other.name === action.name) ? action.signature : action.name;
      expect(headings).toContain(`### ${action.label} (\`${shown}\`)`);
    }
    expect(new Set(headings).size).toBe(headings.length);
    expect(documents[1].contracts[0].statements.map((s) => s.id)).toEqual(terms.statements.map((s) => s.id));
  });
});
