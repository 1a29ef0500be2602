/**
 * Whether an owner's change reaches deals already under way comes from whether an action on a deal that
 * already exists reads the value after the change: a claim period read when a claim starts on a funded
 * record, or a time buffer read by a bid on the running auction, does; a value copied into each record when
 * it is made does not. Writes that are not a power over a value (a new record, a running total of records)
 * get no such sentence.
 */
import { describe, expect, it } from 'vitest';
import { read } from '../helpers/sentences.ts';

const existing = (all: string[], action: string) => all.filter((s) => s.startsWith(`A change through \`${action}\``));

describe('changes that reach deals under way', { timeout: 60_000 }, () => {
  it('periods read on funded records apply to them, with no upper limit; a fee copied into each record does not', async () => {
    const { all, of } = await read('tests/fixtures/core/ClaimPeriodEscrow.sol', 'ClaimPeriodEscrow');
    expect(existing(all, 'setClaimPeriod')).toEqual(['A change through `setClaimPeriod` also applies to deals already under way.']);
    expect(existing(all, 'setFreezePeriod')).toEqual(['A change through `setFreezePeriod` also applies to deals already under way.']);
    expect(existing(all, 'setFeeBps')).toEqual(['A change through `setFeeBps` leaves deals already under way as they were.']);
    // A 30-day floor is not a ceiling.
    expect(of('risk:')).toContain('The code sets no upper limit on the Claim Period (`claimPeriod`), which the Owner (`_owner`) may set through `setClaimPeriod`.');
    expect(of('risk:')).toContain('The code sets no upper limit on the Freeze Period (`freezePeriod`), which the Owner may set through `setFreezePeriod`.');
    expect(of('risk:').some((s) => /upper limit on the Fee BPS/.test(s))).toBe(false);
  });

  it('a value a bid reads on the running auction applies to it; one copied into each new auction does not', async () => {
    const { all } = await read('tests/fixtures/core/RunningAuction.sol', 'RunningAuction');
    expect(existing(all, 'setTimeBuffer')).toEqual(['A change through `setTimeBuffer` also applies to deals already under way.']);
    expect(existing(all, 'setReservePrice')).toEqual(['A change through `setReservePrice` also applies to deals already under way.']);
    expect(existing(all, 'setDuration')).toEqual(['A change through `setDuration` leaves deals already under way as they were.']);
    // Unpausing starts a new auction: not a change of a value that deals under way read.
    expect(existing(all, 'unpause')).toEqual([]);
  });

  it('creating, releasing and revoking schedules keep the books of a total: no sentence on deals under way', async () => {
    const { all } = await read('tests/fixtures/core/VestingBook.sol', 'VestingBook');
    for (const action of ['createSchedule', 'release', 'revoke']) expect(existing(all, action)).toEqual([]);
  });

  it('a bid logged as a new record still reads the increment against the running auction; a listing fee read only for a new listing does not reach others', async () => {
    const { all } = await read('tests/fixtures/core/BidLog.sol', 'BidLog');
    expect(existing(all, 'setMinIncrement')).toEqual(['A change through `setMinIncrement` also applies to deals already under way.']);
    expect(existing(all, 'setListingFee')).toEqual(['A change through `setListingFee` leaves deals already under way as they were.']);
  });
});
