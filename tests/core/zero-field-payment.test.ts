/**
 * A stored field that every write sets to zero (a record created with it zero, and never written since) pays
 * nothing (review 8 F4): its recipient is not listed as paid in Key facts or the money table, and the payment
 * and a risk say it is always zero. A field of the same record that an action does record is paid as before.
 */
import { describe, expect, it } from 'vitest';
import { summarize } from '../../src/summarize.ts';
import { read } from '../helpers/sentences.ts';

const ZERO = 'tests/fixtures/core/ZeroFieldPay.sol';

describe('a payment of a record field only ever written zero', { timeout: 60_000 }, () => {
  it('a payment of a record field only ever written zero names no payee and says it pays nothing', async () => {
    const { all } = await read(ZERO, 'ZeroFieldPay');
    expect(all).toContain('Money: ETH; paid out to the Owner.');
    expect(all.filter((s) => /^The contract \| the Courier/.test(s))).toEqual([]);
    expect(all.filter((s) => s.startsWith('Money:') && s.includes('Courier'))).toEqual([]);
    expect(all).toContain('The contract | the Owner (`owner`) | ETH | `deliver`');
    expect(all).toContain('The contract pays the Courier of the Shipment of the given Order the Payment of the Shipment of the given Order in ETH, which no action ever records: it is always zero, so nothing is paid.');
    expect(all.some((s) => s.startsWith('Only zero is ever written to the `shipment.payment` field of `orders`: the Payment of the Shipment of the given Order is always zero, so `deliver` pays nothing.'))).toBe(true);
    // The Order's own payment, recorded by `pay`, is paid as before.
    expect(all).toContain('The contract pays the Owner (`owner`) ETH equal to the Payment of the given Order as it stood before the call.');
    expect(all.filter((s) => s.includes('`payment` field') || s.includes('before the call, which'))).toEqual([]);
  });

  it('the same in Chinese', async () => {
    const { documents } = await summarize([ZERO], { contracts: ['ZeroFieldPay'], languages: ['zh'], formats: ['json'], cache: false });
    const texts = documents[0].contracts[0].statements.map((s) => s.text);
    expect(texts.some((s) => s.startsWith('`orders` 的 `shipment.payment` 字段只会被写入零：'))).toBe(true);
  });

  it('a record field written zero at deployment and never since pays nothing; a field set at deployment to an amount pays it', async () => {
    const { all } = await read(ZERO, 'DeployedRewards');
    expect(all.some((s) => s.startsWith('Only zero is ever written to the `bonus` field of `rewards`:'))).toBe(true);
    expect(all.filter((s) => s.includes('`fee` field'))).toEqual([]);
    expect(all).toContain('The contract pays the caller the Fee of the Rewards (`rewards`) in ETH.');
  });
});
