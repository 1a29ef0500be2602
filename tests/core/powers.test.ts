/**
 * Whether a change of a term reaches deals under way comes from where the term is read: a fee copied into
 * each invoice when it is bought does not; a fee read when an invoice is settled does.
 */
import { describe, expect, it } from 'vitest';
import { read } from '../helpers/sentences.ts';

describe('powers over deals under way', { timeout: 60_000 }, () => {
  it('a fee fixed on each invoice at purchase leaves invoices already bought as they were', async () => {
    const { all } = await read('tests/fixtures/core/Invoices.sol', 'InvoiceFinance');
    expect(all).toContain('A change through `setFeeBps` leaves deals already under way as they were.');
    expect(all).toContain('A change through `setLateFee` also applies to deals already under way.');
    expect(all).not.toContain('A change through `setFeeBps` also applies to deals already under way.');
  });
});
