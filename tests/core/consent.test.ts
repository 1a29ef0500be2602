/**
 * "May take money alone" only when no one else's step is needed: not when the payer must have signed the
 * amount, nor when another party must first have queued the operation; an action only the contract itself
 * can call is reached through its other actions. A payment to the caller after an owner-style check names
 * the party; the contract's own address is not a party.
 */
import { describe, expect, it } from 'vitest';
import { read } from '../helpers/sentences.ts';

const FILE = 'tests/fixtures/core/Consent.sol';

describe('powers that need no one else', { timeout: 60_000 }, () => {
  it('only the operator closing the desk takes money alone; a signed claim and a queued run are not', async () => {
    const { statements, of } = await read(FILE, 'SignedDesk');
    expect(statements.filter((s) => s.section === 'warning').map((s) => s.text)).toEqual(['The Operator (`operator`) may take money out of the contract alone, by calling `closeDesk`. `closeDesk` then pays the Operator all the ETH that this contract holds.']);
    expect(of('key-fact:powers')).toEqual([expect.stringContaining('the Operator may call `closeDesk` alone')]);
    expect(of('key-fact:powers')[0]).not.toMatch(/claim|`run`|setFee|anyone|named in the call/i);
  });

  it('the money key fact names the Operator, not the caller, as paid through closeDesk', async () => {
    const { of } = await read(FILE, 'SignedDesk');
    // A party is named without its actions: the money table gives them.
    expect(of('key-fact:money')[0]).toContain('the Operator,');
    expect(of('money:out:').some((row) => row.includes('the Operator') && row.includes('`closeDesk`'))).toBe(true);
    expect(of('key-fact:money')[0]).not.toContain('the caller');
  });

  it('the contract’s own address is not a party', async () => {
    const { terms } = await read(FILE, 'SignedDesk');
    expect(terms.parties.map((p) => p.id)).toEqual(['payer', 'payee', 'operator']);
  });
});
