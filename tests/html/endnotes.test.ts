import { describe, expect, it } from 'vitest';
import { Endnotes, quotedLines } from '../../src/render/html/endnotes.ts';
import { breakName } from '../../src/render/html/lifecycle-svg.ts';

const file = Array.from({ length: 40 }, (_, index) => `    line ${index + 1};`);
const ref = (line: number, endLine: number) => ({ path: 'src/Deal.sol', line, endLine });

describe('the endnotes of printed pages', () => {
  it('quotes a short range whole, its common indentation removed', () => {
    expect(quotedLines(['contract A {', '    uint x;', '        x = 1;', '}'], ref(2, 3))).toEqual({
      lines: [{ number: 2, text: 'uint x;' }, { number: 3, text: '    x = 1;' }],
      omitted: 0,
      last: 3,
    });
  });

  it('cuts a long range after its first lines and says how many are left out', () => {
    const quoted = quotedLines(file, ref(5, 34));
    expect(quoted.lines.map((line) => line.number)).toEqual([5, 6, 7, 8, 9, 10, 11, 12]);
    expect(quoted.lines[0]!.text).toBe('line 5;');
    expect(quoted).toMatchObject({ omitted: 22, last: 34 });
  });

  it('numbers each range once, in the order the page cites them', () => {
    const notes = new Endnotes(new Map([['src/Deal.sol', file]]));
    expect([notes.number(ref(9, 9)), notes.number(ref(2, 4)), notes.number(ref(9, 9)), notes.number(null)]).toEqual([1, 2, 1, null]);
    expect(notes.number({ path: 'other.sol', line: 1, endLine: 1 })).toBeNull();
    expect(notes.list().map((note) => [note.number, note.ref])).toEqual([[1, 'Deal.sol:9'], [2, 'Deal.sol:2-4']]);
  });
});

describe('action names on the lifecycle diagram', () => {
  it('break where their words meet, so a long name does not widen the drawing', () => {
    expect(breakName('claimAfterExaminationPeriod')).toBe('claimAfter\nExamination\nPeriod');
    expect(breakName('fund')).toBe('fund');
    expect(breakName('Documents Presented')).toBe('Documents\nPresented');
  });
});
