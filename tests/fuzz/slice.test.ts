/**
 * A short, fixed-seed slice of the fuzz suite (fuzz/fuzz.ts; the long run is `npm run fuzz -- --seconds
 * 1800`): mutated Solidity, calldata, typed data and hostile layouts, each run as the real command. None
 * may end in an internal error, a hang, a stack trace, invalid JSON or a leak of the canary planted outside
 * the project.
 */
import { describe, expect, it } from 'vitest';
import { fuzz } from '../../fuzz/fuzz.ts';

describe('fuzz slice (fixed seed, about 45 s)', () => {
  it('every run exits 0, 1 or 2 with a message, in time, with nothing read from outside the roots', { timeout: 600_000 }, async () => {
    // 45 s, or longer on a busy machine until 12 runs are done (about 60 runs on a quiet one).
    const report = await fuzz({ seconds: 45, seed: 424242, parallel: 2, timeoutMs: 60_000, minRuns: 12 });
    expect(report.problems).toEqual({});
    expect(report.runs).toBeGreaterThanOrEqual(12);
    expect(Object.keys(report.byKind).sort()).toEqual(['calldata', 'layout', 'solidity', 'typed-data']);
  });
});
