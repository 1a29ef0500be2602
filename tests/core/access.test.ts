/**
 * A caller check joined with other checks in one `require` (`msg.sender == contractor && state == Open`)
 * still says who may call; elapsed-time checks (`block.timestamp - createdAt <= 30 days`) are deadlines.
 */
import { describe, expect, it } from 'vitest';
import { read } from '../helpers/sentences.ts';

const FILE = 'tests/fixtures/core/Elapsed.sol';

describe('who may call, from a combined check', { timeout: 60_000 }, () => {
  it('only the Contractor may submit and only the Client may approve or take a refund', async () => {
    const { all } = await read(FILE, 'Elapsed');
    expect(all).toEqual(
      expect.arrayContaining([
        'Only the Contractor (`contractor`) may call `submit`, and only if every condition below holds.',
        'Only the Client (`client`) may call `approve`.',
        'Only the Client (`client`) may call `refund`.',
        'Anyone may call `autoRelease`.',
        // The whole check is still stated, since it asks more than who calls.
        'The caller is the Contractor and the State (`state`) is Open | none',
      ]),
    );
    expect(all.some((s) => s.includes('passes the check of the caller'))).toBe(false);
  });

  it('states the elapsed-time limits as deadlines from their anchors', async () => {
    const { of } = await read(FILE, 'Elapsed');
    expect(of('key-fact:deadline')).toEqual([
      // The moment closes `submit` and opens `refund`: both rules, so that neither reads as the whole.
      'Deadlines counted from the Created At time (`createdAt`), the time of deployment: `submit` can succeed only if the call is made no later than 30 days after the Created At time. `refund` can succeed only if the call is made more than 30 days after the Created At time.',
      'Opens: `autoRelease`, which anyone may call, can succeed only more than 7 days after the Submitted At time (`submittedAt`). The Submitted At is set by `submit` to the time of the call.',
    ]);
  });
});
