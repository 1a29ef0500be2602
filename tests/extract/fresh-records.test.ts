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
