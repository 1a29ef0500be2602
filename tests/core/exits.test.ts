/**
 * One-sided exits are powers: a cancel one side may make alone, with no deadline to wait for, that stops the
 * other side's payments and sends the money elsewhere. A buyer confirming, a seller refunding the buyer and a
 * claim after a deadline are the deal working, and are not.
 */
import { describe, expect, it } from 'vitest';
import { read } from '../helpers/sentences.ts';

const FILE = 'tests/fixtures/core/Exits.sol';

describe('one-sided exits', { timeout: 60_000 }, () => {
  it('a stream either side may cancel at any time: a power of both, in Read this first and the key facts', async () => {
    const { all, statements } = await read(FILE, 'Streams');
    const warning = statements.filter((s) => s.section === 'warning').map((s) => s.text);
    expect(warning).toContain('The Sender (`sender`) of the Stream concerned or the Recipient (`recipient`) of the Stream concerned may, alone and without waiting for any deadline, call `cancel` on one Stream, under the conditions stated for it. Afterwards `withdraw` can no longer be used for that Stream. `cancel` may pay out to the Recipient of the given Stream (`streams[id]`) as it stood before the call and the Sender of the given Stream as it stood before the call.');
    expect(all).toContain('Powers over the deal: the Sender of the Stream concerned may call `cancel` alone and the Recipient of the Stream concerned may call `cancel` alone.');
    expect(all.some((s) => s.startsWith('Powers over the deal: none'))).toBe(false);
    // Withdrawing what has streamed is the deal, not an exit.
    expect(warning.some((s) => s.includes('call `withdraw`'))).toBe(false);
  });

  it('a trusted handler who may cancel and send the whole balance to the Canceler holds a power', async () => {
    const { all } = await read(FILE, 'CancelableJob');
    expect(all).toContain('Holders of the Trusted may, alone and without waiting for any deadline, call `cancel`, under the conditions stated for it. Afterwards `payOut` can no longer be used. `cancel` pays out to the Canceler (`canceler`).');
    expect(all).toContain('Powers over the deal: holders of the Trusted may call `start` and `cancel` alone.');
  });

  it('confirming, refunding the other side and claiming after the deadline are not powers', async () => {
    const { all, statements } = await read(FILE, 'ConfirmEscrow');
    expect(statements.filter((s) => s.section === 'warning')).toEqual([]);
    expect(all).toContain('Powers over the deal: none in the code.');
    expect(all.some((s) => /call `(confirm|refund|claim)`: afterwards/.test(s))).toBe(false);
  });
});

describe('steps that only move the deal on', { timeout: 60_000 }, () => {
  it('shipping, which stops the buyer’s refund but lets the seller be paid, is not an exit; cancelling before shipment is', async () => {
    const { all } = await read('tests/fixtures/core/Flags.sol', 'FlagOrders');
    expect(all.some((s) => s.includes('call `ship` on one Order'))).toBe(false);
    expect(all).toContain('The Buyer (`buyer`) of the Order concerned or the Seller (`seller`) of the Order concerned may, alone and without waiting for any deadline, call `cancel` on one Order, under the conditions stated for it. Afterwards `release` can no longer be used for that Order. `cancel` pays out to the Buyer of the given Order (`orders[id]`).');
  });

  it('revoking a schedule: the beneficiary’s release ends, and the total held back, lowered, becomes the owner’s to withdraw', async () => {
    const { all } = await read('tests/fixtures/core/VestingBook.sol', 'VestingBook');
    expect(all.some((s) => /may change the Total Held/.test(s))).toBe(false);
    expect(all.some((s) => s.includes('call `revoke` on one Schedule, under the conditions stated for it. Afterwards `release` can no longer be used for that Schedule. `revoke` lowers the Total Held (`totalHeld`), which limits what `withdraw` may pay out, so more becomes available to the Owner.'))).toBe(true);
  });
});

describe('exit sentences stay short (issue 14)', { timeout: 60_000 }, () => {
  it('who may call it alone, what it stops, what it pays and what it frees are separate sentences of at most 35 words', async () => {
    const cases: [string, string][] = [['tests/fixtures/core/Exits.sol', 'Streams'], ['tests/fixtures/core/Exits.sol', 'CancelableJob'], ['tests/fixtures/core/Flags.sol', 'FlagOrders'], ['tests/fixtures/core/VestingBook.sol', 'VestingBook']];
    for (const [file, contract] of cases) {
      const { terms, statements } = await read(file, contract);
      const exits = new Set(terms.powers.filter((p) => p.kind === 'exit').map((p) => p.id));
      const texts = statements.filter((s) => s.section === 'warning' && exits.has(s.id)).map((s) => s.text);
      expect(texts.length).toBeGreaterThan(0);
      const sentences = texts.flatMap((t) => t.split(/(?<=\.) (?=[A-Z`])/));
      expect(sentences.filter((x) => x.split(/\s+/).length > 35)).toEqual([]);
    }
  });
});

