import { describe, expect, it } from 'vitest';
import { buildExcerpt } from '../../src/compile/diagnostics.ts';
import { formatDiagnostic, indexLines } from '../../src/compile/index.ts';

const byteOffsetOf = (content: string, needle: string) => Buffer.from(content.slice(0, content.indexOf(needle)), 'utf8').length;

describe('indexLines', () => {
  it('maps a byte offset to a 1-based line and column', () => {
    const content = 'pragma solidity ^0.8.0;\ncontract A {\n  uint x;\n}\n';
    const lines = indexLines(content);
    expect(lines.locate(0)).toEqual({ line: 1, column: 1 });
    expect(lines.locate(byteOffsetOf(content, 'uint'))).toEqual({ line: 3, column: 3 });
    expect(lines.lineText(3)).toBe('  uint x;');
    expect(lines.lineCount).toBe(5);
  });

  it('counts columns in characters, not bytes, after Chinese text on the same line', () => {
    const content = 'contract A {\n  /* 买方付款 */ uint x = ;\n}\n';
    const offset = byteOffsetOf(content, ' = ;') + 3;
    expect(offset).not.toBe(content.indexOf(' = ;') + 3);
    expect(indexLines(content).locate(offset)).toEqual({ line: 2, column: '  /* 买方付款 */ uint x = '.length + 1 });
  });

  it('keeps lines after multibyte lines in place', () => {
    const content = '// 卖方发货\n// 买方付款\ncontract A {}\n';
    expect(indexLines(content).locate(byteOffsetOf(content, 'contract'))).toEqual({ line: 3, column: 1 });
  });

  it('leaves the carriage return of CRLF files out of the line text', () => {
    const content = 'contract A {\r\n  uint x;\r\n}\r\n';
    const lines = indexLines(content);
    expect(lines.lineText(2)).toBe('  uint x;');
    expect(lines.locate(byteOffsetOf(content, 'x;'))).toEqual({ line: 2, column: 8 });
  });

  it('clamps offsets past the end to the last position', () => {
    expect(indexLines('abc').locate(99)).toEqual({ line: 1, column: 4 });
  });
});

describe('formatDiagnostic', () => {
  it('prints path:line:col: error: message, the line and a caret under the column', () => {
    const text = formatDiagnostic({
      severity: 'error',
      path: 'contracts/Sale.sol',
      line: 7,
      column: 5,
      message: 'Expected primary expression.',
      excerpt: buildExcerpt('    x = ;', 5),
    });
    expect(text).toBe('contracts/Sale.sol:7:5: error: Expected primary expression.\n    x = ;\n    ^');
  });

  it('leaves out the parts of the place that are unknown', () => {
    const base = { severity: 'error', column: null, excerpt: null, message: 'boom' } as const;
    expect(formatDiagnostic({ ...base, path: 'a.sol', line: null })).toBe('a.sol: error: boom');
    expect(formatDiagnostic({ ...base, path: null, line: null })).toBe('error: boom');
  });

  it('keeps tabs and widens the caret padding under Chinese characters', () => {
    expect(buildExcerpt('\t买 x', 4)).toBe('\t买 x\n\t   ^');
  });
});
