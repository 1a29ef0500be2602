/** OpenZeppelin 5 AccessControl: a function guarded by onlyRole(SHIPPER_ROLE). */
import { describe, expect, it } from 'vitest';
import { action, termsOf } from '../helpers/extract.ts';

const load = () => termsOf('tests/fixtures/extract/RoleGated.sol', 'RoleGated');

describe('RoleGated (OZ 5 AccessControl)', { timeout: 60_000 }, () => {
  it('only holders of SHIPPER_ROLE may record a shipment', async () => {
    const record = action(await load(), 'recordShipment(bytes32)');
    expect(record.access.anyone).toBe(false);
    expect(record.access.rules).toEqual([{ kind: 'role', role: 'role:SHIPPER_ROLE', via: 'onlyRole' }]);
    expect(record.conditions.find((c) => c.isAccess)).toMatchObject({ error: 'AccessControlUnauthorizedAccount', form: 'if-revert', via: 'onlyRole' });
  });

  it('the role check is not repeated as a separate condition; the bill of lading check remains', async () => {
    const record = action(await load(), 'recordShipment(bytes32)');
    const others = record.conditions.filter((c) => !c.isAccess);
    expect(others.map((c) => c.message)).toEqual(['missing bill of lading']);
  });

  it('holders of SHIPPER_ROLE are a role party labelled Shipper Role', async () => {
    const party = (await load()).parties.find((p) => p.id === 'role:SHIPPER_ROLE');
    expect(party).toMatchObject({ kind: 'role', name: 'SHIPPER_ROLE', label: 'Shipper Role' });
    expect(party?.source.path).toBe('tests/fixtures/extract/RoleGated.sol');
    expect(party?.source.line).toBe(9);
  });

  it('the Shipper role can be granted and revoked after deployment through grantRole and revokeRole', async () => {
    const party = (await load()).parties.find((p) => p.id === 'role:SHIPPER_ROLE');
    expect(party?.setAt).not.toBe('never');
    expect(party?.changedBy.sort()).toEqual(expect.arrayContaining(['grantRole(bytes32,address)', 'revokeRole(bytes32,address)']));
  });

  it('no party is given a placeholder name', async () => {
    const parties = (await load()).parties;
    expect(parties.filter((p) => !/[A-Za-z]/.test(p.label)).map((p) => p.id)).toEqual([]);
  });
});
