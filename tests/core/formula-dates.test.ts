/**
 * Stored dates compared with the block time inside a view or internal helper the actions read (a vesting
 * schedule's start or cliff, a stream's start and stop times): the Deadlines section states each as a date,
 * how it is set and what the helper comes to on one side of it, and never says that no stored deadline is
 * checked. Shapes of AbdelStark's TokenVesting (VestingBook) and Sablier v1 (Streams), in our own code.
 */
import { describe, expect, it } from 'vitest';
import { summarize } from '../../src/summarize.ts';
import { repo } from '../helpers/extract.ts';
import { read } from '../helpers/sentences.ts';

const NO_STORED = /no stored deadline is checked/;

describe('stored dates inside the formulas an action reads', { timeout: 60_000 }, () => {
  it('a vesting schedule: nothing can be released before its start, which is a stored date set when it is created', async () => {
    const { of, all } = await read('tests/fixtures/core/VestingBook.sol', 'VestingBook');
    const deadlines = [...of('deadline'), ...of('deadlines:')];
    expect(deadlines).toContain('The Start of the given Schedule (`schedules[id]`) is set by `createSchedule` to the given Start (`start`).');
    expect(deadlines).toContain('If `release` is called before the Start of the given Schedule, the Vested (`vested`) it reads is zero.');
    expect(deadlines).toContain(
      'What the Vested (`vested`) comes to in `release` depends on whether the call is made at or after the Start of the given Schedule plus the Duration of the given Schedule (see its formula above).',
    );
    expect(deadlines).toContain('`release` can be refused because of the time of the call (see its conditions); nothing happens automatically at the stored dates below.');
    expect(all.some((s) => NO_STORED.test(s))).toBe(false);
  });

  it('a stream: its stored start and stop times decide what a withdrawal or a cancellation reads, through a helper behind a modifier', async () => {
    const { of, all } = await read('tests/fixtures/core/Streams.sol', 'Streams');
    expect(all).toContain(
      'The Delta Of (`deltaOf`) is zero if the call is made on or before the Start Time of the given Stream. Otherwise it is the time elapsed since the Start Time of the given Stream if the call is made before the Stop Time of the given Stream, otherwise the time from the Start Time of the given Stream to the Stop Time of the given Stream.',
    );
    const deadlines = of('deadline');
    expect(deadlines).toContain('The Start Time of the given Stream (`streams[streamId]`) is set by `createStream` to the given Start Time (`startTime`).');
    expect(deadlines).toContain('If `withdrawFromStream` or `cancelStream` is called on or before the Start Time of the given Stream, the Delta Of (`deltaOf`) they read is zero.');
    expect(deadlines).toContain(
      'What the Delta Of (`deltaOf`) comes to in `withdrawFromStream` and `cancelStream` depends on whether the call is made before the Stop Time of the given Stream (see its formula above).',
    );
    expect(all.some((s) => NO_STORED.test(s) || /could not read its formula/.test(s))).toBe(false);
    const { documents } = await summarize(['tests/fixtures/core/Streams.sol'], { contracts: ['Streams'], languages: ['zh'], formats: ['json'], cwd: repo, cache: false });
    const zh = documents[0].contracts[0].statements.map((s) => s.text);
    expect(zh).toContain('如调用`withdrawFromStream`或`cancelStream`的时间不晚于传入编号所指的记录（`streams[streamId]`）的开始时间，其读取的`deltaOf`为零。');
    expect(zh.some((s) => s.includes('代码不检查任何已存储的期限'))).toBe(false);
  });

  it('a helper whose formula cannot be read: "no stored deadline" is said only of the code plainterms could read', async () => {
    const { of } = await read('tests/fixtures/core/HiddenDate.sol', 'HiddenDate');
    expect(of('deadlines:none')).toEqual([
      '`claim` can be refused because of the time of the call (see its conditions); no stored deadline is checked in the code plainterms could read, and nothing happens automatically.',
    ]);
  });

  it('a formula zero either way before the cliff (no schedule, or too early) is said to be zero, not "zero if …, otherwise zero" (review 6b)', async () => {
    const { all } = await read('tests/fixtures/core/GuardedVesting.sol', 'GuardedVesting');
    expect(all).toContain('If `release` is called before the Cliff time of the Grant for the caller, the Vested (`_vested`) it reads is zero.');
    expect(all.some((s) => /zero if .* is zero, otherwise zero/.test(s))).toBe(false);
  });
});

