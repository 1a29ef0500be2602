/** Line wrapping of plain-text summaries and orders. */
import { describe, expect, it } from 'vitest';
import { textWidth } from '../../src/render/text-helpers.ts';
import { wrapLines } from '../../src/render/wrap.ts';

describe('wrapLines', () => {
  it('breaks at the last space that fits, indenting the lines after the first', () => {
    expect(wrapLines('The Buyer may pay the deposit only while the sale awaits it.', 24, 2, '- ')).toBe(
      ['- The Buyer may pay the', '  deposit only while the', '  sale awaits it.'].join('\n'),
    );
  });

  it('keeps a word longer than the width whole, on a line of its own', () => {
    const hash = `0x${'ab'.repeat(32)}`;
    expect(wrapLines(`keccak256 ${hash} of the file`, 20).split('\n')).toEqual(['keccak256', hash, 'of the file']);
  });

  it('breaks Chinese between characters, counting each as two columns, and keeps closing punctuation with its text', () => {
    const text = '买方须在履行期限届满前支付定金，否则卖方可解除合同。';
    const lines = wrapLines(text, 20).split('\n');
    expect(lines.join('')).toBe(text);
    for (const line of lines) expect(textWidth(line)).toBeLessThanOrEqual(20);
    expect(lines.some((line) => line.startsWith('，') || line.startsWith('。'))).toBe(false);
  });

  it('never makes a line wider than the width when every word fits', () => {
    const text = 'word '.repeat(80).trim();
    for (const line of wrapLines(text, 37).split('\n')) expect(line.length).toBeLessThanOrEqual(37);
  });
});
