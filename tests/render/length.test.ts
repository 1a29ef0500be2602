/**
 * Issue 14's readability target on the bundled contracts: the median prose sentence of each English
 * summary is at most 18 words (table rows are cells, not sentences), counted as bench/length.ts counts.
 */
import { readdirSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { median, sentencesOf, wordCount } from '../../bench/length-count.ts';
import { read } from '../helpers/sentences.ts';

const bundled = readdirSync(new URL('../../contracts', import.meta.url)).filter((file) => file.endsWith('.sol')).map((file) => file.replace(/\.sol$/, ''));

describe('sentence length of the bundled summaries', { timeout: 120_000 }, () => {
  it.each(bundled)('%s: the median sentence is at most 18 words', async (name) => {
    const { statements } = await read(`contracts/${name}.sol`, name);
    const lengths = statements.filter((statement) => !statement.cells).flatMap((statement) => sentencesOf(statement.text).map(wordCount));
    expect(lengths.length).toBeGreaterThan(20);
    expect(median(lengths)).toBeLessThanOrEqual(18);
  });
});
