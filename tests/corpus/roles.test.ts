/**
 * OpenZeppelin 5 AccessControl read from its code, as a lawyer needs it: who administers the roles when no
 * code sets a role's admin, role grants as grants (not writes to `_roles`), and renouncing as something
 * each holder may do only for themselves.
 */
import { describe, expect, it } from 'vitest';
import { read } from '../helpers/sentences.ts';

const FILE = 'tests/fixtures/core/TradeOrders.sol';

describe('roles under OpenZeppelin AccessControl', { timeout: 60_000 }, () => {
  it('the admin of every role is the default admin role when no code sets another; there is no separate "Admin Role" party', async () => {
    const { all, terms } = await read(FILE, 'TradeOrders');
    expect(all).toContain(
      'Holders of the Default Admin Role may give a role to any address, by calling `grantRole`; a role is needed to call `setFee`, `pause`, `unpause`, and `setTreasury`.',
    );
    expect(terms.parties.map((party) => party.id)).not.toContain('role:adminRole');
    expect(all.filter((s) => /Admin Role \(`adminRole`\)/.test(s))).toEqual([]);
  });

  it('grants and revocations read as giving and taking away a role', async () => {
    const { all } = await read(FILE, 'TradeOrders');
    expect(all).toContain('At deployment, the given Admin (`admin`) is given the Default Admin Role (`DEFAULT_ADMIN_ROLE`).');
    expect(all).toContain('At deployment, the given Admin is given the Operator Role (`OPERATOR_ROLE`).');
    expect(all).toContain('`grantRole` gives the given Account (`account`) the given Role (`role`).');
    expect(all).toContain('`revokeRole` takes the given Role (`role`) away from the given Account (`account`).');
    expect(all.filter((s) => /Has Role|Role Data|entry for/.test(s))).toEqual([]);
  });

  it('anyone may renounce a role, but only their own', async () => {
    const { all } = await read(FILE, 'TradeOrders');
    expect(all).toContain('Anyone may call `renounceRole`, but only for themselves: the given Caller Confirmation (`callerConfirmation`) must be the caller.');
    expect(all.filter((s) => /Only the given Caller Confirmation/.test(s))).toEqual([]);
  });
});

describe('constants folded once values are in place', { timeout: 60_000 }, () => {
  it('an initializer check that always passes at deployment is not stated as a condition of deployment', async () => {
    const { of } = await read('node_modules/@thirdweb-dev/contracts/prebuilts/split/Split.sol', 'Split');
    expect(of('action:constructor').length).toBeGreaterThan(0);
    expect(of('action:constructor').filter((s) => /true and true|and false/.test(s))).toEqual([]);
    expect(of('action:constructor').filter((s) => s.startsWith('Deployment goes ahead only if'))).toEqual([]);
  });

  it('outside deployment the contract has code, so the initializer check reads as a check that runs once', async () => {
    const { all } = await read('node_modules/@thirdweb-dev/contracts/prebuilts/split/Split.sol', 'Split');
    // The flags it tests (tests/corpus/once-only.test.ts): said as "it can succeed only once", not as the flags.
    expect(all.filter((s) => s.startsWith('Anyone may call `initialize`, but it can succeed only once'))).toHaveLength(1);
    expect(all.filter((s) => /Code of this contract/.test(s))).toEqual([]);
  });
});

describe('thirdweb TokenERC20: roles granted at initialisation, and checks that cannot apply', { timeout: 60_000 }, () => {
  it('is summarised; a role no check names still reads as a role; no condition hangs on a constant', async () => {
    const { all } = await read('node_modules/@thirdweb-dev/contracts/prebuilts/token/TokenERC20.sol', 'TokenERC20');
    // The role's code name is given at its first mention, in the access line (who the first caller makes holders).
    expect(all).toContain('`initialize` gives the given Default Admin the Transfer Role.');
    expect(all.filter((s) => /^If (false|true),/.test(s))).toEqual([]);
  });
});

describe('an initializer already run at deployment', { timeout: 60_000 }, () => {
  it('says initialize can never succeed at the implementation’s own address', async () => {
    const { of } = await read('node_modules/@thirdweb-dev/contracts/prebuilts/split/Split.sol', 'Split');
    expect(of('risk:')).toContain(
      '`initialize` can never succeed on this contract as deployed: it requires that the Initialized (`_initialized`) is less than 1, but the Initialized can only ever be 1. Code written this way is usually meant to run behind a proxy, whose own storage starts empty.',
    );
  });

  it('raises nothing where deployment leaves the initializer open (OpenZeppelin upgradeable without a constructor)', async () => {
    const { of } = await read('node_modules/@openzeppelin/contracts-upgradeable/finance/VestingWalletUpgradeable.sol', 'VestingWalletUpgradeable');
    expect(of('risk:').filter((s) => /can never succeed/.test(s))).toEqual([]);
  });
});
