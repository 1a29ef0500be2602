import { readdirSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { buildStatements } from '../../src/render/statements.ts';
import { extracted } from '../helpers/extract.ts';

const CONTRACTS = readdirSync(new URL('../../contracts', import.meta.url)).filter((file) => file.endsWith('.sol'));
const HAN = /[\u4e00-\u9fff]/;

describe('Chinese summaries', { timeout: 120_000 }, () => {
  for (const file of CONTRACTS) {
    const name = file.replace(/\.sol$/, '');
    it(`${name}: every English statement has a Chinese counterpart with the same id, in Chinese`, async () => {
      const { terms } = await extracted(`contracts/${file}`, name);
      const en = buildStatements(terms, 'en');
      const zh = buildStatements(terms, 'zh');
      expect(zh.map((s) => s.id)).toEqual(en.map((s) => s.id));
      expect(zh.map((s) => s.source)).toEqual(en.map((s) => s.source));
      for (const statement of zh) expect(statement.text, statement.id).toMatch(HAN);
    });
  }

  it('uses the glossary: an on-chain arbiter is 争议裁决人, and states which language prevails', async () => {
    const { terms } = await extracted('contracts/ArbiterEscrow.sol', 'ArbiterEscrow');
    const zh = buildStatements(terms, 'zh');
    const text = zh.map((s) => s.text).join('\n');
    expect(text).toContain('争议裁决人（`arbiter`）');
    expect(text).not.toContain('仲裁员');
    expect(zh.find((s) => s.id === 'disclaimer:3')?.text).toContain('以英文本为准');
  });

  it('the key facts say in Chinese, as in English, which parties can be replaced and when none can', async () => {
    const texts = async (file: string, name: string) => {
      const { terms } = await extracted(`contracts/${file}.sol`, name);
      return buildStatements(terms, 'zh').find((s) => s.id === 'key-fact:parties')?.text;
    };
    expect(await texts('MarketplaceOrder', 'MarketplaceOrder')).toBe(
      '当事人：合约所有者（`_owner`）、手续费收款人（`feeRecipient`）、买方（`buyer`）和卖方（`seller`）；合约所有者和手续费收款人可被更换。',
    );
    expect(await texts('FobSale', 'FobSale')).toBe('当事人：买方（`buyer`）和卖方（`seller`）；任何操作均不能更换其中任何一方。');
  });

  it('formats numbers and durations through Intl for Chinese', async () => {
    const { terms } = await extracted('contracts/FobSale.sol', 'FobSale');
    const text = buildStatements(terms, 'zh').map((s) => s.text).join('\n');
    expect(text).toContain('30天');
    expect(text).toContain('86,400秒');
  });
});
