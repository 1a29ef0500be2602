/**
 * A window counted in block numbers is said in blocks, with a rough time and a caveat; nothing about it is
 * said as a time, and the block-timestamp note appears only where timestamps are used.
 */
import { describe, expect, it } from 'vitest';
import { read } from '../helpers/sentences.ts';

describe('block numbers are blocks, not times', { timeout: 60_000 }, () => {
  it('the claim window reads in blocks', async () => {
    const { all } = await read('tests/fixtures/core/Blocks.sol', 'BlockWindow');
    expect(all).toContain('Opens (in blocks): `claim`, which anyone may call, can succeed only in a block more than 7,200 blocks after the Start Block (`startBlock`), roughly 1 day at 12 seconds a block (the Start Block being set at deployment to the block number at deployment).');
    expect(all).toContain('`claim` goes ahead only if the block number at the time of the call is more than the Start Block (`startBlock`) plus 7,200 blocks, roughly 1 day at 12 seconds a block; otherwise it fails (“too early”).');
    expect(all.some((s) => /Start Block time|2 hours|Times are block timestamps|depends on the block time/.test(s))).toBe(false);
  });

  it('a stored end block set from the block number counts blocks, with a rough time, wherever it is stated', async () => {
    const { all } = await read('tests/fixtures/core/BlockEnd.sol', 'EndBlockEscrow');
    expect(all).toContain('At deployment, the End Block (`endBlock`) is set to the block number at deployment plus 7,200 blocks, roughly 1 day at 12 seconds a block.');
    expect(all).toContain('Opens (in blocks): `refund`, which anyone may call, can succeed only in a block after the End Block (`endBlock`) (the End Block being set at deployment to the block number at deployment plus 7,200 blocks, roughly 1 day at 12 seconds a block).');
    expect(all.some((s) => /plus 7,200(?! blocks)/.test(s))).toBe(false);
  });

  it('a cast’s overflow check on the block number is not a deadline', async () => {
    const { of, all } = await read('tests/fixtures/core/Clock.sol', 'Checkpoints');
    expect(of('key-fact:deadline')).toEqual([]);
    expect(all.some((s) => s.startsWith('Deadline'))).toBe(false);
  });
});
