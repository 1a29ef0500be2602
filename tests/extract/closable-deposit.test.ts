/** Money that can get stuck: a final state entered without paying out, with no action to pay out from it. */
import { describe, expect, it } from 'vitest';
import { termsOf } from '../helpers/extract.ts';

describe('stuck funds', { timeout: 60_000 }, () => {
  it('once the Seller closes the deposit, the money has no way out', async () => {
    const terms = await termsOf('tests/fixtures/extract/ClosableDeposit.sol', 'ClosableDeposit');
    const stuck = terms.risks.filter((r) => r.kind === 'stuck-funds');
    expect(stuck).toHaveLength(1);
    expect(stuck[0]).toMatchObject({ action: 'close()', subject: { kind: 'enum-member', member: 'Closed' } });
  });

  it.each(['FobSale', 'ArbiterEscrow', 'LetterOfCredit', 'MilestoneEscrow', 'ConsignmentAuction', 'MarketplaceOrder'])(
    '%s: every final state is reached by paying out, so no money is reported stuck',
    async (name) => {
      const terms = await termsOf(`contracts/${name}.sol`, name);
      expect(terms.risks.filter((r) => r.kind === 'stuck-funds')).toEqual([]);
    },
  );
});
