/**
 * Golden documents: the whole summary of every bundled contract as a reviewer reads it, in English
 * (Markdown, and plain text for one), Chinese (Markdown) and JSON. After a deliberate change run
 * `npx vitest run tests/golden -u`, read the diff of the documents like any other change to the wording,
 * then `npm run examples` to refresh the copies in examples/. CI never updates them.
 */
import { readFileSync } from 'node:fs';
import { Ajv2020 } from 'ajv/dist/2020.js';
import { describe, expect, it } from 'vitest';
import { summarize } from '../../src/summarize.ts';

export const BUNDLED = ['FobSale', 'ArbiterEscrow', 'LetterOfCredit', 'MilestoneEscrow', 'ConsignmentAuction', 'MarketplaceOrder'];

const schema = JSON.parse(readFileSync(new URL('../../schema/summary.schema.json', import.meta.url), 'utf8'));
const validate = new Ajv2020({ allErrors: true, strict: true }).compile(schema);
const golden = (name: string) => new URL(`./${name}`, import.meta.url).pathname;
const example = (name: string) => readFileSync(new URL(`../../examples/${name}`, import.meta.url), 'utf8');

describe('golden summaries of the bundled contracts', () => {
  for (const name of BUNDLED) {
    it(`${name}: English Markdown and JSON match the reviewed documents`, async () => {
      const { outputs } = await summarize([`contracts/${name}.sol`], { formats: ['md', 'json', ...(name === 'FobSale' ? (['text'] as const) : [])] });
      await expect(outputs[0]!.text).toMatchFileSnapshot(golden(`${name}.en.md`));
      await expect(outputs[1]!.text).toMatchFileSnapshot(golden(`${name}.en.json`));
      if (outputs[2]) await expect(outputs[2].text).toMatchFileSnapshot(golden(`${name}.en.txt`));
    });

    it(`${name}: the JSON document validates against the shipped schema`, () => {
      const document = JSON.parse(readFileSync(golden(`${name}.en.json`), 'utf8'));
      const valid = validate(document);
      expect(validate.errors ?? []).toEqual([]);
      expect(valid).toBe(true);
    });

    it(`${name}: Chinese Markdown matches the reviewed document`, async () => {
      const { outputs } = await summarize([`contracts/${name}.sol`], { formats: ['md'], language: 'zh' });
      await expect(outputs[0]!.text).toMatchFileSnapshot(golden(`${name}.zh.md`));
    });

    it(`${name}: the copies in examples/ are the reviewed documents`, () => {
      for (const suffix of ['en.md', 'en.json', 'zh.md']) expect(example(`${name}.${suffix}`)).toBe(readFileSync(golden(`${name}.${suffix}`), 'utf8'));
    });
  }

  it('the README excerpt is word for word from the FobSale example', () => {
    const readme = readFileSync(new URL('../../README.md', import.meta.url), 'utf8');
    const excerpt = readme.split('```markdown\n')[1]!.split('\n```')[0]!;
    const lines = new Set(example('FobSale.en.md').split('\n'));
    expect(excerpt.split('\n').filter((line) => line !== '' && !lines.has(line))).toEqual([]);
  });
});
