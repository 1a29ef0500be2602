/**
 * A payment made in a loop over a list pays every entry: thirdweb Split's distribute() pays each payee,
 * not one "Payee" the summary never defines, and the two overloads are one recipient in the key facts.
 */
import { describe, expect, it } from 'vitest';
import { read } from '../helpers/sentences.ts';

describe('a payment to every entry of a list', { timeout: 60_000 }, () => {
  it('reads "each of the Payees", once in the key facts', async () => {
    const { all, of } = await read('node_modules/@thirdweb-dev/contracts/prebuilts/split/Split.sol', 'Split');
    expect(of('key-fact:money')).toEqual([
      'Money: ETH and whichever token the caller names (`token`), counted in its smallest unit; paid out to the given Account (`account`) (through `release`) and each of the Payees (`_payees`) (through `distribute`).',
    ]);
    expect(all).toContain('The contract | each of the Payees (`_payees`) | ETH | `distribute`');
    expect(all.filter((s) => /\bthe Payee \(through|The Payee may receive|\| the Payee \(/.test(s))).toEqual([]);
  });
});
