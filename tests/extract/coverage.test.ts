/** Across the bundled contracts: nothing silently left out. */
import { describe, expect, it } from 'vitest';
import { extracted, stateChangingFunctions } from '../helpers/extract.ts';

const BUNDLED = ['FobSale', 'ArbiterEscrow', 'LetterOfCredit', 'MilestoneEscrow', 'ConsignmentAuction', 'MarketplaceOrder'];

describe.each(BUNDLED)('%s', { timeout: 60_000 }, (name) => {
  const load = () => extracted(`contracts/${name}.sol`, name);

  it('explains at least 95% of its statements', async () => {
    const { coverage } = (await load()).terms;
    expect(coverage.statements).toBeGreaterThan(10);
    expect(coverage.explained).toBeLessThanOrEqual(coverage.statements);
    expect(coverage.explained / coverage.statements).toBeGreaterThanOrEqual(0.95);
  });

  it('gives every statement not explained its source file and lines', async () => {
    const { compilation, terms } = await load();
    const paths = new Set(compilation.sources.map((s) => s.path));
    for (const item of terms.notExplained) {
      expect(paths.has(item.source.path), item.code).toBe(true);
      expect(item.source.line, item.code).toBeGreaterThan(0);
      expect(item.source.endLine, item.code).toBeGreaterThanOrEqual(item.source.line);
      expect(item.code.trim(), JSON.stringify(item.source)).not.toBe('');
    }
    expect(terms.notExplained.length).toBe(terms.coverage.statements - terms.coverage.explained);
  });

  it('describes every external state-changing function, inherited ones included, with its selector', async () => {
    const { compilation, terms } = await load();
    const described = terms.actions
      .filter((a) => a.kind === 'function')
      .map((a) => ({ signature: a.signature!, selector: a.selector! }))
      .sort((a, b) => a.signature.localeCompare(b.signature));
    expect(described).toEqual(stateChangingFunctions(compilation, name));
  });

  it('locates every action, condition and payment in a source file that was compiled', async () => {
    const { compilation, terms } = await load();
    const paths = new Set(compilation.sources.map((s) => s.path));
    const refs = terms.actions.flatMap((a) => [a.source, ...a.conditions.map((c) => c.source), ...a.payments.map((p) => p.source)]);
    expect(refs.length).toBeGreaterThan(terms.actions.length);
    for (const ref of refs) {
      expect(paths.has(ref.path), ref.path).toBe(true);
      expect(ref.line).toBeGreaterThan(0);
      expect(ref.endLine).toBeGreaterThanOrEqual(ref.line);
    }
  });
});

const OPENZEPPELIN: [file: string, contract: string][] = [
  ['node_modules/@openzeppelin/contracts-v4/utils/escrow/Escrow.sol', 'Escrow'],
  ['node_modules/@openzeppelin/contracts-v4/utils/escrow/RefundEscrow.sol', 'RefundEscrow'],
  ['node_modules/@openzeppelin/contracts-v4/finance/PaymentSplitter.sol', 'PaymentSplitter'],
  ['node_modules/@openzeppelin/contracts/finance/VestingWallet.sol', 'VestingWallet'],
];

describe.each(OPENZEPPELIN)('OpenZeppelin %s', { timeout: 60_000 }, (file, name) => {
  it('explains at least 85% of the statements its actions run', async () => {
    const { coverage } = (await extracted(file, name)).terms;
    expect(coverage.statements).toBeGreaterThan(5);
    expect(coverage.explained / coverage.statements).toBeGreaterThanOrEqual(0.85);
  });

  it('describes every external state-changing function, inherited ones included', async () => {
    const { compilation, terms } = await extracted(file, name);
    const described = terms.actions.filter((a) => a.kind === 'function').map((a) => a.signature!).sort((a, b) => a.localeCompare(b));
    expect(described).toEqual(stateChangingFunctions(compilation, name).map((f) => f.signature));
  });
});
