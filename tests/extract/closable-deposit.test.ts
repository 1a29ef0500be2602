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

describe('stuck funds: a move that pays out on every branch below it', { timeout: 60_000 }, () => {
  const file = 'tests/fixtures/extract/BranchedPayout.sol';

  it('BranchedRelease: the release pays in ETH or in the token, so entering Released strands nothing', async () => {
    const terms = await termsOf(file, 'BranchedRelease');
    expect(terms.risks.filter((r) => r.kind === 'stuck-funds')).toEqual([]);
  });

  it('HalfPaidRelease: a release in the token pays nothing, so the money can stay', async () => {
    const terms = await termsOf(file, 'HalfPaidRelease');
    expect(terms.risks.filter((r) => r.kind === 'stuck-funds').map((r) => r.action)).toEqual(['release()']);
  });
});
