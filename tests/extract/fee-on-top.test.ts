/** A price with a fee on top written as one compound rate: read as the price plus the fee share of it, in en and zh. */
import { describe, expect, it } from 'vitest';
import { compileFiles } from '../../src/compile/index.ts';
import { extractContracts } from '../../src/extract/index.ts';
import { buildStatements } from '../../src/render/statements.ts';
import { repo } from '../helpers/extract.ts';
import { read } from '../helpers/sentences.ts';

const FILE = 'tests/fixtures/extract/FeeOnTop.sol';

describe('a fee on top of a price, written as (100 + fee) percent of it', { timeout: 60_000 }, () => {
  it('reads as the Price plus the Fee Percent share of it, never as 100 plus a share', async () => {
    const { all, of } = await read(FILE, 'FeeOnTop');
    expect(of('key-fact:amounts')).toEqual(['Amounts paid in: `buy` takes at least ETH equal to the Price plus the Fee Percent share of the Price; `buyDiscounted` takes exactly ETH equal to the (100 minus the Discount (`discount`)) share (in percent) of the Price.']);
    expect(all).toContain('`buy` goes ahead only if the ETH sent with the call is at least the Price (`price`) plus the Fee Percent (`feePercent`) share (in percent) of the Price; otherwise it fails (“too little”).');
    // What the fee account receives is the fee, not the total less the price.
    expect(all).toContain('The contract pays the Fee Account (`feeAccount`) ETH equal to the Fee Percent share of the Price.');
    expect(all.some((s) => /100 plus the Fee Percent|minus the Price/.test(s))).toBe(false);
    // The seller is paid the whole price: no fraction of the fee is left over in the contract.
    expect(all.some((s) => /fraction left over/.test(s))).toBe(false);
  });

  it('in Chinese: the price plus the fee share, and a compound rate in brackets', async () => {
    const compilation = await compileFiles([FILE], { cwd: repo });
    const [terms] = extractContracts(compilation);
    const texts = buildStatements(terms, 'zh').map((statement) => statement.text);
    expect(texts.some((s) => s.includes('不少于价款（`price`）加价款的百分之`feePercent`'))).toBe(true);
    expect(texts.some((s) => s.includes('价款的百分之（100减'))).toBe(true);
    expect(texts.some((s) => /百分之100加/.test(s))).toBe(false);
  });
});
