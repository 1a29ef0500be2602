/**
 * Stages compared by their order (`status < Status.DisputeCreated`): the states an action moves from are
 * the members declared before or after the one named, never "any state"; the deadline counted from a
 * stored time by a stored period reads as that period after that time.
 */
import { describe, expect, it } from 'vitest';
import { summarize } from '../../src/summarize.ts';
import { read } from '../helpers/sentences.ts';

const KLEROS = 'tests/fixtures/third-party/MultipleArbitrableTransaction.sol';
const STAGES = 'tests/fixtures/lifecycle/Stages.sol';

describe('Kleros MultipleArbitrableTransaction (solc 0.4.24): fees paid only before a dispute', { timeout: 60_000 }, () => {
  it('paying the arbitration fee moves a Transaction only from the states declared before Dispute Created', async () => {
    const { of } = await read(KLEROS, 'MultipleArbitrableTransaction');
    const lifecycle = of('lifecycle:');
    expect(lifecycle).toContain(
      'No Dispute, Waiting Sender, or Waiting Receiver | Waiting Receiver | The Sender (`sender`) of the Transaction concerned | `payArbitrationFeeBySender`, if the Receiver Fee of the given Transaction (`transactions[_transactionID]`) is less than the result of `arbitrationCost` on the Arbitrator (`arbitrator`) for the Arbitrator Extra Data (`arbitratorExtraData`)',
    );
    expect(lifecycle).toContain(
      'No Dispute, Waiting Sender, or Waiting Receiver | Dispute Created | The Receiver of the Transaction concerned | `payArbitrationFeeByReceiver`, if the Sender Fee of the given Transaction is at least the result of `arbitrationCost` on the Arbitrator for the Arbitrator Extra Data',
    );
    expect(lifecycle).toContain('Resolved is final: no action moves the Status of the Transaction concerned out of it.');
    expect(lifecycle.some((s) => s.startsWith('any state |'))).toBe(false);
  });

  it('the diagram draws the same moves as the text: none out of Dispute Created but the ruling, none out of Resolved', async () => {
    const { outputs } = await summarize([KLEROS], { contracts: ['MultipleArbitrableTransaction'], formats: ['html'], cache: false });
    const edges = [...outputs[0]!.text.matchAll(/<title>(\w+)&#45;&gt;(\w+)<\/title>/g)].map((m) => `${m[1]}->${m[2]}`);
    expect(edges).toContain('WaitingReceiver->DisputeCreated');
    expect(edges).toContain('DisputeCreated->Resolved');
    expect(edges.filter((e) => e.startsWith('DisputeCreated->') && e !== 'DisputeCreated->Resolved')).toEqual([]);
    expect(edges.filter((e) => e.startsWith('Resolved->'))).toEqual([]);
  });

  it('once a dispute is created only the Arbitrator moves it on, with no time limit; forwarding an appeal fee is no way out', async () => {
    const { statements } = await read(KLEROS, 'MultipleArbitrableTransaction');
    expect(statements.filter((s) => s.section === 'risks').map((s) => s.text)).toContain(
      'The code sets no time limit for the Arbitrator (`arbitrator`) to call `rule` while the Status (`status`) of the Transaction concerned is Dispute Created. Meanwhile, no one else can pay out the money held for that Transaction.',
    );
  });

  it('each action’s own sentence names the states it moves from', async () => {
    const { all } = await read(KLEROS, 'MultipleArbitrableTransaction');
    expect(all).toContain(
      'If the Receiver Fee of the given Transaction is at least the result of `arbitrationCost` on the Arbitrator for the Arbitrator Extra Data, `payArbitrationFeeBySender` moves the Status of the Transaction concerned from No Dispute, Waiting Sender, or Waiting Receiver to Dispute Created.',
    );
    expect(all.some((s) => /`payArbitrationFeeBy(Sender|Receiver)` moves the Status( \(`status`\))? of the Transaction concerned to /.test(s))).toBe(false);
  });

  it('the timeouts read as a period after the last interaction, each with its own moment', async () => {
    const { of, all } = await read(KLEROS, 'MultipleArbitrableTransaction');
    expect(all).toContain(
      'The call is made at least the Fee Timeout (`feeTimeout`) after the Last Interaction time of the given Transaction | “Timeout time has not passed yet.”',
    );
    // The deadline check is stated once, as a condition of the action (no repeat under Deadlines).
    expect(of('action:executeTransaction(uint256):condition:')).toContain(
      'The call is made at least the Timeout Payment of the given Transaction (`transactions[_transactionID]`) after the Last Interaction time of the given Transaction | “The timeout has not passed yet.”',
    );
    const deadlines = of('deadline:');
    expect(deadlines).toContain(
      'Nothing happens automatically once the Timeout Payment of the given Transaction has passed since the Last Interaction time of the given Transaction: someone must call `executeTransaction`.',
    );
    expect(deadlines).toContain(
      'Nothing happens automatically once the Fee Timeout (`feeTimeout`) has passed since the Last Interaction time of the given Transaction: someone must call `timeOutBySender` or `timeOutByReceiver`.',
    );
    // The stored time alone is not the moment anything opens.
    expect(all.some((s) => /Nothing happens automatically at the Last Interaction/.test(s))).toBe(false);
    expect(all.some((s) => /Last Interaction of the given Transaction plus the/.test(s))).toBe(false);
  });
});

describe('Stages compared by order: one operator for each action', { timeout: 60_000 }, () => {
  const lines = async () => (await read(STAGES, 'Stages')).of('lifecycle:');

  it('< : before the member named', async () => {
    expect(await lines()).toContain('Draft or Open | Open | The Seller (`seller`) | `open`');
  });

  it('<= : at or before the member named', async () => {
    expect(await lines()).toContain('Draft or Open | Funded | The Buyer (`buyer`) | `fund`');
  });

  it('>= with a separate != : both checks hold together', async () => {
    expect(await lines()).toContain('Funded or Shipped | Shipped | The Seller | `ship`');
  });

  it('> and != in one condition', async () => {
    expect(await lines()).toContain('Shipped | Closed | Anyone | `settle`');
  });

  it('a negated ordering: !(stage >= Shipped)', async () => {
    expect(await lines()).toContain('Draft, Open, or Funded | Closed | The Seller | `refund`');
  });

  it('!(stage == Closed) with the member written first (Funded > stage)', async () => {
    const { all } = await read(STAGES, 'Stages');
    expect(await lines()).toContain('Draft or Open | Closed | The Buyer | `abandon`');
    expect(all).toContain('The Stage is before Funded | “funded”');
    expect(all.some((s) => /Funded is more than the Stage/.test(s))).toBe(false);
  });

  it('a way out allowed by order (phase >= Funded) is available in the final state: no money is said to be stuck there', async () => {
    const { all } = await read('tests/fixtures/lifecycle/Phases.sol', 'Phases');
    expect(all).toContain('Open or Funded | Done | The Owner (`owner`) | `close`');
    expect(all.some((s) => /Money can stay in the contract with no action to pay it out once the Phase is Done/.test(s))).toBe(false);
  });

  it('abandoning before anything is paid strands no money', async () => {
    const { all } = await read(STAGES, 'Stages');
    expect(all.some((s) => /Money can stay in the contract/.test(s))).toBe(false);
    // The Buyer's money is held from Funded on, where only the Seller moves the deal: that is said.
    expect(all).toContain(
      'The code sets no time limit for the Seller (`seller`) to call `ship` or `refund` while the Stage (`stage`) is Funded. Meanwhile, no one else can pay out the money the contract holds.',
    );
  });

  it('the state no action leaves is final, and no move is from any state', async () => {
    const found = await lines();
    expect(found).toContain('Closed is final: no action moves the Stage out of it.');
    expect(found.some((s) => s.startsWith('any state |'))).toBe(false);
  });
});

describe('Vester (the shape of Uniswap’s TreasuryVester, written here): times given at deployment are times', { timeout: 60_000 }, () => {
  const VESTER = 'tests/fixtures/lifecycle/Vester.sol';

  it('the times given at deployment read as times, and are compared as before and after', async () => {
    const { all } = await read(VESTER, 'Vester');
    expect(all).toContain('Deployment happens on or before the given Vesting Begin time (`vestingBegin_`) | “Vester: begin too early”');
    expect(all).toContain('The given Vesting Cliff time (`vestingCliff_`) is at or after the given Vesting Begin time | “Vester: cliff is too early”');
    expect(all).toContain('The given Vesting End (`vestingEnd_`) is after the given Vesting Cliff time | “Vester: end is too early”');
    expect(all).toContain('At deployment, the Last Update time (`lastUpdate`) is set to the given Vesting Begin time.');
    expect(all.some((s) => /is at least the given Vesting Begin|is more than the given Vesting Cliff/.test(s))).toBe(false);
  });

  it('the payment is pro rata with the time elapsed, over the period from begin to end; everything left after the end', async () => {
    const { of, all } = await read(VESTER, 'Vester');
    expect(of('money:').concat(all)).toContain(
      'The contract pays the Recipient (`recipient`) an amount of the token at `token` equal to the amount of the token at the Token held by this contract if the call is made at or after the Vesting End, otherwise the Vesting Amount (`vestingAmount`) times (the time elapsed since the Last Update time as it stood before the call) divided by (the time from the Vesting Begin time (`vestingBegin`) to the Vesting End) (rounded down).',
    );
    expect(all.some((s) => /the time of the call minus the Last Update|the Vesting End minus the Vesting Begin/.test(s))).toBe(false);
  });

  it('the terms model lists the stored and given times', async () => {
    const { terms } = await read(VESTER, 'Vester');
    expect(terms.moments).toEqual(expect.arrayContaining(['vestingBegin', 'vestingCliff', 'vestingEnd', 'lastUpdate', 'parameter:vestingBegin_', 'parameter:vestingEnd_']));
    expect(terms.moments).not.toContain('vestingAmount');
  });
});

describe('Parties made by paying in: a mapping keyed by the caller that grows by what they pay', { timeout: 60_000 }, () => {
  it('CrowdFund (solidity-by-example): each backer is a party to the Campaign concerned, named by the mapping', async () => {
    const { of } = await read('tests/fixtures/third-party/CrowdFund.sol', 'CrowdFund');
    expect(of('key-fact:parties')).toEqual(['Parties: Creator (`creator`) and each payer recorded in the Pledged Amount (`pledgedAmount`); no action can replace any of them.']);
    expect(of('party:pledgedAmount')).toEqual([
      // The token's reported failure is ignored (`transferFrom`'s result is not checked): the sentence says so.
      'Each payer | `pledgedAmount` | whoever calls `pledge` becomes a party to the Campaign concerned; the amount the call asks the token to transfer from them is added to their own amount, even if the token reports that the transfer failed',
    ]);
  });

  it('ETH paid in makes a party; an amount the caller only states does not', async () => {
    const { terms, all } = await read('tests/fixtures/lifecycle/Ledger.sol', 'Ledger');
    expect(all).toContain('Each payer | `deposits` | whoever pays through `deposit` becomes a party; what each pays is added to their own amount');
    expect(terms.parties.map((p) => p.id)).toEqual(['deposits']);
    expect(all.some((s) => /Credits/.test(s) && /party|payer/.test(s))).toBe(false);
  });
});

describe('the same terms in Chinese', { timeout: 60_000 }, () => {
  const zh = async (file: string, contract: string) => {
    const { documents } = await summarize([file], { contracts: [contract], formats: ['json'], languages: ['zh'], cache: false });
    return documents[0]!.contracts[0]!.statements.map((s) => s.text);
  };

  it('Kleros: the fee moves only from the states before Dispute Created, of the Transaction concerned, and the timeouts count from the last interaction', async () => {
    const all = await zh(KLEROS, 'MultipleArbitrableTransaction');
    expect(all.some((s) => s.startsWith('「无争议」、「等待发送方」或「等待收款人」 | 「等待收款人」 | 该记录的发送方（`sender`） | `payArbitrationFeeBySender`'))).toBe(true);
    expect(all).toContain(
      '自传入编号所指的记录（`transactions[_transactionID]`）的时间点 `lastInteraction`起经过`feeTimeout`时不会自动发生任何事情：须有人调用`timeOutBySender`或`timeOutByReceiver`。',
    );
    expect(all.some((s) => /将每个Transactions条目的状态/.test(s))).toBe(false);
  });

  it('CrowdFund: each payer is a party to the Campaign concerned', async () => {
    const all = await zh('tests/fixtures/third-party/CrowdFund.sol', 'CrowdFund');
    expect(all).toContain('每一付款人 | `pledgedAmount` | 任何调用`pledge`的地址即成为相关 `campaigns` 条目的一方；该调用要求代币自其转出的金额计入其自己的金额，即使代币报告转账失败亦同');
  });

  it('Vester: times compared as earlier and later, the payment as time elapsed', async () => {
    const all = await zh('tests/fixtures/lifecycle/Vester.sol', 'Vester');
    expect(all).toContain('传入的时间点 `vestingCliff_`不早于传入的时间点 `vestingBegin_` | “Vester: cliff is too early”');
    expect(all.some((s) => s.includes('（自调用前的`lastUpdate`起已经过的时间）除以（自时间点 `vestingBegin`至时间点 `vestingEnd`的时长）'))).toBe(true);
  });
});
