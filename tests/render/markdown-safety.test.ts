/**
 * Authors' text reaches Markdown escaped: raw HTML as entities, link syntax neutralised, bidi controls shown
 * as ‹U+202E› (GitHub, GitLab and platform UIs render Markdown). Code spans stay as written. Plain text
 * shows the controls too; JSON keeps the author's text exactly, for programs that escape it themselves.
 */
import mammoth from 'mammoth';
import { describe, expect, it } from 'vitest';
import { summarize } from '../../src/summarize.ts';

const FILE = 'tests/fixtures/core/Hostile.sol';

describe('authors’ text in Markdown and plain text', { timeout: 60_000 }, () => {
  it('Markdown carries no raw HTML, no live link and no invisible bidi control', async () => {
    const { outputs } = await summarize([FILE], { formats: ['md'], languages: ['en', 'zh'], cache: false });
    for (const { text } of outputs) {
      expect(text).not.toMatch(/<script|<img|<iframe/i);
      expect(text).not.toMatch(/[^\\]\]\(javascript:/);
      expect(text).not.toMatch(/[\u202A-\u202E\u2066-\u2069\u200B-\u200F]/);
      expect(text).toContain('&lt;script&gt;alert(1)&lt;/script&gt;');
      expect(text).toContain('\\[click\\](javascript:alert(1)) ‹U+202E›evil‹U+202C›');
      // A code span is shown verbatim.
      expect(text).toContain('`amounts[i]`');
    }
  });

  it('plain text shows the controls; JSON keeps the text as written', async () => {
    const { outputs } = await summarize([FILE], { formats: ['text', 'json'], cache: false });
    expect(outputs[0].text).toContain('‹U+202E›evil‹U+202C›');
    expect(outputs[0].text).not.toMatch(/[\u202A-\u202E]/);
    expect(JSON.parse(outputs[1].text).contracts[0].natspec.notice).toContain('\u202Eevil\u202C');
  });

  it('Word shows the author’s words as written, the controls made visible, no escape left over', async () => {
    const { outputs } = await summarize([FILE], { formats: ['docx'], cache: false });
    const { value: text } = await mammoth.extractRawText({ buffer: Buffer.from(outputs[0]!.bytes!) });
    expect(text).toContain('<script>alert(1)</script>');
    expect(text).toContain('[click](javascript:alert(1)) ‹U+202E›evil‹U+202C›');
    expect(text).not.toMatch(/[\u202A-\u202E]|\\\[|&lt;/);
    expect(text).toContain('amounts[i]');
  });
});
