/** Money sent before the records are updated, with no reentrancy lock: flagged only on the same path. */
import { describe, expect, it } from 'vitest';
import { termsOf } from '../helpers/extract.ts';

describe('reentrancy risk', { timeout: 60_000 }, () => {
  it('flags a withdrawal that pays before zeroing the credit, with no lock', async () => {
    const terms = await termsOf('tests/fixtures/extract/PullRefund.sol', 'PullRefund');
    expect(terms.risks.filter((r) => r.kind === 'no-reentrancy-guard').map((r) => r.action)).toEqual(['withdraw()']);
  });

  it('does not flag MilestoneEscrow.resolve, whose later write is in the other branch of the if', async () => {
    const terms = await termsOf('contracts/MilestoneEscrow.sol', 'MilestoneEscrow');
    expect(terms.risks.filter((r) => r.kind === 'no-reentrancy-guard')).toEqual([]);
  });
});
