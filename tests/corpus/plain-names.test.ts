/**
 * Names a person would use: no Solidity in the prose of a summary (outside code marks and "Not explained"),
 * over the bundled contracts, the third-party fixtures and a few OpenZeppelin contracts; and the readings
 * that replace the code: lookups, signatures, hashes and one-letter names.
 */
import { readdirSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { humanise } from '../../src/ir/names.ts';
import { summarize } from '../../src/summarize.ts';
import { entryFiles } from '../helpers/corpus-files.ts';
import { codeLikeness, codeLikenessOf, proseOf } from '../helpers/code-likeness.ts';
import { OZ4, OZ5, repo } from '../helpers/extract.ts';
import { read } from '../helpers/sentences.ts';

const solFiles = (dir: string) => readdirSync(new URL(`../../${dir}`, import.meta.url)).filter((f) => f.endsWith('.sol')).map((f) => `${dir}/${f}`);

const CORPUS: [string, string[] | undefined][] = [
  ...solFiles('contracts').map((file): [string, undefined] => [file, undefined]),
  ...entryFiles('tests/fixtures/third-party').map((file): [string, string[] | undefined] => [file, file.endsWith('TokenEscrow.sol') ? ['Escrow'] : undefined]),
  [`${OZ4}/finance/VestingWallet.sol`, ['VestingWallet']],
  [`${OZ4}/finance/PaymentSplitter.sol`, ['PaymentSplitter']],
  [`${OZ5}/finance/VestingWallet.sol`, ['VestingWallet']],
  ['tests/fixtures/core/Wrapped.sol', ['Wrapped']],
  ['tests/fixtures/core/OldPush.sol', ['Registry']],
  ['tests/fixtures/core/Names.sol', ['Channel']],
  ['tests/fixtures/core/Names.sol', ['Permits']],
  ['tests/fixtures/core/BulkPayout.sol', ['BulkPayout']],
];

describe('the code-likeness check', () => {
  it('flags the machine phrasing the reviews found', () => {
    const rules = (text: string) => codeLikeness(text).map((f) => f.rule);
    expect(rules('the given Amounts of the computed I')).toContain('one-letter name');
    expect(rules('the Arbitrator of the Tx for the Dispute I Dto Txid of the given Dispute ID in the Txs')).toEqual(
      expect.arrayContaining(['split fragment', 'abbreviation']),
    );
    expect(rules('the account that signed the keccak256 hash of this contract')).toContain('Solidity word');
    expect(rules('the total += amounts[i] for (i < n)')).toEqual(expect.arrayContaining(['operator', 'brackets', 'loop header']));
    expect(rules('the Buyer equals msg.sender && the Amount != 0')).toEqual(expect.arrayContaining(['operator', 'member access']));
    expect(rules('the token at `\u0000carried:541`')).toContain('internal marker');
    expect(rules('the milestoneAmounts.length of the deposit_total')).toEqual(expect.arrayContaining(['camelCase', 'snake_case', 'member access']));
  });

  it('leaves code in code marks and quotations alone', () => {
    expect(codeLikeness('Only the Buyer (`buyer`) may call `release`; otherwise it fails with “amount[i] != 0”.')).toEqual([]);
    expect(codeLikeness('The Amount of the given Milestone (`milestones[i]`) is at least 1 ETH.')).toEqual([]);
  });
});

describe('defined terms from code names', () => {
  it('splits acronyms where a reader would, writes out abbreviations and keeps joining words small', () => {
    expect(humanise('disputeIDtoTransactionID')).toBe('Dispute ID to Transaction ID');
    expect(humanise('appealDisputeIDsToDisputeIDs')).toBe('Appeal Dispute IDs to Dispute IDs');
    expect(humanise('_txIndex')).toBe('Transaction Index');
    expect(humanise('_sig')).toBe('Signature');
    expect(humanise('billOfLadingHash')).toBe('Bill of Lading Hash');
    expect(humanise('shipBy')).toBe('Ship By');
    expect(humanise('_erc20TotalReleased')).toBe('ERC-20 Total Released');
    expect(humanise('constructor')).toBe('Constructor');
  });

  it('drops storage-style prefixes (`i_`, `s_`, `m_`, `_`), but not the words of a constant', () => {
    expect(humanise('i_buyer')).toBe('Buyer');
    expect(humanise('i_arbiterFee')).toBe('Arbiter Fee');
    expect(humanise('s_state')).toBe('State');
    expect(humanise('m_disputeCount')).toBe('Dispute Count');
    expect(humanise('_s_owner')).toBe('Owner');
    expect(humanise('X_MAX')).toBe('X Max');
    expect(humanise('a_b')).toBe('A B');
  });
});

describe('names written with storage-style prefixes', { timeout: 60_000 }, () => {
  const FILE = 'tests/fixtures/core/PrefixedEscrow.sol';

  it('read as the parties and states they name, with the code name beside them (Cyfrin-style `i_buyer`, `s_state`)', async () => {
    const { all } = await read(FILE, 'PrefixedEscrow');
    expect(all).toContain('Parties: Buyer (`i_buyer`), Seller (`i_seller`), and Arbiter (`i_arbiter`); no action can replace any of them.');
    expect(all).toContain('`confirmReceipt` goes ahead only if the State (`s_state`) is Created; otherwise it fails (“wrong state”).');
    expect(all).toContain('`initiateDispute` sets the Dispute Count (`m_disputeCount`) to the Dispute Count plus 1.');
    expect(all.filter((s) => /\b[ISM] (Buyer|Seller|Arbiter|State|Dispute)/.test(proseOf(s)))).toEqual([]);
    const { documents } = await summarize([FILE], { contracts: ['PrefixedEscrow'], languages: ['zh'], formats: ['json'], cwd: repo, cache: false });
    expect(documents[0].contracts[0].statements.map((s) => s.text)).toContain('只有买方（`i_buyer`）可调用 `confirmReceipt`。');
  });
});

describe('no code in the prose of a summary', { timeout: 240_000 }, () => {
  it.each(CORPUS)('%s', async (file, contracts) => {
    const { documents } = await summarize([file], { contracts, formats: ['json'], cwd: repo, cache: false });
    const findings = documents[0].contracts.flatMap((contract) => codeLikenessOf(contract.statements).map((f) => `${contract.name} ${f.id} [${f.rule}] ${f.match}: ${f.text}`));
    expect(findings).toEqual([]);
    // No analysis marker anywhere in the model either: names, assets, "Not explained" included.
    expect(JSON.stringify(documents[0].contracts)).not.toMatch(/\\u0000|carried:\d/);
  });
});

describe('readings that replace the code', { timeout: 60_000 }, () => {
  const FILE = 'tests/fixtures/core/Names.sol';

  it('a signature check says who signed and what the message covers, not how it is hashed', async () => {
    const { of } = await read(FILE, 'Channel');
    expect(of('action:close(')).toContain(
      '`close` goes ahead only if the Payer (`payer`) signed, in the signature given as `v`, `r`, and `s`, a message covering this contract and the given Amount (`_amount`); otherwise it fails (“bad signature”).',
    );
    expect(of('action:close(').some((s) => /keccak256|Ethereum Signed Message|account that signed/.test(s))).toBe(false);
  });

  it('a typed (EIP-712) permit names the message type and its fields; the check that the signature is valid is implied', async () => {
    const { of } = await read(FILE, 'Permits');
    expect(of('action:permit(')).toContain(
      '`permit` goes ahead only if the given Owner (`owner`) signed, in the signature given as `v`, `r`, and `s`, a “Permit” message covering the Domain Separator (`DOMAIN_SEPARATOR`), the given Owner, the given Spender (`spender`), the given Value (`value`), and the Nonce (`nonces`) of the given Owner as it stood before the call; otherwise it fails (“invalid signature”).',
    );
    expect(of('action:permit(').some((s) => /zero address|“Permit\(address|“”/.test(s))).toBe(false);
  });

  it('a record reached through a table named “A to B” reads as the record for A', async () => {
    const { of, all } = await read(FILE, 'Channel');
    // Deal storage deal = deals[disputeIDtoDealID[_disputeID]]: the record is named by the reference, and defined once.
    expect(of('action:rule(')).toContain('In `rule`, the Deal (`deal`) means the Deal that `disputeIDtoDealID` records for the given Dispute ID (`_disputeID`) in the Deals (`deals`).');
    expect(of('action:rule(')).toContain('The contract pays the Seller (`seller`) of the Deal concerned the Price of the Deal in ETH.');
    expect(of('action:rule(')).toContain('`rule` sets the Settled flag of the Deal to true.');
    expect(of('action:rule(')).toContain('`rule` goes ahead only if the Settled flag of the Deal is not set; otherwise it fails (“settled”).');
    expect(all.some((s) => /Dto|Deal ID for the given/.test(proseOf(s)))).toBe(false);
  });

  it('a table of flags keyed by a hash reads as a flag for the hashed values', async () => {
    const { of } = await read(FILE, 'Channel');
    expect(of('action:queue(')).toContain(
      '`queue` goes ahead only if the Queued flag (`queued`) for the hash (`keccak256`) of (the given Target (`target`) and the given Value (`value`)) is not set; otherwise it fails (“queued”).',
    );
  });

  it('a one-letter parameter that picks a record is named by the record', async () => {
    const { of, all } = await read(FILE, 'Channel');
    expect(of('action:open(')).toContain('`open` sets the Last Opened (`lastOpened`) to the index of the given Deal (`i`, counting from zero).');
    expect(all.some((s) => /the given I\b/.test(s))).toBe(false);
  });

  it('an event reads only what the action states nowhere else: a note given only to be recorded', async () => {
    const { of } = await read(FILE, 'Channel');
    expect(of('action:remark(')).toContain('Events: `Remarked` (the given Note (`note`)).');
    expect(of('action:open(')).toContain('Events: `Opened`.');
    const { documents } = await summarize([FILE], { contracts: ['Channel'], languages: ['zh'], formats: ['json'], cwd: repo, cache: false });
    expect(documents[0].contracts[0].statements.map((s) => s.text)).toContain('`remark` 在链上记录的事件：`Remarked`（记录传入的参数 `note`）。');
  });

  it('a one-letter parameter is not called a record’s index where another action uses it otherwise', async () => {
    const { of } = await read(FILE, 'Channel');
    expect(of('action:note(')).toContain('`note` sets the Last Noted (`lastNoted`) to the given value (`k`).');
    expect(of('action:pick(')).toContain('`pick` sets the Last Noted (`lastNoted`) to the given value (`k`).');
  });

  it('an item of a list at a fixed place reads as first or last, not as an index sum', async () => {
    const { of, all } = await read(FILE, 'Channel');
    expect(of('action:payLastFee(')).toContain('The contract pays the Payee (`payee`) the last Fee in the Fees (`fees`) in ETH.');
    expect(of('action:payFirstFee(')).toContain('The contract pays the Payee (`payee`) the first Fee in the Fees (`fees`) in ETH.');
    expect(all.some((s) => /number of entries in the Fees minus 1/.test(s))).toBe(false);
  });

  it('the length an old `push` returns is read as the number of entries, not quoted as code', async () => {
    const { of } = await read('tests/fixtures/core/OldPush.sol', 'Registry');
    expect(of('action:file(')).toContain('`file` sets the Last ID (`lastId`) to the number of Claims minus 1.');
    expect(of('action:file(').some((s) => s.includes('claims.push'))).toBe(false);
  });

  it('a table named in the plural reads in the singular, keyed by whom it is about', async () => {
    const { of } = await read('tests/fixtures/core/Wrapped.sol', 'Wrapped');
    expect(of('action:approve(')).toContain('`approve` sets the Allowance (`_allowances`) for the caller and the given Spender to the given Value (`value`).');
    // `_transfer` has already required the caller not to be the zero address: `_update`'s branch on it is settled.
    expect(of('action:transfer(')).toContain('`transfer` sets the Balance of the caller to the Balance of the caller minus the given Value.');
  });

  it('a table of flags keyed by two values reads as a flag for both (MultiSigWallet)', async () => {
    const { of } = await read('tests/fixtures/third-party/MultiSigWallet.sol', 'MultiSigWallet');
    expect(of('action:confirmTransaction(')).toContain(
      'The Is Confirmed flag (`isConfirmed`) for the given Transaction Index and the caller is not set | “tx already confirmed”',
    );
  });

  it('a loop’s item is named after its list, not “the entry” (bundled MilestoneEscrow)', async () => {
    const { all } = await read('contracts/MilestoneEscrow.sol', 'MilestoneEscrow');
    expect(all).toContain('The Amount is not zero, for every Amount in the given Amounts | “zero amount”');
    expect(all.some((s) => /\bthe entry\b/.test(s))).toBe(false);
  });
});
