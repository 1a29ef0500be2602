import { describe, expect, it } from 'vitest';
import { wrapLines } from '../../src/orders/wrap.ts';
import { wrapText } from '../../src/render/text-helpers.ts';

const SAMPLES = [
  'a',
  'word '.repeat(60).trim(),
  `${'x'.repeat(130)} short words after a very long one ${'y'.repeat(99)}`,
  'The Buyer (`buyer`) may pay “0.3 ETH” — here, and 买方 may pay 付款 too, with 长长的中文句子，没有空格。'.repeat(3),
  'Two  spaces  between  words, and a trailing space '.repeat(6),
];

describe('wrapLines', () => {
  it.each(SAMPLES)('breaks lines exactly where the summary’s wrapText does: %s', (text) => {
    for (const [indent, first] of [[0, ''], [2, '- ']] as const) {
      for (const width of [40, 100]) expect(wrapLines(text, width, indent, first)).toBe(wrapText(text, width, indent, first));
    }
  });
});
