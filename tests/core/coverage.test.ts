/**
 * The coverage figure counts only what is really explained: an assembly block the core cannot read, or a
 * value it cannot represent, is listed under "not explained" with its lines and brings the figure below 100%.
 */
import { describe, expect, it } from 'vitest';
import { read } from '../helpers/sentences.ts';

describe('an honest coverage figure', { timeout: 60_000 }, () => {
  it('an unread assembly block and an undecoded value are not explained, and the figure says so', async () => {
    const { terms, all } = await read('tests/fixtures/core/Opaque.sol', 'Opaque');
    expect(terms.notExplained.map((n) => [n.action, n.reason, n.source.line])).toEqual([
      ['setLimit(bytes)', 'statement', 15],
      ['rawOwner()', 'assembly', 20],
      ['rawOwner()', 'statement', 23],
    ]);
    expect(terms.coverage.statements - terms.coverage.explained).toBe(3);
    expect(all).toContain(`- Explained: ${terms.coverage.explained} of ${terms.coverage.statements} statements in the code; see “Not explained” for the rest.`.slice(2));
  });
});
