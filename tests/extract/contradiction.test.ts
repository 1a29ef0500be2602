/**
 * Checks on a state that no state passes together (`require(s == A); require(s == B)`): the action can
 * never move the lifecycle, so it is not told as a move "from any state", and the summary says where the
 * checks are under "Not explained".
 */
import { describe, expect, it } from 'vitest';
import { summarize } from '../../src/summarize.ts';
import { read } from '../helpers/sentences.ts';

const FILE = 'tests/fixtures/lifecycle/Contradiction.sol';

describe('checks that contradict each other on the state', { timeout: 60_000 }, () => {
  it('no move is told from any state, and `close` is not told as moving the stage', async () => {
    const { all, of } = await read(FILE, 'Contradiction');
    expect(all.some((s) => s.includes('From any state') || s.includes('from any state'))).toBe(false);
    expect(of('lifecycle:').some((s) => s.includes('`close`'))).toBe(false);
    expect(of('action:close()').some((s) => s.includes('moves the Stage'))).toBe(false);
  });

  it('a branch whose own conditions no state passes moves nothing', async () => {
    const { of } = await read(FILE, 'Contradiction');
    expect(of('lifecycle:').some((s) => s.includes('`refund`'))).toBe(false);
  });

  it('the action that needs two states at once is under “Not explained”, in English and Chinese', async () => {
    const { of } = await read(FILE, 'Contradiction');
    expect(of('not-explained:')).toContain(
      'In `close`, no value of `stage` passes all the checks on it together: as plainterms reads them, every call fails; have an engineer read it.',
    );
    const { outputs } = await summarize([FILE], { formats: ['md'], language: 'zh', cache: false });
    expect(outputs[0]!.text).toContain('在 `close` 中，`stage` 的任何取值都无法同时通过对它的全部检查：按plainterms的理解，每次调用都会失败；请工程师阅读。');
  });

  it('an action with one check on the state still moves it from that state', async () => {
    const { of } = await read(FILE, 'Contradiction');
    expect(of('lifecycle:').some((s) => s.startsWith('Open | Funded |') && s.includes('`fund`'))).toBe(true);
  });
});
