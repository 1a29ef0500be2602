/**
 * Review 5 (HUMAN Protocol's hmt-escrow) and review 4b (Nouns' auction house), on fixtures of our own with the
 * same shape: a restricted `setup` that runs only from the first stage is not a standing power to replace the
 * oracles or change their fees, and nothing about it "applies to deals already under way"; a role that every write
 * gives (sets true) is not "taken away" or "replaced"; and an initializer that clears the pause flag and then sets
 * it still says the contract starts paused.
 */
import { describe, expect, it } from 'vitest';
import { read } from '../helpers/sentences.ts';

const JOB = 'tests/fixtures/core/JobEscrow.sol';
const PAUSED = 'tests/fixtures/core/PausedStart.sol';

describe('review 5: once-only setup and roles that are only given', { timeout: 60_000 }, () => {
  it('a setup run only from the first stage sets the oracles once: no power to replace or change them', async () => {
    const { all, of, terms } = await read(JOB, 'JobEscrow');
    expect(terms.powers.filter((p) => p.action === 'setup(address,address,uint256,uint256)')).toEqual([]);
    expect(all.filter((s) => /may (replace|change) the (Reputation|Recording) Oracle/.test(s))).toEqual([]);
    expect(all.filter((s) => s.includes('already under way'))).toEqual([]);
    expect(all.filter((s) => s.includes('may call `setup` alone') || s.includes('may change through `setup`'))).toEqual([]);
    expect(of('action:setup(')[0]).toBe('Only holders of the Are Trusted Handlers (`areTrustedHandlers`) may call `setup`, and it can succeed only once, and only if every condition below holds.');
    expect(all).toContain('Reputation Oracle | `reputationOracle` | set once, through `setup` | no action changes it');
    expect(all).toContain('`setup` sets the Reputation Oracle Stake (`reputationOracleStake`) to the given Reputation Stake.');
  });

  it('a state an action may run in again without leaving it is still final (cancel allowed once Cancelled)', async () => {
    const { all } = await read(JOB, 'JobEscrow');
    expect(all).toContain('Complete and Cancelled are final: no action moves the Status out of them.');
    expect(all).toContain('States: Launched, Pending, Partial, Paid, Complete, Cancelled; final: Complete or Cancelled.');
    expect(all).not.toContain('Complete is final: no action moves the Status out of it.');
  });

  it('a role every write sets true gains holders but loses none', async () => {
    const { all, of } = await read(JOB, 'JobEscrow');
    expect(of('key-fact:parties')[0]).toBe('Parties: Reputation Oracle (`reputationOracle`), Recording Oracle (`recordingOracle`), and Are Trusted Handlers (`areTrustedHandlers`); no action can replace any of them; more addresses can be added to the holders of the Are Trusted Handlers, and no action removes any.');
    expect(all).toContain('Are Trusted Handlers | `areTrustedHandlers` | any address holding the role | given through `addTrustedHandlers` and `setup`; no action takes it away');
    expect(all.filter((s) => s.includes('taken away through') || s.includes('Are Trusted Handlers can be replaced'))).toEqual([]);
  });

  it('a role that some action sets false is still given and taken away', async () => {
    const { all } = await read(JOB, 'RevocableHandlers');
    expect(all).toContain('Are Trusted Handlers | `areTrustedHandlers` | any address holding the role | given and taken away through `addTrustedHandler` and `removeTrustedHandler`');
    expect(all.filter((s) => s.includes('no action takes it away'))).toEqual([]);
  });
});

describe('review 4b: an initializer that leaves the contract paused', { timeout: 60_000 }, () => {
  it('cleared and then set: the final value (paused) is stated, the overwritten one is not', async () => {
    const { of } = await read(PAUSED, 'PausedHouse');
    const lines = of('action:initialize(');
    expect(lines).toContain('`initialize` sets the Paused flag (`paused`) to true.');
    expect(lines.filter((s) => s.includes('Paused flag (`paused`) to false') || s.includes('Paused flag to false'))).toEqual([]);
  });

  it('set and then cleared within the call (bookkeeping): nothing said about the flag', async () => {
    const { of } = await read(PAUSED, 'OpenHouse');
    expect(of('action:initialize(').filter((s) => s.includes('Paused flag'))).toEqual([]);
  });
});
