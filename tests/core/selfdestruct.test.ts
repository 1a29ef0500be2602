/**
 * `selfdestruct(x)`: a payment of the contract's whole ETH balance to x, and the end of the call. What it does
 * to the contract depends on the EVM the code is compiled for (Cancun, EIP-6780). And an unchecked payment
 * whose claim the action clears on the same path: the money stays, and nothing pays it to the payee later.
 */
import { describe, expect, it } from 'vitest';
import { read } from '../helpers/sentences.ts';

const FILE = 'tests/fixtures/core/SelfDestruct.sol';
const LONDON = 'tests/fixtures/core/SelfDestructLondon.sol';

describe('selfdestruct', { timeout: 60_000 }, () => {
  it('an owner-only kill with no other condition is a power: the Owner takes all the ETH', async () => {
    const { statements, of, terms } = await read(FILE, 'Killable');
    expect(terms.evm).toEqual({ version: 'osaka', cancun: true });
    const warning = statements.filter((s) => s.section === 'warning').map((s) => s.text);
    expect(warning).toEqual(['The Owner (`owner`) may, alone, take all the ETH the contract holds, by calling `kill`, which ends with `selfdestruct`.']);
    expect(of('action:kill()')).toContain('The contract pays the Owner all the ETH that this contract holds.');
    expect(of('action:kill()')).toContain(
      '`kill` ends with `selfdestruct`, which sends that ETH. The code is compiled for the `osaka` EVM (Cancun or later), where this does not delete the contract unless it was created in the same transaction: its actions can still be called afterwards.',
    );
    // Compiled for Cancun or later: nothing says the contract is destroyed, and the ETH has a named recipient.
    expect(statements.some((s) => /destroy|a term of the deal/.test(s.text))).toBe(false);
  });

  it('compiled for London, the kill also deletes the contract, except on a chain that has adopted Cancun', async () => {
    const { statements, of, terms } = await read(LONDON, 'KillableLondon');
    expect(terms.evm).toEqual({ version: 'london', cancun: false });
    const warning = statements.filter((s) => s.section === 'warning').map((s) => s.text);
    expect(warning).toEqual([
      'The Owner (`owner`) may, alone, send all the ETH the contract holds to the Beneficiary (`beneficiary`), by calling `kill`, which ends with `selfdestruct`; on a chain before the Cancun upgrade, this also destroys the contract.',
    ]);
    expect(of('action:kill()')).toContain(
      '`kill` ends with `selfdestruct`, which sends that ETH. The code is compiled for the `london` EVM, before the Cancun upgrade, where this also deletes the contract: later calls do nothing, and ETH sent to it is lost. On a chain that has adopted Cancun, as Ethereum has since March 2024, the contract stays and its actions can still be called.',
    );
  });

  it('in Chinese, the same facts', async () => {
    const { summarize } = await import('../../src/summarize.ts');
    const { documents } = await summarize([FILE], { contracts: ['Killable'], formats: ['json'], language: 'zh', cache: false });
    const texts = documents[0].contracts[0].statements.map((s) => s.text);
    expect(texts).toContain('合约所有者（`owner`）可单方调用 `kill`，取走本合约持有的全部ETH；该操作以 `selfdestruct`（自毁）结束。');
    expect(texts.some((s) => /销毁本合约|指定地址/.test(s))).toBe(false);
  });
});

describe('an unchecked payment whose claim is cleared in the same call', { timeout: 60_000 }, () => {
  const UNCHECKED = 'The code does not check that this payment succeeded; if it fails, `withdraw` still completes and the money stays in the contract.';

  it('a credit zeroed before the send: no action pays the money to the payee later', async () => {
    const { of, terms } = await read(FILE, 'ZeroedCredit');
    expect(terms.actions.find((a) => a.name === 'withdraw')?.payments.map((p) => p.claimCleared)).toEqual([true]);
    expect(of('action:withdraw()')).toContain(`${UNCHECKED} The claim to it is cleared in the same call, so no action pays it to the caller later.`);
  });

  it('with a whole-balance sweep, it says the money can still leave that way instead of “no action”', async () => {
    const { all, of } = await read(FILE, 'ZeroedCreditWithSweep');
    expect(of('action:withdraw()')).toContain(`${UNCHECKED} The claim to it is cleared in the same call: it can leave the contract only when the Owner (\`owner\`) calls \`sweep\`.`);
    expect(all.some((s) => /no action pays it/.test(s))).toBe(false);
  });

  it('a flag the action requires unset, set before or after the call, clears the claim; it is not said where nothing clears it', async () => {
    const { of, all } = await read(FILE, 'MarkedPaid');
    expect(of('action:claim()')).toContain(
      'The code does not check that this payment succeeded; if it fails, `claim` still completes and the money stays in the contract. The claim to it is cleared in the same call, so no action pays it to the Winner later.',
    );
    expect(all).toContain(
      '`refund` does not check that a payment succeeded; if it fails, the action still completes and the money stays in the contract. The claim to it is cleared in the same call, so no action pays it to the Sponsor (`sponsor`) later.',
    );
    const ignored = await read('tests/fixtures/core/SuccessFlags.sol', 'IgnoredSend');
    expect(ignored.all.some((s) => /claim to it is cleared/.test(s))).toBe(false);
  });

  it('a ledger debited by the amount clears the claim; a payment the records do not bound, or to the same payee, is a way out', async () => {
    const { of } = await read(FILE, 'ClearedOrders');
    expect(of('action:withdraw(uint256):payment:1:unchecked')).toEqual([
      'The code does not check that this payment succeeded; if it fails, `withdraw` still completes and the money stays in the contract. The claim to it is cleared in the same call, so no action pays it to the caller later.',
    ]);
    // `cancel` pays the order's seller its price again, whatever the status: not “no action”.
    expect(of('action:settle(uint256):payment:1:unchecked')).toEqual([
      'The code does not check that this payment succeeded; if it fails, `settle` still completes and the money stays in the contract. The claim to it is cleared in the same call: it can leave the contract only when anyone calls `cancel`.',
    ]);
  });
});
