/** Who may act, read as a person: the holder an NFT contract reports, and the caller a check inside a branch names. */
import { describe, expect, it } from 'vitest';
import { compileFiles } from '../../src/compile/index.ts';
import { extractContracts } from '../../src/extract/index.ts';
import { buildStatements } from '../../src/render/statements.ts';
import { repo } from '../helpers/extract.ts';
import { read } from '../helpers/sentences.ts';

const FILE = 'tests/fixtures/extract/BranchCallers.sol';

describe('who may act, in words', { timeout: 60_000 }, () => {
  it('a check against `ownerOf` names the holder of the token, not "the result of `ownerOf`"', async () => {
    const { all, of } = await read(FILE, 'BranchCallers');
    expect(of('action:register(address,uint256):access')).toEqual(['Only whoever the token contract at the given NFT (`nft`) reports (through `ownerOf`) as the holder of its token whose ID is the given ID (`id`) may call `register`.']);
    expect(all.some((s) => /the result of `ownerOf`/.test(s))).toBe(false);
  });

  it('a lifecycle move names the caller the check in its branch requires', async () => {
    const { all, of } = await read(FILE, 'BranchCallers');
    expect(of('lifecycle:entries.status:transition')).toEqual(expect.arrayContaining([
      'Open | Closed | The Owner of the given Entry (`entries[key]`) | `close`, if the Status of the given Entry is Open',
      'Taken | Seized | The Taker of the given Entry | `close`, if the Status of the given Entry is not Open and (the Status of the given Entry is Taken and the call is made after the Due At time of the given Entry)',
    ]));
    expect(all.some((s) => /passes the check of the caller/.test(s))).toBe(false);
  });

  it('in Chinese too', async () => {
    const compilation = await compileFiles([FILE], { cwd: repo });
    const [terms] = extractContracts(compilation);
    const texts = buildStatements(terms, 'zh').map((statement) => statement.text);
    expect(texts).toContain('只有传入的参数 `nft`处的代币合约（通过 `ownerOf`）报告的编号为传入的参数 `id`的代币的持有人可调用 `register`。');
    expect(texts.some((s) => /通过相应调用者检查|`ownerOf` 的返回值/.test(s))).toBe(false);
  });
});
