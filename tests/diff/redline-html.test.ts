import { createHash } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { alignStatements, comparableText } from '../../src/diff/html/align.ts';
import { markWhole, wordDiffHtml } from '../../src/diff/html/word-diff.ts';
import { diffFiles, type DiffDocument, renderDiff } from '../../src/diff/index.ts';
import { wordChanges } from '../../src/diff/render-diff.ts';
import type { Statement } from '../../src/terms/index.ts';
import { repo } from '../helpers/extract.ts';

const dir = 'tests/fixtures/diff';
let amendment: Promise<DiffDocument> | undefined;
const loadAmendment = () =>
  (amendment ??= diffFiles(`${dir}/MarketplaceOrder.sol`, `${dir}/MarketplaceOrder.amendment.sol`, { cwd: repo }));

const st = (id: string, section: Statement['section'], text: string): Statement => ({ id, section, text, basis: 'code', source: null });

describe('aligning the two versions’ statements', () => {
  it('pairs by id, then by identical wording when numbered ids shift, and keeps the rest as removed or added', () => {
    const olds = [st('party:a', 'parties', 'A is the buyer.'), st('risk:1', 'risks', 'No limit on the fee.'), st('risk:2', 'risks', 'The token decides.')];
    const news = [st('party:a', 'parties', 'A is the buyer.'), st('risk:1', 'risks', 'The token decides.'), st('risk:2', 'risks', 'The block time decides.')];
    const rows = alignStatements(olds, news).map((row) => [row.status, row.old?.id ?? null, row.new?.id ?? null]);
    expect(rows).toEqual([
      ['same', 'party:a', 'party:a'],
      ['removed', 'risk:1', null],
      ['same', 'risk:2', 'risk:1'],
      ['added', null, 'risk:2'],
    ]);
  });

  it('pairs a stable id even when the sentence was rewritten, and groups rows by section', () => {
    const olds = [st('power:1:bounds', 'powers', 'The code sets no limit.'), st('claim:1', 'claims', 'A comment.')];
    const news = [st('claim:1', 'claims', 'A comment.'), st('power:1:bounds', 'powers', '`f` accepts a value only if it is at most 500.')];
    const rows = alignStatements(olds, news);
    expect(rows.map((row) => [row.section, row.status])).toEqual([
      ['powers', 'changed'],
      ['claims', 'same'],
    ]);
  });

  it('does not count a code name shown beside a term on one side only as a change', () => {
    expect(comparableText('set to the given Fee BPS (`feeBps_`).')).toBe(comparableText('set to the given Fee BPS.'));
    const rows = alignStatements([st('x', 'actions', 'set to the given Fee BPS (`feeBps_`).')], [st('x', 'actions', 'set to the given Fee BPS.')]);
    expect(rows[0]!.status).toBe('same');
  });
});

describe('word-level marks', () => {
  it('marks inserted words on the new side and deleted words on the old side, code kept whole', () => {
    const { old, new: neu } = wordDiffHtml('the call is made after `deliverBy`.', 'the call is made more than 3 days after `deliverBy`.');
    expect(old).toBe('the call is made after <code>deliverBy</code>.');
    expect(neu).toBe('the call is made <ins>more than 3 days</ins> after <code>deliverBy</code>.');
    const flipped = wordDiffHtml('only if `a` is at least 5.', 'only if `b` is at least 5.');
    expect(flipped.old).toBe('only if <del><code>a</code></del> is at least 5.');
  });

  it('marks a rewritten sentence as a whole, and compares Chinese by character', () => {
    const rewritten = wordDiffHtml('The code sets no limit on the new value.', '`setFeeBps` accepts a value only if it is at most 500.');
    expect(rewritten.old).toBe(markWhole('The code sets no limit on the new value.', 'del'));
    expect(rewritten.new).toBe(markWhole('`setFeeBps` accepts a value only if it is at most 500.', 'ins'));
    const zh = wordDiffHtml('调用时间晚于时间点 `deliverBy`', '调用时间晚于时间点 `deliverBy`后3天');
    expect(zh.new).toBe('调用时间晚于时间点 <code>deliverBy</code><ins>后3天</ins>');
  });

  it('escapes HTML in the sentences', () => {
    expect(wordDiffHtml('a <b> & c', 'a <b> & d').new).toBe('a &lt;b&gt; &amp; <ins>d</ins>');
  });
});

describe('the HTML redline page', () => {
  it('is one self-contained page with a Content-Security-Policy and no external resources', async () => {
    const html = renderDiff(await loadAmendment(), { format: 'html', locale: 'en' });
    expect(html).toMatch(/^<!doctype html>/);
    // Only the page's own style sheet and script may run, named by their hashes: no 'unsafe-inline'.
    const hash = (text: string) => `'sha256-${createHash('sha256').update(text, 'utf8').digest('base64')}'`;
    const style = /<style>([\s\S]*?)<\/style>/.exec(html)![1];
    const script = /<script>([\s\S]*?)<\/script>/.exec(html)![1];
    expect(html).toContain(`<meta http-equiv="Content-Security-Policy" content="default-src 'none'; style-src ${hash(style)}; script-src ${hash(script)}; img-src data:; base-uri 'none'; form-action 'none'">`);
    expect(html).not.toContain('unsafe-inline');
    expect(html).not.toMatch(/\b(?:src|href)="(?!#)/);
    expect(html).not.toMatch(/https?:\/\//);
  });

  it('lists the same sentences as the Markdown, each linked to statements that exist on the page', async () => {
    const doc = await loadAmendment();
    for (const locale of ['en', 'zh']) {
      const html = renderDiff(doc, { format: 'html', locale });
      const md = renderDiff(doc, { format: 'md', locale });
      const items = [...html.matchAll(/<li class="change" id="change-(\d+)" data-kind="[^"]+" data-old="([^"]*)" data-new="([^"]*)"/g)];
      expect(items).toHaveLength(doc.changes.length);
      wordChanges(doc, locale).forEach((change, index) => {
        expect(md).toContain(`${change.position}. ${change.text}`);
        const [, position, olds, news] = items[index]!;
        expect(Number(position)).toBe(change.position);
        expect(olds === '').toBe(change.oldSource === null);
        expect(news === '').toBe(change.newSource === null);
        for (const id of `${olds} ${news}`.split(' ').filter(Boolean)) expect(html).toContain(`<div class="st" id="${id}"`);
      });
    }
  });

  it('states that the terms are the same for a refactor, in both languages', async () => {
    const doc = await diffFiles(`${dir}/MarketplaceOrder.sol`, `${dir}/MarketplaceOrder.refactor.sol`, {
      cwd: repo,
      contracts: { old: 'MarketplaceOrder', new: 'MarketplaceOrder' },
    });
    expect(renderDiff(doc, { format: 'html', locale: 'en' })).toContain('<strong>The terms are the same.</strong>');
    const zh = renderDiff(doc, { format: 'html', locale: 'zh' });
    expect(zh).toContain('<html lang="zh">');
    expect(zh).toContain('<strong>条款没有变化。</strong>');
    expect(zh).not.toContain('class="change"');
  });
});
