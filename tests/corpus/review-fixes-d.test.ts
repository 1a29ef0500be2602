/**
 * Findings of a lawyer's second review (L2, L3, L4, L9): lifecycle lines that read as unconditional,
 * dependency risks that named only the first caller, and a stored payee described as variable.
 */
import { describe, expect, it } from 'vitest';
import { summarize } from '../../src/summarize.ts';
import { repo } from '../helpers/extract.ts';
import { read } from '../helpers/sentences.ts';

const DIR = 'tests/fixtures/third-party';
const KLEROS = `${DIR}/MultipleArbitrableTransaction.sol`;
const AUCTION = `${DIR}/EnglishAuction.sol`;

async function zh(file: string, contract: string): Promise<string[]> {
  const { documents } = await summarize([file], { contracts: [contract], languages: ['zh'], formats: ['json'], cwd: repo, cache: false });
  return documents[0].contracts[0].statements.map((s) => s.text);
}

describe('review 2, fixes d', () => {
  it('L3: a lifecycle move is conditional: the lifecycle table says each action needs its conditions met (en, zh)', async () => {
    const en = (await read(KLEROS, 'MultipleArbitrableTransaction')).all;
    expect(en).toContain('No Dispute | Resolved | Anyone | `executeTransaction`');
    const documents = await Promise.all(['en', 'zh'].map(async (language) => (await summarize([KLEROS], { contracts: ['MultipleArbitrableTransaction'], languages: [language], formats: ['json'], cwd: repo, cache: false })).documents[0]));
    expect(documents.map((document) => document.tables.lifecycle)).toEqual([
      ['From', 'To', 'Who', 'Action (if its conditions are met)'],
      ['原状态', '新状态', '行为人', '操作（须满足其条件）'],
    ]);
    const cn = await zh(KLEROS, 'MultipleArbitrableTransaction');
    expect(cn).toContain('「无争议」 | 「已解决」（`Resolved`） | 任何人 | `executeTransaction`');
  });

  it('L3: a one-way flag set by an action with further conditions points to them; one without does not (en, zh)', async () => {
    const en = (await read(AUCTION, 'EnglishAuction')).all;
    expect(en).toContain('Anyone may set the Ended flag by calling `end`, provided the call meets the conditions stated for `end`.');
    expect(en).not.toContain('Anyone may set the Ended flag by calling `end`.');
    // `start` checks only who calls it and the flag it sets: nothing more to point to.
    expect(en).toContain('The Seller (`seller`) may set the Started flag by calling `start`.');
    expect(await zh(AUCTION, 'EnglishAuction')).toContain('任何人可调用 `end` 设置标志 `ended`，但须满足 `end` 所列的各项条件。');
  });

  it('L4, L9: the dependency risk names every action that calls the other contract (en, zh)', async () => {
    const auction = (await read(AUCTION, 'EnglishAuction')).all;
    expect(auction).toContain('`start` and `end` rely on another contract at the NFT (`nft`), whose code is not part of this summary.');
    expect(auction).not.toContain('`start` relies on another contract at the NFT (`nft`), whose code is not part of this summary.');
    expect(await zh(AUCTION, 'EnglishAuction')).toContain('`start`和`end`依赖位于`nft`的另一合约，其代码不在本摘要范围内。');
    const kleros = (await read(KLEROS, 'MultipleArbitrableTransaction')).all;
    expect(kleros).toContain('`payArbitrationFeeBySender`, `payArbitrationFeeByReceiver`, and `appeal` rely on another contract at the Arbitrator, whose code is not part of this summary.');
    expect(kleros.some((s) => s.startsWith('`payArbitrationFeeBySender` relies on another contract'))).toBe(false);
  });

  it('L2: a payment to a stored party address names it, not "an address given in the call"', async () => {
    const en = (await read(KLEROS, 'MultipleArbitrableTransaction')).all;
    expect(en).toContain('Matches: `appeal` pays the Arbitrator (`arbitrator`).');
    expect(en).not.toContain('Cannot tell: `appeal` pays an address given in the call or kept in a record.');
  });
});
