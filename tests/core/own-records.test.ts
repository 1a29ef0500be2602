/**
 * A record stored under its party's own address, with that address written into it (`grants[beneficiary] =
 * Grant({beneficiary: beneficiary, …})`): an action that works on the caller's own record and requires it to
 * exist can be made only by that record's party, and pays that party. The author's "only the beneficiary can
 * release" is then right, and how the record's dates are set is said of the record its creator writes, not the
 * caller's. The shape of kaldun-tech's TokenVesting, in our own code (tests/fixtures/core/OwnGrants.sol), with
 * a variant that creates grants under two keys, and two where the record need not name the caller: there the
 * claims are still contradicted.
 */
import { describe, expect, it } from 'vitest';
import { read } from '../helpers/sentences.ts';

const FILE = 'tests/fixtures/core/OwnGrants.sol';

describe('records stored under their own party’s address', { timeout: 60_000 }, () => {
  it('only the beneficiary of the grant may release, and is paid: the author’s comments match', async () => {
    const { all, of } = await read(FILE, 'OwnGrants');
    expect(of('action:release()')).toContain('Only the Beneficiary (`beneficiary`) of the Grant concerned may call `release`, and only if every condition below holds.');
    expect(of('action:release()')).toContain('The contract pays the Beneficiary of the Grant concerned ETH equal to (the Vested as it stood before the call, for the caller) minus the Released of the Grant for the caller as it stood before the call.');
    expect(all).toContain('Matches: `release` pays the Beneficiary (`beneficiary`) of the Grant concerned.');
    expect(all).toContain('Matches: only the Beneficiary of the Grant concerned may call `release`.');
    expect(all).not.toContain('Anyone may call `release`; the call goes ahead only if every condition below holds.');
    expect(all.filter((s) => /Contradicts|says more than the code enforces/.test(s))).toEqual([]);
  });

  it('the grant’s dates are set for the given beneficiary, not for whoever calls the action that creates it', async () => {
    const { all } = await read(FILE, 'OwnGrants');
    expect(all).toContain('The Cliff time of the Grant for the given Beneficiary (`beneficiary`) in the Grants (`grants`) is set by `createGrant` to the given Cliff Duration (`cliffDuration`) after the call.');
    expect(all).toContain('If `release` is called before the Cliff time of the Grant for the caller, the Vested (`vested`) it reads is zero.');
    expect(all.filter((s) => /for the caller.* is set by `createGrant`/.test(s))).toEqual([]);
  });

  it('two ways to create a grant that key it differently: its dates are said of the grant, for neither key', async () => {
    const { all } = await read(FILE, 'SelfGrants');
    expect(all).toContain('The Cliff time of the Grant is set by `createOwnGrant` to the given Cliff Duration (`cliffDuration`) after the call and set by `createGrant` to the given Cliff Duration after the call.');
    expect(all).toContain('Matches: only the Beneficiary of the Grant concerned may call `release`.');
    expect(all.filter((s) => /is set by `create/.test(s) && /for the caller|given Grant/.test(s))).toEqual([]);
  });

  it('a beneficiary that can be handed over, or a record started without one: anyone may release, and the comments are contradicted', async () => {
    for (const contract of ['HandedGrants', 'ToppedGrants']) {
      const { all } = await read(FILE, contract);
      expect(all).toContain('Anyone may call `release`; the call goes ahead only if every condition below holds.');
      expect(all).toContain('Contradicts: `release` pays the caller, not the Beneficiary (`beneficiary`) of the Grant concerned.');
      expect(all).toContain('Contradicts: anyone may call `release`, not only the Beneficiary of the Grant concerned.');
      expect(all).not.toContain('Matches: only the Beneficiary of the Grant concerned may call `release`.');
    }
  });
});
