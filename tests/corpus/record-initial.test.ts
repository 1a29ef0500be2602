/**
 * A record's state before any action records it is the enum's first value; the creating write sets
 * another. "Starts as Created" alone hid that a property with no agreement is Empty (TenancyDeposit).
 */
import { describe, expect, it } from 'vitest';
import { read } from '../helpers/sentences.ts';

describe('the state of a record before it is recorded', { timeout: 60_000 }, () => {
  it('reads the first value until the record is made, then the state the creating action writes', async () => {
    const { all } = await read('tests/fixtures/third-party/TenancyDeposit.sol', 'TenancyDeposit');
    expect(all).toContain('Each Deposit in `depositByProperty` has its own Agreement State (`agreementState`), which is Empty, the first value, until the Deposit is recorded; a new one starts as Created.');
    expect(all).not.toContain('The Agreement State of the Deposit concerned starts as Created.');
  });
});
