/**
 * An action refused at some times although no stored date is checked (a start given in the call that
 * must not be past): the Deadlines section must not say that no action is refused because of the time.
 * A time that is a field of a struct given in the call (a signed schedule's `p.deadline`) is given, not
 * worked out from other values.
 */
import { describe, expect, it } from 'vitest';
import { summarize } from '../../src/summarize.ts';
import { repo } from '../helpers/extract.ts';
import { read } from '../helpers/sentences.ts';

const FILE = 'tests/fixtures/core/TimedStart.sol';

describe('a time condition on a value given in the call', { timeout: 60_000 }, () => {
  it('says the action can be refused because of the time, in en and zh', async () => {
    const { of } = await read(FILE, 'TimedStart');
    expect(of('deadlines:none')).toEqual([
      '`createStream` can be refused because of the time of the call (see its conditions); no stored deadline is checked, and nothing happens automatically.',
    ]);
    expect(of('action:createStream(')).toContain('The call is made on or before the given Start (`start`) | “start before block.timestamp”');
    const { documents } = await summarize([FILE], { contracts: ['TimedStart'], languages: ['zh'], formats: ['json'], cwd: repo, cache: false });
    expect(documents[0].contracts[0].statements.find((s) => s.id === 'deadlines:none')?.text).toBe(
      '`createStream`可能因调用时间而被拒绝（见其条件）；代码不检查任何已存储的期限，也不会自动发生任何事。',
    );
  });
});

describe('a time that is a field of a struct given in the call', { timeout: 60_000 }, () => {
  const SIGNED = 'tests/fixtures/core/SignedSchedule.sol';

  it('is said to be given in each call (or worked out from values given in it), never worked out from other values', async () => {
    const { of } = await read(SIGNED, 'SignedSchedule');
    const deadlines = of('deadline:');
    expect(deadlines).toContain('The Deadline of the given value (`p`) is not stored: it is given in each call to `triggerPayment`.');
    expect(deadlines).toContain(
      'The First Payment of the given value (`p`) plus (the given Index (`index`) minus 1) times the Period Seconds of the given value (`p`) is not stored: it is worked out from values given in each call to `triggerPayment`.',
    );
    expect(deadlines).toContain('Nothing happens automatically at the Deadline of the given value (`p`); from then on `triggerPayment` can no longer succeed.');
    expect(deadlines.some((s) => s.includes('worked out from other values'))).toBe(false);
    const { documents } = await summarize([SIGNED], { contracts: ['SignedSchedule'], languages: ['zh'], formats: ['json'], cwd: repo, cache: false });
    const zh = documents[0].contracts[0].statements.map((s) => s.text);
    expect(zh).toContain('传入的参数 `p`的截止时间（`deadline`）并非存储的数值，而是在每次调用`triggerPayment`时传入。');
    expect(zh.some((s) => s.includes('根据其他数值计算得出'))).toBe(false);
  });
});
