/** Not explained: every statement no extractor accounted for, and the coverage figure per contract. */
import type { NotExplained } from '../terms/index.ts';
import type { Extractor } from './context.ts';

export const coverage: Extractor = {
  name: 'coverage',
  extract(context, terms) {
    const statements = new Map<number, boolean>();
    const notExplained = new Map<string, NotExplained>();
    for (const read of context.reads) {
      for (const [id, explained] of read.facts.statements) statements.set(id, (statements.get(id) ?? true) && explained);
      for (const item of read.facts.notExplained) {
        // One entry per statement: two statements on one line (`if (x) revert E();`) are two entries.
        const key = `${item.source.path}:${item.source.line}:${item.source.endLine}:${item.code}`;
        if (!notExplained.has(key)) notExplained.set(key, item);
      }
    }
    terms.notExplained = [...notExplained.values()].sort((a, b) => a.source.path.localeCompare(b.source.path) || a.source.line - b.source.line);
    terms.coverage = { statements: statements.size, explained: [...statements.values()].filter(Boolean).length };
  },
};
