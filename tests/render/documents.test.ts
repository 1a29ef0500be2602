import { readFileSync } from 'node:fs';
import { Ajv2020 } from 'ajv/dist/2020.js';
import { describe, expect, it } from 'vitest';
import { renderSummary } from '../../src/render/index.ts';
import { buildSummaryDocument } from '../../src/render/summary-document.ts';
import { summarize } from '../../src/summarize.ts';
import type { SummaryDocument } from '../../src/terms/index.ts';
import { buildSaleTerms } from './fixture.ts';

const schema = JSON.parse(readFileSync(new URL('../../schema/summary.schema.json', import.meta.url), 'utf8'));
const validate = new Ajv2020({ allErrors: true, strict: true }).compile(schema);

const compiled = {
  compiler: { version: '0.8.37+commit.f401782d' },
  sources: [{ path: 'contracts/Sale.sol', keccak256: `0x${'ab'.repeat(32)}` }],
};
const document: SummaryDocument = buildSummaryDocument(compiled, [buildSaleTerms()], 'en');

function expectValid(value: unknown): void {
  const valid = validate(value);
  expect(validate.errors ?? [], JSON.stringify(validate.errors?.slice(0, 3), null, 2)).toEqual([]);
  expect(valid).toBe(true);
}

describe('JSON', () => {
  it('validates against the shipped schema', () => {
    expectValid(JSON.parse(renderSummary(document, 'json')));
  });

  it('validates a real contract whose flag reaches what another party pays, and one of every new kind of fact', async () => {
    for (const file of ['tests/fixtures/extract/RushFee.sol', 'tests/fixtures/extract/OneTimeSetup.sol', 'tests/fixtures/core/TimedStart.sol']) {
      const { outputs } = await summarize([file], { formats: ['json'], cache: false });
      for (const output of outputs) expectValid(JSON.parse(output.text));
    }
  }, 60_000);

  it('rejects a document with a field the schema does not know', () => {
    const json = JSON.parse(renderSummary(document, 'json'));
    json.contracts[0].statements[0].extra = true;
    expect(validate(json)).toBe(false);
    json.contracts[0].statements[0].extra = undefined;
    json.contracts[0].actions[1].conditions[1].expr.right = { kind: 'variable', name: 'x' };
    expect(validate(JSON.parse(JSON.stringify(json)))).toBe(false);
  });

  it('is stable: schema first, 2-space indent, trailing newline, same bytes for the same input', () => {
    const json = renderSummary(document, 'json');
    expect(json.startsWith('{\n  "schema": "plainterms/summary@2",\n  "tool": {')).toBe(true);
    expect(json.endsWith('}\n')).toBe(true);
    const shuffled = { ...document, contracts: document.contracts.map((contract) => Object.fromEntries(Object.entries(contract).reverse())) };
    expect(renderSummary(shuffled as SummaryDocument, 'json')).toBe(json);
  });

  it('validates a real contract compiled with solc', async () => {
    const { outputs } = await summarize(['contracts/FobSale.sol'], { formats: ['json'] });
    expectValid(JSON.parse(outputs[0]!.text));
  });
});

describe('Markdown and text', () => {
  const md = renderSummary(document, 'md');
  const text = renderSummary(document, 'text');

  it('shows every statement with its source reference', () => {
    for (const statement of document.contracts[0]!.statements) {
      if (statement.section === 'disclaimer') {
        expect(md).toContain(statement.text);
        continue;
      }
      const ref = statement.source ? ` [Sale.sol:${statement.source.line}${statement.source.endLine > statement.source.line ? `-${statement.source.endLine}` : ''}]` : '';
      if (statement.cells) {
        // A table row: its cells in a GFM row ending with its source; in text, one line of "Header: cell".
        expect(md, statement.id).toContain(`| ${statement.cells.join(' | ')} |${ref} |`);
        const line = text.replace(/\n\s+/g, ' ');
        for (const cell of statement.cells.filter((c) => c !== '')) expect(line, statement.id).toContain(`: ${cell}`);
        expect(line, statement.id).toContain(`${statement.cells.filter((c) => c !== '').at(-1)}${ref}`);
        continue;
      }
      expect(md, statement.id).toContain(`${statement.text}${ref}`);
      expect(text.replace(/\n\s+/g, ' '), statement.id).toContain(`${statement.text}${ref}`);
    }
  });

  it('lays out the header, the warning first, and one heading per action', () => {
    expect(md).toMatch(/^# Sale — terms in plain language\n/);
    expect(md).toContain('`contracts/Sale.sol` · keccak256 `0xabab');
    expect(md).toContain('solc 0.8.37+commit.f401782d · plainterms ');
    expect(md.indexOf('Read this first')).toBeLessThan(md.indexOf('## Key facts'));
    expect(md).toContain('### Pay Deposit (`payDeposit`)');
    expect(md).toContain('### Deployment (`constructor`)');
    expect(md).toContain('**Set Fee (`setFee`)**');
  });

  it('keeps plain text free of Markdown apart from backticks, and wrapped', () => {
    expect(text).not.toMatch(/^#|\*\*|^>|^\|/m);
    expect(Math.max(...text.split('\n').map((line) => line.length))).toBeLessThanOrEqual(100);
  });
});
