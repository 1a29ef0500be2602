/**
 * One unit inference for the numbers the summary states: a number compared with, or stored in, a value the
 * code uses as a rate of a share is that share ("at most 25% (2,500 basis points)", not "at most 2,500"),
 * including a state variable's initial value ("1.5% (150 basis points)", not "150").
 */
import { describe, expect, it } from 'vitest';
import { summarize } from '../../src/summarize.ts';
import { read } from '../helpers/sentences.ts';

const FILE = 'tests/fixtures/core/Units.sol';

describe('units of the numbers stated', { timeout: 60_000 }, () => {
  it('caps on a basis-point rate and a whole-percent rate read as percentages', async () => {
    const { all } = await read(FILE, 'FeeDesk');
    expect(all).toContain('`setFee` accepts a new value only if the given BPS (`bps`) is at most 25% (2,500 basis points, `MAX_FEE_BPS`).');
    expect(all).toContain('`setTip` accepts a new value only if the given Percent (`percent`) is at most 10%.');
    expect(all.some((s) => /at most 2,500\b|at most 10\b(?!%)/.test(s))).toBe(false);
  });

  it('a rate set at deployment is stated as a percentage', async () => {
    const { all } = await read(FILE, 'FeeDesk');
    expect(all).toContain('At deployment, the Fee BPS (`feeBps`) is set to 1.5% (150 basis points).');
  });

  it('the same in Chinese', async () => {
    const { outputs } = await summarize([FILE], { contracts: ['FeeDesk'], formats: ['md'], languages: ['zh'], cache: false });
    expect(outputs[0].text).toContain('不超过25%（2,500个基点，`MAX_FEE_BPS`）');
    expect(outputs[0].text).toContain('1.5%（150个基点）');
  });

  it('key facts state each share the code takes, with the cap on a rate a party can change', async () => {
    const { of } = await read(FILE, 'FeeDesk');
    expect(of('key-fact:shares')).toEqual([
      'Shares: the Owner receives the Fee BPS (`feeBps`) share (in basis points) of the ETH sent with the call (through `pay`), a rate the Owner may change through `setFee` up to 25% (2,500 basis points, `MAX_FEE_BPS`) and the Owner receives the Tip Percent (`tipPercent`) share (in percent) of the ETH sent with the call (through `pay`), a rate the Owner may change through `setTip` up to 10%.',
    ]);
  });
});
