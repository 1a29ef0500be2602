/**
 * An action that can succeed only once (OpenZeppelin's `initializer`, or a flag of the contract's own), read
 * from the check and the write of the value it checks: "Anyone may call `initialize`" hid that only the first
 * call counts, and the Initializable check was stated as "the Initializing flag … is not set and the Initialized
 * … is less than 1" (third review, thirdweb Split).
 */
import { describe, expect, it } from 'vitest';
import { read } from '../helpers/sentences.ts';

const SPLIT = 'node_modules/@thirdweb-dev/contracts/prebuilts/split/Split.sol';
const OURS = 'tests/fixtures/extract/OneTimeSetup.sol';
const FRONT_RUN = 'someone else can call it before the deployer does';

describe('an action that can succeed only once', { timeout: 60_000 }, () => {
  it('thirdweb Split (OpenZeppelin 4 Initializable): once, by anyone, and the first caller sets the payees, shares and admin', async () => {
    const { all, of } = await read(SPLIT, 'Split');
    const sets = 'the Trusted Forwarder (`_trustedForwarder`), the Payees (`_payees`), the Shares (`_shares`), the Total Shares (`_totalShares`), the Contract URI (`contractURI`), and who holds the Default Admin Role (`DEFAULT_ADMIN_ROLE`)';
    expect(of('action:initialize(')[0]).toBe(`Anyone may call \`initialize\`, but it can succeed only once: whoever calls it first sets ${sets}; the call goes ahead only if every condition below holds.`);
    expect(of('risk:')).toContain(`Anyone may call \`initialize\` first: unless it is called in the same transaction that deploys the contract (or the proxy in front of it), ${FRONT_RUN} and set ${sets} as they choose.`);
    expect(all).not.toContain('Anyone may call `initialize`.');
    expect(all.filter((s) => /Initializing flag[^.]*(is not set|less than)|sets the Initialized|sets the Initializing flag/.test(s))).toEqual([]);
  });

  it('OpenZeppelin 5 Initializable: the same, and a party it sets is set once', async () => {
    const { all, of } = await read(OURS, 'InitializedSale');
    expect(of('action:initialize(')[0]).toBe('Anyone may call `initialize`, but it can succeed only once: whoever calls it first sets the Owner (`_owner`), the Seller (`seller`), and the Price (`price`).');
    expect(all.filter((s) => s.includes(FRONT_RUN))).toHaveLength(1);
    expect(all).toContain('Seller | `seller` | set once, through `initialize` | no action changes it');
    expect(all.filter((s) => /the Initialized \(`_initialized`\) is zero|sets the Initialized/.test(s))).toEqual([]);
  });

  it('a flag of its own that no action clears reads the same', async () => {
    const { all, of } = await read(OURS, 'FlaggedSale');
    expect(of('action:setUp(')[0]).toBe('Anyone may call `setUp`, but it can succeed only once: whoever calls it first sets the Seller (`seller`) and the Price (`price`).');
    expect(all).not.toContain('`setUp` goes ahead only if the Ready flag (`ready`) is not set; otherwise it fails (“already set up”).');
  });

  it('a flag another action clears is not once', async () => {
    const { all, of } = await read(OURS, 'ResettableSale');
    expect(of('action:setUp(')[0]).toBe('Anyone may call `setUp`.');
    expect(all).toContain('`setUp` goes ahead only if the Ready flag (`ready`) is not set; otherwise it fails (“already set up”).');
    expect(all.filter((s) => s.includes('only once') || s.includes(FRONT_RUN))).toEqual([]);
  });

  it('a step of the deal that runs once (settling) is not setting the contract up: no race with the deployer', async () => {
    const { all, of } = await read('tests/fixtures/core/Paths.sol', 'Settlement');
    expect(of('action:settle(')[0]).toBe('Anyone may call `settle`.');
    expect(all.filter((s) => s.includes('only once') || s.includes(FRONT_RUN))).toEqual([]);
  });

  it('OpenZeppelin 4 Initializable: an initializer and a reinitializer each run once', async () => {
    const { all, of } = await read('tests/fixtures/extract/OneTimeSetupV4.sol', 'InitializedSaleV4');
    expect(of('action:initialize(')[0]).toBe('Anyone may call `initialize`, but it can succeed only once: whoever calls it first sets the Seller (`seller`) and the Price (`price`).');
    expect(of('action:setUpFee(')[0]).toBe('Anyone may call `setUpFee`, but it can succeed only once: whoever calls it first sets the Fee (`fee`).');
    expect(all.filter((s) => /Initializing flag[^.]*(is not set|less than)|sets the Initialized/.test(s))).toEqual([]);
  });

  it('set up once by one party: once, and not a power to replace what it sets', async () => {
    const { all, of } = await read('tests/fixtures/extract/OneTimeSetupV4.sol', 'OwnedSetUp');
    expect(of('action:initialize(')[0]).toBe('Only the Admin (`admin`) may call `initialize`, and it can succeed only once.');
    expect(all.filter((s) => s.includes('replace the Seller') || s.includes(FRONT_RUN))).toEqual([]);
    expect(all).toContain('Seller | `seller` | set once, through `initialize` | no action changes it');
  });
});
