import { readdirSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { compileFiles } from '../../src/compile/index.ts';
import { extractContracts } from '../../src/extract/index.ts';
import { buildStatements } from '../../src/render/statements.ts';
import { repo } from '../helpers/extract.ts';

/**
 * Chinese statements are Chinese: no English word outside backticks. What may stay, and why:
 * - units and standards, as WRITING.md allows (ETH, wei, gwei, ERC-20, ERC-721, EIP-712, NFT, ID);
 * - proper names no translation replaces: the language Solidity, the compiler solc, keccak256, plainterms;
 * - text the code itself holds, quoted in “…” (the author's NatSpec, a revert message): translating a
 *   quotation would put words in the author's mouth;
 * - the English of a name in brackets beside its Chinese rendering, the first time only
 *   (承包方（Contractor，`contractor`）): once per name in a summary.
 */
const ALLOWED = /^(?:ETH|wei|gwei|ERC-?\d+|EIP-?\d+|NFTs?|IDs?|Solidity|solc|keccak256|plainterms)$/;
const LATIN_WORD = /[A-Za-z][A-Za-z0-9'’-]*/g;
const BRACKETED_ENGLISH = /（([A-Za-z][A-Za-z0-9 '’-]*)(?=[，）])/g;

const FILES = [
  ...readdirSync(new URL('../../contracts', import.meta.url))
    .filter((file) => file.endsWith('.sol'))
    .map((file) => `contracts/${file}`),
  ...readdirSync(new URL('../fixtures/third-party', import.meta.url))
    .filter((file) => file.endsWith('.sol'))
    .map((file) => `tests/fixtures/third-party/${file}`),
  'tests/fixtures/zh/WorksContract.sol',
];

/** English words a Chinese summary's statements show outside code, quotations and first-mention brackets. */
function strayEnglish(texts: string[]): string[] {
  const bracketed = new Map<string, number>();
  const stray: string[] = [];
  for (const text of texts) {
    const bare = text.replace(/`[^`]*`/g, ' ').replace(/“[^”]*”/g, ' ');
    const outside = bare.replace(BRACKETED_ENGLISH, (_match, english: string) => {
      bracketed.set(english, (bracketed.get(english) ?? 0) + 1);
      return '（';
    });
    for (const word of outside.match(LATIN_WORD) ?? []) if (!ALLOWED.test(word)) stray.push(word);
  }
  for (const [english, count] of bracketed) if (count > 1) stray.push(`（${english}） ×${count}`);
  return stray;
}

describe('Chinese statements use no English words', { timeout: 120_000 }, () => {
  for (const file of FILES) {
    it(`${file}: every contract`, async () => {
      const compilation = await compileFiles([file], { cwd: repo });
      for (const terms of extractContracts(compilation)) {
        const texts = buildStatements(terms, 'zh').map((statement) => statement.text);
        expect(strayEnglish(texts), terms.name).toEqual([]);
      }
    });
  }

  it('catches an English role or state name, and English shown twice beside a name', () => {
    expect(strayEnglish(['处于Awaiting Payment时，Contractor可调用 `fund`。'])).toEqual(['Awaiting', 'Payment', 'Contractor']);
    expect(strayEnglish(['承包方（Contractor，`contractor`）', '承包方（Contractor，`contractor`）'])).toEqual(['（Contractor） ×2']);
    expect(strayEnglish(['作者的注释：“Only the buyer”；收到1 ETH（`amount`）。'])).toEqual([]);
  });
});
