/** OpenZeppelin 5 UUPSUpgradeable and Ownable2Step: an owner who can replace the code and hand over ownership in two steps. */
import { describe, expect, it } from 'vitest';
import { action, termsOf } from '../helpers/extract.ts';

const load = () => termsOf('tests/fixtures/extract/UpgradeableSale.sol', 'UpgradeableSale');

describe('UpgradeableSale (UUPS proxy, Ownable2Step)', { timeout: 60_000 }, () => {
  it('only the owner may replace the code behind the proxy, and that is a power over the deal', async () => {
    const terms = await load();
    expect(action(terms, 'upgradeToAndCall(address,bytes)').access.rules).toEqual([{ kind: 'party', party: 'owner', via: '_authorizeUpgrade' }]);
    const upgrade = terms.powers.find((p) => p.kind === 'upgrade');
    expect(upgrade).toMatchObject({ action: 'upgradeToAndCall(address,bytes)', holders: ['owner'] });
  });

  it('ownership passes only when the pending owner accepts it', async () => {
    const terms = await load();
    expect(action(terms, 'transferOwnership(address)').effects.map((e) => e.target)).toContainEqual(expect.objectContaining({ kind: 'variable', name: '_pendingOwner' }));
    expect(action(terms, 'acceptOwnership()').access.rules).toEqual([{ kind: 'party', party: 'pendingOwner', via: null }]);
    const kinds = terms.powers.map((p) => [p.action, p.kind]);
    expect(kinds).toContainEqual(['acceptOwnership()', 'transfer-ownership']);
    expect(kinds).toContainEqual(['transferOwnership(address)', 'change-party']);
    expect(kinds).not.toContainEqual(['acceptOwnership()', 'change-party']);
  });

  it("the contract's own address (__self) is not a party", async () => {
    const ids = (await load()).parties.map((p) => p.id);
    expect(ids).toEqual(['owner', 'pendingOwner']);
  });

  it('the owner may change the price with no upper limit', async () => {
    const terms = await load();
    expect(terms.powers.find((p) => p.action === 'setPrice(uint256)')).toMatchObject({ kind: 'change-term', bounds: [] });
    expect(terms.risks.map((r) => [r.kind, r.action])).toContainEqual(['no-upper-bound', 'setPrice(uint256)']);
  });
});
