/**
 * A deadline or record that an action writes only on one branch is summarised with that branch's condition:
 * a bid moves the end time only when less than the time buffer is left, and ending a pause starts a new auction
 * only when none is running. (Review 4, A4 and C6: NounsAuctionHouse's Key facts, Deadlines and "Read this first"
 * dropped the condition, so any bid seemed to cut the auction short and the owner seemed able to wipe a live one.)
 */
import { describe, expect, it } from 'vitest';
import { read } from '../helpers/sentences.ts';

const file = 'tests/fixtures/core/ExtendedAuction.sol';
const bidSets = 'set by `bid` (only if the End Time of the Round minus the time of the call is less than the Time Buffer (`timeBuffer`)) to the Time Buffer after the call';
const resumeSets = 'set by `resume` (only if the Start Time of the Round is zero or the Settled flag of the Round is set) to the Duration after the call';

describe('conditions of the writes a summary lists', { timeout: 60_000 }, () => {
  it('Key facts and Deadlines give each writer of the end time with the condition of its write', async () => {
    const { of } = await read(file, 'ExtendedAuction');
    const [keyFact] = of('key-fact:deadline:round.endTime');
    const [deadline] = of('deadline:round.endTime');
    for (const sentence of [keyFact, deadline]) {
      expect(sentence).toContain(bidSets);
      expect(sentence).toContain(resumeSets);
      // The writer that always sets it has no condition.
      expect(sentence).toContain('set by `settle` to the Duration (`duration`) after the call');
      expect(sentence).not.toContain('set by `bid` to');
      expect(sentence).not.toContain('set by `resume` to');
    }
  });

  it('a power to overwrite the running record names the only case in which the action writes it', async () => {
    const { all } = await read(file, 'ExtendedAuction');
    const power = all.find((s) => s.startsWith('The Seller (`seller`) may, alone, set the Round (`round`) to a new Round record'));
    expect(power).toContain('by calling `resume` (only if the Start Time of the Round is zero or the Settled flag of the Round is set), which');
  });

  it('in Chinese too', async () => {
    const { summarize } = await import('../../src/summarize.ts');
    const { documents } = await summarize([file], { contracts: ['ExtendedAuction'], formats: ['json'], languages: ['zh'], cache: false } as never);
    const texts = documents[0].contracts[0].statements.map((s: { text: string }) => s.text);
    const deadlines = texts.filter((s: string) => s.includes('由 `bid`'));
    expect(deadlines).toHaveLength(2);
    for (const sentence of deadlines) {
      expect(sentence).toMatch(/由 `bid`（仅当`round`的结束时间减调用时间小于`timeBuffer`时）设定/);
      expect(sentence).not.toContain('由 `bid` 设定');
    }
  });
});
