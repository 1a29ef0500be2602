/**
 * An action refused at some times although no stored date is checked (a start given in the call that
 * must not be past): the Deadlines section must not say that no action is refused because of the time.
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
