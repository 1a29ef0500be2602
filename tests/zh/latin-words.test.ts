import { readdirSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { compileFiles } from '../../src/compile/index.ts';
import { extractContracts } from '../../src/extract/index.ts';
import { buildStatements } from '../../src/render/statements.ts';
import { entryFiles } from '../helpers/corpus-files.ts';
import { repo } from '../helpers/extract.ts';
import { strayEnglish } from '../helpers/latin-words.ts';

const FILES = [
  ...readdirSync(new URL('../../contracts', import.meta.url))
    .filter((file) => file.endsWith('.sol'))
    .map((file) => `contracts/${file}`),
  ...entryFiles('tests/fixtures/third-party'),
  'tests/fixtures/zh/WorksContract.sol',
];

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
