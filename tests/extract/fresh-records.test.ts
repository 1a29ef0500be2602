/**
 * A record's parties are set once when the action that writes them cannot reach an existing record: its key is
 * fresh (a counter raised through a checked-add helper, a per-holder count hashed with the holder) or the action
 * requires the record to be empty. A caller-chosen key with no such guard can overwrite a live record: its
 * parties can be replaced. (Review 4, A3: Sablier v1, TokenVesting and ERC20EscrowToPay read as replaceable.)
 */
import { describe, expect, it } from 'vitest';
import { read } from '../helpers/sentences.ts';

const file = 'tests/fixtures/core/FreshRecords.sol';

describe('parties of records created at a fresh key', { timeout: 60_000 }, () => {
  it.each([
    ['StreamBook', 'Stream', 'streams', ['Sender', 'Recipient'], '`open`'],
    ['GrantBook', 'Grant', 'grants', ['Beneficiary'], '`grant`'],
    ['GuardedEscrow', 'Deposit', 'deposits', ['Payee', 'Payer'], '`fund`'],
  ])('%s: each party is set once, when the record is created, and none can be replaced', async (contract, item, collection, labels, creator) => {
    const { all, terms } = await read(file, contract);
    for (const label of labels) {
      const party = terms.parties.find((p) => p.label === label)!;
      expect(party.changedBy).toEqual([]);
      expect(all.some((s) => s.startsWith(`${label} |`) && s.includes(`each ${item} in \`${collection}\` names its own, set once, through ${creator} | no action changes it`))).toBe(true);
    }
    expect(all.filter((s) => s.includes(`${item} concerned can be replaced`) || s.includes(`changed through ${creator}`))).toEqual([]);
  });

  it.each(['OpenEscrow', 'DrainedEscrow'])('%s: a key that can name a live record (no guard, or a guard a withdrawal defeats): its parties can be replaced', async (contract) => {
    const { all } = await read(file, contract);
    expect(all).toContain('Parties: Payee (`payee`) and Payer (`payer`); the Payee of the Deposit concerned and the Payer of the Deposit concerned can be replaced.');
    expect(all.some((s) => s.startsWith("Payee |") && s.includes('changed through `fund`'))).toBe(true);
  });

  it('a guard proves nothing when another action writes a field of a record that may not be live', async () => {
    const { terms } = await read(file, 'PresetEscrow');
    expect(terms.parties.find((p) => p.id === 'deposits.payer')!.changedBy).toEqual(['fund(bytes32,address)']);
    expect(terms.parties.find((p) => p.id === 'deposits.payee')!.changedBy.sort()).toEqual(['fund(bytes32,address)', 'preset(bytes32,address)']);
  });

  it('a counter kept in a Counters.Counter makes a fresh key; a later action that rewrites an existing record still changes its party', async () => {
    const { of } = await read(file, 'ListingBook');
    expect(of('party:listings.seller')).toEqual(['Seller | `seller` | each Listing in `listings` names its own, set first through `list` | changed through `relist`']);
  });
});

/**
 * A guard that a record's address field is zero, the record then written whole with the caller there (never the
 * zero address), admits only keys never written when every other action's checks fail on a record never written
 * (the caller must be one of its parties, or its status must be other than the enum's first). Review 9 F1–F5:
 * PaymentEscrow's `createEscrow` read as restarting a Released, Disputed, Resolved or Refunded escrow and
 * replacing its Renter and Host.
 */
describe('a record guarded by a field the caller fills', { timeout: 60_000 }, () => {
  it('CallerEscrow: Renter and Host are set once; no state is restarted at Active; Released and Resolved are final', async () => {
    const { all, terms } = await read(file, 'CallerEscrow');
    for (const label of ['Renter', 'Host']) {
      expect(terms.parties.find((p) => p.label === label)!.changedBy).toEqual([]);
      expect(all.some((s) => s.startsWith(`${label} |`) && s.includes('each Job in `jobs` names its own, set once, through `open` | no action changes it'))).toBe(true);
    }
    expect(all).toContain('Parties: Arbiter (`arbiter`), Renter (`renter`), and Host (`host`); no action can replace any of them.');
    expect(all).toContain('States of each Job: Active, Released, Disputed, Resolved; final: Released or Resolved.');
    expect(all).toContain('Released and Resolved are final: no action moves the Status of the Job concerned out of them.');
    const status = terms.lifecycles.find((l) => l.id === 'jobs.status')!;
    expect(status.transitions.filter((t) => t.action.startsWith('open(')).map((t) => ({ from: t.from, to: t.to, creates: t.creates }))).toEqual([{ from: [], to: 'Active', creates: true }]);
    expect(all.filter((s) => /over again|replacing the one concerned|can be replaced|changed through `open`|`open` moves/.test(s))).toEqual([]);
  });

  it('ClosableCallerEscrow: an action that writes the status of a key never opened defeats the guard', async () => {
    const { all, terms } = await read(file, 'ClosableCallerEscrow');
    const status = terms.lifecycles.find((l) => l.id === 'jobs.status')!;
    expect(status.transitions.some((t) => t.action.startsWith('open(') && t.replaces && t.from.includes('Closed'))).toBe(true);
    expect(all.some((s) => s.includes('each Job in `jobs` names its own, set once'))).toBe(false);
  });

  it('NamedRenterEscrow: a renter the caller names may be the zero address, so the guard proves nothing', async () => {
    const { all, terms } = await read(file, 'NamedRenterEscrow');
    expect(terms.parties.find((p) => p.id === 'jobs.host')!.changedBy).toEqual(['open(bytes32,address,address)']);
    expect(all).toContain('Parties: Renter (`renter`) and Host (`host`); the Renter of the Job concerned and the Host of the Job concerned can be replaced.');
  });
});
