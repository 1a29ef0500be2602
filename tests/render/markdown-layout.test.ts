/**
 * The Markdown summaries keep block structure: a bold label (a power's heading in the fine print) or a
 * heading starts its own block, so it is never glued to the list item above it.
 */
import { readFileSync, readdirSync } from 'node:fs';
import { describe, expect, it } from 'vitest';

const folder = new URL('../../examples/', import.meta.url);
const documents = readdirSync(folder).filter((file) => /\.(en|zh)\.md$/.test(file));

describe('Markdown layout of the examples', () => {
  it.each(documents)('%s: every heading and bold label follows a blank line', (file) => {
    const lines = readFileSync(new URL(file, folder), 'utf8').split('\n');
    const glued = lines.filter((line, index) => index > 0 && /^(\*\*|#)/.test(line) && lines[index - 1] !== '');
    expect(glued).toEqual([]);
  });
});
