/**
 * One unit inference for the numbers the summary states: a number compared with, or stored in, a value the
 * code uses as a rate of a share is that share ("at most 25% (2,500 basis points)", not "at most 2,500"),
 * including a state variable's initial value ("1.5% (150 basis points)", not "150"). A raw number compared
 * with a time difference or added to a date is a period ("7 days", not "604,800"); one compared with the ETH
 * sent is an amount of ETH ("2 ETH"); one added to a block number stays a count of blocks. Which factor of
 * a share is the rate is read from the same inference (the one that is not an amount), not from names.
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
      'Shares: the Owner receives the Fee BPS (`feeBps`) share (in basis points) of the ETH sent with the call (through `pay`). The rate is 1.5% (150 basis points) at deployment; the Owner may change it through `setFee`, up to 25% (2,500 basis points, `MAX_FEE_BPS`). The Owner receives the Tip Percent (`tipPercent`) share (in percent) of the ETH sent with the call (through `pay`), a rate the Owner may change through `setTip` up to 10%.',
    ]);
  });

  it('a raw number used as a period or an amount of ETH is stated in days or ETH, and in the key facts', async () => {
    const { all, of } = await read(FILE, 'RawNumbers');
    expect(all).toContain('The ETH sent with the call equals 2 ETH (`DEPOSIT`) | “deposit”');
    expect(all).toContain('The ETH sent with the call is at least 0.1 ETH | “too little”');
    expect(all).toContain('The Started At time (`startedAt`) is not zero and the call is made more than 7 days (`GRACE`) after the Started At time | “too early”');
    expect(all).toContain('`topUp` accepts more than 0.1 ETH; all the ETH sent, any excess included, becomes part of the ETH held by this contract.');
    // Two actions held to different moments counted from one stored time: each rule, never the stored time as the deadline.
    expect(of('key-fact:deadline')).toContain(
      'Deadlines counted from the Started At time (`startedAt`), set by `start` to the time of the call: `topUp` can succeed only if the call is made no later than 1 day after the Started At time. `reclaim` can succeed only if the call is made more than 7 days (`GRACE`) after the Started At time.',
    );
    expect(all.some((s) => /604,800|2,000,000,000,000,000,000|100,000,000,000,000,000|Deadline: the Started At|more ETH than 0\.1/.test(s))).toBe(false);
    // A count of blocks is not a period of time.
    expect(all).toContain('The block number at the time of the call is more than the Start Block (`startBlock`) plus 7,200 (`LOCK_BLOCKS`) | “locked”');
    expect(of('key-fact:deadline')).toContain(
      'Opens (in blocks): `reclaim` can succeed only in a block more than 7,200 blocks after the Start Block (`startBlock`), roughly 1 day at 12 seconds a block (the Start Block being set by `start` to the block number at the time of the call).',
    );
  });

  it('the rate of a share is the factor the code does not use as an amount, whatever its name or place', async () => {
    const { all, terms } = await read(FILE, 'RateFirst');
    expect(all).toContain('Shares: the Platform receives the Cut (`cut`) share (in basis points) of the ETH sent with the call (through `buy`). The rate is 2.5% (250 basis points) at deployment; the Platform may change it through `setCut`, up to 10% (1,000 basis points).');
    expect(all).toContain('The contract pays the Seller (`seller`) ETH equal to the ETH sent with the call less the Cut share of it.');
    expect(all).toContain('The contract | the Seller (`seller`) | ETH | `buy`');
    // Orders and ERC-7730 read the same inference: the new cut is a percentage.
    const { readSemantics } = await import('../../src/orders/semantics.ts');
    const [newCut] = readSemantics(terms).get('setCut(uint256)')!;
    expect(newCut.format).toEqual({ kind: 'percent', scale: '10000' });
  });
});
